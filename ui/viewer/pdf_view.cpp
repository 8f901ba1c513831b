// PdfView: requests go to the render thread as queued calls; answers come back as queued
// signals and are checked against the current generation, page and ticket before they
// touch the screen. Poppler itself is never reached from here.
#include "pdf_view.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QScrollArea>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

#include "page_canvas.h"
#include "page_list.h"
#include "zoom_levels.h"

namespace lectern::ui {

namespace {

constexpr int kFitMargin = 24;                    // pixels of background beside a fitted page
const QSizeF kDefaultPagePoints(595.28, 841.89);  // A4, until the real size is known

}  // namespace

PdfView::PdfView(QWidget* parent) : QWidget(parent) {
    m_pageList = new PageList(this);
    m_canvas = new PageCanvas;
    m_scroll = new QScrollArea(this);
    m_scroll->setAccessibleName(tr("Page view"));
    m_scroll->setToolTip(tr("PageUp / PageDown: previous / next page"));
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setFocusPolicy(Qt::StrongFocus);
    m_scroll->setWidget(m_canvas);
    m_scroll->installEventFilter(this);
    m_scroll->viewport()->installEventFilter(this);
    setFocusProxy(m_scroll);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_pageList);
    layout->addWidget(m_scroll, 1);

    connect(m_pageList, &PageList::pageChosen, this, &PdfView::showPage);
    connect(m_pageList, &PageList::thumbnailsWanted, this, &PdfView::requestThumbnails);

    m_thread.setObjectName(QStringLiteral("lectern-pdf-render"));
    m_service = new PdfRenderService;
    m_service->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_service, &QObject::deleteLater);
    connectService();
    m_thread.start();
    startOver(State::Closed);
}

PdfView::~PdfView() {
    // Queued requests are abandoned; the service (and the document) is deleted on its thread.
    m_service->markWanted(~quint64(0), ~quint64(0));
    m_thread.quit();
    m_thread.wait();
}

void PdfView::connectService() {
    connect(m_service, &PdfRenderService::opened, this, &PdfView::onOpened);
    connect(m_service, &PdfRenderService::openFailed, this, &PdfView::onOpenFailed);
    connect(m_service, &PdfRenderService::pageRendered, this, &PdfView::onPageRendered);
    connect(m_service, &PdfRenderService::renderFailed, this, &PdfView::onRenderFailed);
    connect(m_service, &PdfRenderService::searched, this, &PdfView::onSearched);
    connect(m_service, &PdfRenderService::thumbnailRendered, this,
            [this](quint64 generation, int page, const QImage& image) {
                if (generation == m_generation)
                    m_pageList->setThumbnail(page, image);
            });
}

void PdfView::post(std::function<void(PdfRenderService&)> call) {
    PdfRenderService* service = m_service;
    QMetaObject::invokeMethod(service, [service, call = std::move(call)] { call(*service); }, Qt::QueuedConnection);
}

void PdfView::startOver(State state) {
    m_state = state;
    ++m_generation;
    ++m_pageTicket;
    m_service->markWanted(m_generation, m_pageTicket);
    m_shownTicket = 0;
    m_layout = PdfLayout();
    m_page = 0;
    m_renderPending = false;
    m_pendingPage = 0;
    m_pendingWordsPage = 0;
    m_pendingWords.clear();
    m_pendingBox = QRectF();
    m_highlightPage = 0;
    m_highlightRects.clear();
    m_pageList->clearPages();
    m_canvas->setHighlights({});
    m_canvas->clearImage(QString());
    layoutCanvas();
}

void PdfView::open(const QString& path, const QString& password) {
    startOver(State::Opening);
    m_canvas->clearImage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    const quint64 generation = m_generation;
    post([generation, path, password](PdfRenderService& service) { service.open(generation, path, password); });
}

void PdfView::close() {
    startOver(State::Closed);
    post([](PdfRenderService& service) { service.close(); });
}

