// DocumentViewer: the window's view of the document being read. It shows a PDF page by
// page (rendered with Poppler on the viewer's own render thread), code or text files with
// line numbers, or a placeholder when there is nothing to show, and it can bring a cited
// passage into view and highlight it. Everything that can fail is reported by signal; no
// call blocks on a render or throws.
#pragma once

#include <QList>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QWidget>

#include "viewer_file.h"

class QLabel;
class QStackedWidget;

namespace lectern::ui {

class PdfView;
class TextView;
class ViewerToolbar;

class DocumentViewer : public QWidget {
    Q_OBJECT
public:
    explicit DocumentViewer(QWidget* parent = nullptr);
    ~DocumentViewer() override;

    // A PDF from disk, rendered page by page on the viewer's render thread. The result comes
    // as pdfOpened(pageCount) or openFailed(message, needsPassword).
    void openPdf(const QString& path, const QString& password = {});
    // Files with line numbers (code) or one plain text; a file list to pick from when there
    // are several.
    void openFiles(const QString& title, const QList<ViewerFile>& files, bool lineNumbers);
    // Shows the placeholder ("Drop a PDF, a folder of code or a text file").
    void clear();
    void showPage(int page);  // 1-based; clamped; emits pageShown
    // Selects the file, scrolls to `line` (1-based) and marks the line.
    void showFileLine(const QString& path, int line);
    // Highlights `words` on PDF page `page` (shown if it is not) or in the current file.
    // Emits highlighted(page, matches); 0 matches means the words are not there.
    void highlight(int page, const QString& words);
    // Highlights a box of PDF page `page` (points from its top left: a table's row). Emits
    // highlighted(page, 1), or 0 when no PDF is shown.
    void highlightBox(int page, const QRectF& box);

    int currentPage() const;  // 0 unless a PDF is open
    int pageCount() const;    // 0 unless a PDF is open
    double zoom() const;      // 1.0 is 100 %
    void setZoom(double factor);
    // PDF: fits the page to the view's width (also after resizes) until the zoom is set.
    void fitWidth();
    QString currentFile() const;
    int currentLine() const;
    // The current page's highlight boxes in page points, origin at the top left.
    QList<QRectF> highlightRects() const;
    // Pixel size of the current page's rendered image; empty until it is rendered.
    QSize renderedImageSize() const;
    bool isRendering() const;

signals:
    void pdfOpened(int pageCount);
    void openFailed(const QString& message, bool needsPassword);
    void pageShown(int page);
    void pageRendered(int page);  // the page's image is on screen
    void highlighted(int page, int matches);

private:
    enum class Mode { Placeholder, Pdf, Text };

    void setMode(Mode mode);
    void showPlaceholder(const QString& message);
    void stepZoom(int direction);
    void addShortcuts();

    Mode m_mode = Mode::Placeholder;
    ViewerToolbar* m_toolbar = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    PdfView* m_pdf = nullptr;
    TextView* m_text = nullptr;
};

}  // namespace lectern::ui
