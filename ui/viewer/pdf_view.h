// PdfView: the PDF mode of the document viewer: a page list beside one page in a scroll
// area. It owns the render thread and its PdfRenderService, posts requests to it and keeps
// only the answers that still match what is on screen: a generation number per opened
// document and a ticket per page render drop everything stale.
#pragma once

#include <QList>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QThread>
#include <QWidget>

#include <functional>

#include "pdf_render_service.h"

class QScrollArea;

namespace lectern::ui {

class PageCanvas;
class PageList;

class PdfView : public QWidget {
    Q_OBJECT
public:
    explicit PdfView(QWidget* parent = nullptr);
    ~PdfView() override;

    void open(const QString& path, const QString& password);
    void close();
    // Pages are 1-based; out-of-range pages are clamped. Calls made while the document is
    // opening take effect once it is open.
    void showPage(int page);
    void highlight(int page, const QString& words);
    // Highlights `box` (page points, from the top left) on `page`: a table's row.
    void highlightBox(int page, const QRectF& box);
    void setZoom(double factor);  // leaves fit-width mode
    void fitWidth();              // fits the page to the view's width, also after resizes

    int currentPage() const { return m_page; }
    int pageCount() const { return m_layout.pageCount; }
    double zoom() const { return m_zoom; }
    bool isRendering() const { return m_renderPending; }
    QList<QRectF> highlightRects() const;
    QSize renderedImageSize() const;

signals:
    void opened(int pageCount);
    void openFailed(const QString& message, bool needsPassword);
    void pageShown(int page);
    void pageRendered(int page);
    void highlighted(int page, int matches);
    void zoomChanged(double factor);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class State { Closed, Opening, Open };

    void connectService();
    void post(std::function<void(PdfRenderService&)> call);
    void startOver(State state);
    void onOpened(quint64 generation, const PdfLayout& layout);
    void onOpenFailed(quint64 generation, const QString& message, bool needsPassword);
    void onPageRendered(quint64 generation, quint64 ticket, int page, const QImage& image);
    void onRenderFailed(quint64 generation, quint64 ticket, int page, const QString& message);
    void onSearched(quint64 generation, quint64 ticket, int page, const QList<QRectF>& rects);
    void requestRender();
    void requestThumbnails(const QList<int>& pages);
    void applyZoom(double factor);
    double fittedZoom() const;
    double pixelsPerPoint() const;
    void layoutCanvas();
    void scrollToHighlight();

    QThread m_thread;
    PdfRenderService* m_service = nullptr;  // lives on m_thread, deleted when it finishes
    PageList* m_pageList = nullptr;
    QScrollArea* m_scroll = nullptr;
    PageCanvas* m_canvas = nullptr;

    State m_state = State::Closed;
    quint64 m_generation = 0;    // one per open() or close()
    quint64 m_pageTicket = 0;    // one per page render asked for
    quint64 m_shownTicket = 0;   // the ticket of the image on the canvas
    quint64 m_searchTicket = 0;  // one per highlight()
    PdfLayout m_layout;
    int m_page = 0;
    double m_zoom = 1.0;
    bool m_fitWidth = false;
    bool m_renderPending = false;
    int m_pendingPage = 0;  // showPage() or highlight() while opening
    int m_pendingWordsPage = 0;
    QString m_pendingWords;
    QRectF m_pendingBox;  // highlightBox() while opening (with m_pendingWordsPage)
    int m_highlightPage = 0;
    QList<QRectF> m_highlightRects;
};

}  // namespace lectern::ui
