// PdfRenderService: every Poppler call of the window, made on the service's own thread one
// at a time. Failures become openFailed/renderFailed signals with a sentence the user can
// act on; nothing thrown inside Poppler or by a failed allocation leaves this file.
#include "pdf_render_service.h"

#include <QFileInfo>
#include <QLoggingCategory>

#include <poppler-qt6.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>

namespace lectern::ui {

namespace {

// Renders above this many pixels are drawn at a lower DPI and scaled up on screen: a poster
// page at 800 % would otherwise ask for gigabytes.
constexpr double kMaxRenderPixels = 32.0 * 1024.0 * 1024.0;

// Runs `work`; an exception becomes a call of `failure` with its message.
template <typename Work, typename Failure>
void guarded(Work&& work, Failure&& failure) {
    try {
        work();
    } catch (const std::exception& e) {
        failure(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        failure(QStringLiteral("unexpected error"));
    }
}

Q_LOGGING_CATEGORY(lcPoppler, "lectern.viewer.poppler", QtWarningMsg)

// Poppler reports every damaged object it meets; the user learns what matters from
// openFailed and renderFailed, so its messages go to a category that is off by default.
std::atomic<PdfRenderService::MessageSink> messageSink{nullptr};

void popplerMessage(const QString& message, const QVariant&) {
    qCDebug(lcPoppler).noquote() << message;
    if (const auto sink = messageSink.load()) sink(message.toStdString());
}

QString displayName(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    return name.isEmpty() ? path : name;
}

}  // namespace

struct PdfRenderService::Document {
    std::unique_ptr<Poppler::Document> pdf;
    quint64 generation = 0;
};

PdfRenderService::PdfRenderService(QObject* parent) : QObject(parent) {
    static std::once_flag routed;
    std::call_once(routed, [] { Poppler::setDebugErrorFunction(popplerMessage, QVariant()); });
}

PdfRenderService::~PdfRenderService() = default;

void PdfRenderService::setPopplerMessageSink(MessageSink sink) { messageSink.store(sink); }

void PdfRenderService::markWanted(quint64 generation, quint64 pageTicket) {
    m_wantedGeneration.store(generation);
    m_wantedPageTicket.store(pageTicket);
}

bool PdfRenderService::isStale(quint64 generation) const {
    return generation != m_wantedGeneration.load() || !m_document || m_document->generation != generation;
}

void PdfRenderService::open(quint64 generation, const QString& path, const QString& password) {
    m_document.reset();
    if (generation != m_wantedGeneration.load())
        return;
    guarded([&] { openDocument(generation, path, password); },
            [&](const QString& why) {
                m_document.reset();
                emit openFailed(generation, tr("%1 could not be opened: %2").arg(displayName(path), why), false);
            });
}

void PdfRenderService::openDocument(quint64 generation, const QString& path, const QString& password) {
    const QString name = displayName(path);
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile()) {
        emit openFailed(generation, tr("%1 could not be found").arg(name), false);
        return;
    }
    if (!info.isReadable()) {
        emit openFailed(generation, tr("%1 cannot be read: permission denied").arg(name), false);
        return;
    }
    const QByteArray utf8 = password.toUtf8();
    std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(path, utf8, utf8);
    if (!pdf) {
        emit openFailed(generation, tr("%1 is not a readable PDF (it is damaged or not a PDF)").arg(name), false);
        return;
    }
    // Older encryption takes Latin-1 passwords; AES-256 takes UTF-8.
    const QByteArray latin1 = password.toLatin1();
    if (pdf->isLocked() && !password.isEmpty() && latin1 != utf8)
        pdf->unlock(latin1, latin1);
    if (pdf->isLocked()) {
        const QString message = password.isEmpty()
                                    ? tr("%1 is locked: enter its password").arg(name)
                                    : tr("%1 is locked and that password is wrong: enter its password").arg(name);
        emit openFailed(generation, message, true);
        return;
    }
    const int pageCount = pdf->numPages();
    if (pageCount <= 0) {
        emit openFailed(generation, tr("%1 is not a readable PDF (it has no pages)").arg(name), false);
        return;
    }
    pdf->setRenderHint(Poppler::Document::Antialiasing);
    pdf->setRenderHint(Poppler::Document::TextAntialiasing);
    pdf->setRenderHint(Poppler::Document::ThinLineSolid);

