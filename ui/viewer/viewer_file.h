// ViewerFile: one file the viewer shows as text, such as a source file of a code folder or
// a plain text document. The path is what the file list shows and what showFileLine()
// matches; the text is shown as it is (no decoding happens here).
#pragma once

#include <QString>

namespace lectern::ui {

struct ViewerFile {
    QString path;
    QString text;
};

}  // namespace lectern::ui
