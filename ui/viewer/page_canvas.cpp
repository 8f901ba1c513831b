// PageCanvas: paints the page image, a blank page with a short message while there is none,
// and translucent yellow boxes over the words being shown.
#include "page_canvas.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace lectern::ui {

PageCanvas::PageCanvas(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Page"));
}

void PageCanvas::setPageGeometry(const QSizeF& points, double pixelsPerPoint) {
    m_points = points;
    m_pixelsPerPoint = pixelsPerPoint;
    const QSize size(std::max(1, int(std::lround(points.width() * pixelsPerPoint))),
                     std::max(1, int(std::lround(points.height() * pixelsPerPoint))));
    if (size != this->size())
        setFixedSize(size);
    update();
}

void PageCanvas::setImage(const QImage& image) {
    m_image = image;
    m_message.clear();
    update();
}

void PageCanvas::clearImage(const QString& message) {
    m_image = QImage();
    m_message = message;
    update();
}

void PageCanvas::setHighlights(const QList<QRectF>& rects) {
    m_highlights = rects;
    update();
}

QRect PageCanvas::toWidget(const QRectF& points) const {
    const double s = m_pixelsPerPoint;
    return QRectF(points.x() * s, points.y() * s, points.width() * s, points.height() * s).toAlignedRect();
}

void PageCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    if (!m_image.isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRectF(rect()), m_image);
    } else if (!m_message.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_message);
    }
    if (m_highlights.isEmpty())
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(214, 160, 0, 200), 1.0));
    painter.setBrush(QColor(255, 221, 0, 96));
    for (const QRectF& box : m_highlights)
        painter.drawRect(toWidget(box).adjusted(-1, -1, 1, 1));
}

}  // namespace lectern::ui