void PdfView::onOpened(quint64 generation, const PdfLayout& layout) {
    if (generation != m_generation || m_state != State::Opening)
        return;
    m_state = State::Open;
    m_layout = layout;
    m_pageList->setPages(layout.labels, layout.pageSizes);
    emit opened(layout.pageCount);
    const int wordsPage = m_pendingWordsPage;
    const QString words = m_pendingWords;
    const QRectF box = m_pendingBox;
    showPage(m_pendingPage > 0 ? m_pendingPage : 1);
    if (wordsPage > 0 && !box.isEmpty())
        highlightBox(wordsPage, box);
    else if (wordsPage > 0)
        highlight(wordsPage, words);
}

void PdfView::onOpenFailed(quint64 generation, const QString& message, bool needsPassword) {
    if (generation != m_generation)
        return;
    startOver(State::Closed);
    m_canvas->clearImage(message);
    emit openFailed(message, needsPassword);
}

void PdfView::showPage(int page) {
    if (m_state == State::Opening) {
        m_pendingPage = page;
        return;
    }
    if (m_state != State::Open)
        return;
    page = std::clamp(page, 1, m_layout.pageCount);
    const bool changed = page != m_page;
    m_page = page;
    if (m_fitWidth && std::abs(fittedZoom() - m_zoom) >= 1e-4) {
        m_zoom = fittedZoom();  // pages of one document may differ in width
        emit zoomChanged(m_zoom);
    }
    layoutCanvas();
    if (changed) {
        m_shownTicket = 0;
        m_canvas->clearImage(tr("Rendering page %1…").arg(page));
        m_canvas->setHighlights(page == m_highlightPage ? m_highlightRects : QList<QRectF>());
        m_scroll->verticalScrollBar()->setValue(0);
        m_pageList->setCurrentPage(page);
    }
    emit pageShown(page);
    if (changed || (!m_renderPending && !m_canvas->hasImage()))
        requestRender();
    else if (!m_renderPending)
        emit pageRendered(page);
}

void PdfView::requestRender() {
    ++m_pageTicket;
    m_service->markWanted(m_generation, m_pageTicket);
    m_renderPending = true;
    const double dpi = pixelsPerPoint() * 72.0 * devicePixelRatioF();
    const quint64 generation = m_generation;
    const quint64 ticket = m_pageTicket;
    const int page = m_page;
    post([=](PdfRenderService& service) { service.renderPage(generation, ticket, page, dpi); });
}

void PdfView::onPageRendered(quint64 generation, quint64 ticket, int page, const QImage& image) {
    if (generation != m_generation || page != m_page || ticket < m_shownTicket)
        return;
    m_shownTicket = ticket;
    m_canvas->setImage(image);
    if (ticket == m_pageTicket) {
        m_renderPending = false;
        emit pageRendered(page);
    }
}

void PdfView::onRenderFailed(quint64 generation, quint64 ticket, int page, const QString& message) {
    if (generation != m_generation || page != m_page || ticket != m_pageTicket)
        return;
    m_renderPending = false;
    m_canvas->clearImage(tr("Page %1 could not be shown: %2").arg(page).arg(message));
}

void PdfView::requestThumbnails(const QList<int>& pages) {
    if (m_state != State::Open)
        return;
    const quint64 generation = m_generation;
    const int width = int(std::lround(PageList::kThumbnailWidth * devicePixelRatioF()));
    for (int page : pages)
        post([=](PdfRenderService& service) { service.renderThumbnail(generation, page, width); });
}

void PdfView::highlight(int page, const QString& words) {
    if (m_state == State::Opening) {
        m_pendingWordsPage = page;
        m_pendingWords = words;
        return;
    }
    ++m_searchTicket;
    m_highlightPage = 0;
    m_highlightRects.clear();
    m_canvas->setHighlights({});
    if (m_state != State::Open || page < 1 || page > m_layout.pageCount) {
        emit highlighted(page, 0);
        return;
    }
    showPage(page);
    const QString needle = words.simplified();
    if (needle.isEmpty()) {
        emit highlighted(page, 0);
        return;
    }
    m_highlightPage = page;
    const quint64 generation = m_generation;
    const quint64 ticket = m_searchTicket;
    post([=](PdfRenderService& service) { service.search(generation, ticket, page, needle); });
}

