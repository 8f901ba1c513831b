// PdfRenderService: the only place in the window that talks to Poppler. It lives on its own
// thread (PdfView moves it there), owns the open document and answers one request at a
// time: open or unlock, render a page or a thumbnail, search a page for words. Requests are
// posted to it with QMetaObject::invokeMethod; results come back as signals tagged with the
// document's generation, so that the caller can drop results for a document it has left.
// No Poppler type appears in this header.
#pragma once

#include <QImage>
#include <QList>
#include <QObject>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <string>

namespace lectern::ui {

// What an opened document looks like to the window.
struct PdfLayout {
    int pageCount = 0;
    QStringList labels;       // one per page; empty when the PDF gives the page no label
    QList<QSizeF> pageSizes;  // one per page, in points (1/72 inch)
};

class PdfRenderService : public QObject {
    Q_OBJECT
public:
    explicit PdfRenderService(QObject* parent = nullptr);
    ~PdfRenderService() override;

    // Poppler keeps one process-wide handler for its messages, and whichever library opened
    // a document last installs its own. Once the viewer has opened a PDF, the messages of a
    // PDF being read for a task on another thread arrive at the viewer's handler; it hands
    // each to `sink` (set once, before any document is opened), which gives them back to
    // the reader of that thread.
    using MessageSink = void (*)(const std::string& message);
    static void setPopplerMessageSink(MessageSink sink);

    // Thread-safe: the newest document generation and page-render ticket the caller still
    // wants. Requests older than these are skipped without touching Poppler.
    void markWanted(quint64 generation, quint64 pageTicket);

    // The calls below run on the service's thread only. Pages are 1-based.
    void open(quint64 generation, const QString& path, const QString& password);
    void close();
    void renderPage(quint64 generation, quint64 ticket, int page, double dpi);
    void renderThumbnail(quint64 generation, int page, int width);
    void search(quint64 generation, quint64 ticket, int page, const QString& words);

signals:
    void opened(quint64 generation, const lectern::ui::PdfLayout& layout);
    void openFailed(quint64 generation, const QString& message, bool needsPassword);
    void pageRendered(quint64 generation, quint64 ticket, int page, const QImage& image);
    void renderFailed(quint64 generation, quint64 ticket, int page, const QString& message);
    void thumbnailRendered(quint64 generation, int page, const QImage& image);
    // Boxes in page points, origin at the page's top left.
    void searched(quint64 generation, quint64 ticket, int page, const QList<QRectF>& rects);

private:
    struct Document;

    bool isStale(quint64 generation) const;
    void openDocument(quint64 generation, const QString& path, const QString& password);
    QImage renderImage(int page, double dpi, QString* error) const;

    std::unique_ptr<Document> m_document;
    std::atomic<quint64> m_wantedGeneration{0};
    std::atomic<quint64> m_wantedPageTicket{0};
};

}  // namespace lectern::ui
