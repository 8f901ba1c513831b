// DocumentViewer: a toolbar over a stack of three pages (placeholder, PdfView, TextView).
// It routes calls to the view of the current mode and keeps the toolbar in step with it.
#include "document_viewer.h"

#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "pdf_view.h"
#include "text_view.h"
#include "viewer_toolbar.h"
#include "zoom_levels.h"

namespace lectern::ui {

DocumentViewer::DocumentViewer(QWidget* parent) : QWidget(parent) {
    m_toolbar = new ViewerToolbar(this);
    m_placeholder = new QLabel;
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    m_placeholder->setAccessibleName(tr("No document"));
    m_pdf = new PdfView;
    m_text = new TextView;
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_pdf);
    m_stack->addWidget(m_text);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_stack, 1);

    connect(m_pdf, &PdfView::opened, this, [this](int pageCount) {
        m_toolbar->setPage(m_pdf->currentPage(), pageCount);
        emit pdfOpened(pageCount);
    });
    connect(m_pdf, &PdfView::openFailed, this, [this](const QString& message, bool needsPassword) {
        showPlaceholder(message);
        emit openFailed(message, needsPassword);
    });
    connect(m_pdf, &PdfView::pageShown, this, [this](int page) {
        m_toolbar->setPage(page, m_pdf->pageCount());
        emit pageShown(page);
    });
    connect(m_pdf, &PdfView::pageRendered, this, &DocumentViewer::pageRendered);
    connect(m_pdf, &PdfView::highlighted, this, &DocumentViewer::highlighted);
    connect(m_pdf, &PdfView::zoomChanged, m_toolbar, &ViewerToolbar::setZoom);

    connect(m_toolbar, &ViewerToolbar::previousClicked, this, [this] { showPage(currentPage() - 1); });
    connect(m_toolbar, &ViewerToolbar::nextClicked, this, [this] { showPage(currentPage() + 1); });
    connect(m_toolbar, &ViewerToolbar::pageEntered, this, &DocumentViewer::showPage);
    connect(m_toolbar, &ViewerToolbar::zoomOutClicked, this, [this] { stepZoom(-1); });
    connect(m_toolbar, &ViewerToolbar::zoomInClicked, this, [this] { stepZoom(1); });
    connect(m_toolbar, &ViewerToolbar::fitWidthClicked, m_pdf, &PdfView::fitWidth);
    addShortcuts();
    clear();
}

DocumentViewer::~DocumentViewer() = default;

void DocumentViewer::addShortcuts() {
    const QList<QKeySequence> zoomIn = {QKeySequence(QKeySequence::ZoomIn), QKeySequence(Qt::CTRL | Qt::Key_Equal)};
    for (const QKeySequence& keys : zoomIn) {
        auto* shortcut = new QShortcut(keys, this, [this] { stepZoom(1); });
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    }
    auto* zoomOut = new QShortcut(QKeySequence(QKeySequence::ZoomOut), this, [this] { stepZoom(-1); });
    zoomOut->setContext(Qt::WidgetWithChildrenShortcut);
    auto* actualSize = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] { setZoom(1.0); });
    actualSize->setContext(Qt::WidgetWithChildrenShortcut);
}

void DocumentViewer::setMode(Mode mode) {
    m_mode = mode;
    m_toolbar->setVisible(mode != Mode::Placeholder);
    m_toolbar->setPageControlsVisible(mode == Mode::Pdf);
    m_toolbar->setZoom(zoom());
    switch (mode) {
    case Mode::Placeholder:
        m_stack->setCurrentWidget(m_placeholder);
        break;
    case Mode::Pdf:
        m_stack->setCurrentWidget(m_pdf);
        break;
    case Mode::Text:
        m_stack->setCurrentWidget(m_text);
        break;
    }
}

void DocumentViewer::showPlaceholder(const QString& message) {
    m_placeholder->setText(message);
    m_toolbar->setTitle(QString());
    setMode(Mode::Placeholder);
}

void DocumentViewer::openPdf(const QString& path, const QString& password) {
    m_text->clear();
    m_toolbar->setTitle(QFileInfo(path).fileName());
    m_toolbar->setPage(0, 0);
    setMode(Mode::Pdf);
    m_pdf->open(path, password);
}

void DocumentViewer::fitWidth() {
    if (m_mode == Mode::Pdf) m_pdf->fitWidth();
}

void DocumentViewer::openFiles(const QString& title, const QList<ViewerFile>& files, bool lineNumbers) {
    m_pdf->close();
    if (files.isEmpty()) {
        showPlaceholder(tr("%1 has no text to show").arg(title));
        return;
    }
    m_text->setFiles(files, lineNumbers);
    m_toolbar->setTitle(title);
    setMode(Mode::Text);
}

void DocumentViewer::clear() {
    m_pdf->close();
    m_text->clear();
    showPlaceholder(tr("Drop a PDF, a folder of code or a text file"));
}

void DocumentViewer::showPage(int page) {
    if (m_mode == Mode::Pdf)
        m_pdf->showPage(page);
}

void DocumentViewer::showFileLine(const QString& path, int line) {
    if (m_mode == Mode::Text)
        m_text->showFileLine(path, line);
}

void DocumentViewer::highlight(int page, const QString& words) {
    if (m_mode == Mode::Pdf)
        m_pdf->highlight(page, words);
    else
        emit highlighted(page, m_mode == Mode::Text ? m_text->highlight(words) : 0);
}

void DocumentViewer::highlightBox(int page, const QRectF& box) {
    if (m_mode == Mode::Pdf)
        m_pdf->highlightBox(page, box);
    else
        emit highlighted(page, 0);
}

int DocumentViewer::currentPage() const {
    return m_mode == Mode::Pdf ? m_pdf->currentPage() : 0;
}

int DocumentViewer::pageCount() const {
    return m_mode == Mode::Pdf ? m_pdf->pageCount() : 0;
}

double DocumentViewer::zoom() const {
    return m_mode == Mode::Text ? m_text->zoom() : m_pdf->zoom();
}

void DocumentViewer::setZoom(double factor) {
    factor = clampZoom(factor);
    if (m_mode == Mode::Text)
        m_text->setZoom(factor);
    else
        m_pdf->setZoom(factor);
    m_toolbar->setZoom(zoom());
}

void DocumentViewer::stepZoom(int direction) {
    setZoom(lectern::ui::stepZoom(zoom(), direction));
}

QString DocumentViewer::currentFile() const {
    return m_mode == Mode::Text ? m_text->currentFile() : QString();
}

int DocumentViewer::currentLine() const {
    return m_mode == Mode::Text ? m_text->currentLine() : 0;
}

QList<QRectF> DocumentViewer::highlightRects() const {
    return m_mode == Mode::Pdf ? m_pdf->highlightRects() : QList<QRectF>();
}

QSize DocumentViewer::renderedImageSize() const {
    return m_mode == Mode::Pdf ? m_pdf->renderedImageSize() : QSize();
}

bool DocumentViewer::isRendering() const {
    return m_mode == Mode::Pdf && m_pdf->isRendering();
}

}  // namespace lectern::ui