    PdfLayout layout;
    layout.pageCount = pageCount;
    layout.labels.reserve(pageCount);
    layout.pageSizes.reserve(pageCount);
    for (int i = 0; i < pageCount; ++i) {
        const std::unique_ptr<Poppler::Page> page = pdf->page(i);
        // A page Poppler cannot parse still takes a slot; it fails when rendered.
        layout.labels.append(page ? page->label() : QString());
        layout.pageSizes.append(page ? page->pageSizeF() : QSizeF(612.0, 792.0));
    }
    m_document = std::make_unique<Document>();
    m_document->pdf = std::move(pdf);
    m_document->generation = generation;
    emit opened(generation, layout);
}

void PdfRenderService::close() {
    m_document.reset();
}

QImage PdfRenderService::renderImage(int page, double dpi, QString* error) const {
    if (page < 1 || page > m_document->pdf->numPages()) {
        *error = tr("there is no page %1").arg(page);
        return {};
    }
    const std::unique_ptr<Poppler::Page> pdfPage = m_document->pdf->page(page - 1);
    if (!pdfPage) {
        *error = tr("page %1 is damaged").arg(page);
        return {};
    }
    const QSizeF points = pdfPage->pageSizeF();
    const double pixels = points.width() * points.height() * (dpi / 72.0) * (dpi / 72.0);
    if (pixels > kMaxRenderPixels)
        dpi *= std::sqrt(kMaxRenderPixels / pixels);
    QImage image = pdfPage->renderToImage(dpi, dpi);
    if (image.isNull())
        *error = tr("page %1 could not be drawn").arg(page);
    return image;
}

void PdfRenderService::renderPage(quint64 generation, quint64 ticket, int page, double dpi) {
    if (isStale(generation) || ticket < m_wantedPageTicket.load())
        return;
    auto fail = [&](const QString& why) { emit renderFailed(generation, ticket, page, why); };
    guarded(
        [&] {
            QString error;
            const QImage image = renderImage(page, dpi, &error);
            if (image.isNull())
                fail(error);
            else
                emit pageRendered(generation, ticket, page, image);
        },
        fail);
}

void PdfRenderService::renderThumbnail(quint64 generation, int page, int width) {
    if (isStale(generation) || page < 1 || page > m_document->pdf->numPages() || width <= 0)
        return;
    guarded(
        [&] {
            const std::unique_ptr<Poppler::Page> pdfPage = m_document->pdf->page(page - 1);
            if (!pdfPage)
                return;
            const double pageWidth = std::max(1.0, pdfPage->pageSizeF().width());
            const QImage image = pdfPage->renderToImage(width * 72.0 / pageWidth, width * 72.0 / pageWidth);
            if (!image.isNull())
                emit thumbnailRendered(generation, page, image);
        },
        [](const QString&) {});
}

void PdfRenderService::search(quint64 generation, quint64 ticket, int page, const QString& words) {
    if (isStale(generation))
        return;
    QList<QRectF> rects;
    guarded(
        [&] {
            const QString needle = words.simplified();
            if (needle.isEmpty() || page < 1 || page > m_document->pdf->numPages())
                return;
            const std::unique_ptr<Poppler::Page> pdfPage = m_document->pdf->page(page - 1);
            if (pdfPage)
                rects = pdfPage->search(needle, Poppler::Page::IgnoreCase | Poppler::Page::AcrossLines);
        },
        [&](const QString&) { rects.clear(); });
    emit searched(generation, ticket, page, rects);
}

}  // namespace lectern::ui
