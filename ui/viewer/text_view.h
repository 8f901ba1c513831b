// TextView: the text mode of the document viewer: a list of files (shown only when there is
// more than one) beside a CodeView. It marks a cited line and highlights quoted words; a
// quote may run over several lines, since any run of white space in it matches any other.
#pragma once

#include <QList>
#include <QString>
#include <QTextEdit>
#include <QWidget>

#include "viewer_file.h"

class QListWidget;
class QSplitter;

namespace lectern::ui {

class CodeView;

class TextView : public QWidget {
    Q_OBJECT
public:
    explicit TextView(QWidget* parent = nullptr);

    void setFiles(const QList<ViewerFile>& files, bool lineNumbers);
    void clear();
    // Selects the file (exact path, else the one whose path ends with it), puts the cursor
    // on `line` (1-based, clamped), centres it and marks it. False when no file matches.
    bool showFileLine(const QString& path, int line);
    // Highlights every occurrence in the current file (case ignored) and brings the one
    // nearest the cursor into view; returns how many there are.
    int highlight(const QString& words);

    QString currentFile() const;
    int currentLine() const;  // 0 when no file is shown
    void setZoom(double factor);
    double zoom() const { return m_zoom; }

private:
    void showFile(int index);
    int findFile(const QString& path) const;
    void applySelections();

    QSplitter* m_splitter = nullptr;
    QListWidget* m_fileList = nullptr;
    CodeView* m_code = nullptr;
    QList<ViewerFile> m_files;
    int m_current = -1;
    double m_zoom = 1.0;
    QList<QTextEdit::ExtraSelection> m_lineMark;
    QList<QTextEdit::ExtraSelection> m_matches;
};

}  // namespace lectern::ui
