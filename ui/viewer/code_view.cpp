// CodeView: the gutter asks the editor to paint it, because only the editor knows where
// each visible block sits; its width follows the number of digits of the last line.
#include "code_view.h"

#include <QFontDatabase>
#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>

#include <algorithm>

namespace lectern::ui {

namespace {

class Gutter : public QWidget {
public:
    explicit Gutter(CodeView* view) : QWidget(view), m_view(view) {}
    QSize sizeHint() const override { return QSize(m_view->gutterWidth(), 0); }

protected:
    void paintEvent(QPaintEvent* event) override { m_view->paintGutter(event); }

private:
    CodeView* m_view;
};

}  // namespace

CodeView::CodeView(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setAccessibleName(tr("File text"));
    m_gutter = new Gutter(this);
    m_gutter->setAccessibleName(tr("Line numbers"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_basePointSize = fixed.pointSizeF() > 0 ? fixed.pointSizeF() : 10.0;
    setFont(fixed);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeView::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeView::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, m_gutter, qOverload<>(&QWidget::update));
    updateGutterWidth();
}

void CodeView::setLineNumbersVisible(bool visible) {
    m_lineNumbers = visible;
    m_gutter->setVisible(visible);
    updateGutterWidth();
}

void CodeView::setZoom(double factor) {
    QFont zoomed = font();
    zoomed.setPointSizeF(std::max(4.0, m_basePointSize * factor));
    setFont(zoomed);
}

int CodeView::gutterWidth() const {
    if (!m_lineNumbers)
        return 0;
    int digits = 1;
    for (int lines = std::max(1, blockCount()); lines >= 10; lines /= 10)
        ++digits;
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, digits);
}

void CodeView::updateGutterWidth() {
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect area = contentsRect();
    m_gutter->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void CodeView::updateGutter(const QRect& rect, int dy) {
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void CodeView::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    updateGutterWidth();
}

void CodeView::changeEvent(QEvent* event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange && m_gutter) {
        setTabStopDistance(4 * fontMetrics().horizontalAdvance(QLatin1Char(' ')));
        updateGutterWidth();
    }
}

void CodeView::paintGutter(QPaintEvent* event) {
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setFont(font());
    const int current = textCursor().blockNumber();
    const int lineHeight = fontMetrics().height();
    QTextBlock block = firstVisibleBlock();
    int top = int(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + int(blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            const bool isCurrent = block.blockNumber() == current;
            painter.setPen(palette().color(isCurrent ? QPalette::Text : QPalette::PlaceholderText));
            painter.drawText(0, top, m_gutter->width() - 6, lineHeight, Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
    }
}

}  // namespace lectern::ui
