// PageList: the column of pages beside the PDF view. Every page gets an entry with its
// number (or its printed label) at once; thumbnails are asked for only for the entries in
// view, a moment after scrolling stops, so a long document costs nothing until browsed.
#pragma once

#include <QImage>
#include <QList>
#include <QListWidget>
#include <QSizeF>
#include <QStringList>
#include <QTimer>

#include <vector>

namespace lectern::ui {

class PageList : public QListWidget {
    Q_OBJECT
public:
    static constexpr int kThumbnailWidth = 84;  // device-independent pixels

    explicit PageList(QWidget* parent = nullptr);

    void setPages(const QStringList& labels, const QList<QSizeF>& sizes);
    void clearPages();
    // Marks `page` (1-based) as current without emitting pageChosen.
    void setCurrentPage(int page);
    void setThumbnail(int page, const QImage& image);

signals:
    void pageChosen(int page);
    // Pages in view that have no thumbnail yet and were not asked for before.
    void thumbnailsWanted(const QList<int>& pages);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void askForVisibleThumbnails();

    QTimer m_thumbnailTimer;
    std::vector<bool> m_asked;  // by page index
};

}  // namespace lectern::ui
