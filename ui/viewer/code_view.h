// CodeView: a read-only QPlainTextEdit in a fixed-width font with an optional gutter of line
// numbers on its left. The gutter is a child widget kept in the editor's left margin and
// repainted as the text scrolls; numbering follows text blocks, i.e. the file's lines.
#pragma once

#include <QPlainTextEdit>

namespace lectern::ui {

class CodeView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit CodeView(QWidget* parent = nullptr);

    void setLineNumbersVisible(bool visible);
    bool lineNumbersVisible() const { return m_lineNumbers; }
    // The font's size relative to the desktop's fixed-width font.
    void setZoom(double factor);

    int gutterWidth() const;
    void paintGutter(QPaintEvent* event);  // for the gutter widget

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect& rect, int dy);

    QWidget* m_gutter = nullptr;
    bool m_lineNumbers = true;
    double m_basePointSize = 10.0;
};

}  // namespace lectern::ui
