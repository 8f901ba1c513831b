// PageList: page entries with lazily filled thumbnails. Rows are checked against the
// viewport after a short pause so that a fast scroll through a thousand pages asks the
// render thread only for the pages it stops on.
#include "page_list.h"

#include <QPainter>
#include <QPixmap>
#include <QScrollBar>

#include <cmath>

namespace lectern::ui {

namespace {

constexpr int kThumbnailDelayMs = 120;
constexpr double kThumbnailAspect = 1.42;  // box height / width: an A4 portrait page fills it

}  // namespace

PageList::PageList(QWidget* parent) : QListWidget(parent) {
    setAccessibleName(tr("Pages"));
    setToolTip(tr("Pages: click one to show it"));
    setViewMode(QListView::IconMode);
    setFlow(QListView::TopToBottom);
    setWrapping(false);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSpacing(4);
    setIconSize(QSize(kThumbnailWidth, int(std::lround(kThumbnailWidth * kThumbnailAspect))));
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFixedWidth(kThumbnailWidth + 44);

    m_thumbnailTimer.setSingleShot(true);
    m_thumbnailTimer.setInterval(kThumbnailDelayMs);
    connect(&m_thumbnailTimer, &QTimer::timeout, this, &PageList::askForVisibleThumbnails);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, &m_thumbnailTimer, qOverload<>(&QTimer::start));
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            emit pageChosen(row + 1);
    });
}

void PageList::setPages(const QStringList& labels, const QList<QSizeF>& sizes) {
    clearPages();
    // Until its thumbnail comes, each entry shows a blank page shaped like the first page.
    const QSize box = iconSize();
    QPixmap blank(box);
    blank.fill(Qt::transparent);
    if (!sizes.isEmpty() && sizes.first().width() > 0) {
        const QSizeF first = sizes.first().scaled(QSizeF(box), Qt::KeepAspectRatio);
        QPainter painter(&blank);
        painter.fillRect(QRectF(QPointF((box.width() - first.width()) / 2, (box.height() - first.height()) / 2), first),
                         Qt::white);
    }
    const QIcon placeholder(blank);
    const QSignalBlocker blocker(this);
    for (int i = 0; i < int(sizes.size()); ++i) {
        const QString number = QString::number(i + 1);
        const QString label = i < labels.size() ? labels.at(i) : QString();
        auto* item = new QListWidgetItem(placeholder, label.isEmpty() ? number : label, this);
        item->setTextAlignment(Qt::AlignHCenter);
        item->setToolTip(tr("Page %1").arg(number));
    }
    m_asked.assign(std::size_t(sizes.size()), false);
    m_thumbnailTimer.start();
}

void PageList::clearPages() {
    const QSignalBlocker blocker(this);
    m_thumbnailTimer.stop();
    clear();
    m_asked.clear();
}

void PageList::setCurrentPage(int page) {
    if (page < 1 || page > count() || currentRow() == page - 1)
        return;
    const QSignalBlocker blocker(this);
    setCurrentRow(page - 1);
    scrollToItem(item(page - 1));
    m_thumbnailTimer.start();
}

void PageList::setThumbnail(int page, const QImage& image) {
    if (page < 1 || page > count() || image.isNull())
        return;
    item(page - 1)->setIcon(QIcon(QPixmap::fromImage(image)));
}

void PageList::resizeEvent(QResizeEvent* event) {
    QListWidget::resizeEvent(event);
    m_thumbnailTimer.start();
}

void PageList::showEvent(QShowEvent* event) {
    QListWidget::showEvent(event);
    m_thumbnailTimer.start();
}

void PageList::askForVisibleThumbnails() {
    if (!isVisible())
        return;
    const QRect view = viewport()->rect();
    QList<int> pages;
    bool seen = false;
    for (int row = 0; row < count(); ++row) {
        const bool visible = visualItemRect(item(row)).intersects(view);
        if (!visible && seen)
            break;  // rows are laid out top to bottom: nothing further down is in view
        seen = seen || visible;
        if (visible && !m_asked[std::size_t(row)]) {
            m_asked[std::size_t(row)] = true;
            pages.append(row + 1);
        }
    }
    if (!pages.isEmpty())
        emit thumbnailsWanted(pages);
}

}  // namespace lectern::ui