void PdfView::highlightBox(int page, const QRectF& box) {
    if (m_state == State::Opening) {
        m_pendingWordsPage = page;
        m_pendingBox = box;
        return;
    }
    ++m_searchTicket;  // a search still running for an earlier highlight is dropped
    m_highlightPage = 0;
    m_highlightRects.clear();
    m_canvas->setHighlights({});
    if (m_state != State::Open || page < 1 || page > m_layout.pageCount || box.isEmpty()) {
        emit highlighted(page, 0);
        return;
    }
    showPage(page);
    m_highlightPage = page;
    m_highlightRects = {box};
    m_canvas->setHighlights(m_highlightRects);
    scrollToHighlight();
    emit highlighted(page, 1);
}

void PdfView::onSearched(quint64 generation, quint64 ticket, int page, const QList<QRectF>& rects) {
    if (generation != m_generation || ticket != m_searchTicket)
        return;
    m_highlightRects = rects;
    if (page == m_page) {
        m_canvas->setHighlights(rects);
        scrollToHighlight();
    }
    emit highlighted(page, int(rects.size()));
}

QList<QRectF> PdfView::highlightRects() const {
    return m_highlightPage == m_page && m_page > 0 ? m_highlightRects : QList<QRectF>();
}

QSize PdfView::renderedImageSize() const {
    return m_canvas->imageSize();
}

void PdfView::scrollToHighlight() {
    if (m_highlightRects.isEmpty())
        return;
    const QPoint center = m_canvas->toWidget(m_highlightRects.first()).center();
    m_scroll->ensureVisible(center.x(), center.y(), m_scroll->viewport()->width() / 3,
                            m_scroll->viewport()->height() / 3);
}

void PdfView::setZoom(double factor) {
    m_fitWidth = false;
    applyZoom(clampZoom(factor));
}

void PdfView::fitWidth() {
    m_fitWidth = true;
    applyZoom(fittedZoom());
}

void PdfView::applyZoom(double factor) {
    if (std::abs(factor - m_zoom) < 1e-4)
        return;
    // Keep the same part of the page in view across the change.
    QScrollBar* horizontal = m_scroll->horizontalScrollBar();
    QScrollBar* vertical = m_scroll->verticalScrollBar();
    const double x = horizontal->maximum() > 0 ? double(horizontal->value()) / horizontal->maximum() : 0.0;
    const double y = vertical->maximum() > 0 ? double(vertical->value()) / vertical->maximum() : 0.0;
    m_zoom = factor;
    layoutCanvas();
    horizontal->setValue(int(std::lround(x * horizontal->maximum())));
    vertical->setValue(int(std::lround(y * vertical->maximum())));
    emit zoomChanged(m_zoom);
    if (m_state == State::Open && m_page > 0)
        requestRender();
}

double PdfView::fittedZoom() const {
    const QSizeF points = m_page > 0 ? m_layout.pageSizes.value(m_page - 1, kDefaultPagePoints) : kDefaultPagePoints;
    // The scroll bar's width is always set aside, so that its coming and going cannot make
    // the fitted zoom flip back and forth.
    const int available = m_scroll->width() - 2 * m_scroll->frameWidth() -
                          m_scroll->verticalScrollBar()->sizeHint().width() - kFitMargin;
    const double pointsToPixels = logicalDpiX() / 72.0;
    return clampZoom(std::max(1, available) / (std::max(1.0, points.width()) * pointsToPixels));
}

double PdfView::pixelsPerPoint() const {
    return m_zoom * logicalDpiX() / 72.0;
}

void PdfView::layoutCanvas() {
    const QSizeF points = m_page > 0 ? m_layout.pageSizes.value(m_page - 1, kDefaultPagePoints) : kDefaultPagePoints;
    m_canvas->setPageGeometry(points, pixelsPerPoint());
}

bool PdfView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_scroll && event->type() == QEvent::KeyPress && m_state == State::Open) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_PageDown || key->key() == Qt::Key_PageUp) {
            showPage(m_page + (key->key() == Qt::Key_PageDown ? 1 : -1));
            return true;
        }
    }
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize && m_fitWidth)
        applyZoom(fittedZoom());
    return QWidget::eventFilter(watched, event);
}

}  // namespace lectern::ui
