// PageCanvas: one PDF page on screen. It is sized from the page's size in points and the
// zoom, draws the latest rendered image scaled into that box (so a zoom shows the old image
// until the sharp one arrives) and the highlight boxes, given in page points, on top.
#pragma once

#include <QImage>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QWidget>

namespace lectern::ui {

class PageCanvas : public QWidget {
    Q_OBJECT
public:
    explicit PageCanvas(QWidget* parent = nullptr);

    // The page's size in points and how many widget pixels one point takes.
    void setPageGeometry(const QSizeF& points, double pixelsPerPoint);
    void setImage(const QImage& image);
    // Drops the image; `message` is shown on the blank page instead.
    void clearImage(const QString& message);
    void setHighlights(const QList<QRectF>& rects);

    bool hasImage() const { return !m_image.isNull(); }
    QSize imageSize() const { return m_image.size(); }
    // A box in page points, in this widget's coordinates.
    QRect toWidget(const QRectF& points) const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QSizeF m_points;
    double m_pixelsPerPoint = 1.0;
    QImage m_image;
    QString m_message;
    QList<QRectF> m_highlights;
};

}  // namespace lectern::ui
