// DocumentViewer tests: PDFs are drawn with QPdfWriter into a temporary folder (their text
// is real PDF text, so Poppler finds it), an encrypted copy is made with qpdf, and every
// asynchronous answer is awaited by signal with a generous timeout for slow machines.
#include <QFile>
#include <QListWidget>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

#include "document_viewer.h"

using lectern::ui::DocumentViewer;
using lectern::ui::ViewerFile;

namespace {

constexpr int kTimeoutMs = 60000;
constexpr double kTextTop = 300.0;  // where the words of each page are drawn, in points

bool waitFor(const QSignalSpy& spy, int count = 1) {
    return QTest::qWaitFor([&] { return spy.count() >= count; }, kTimeoutMs);
}

QString pageBody(int page) {
    switch (page) {
    case 1:
        return QStringLiteral("Alpha opens the report");
    case 2:
        return QStringLiteral("Beta holds the known words here");
    default:
        return QStringLiteral("Gamma closes page %1").arg(page);
    }
}

QString codeLines(const QString& name, int lines) {
    QStringList text;
    for (int i = 1; i <= lines; ++i)
        text << QStringLiteral("int %1_%2 = %2;  // line %2").arg(name).arg(i);
    return text.join(QLatin1Char('\n'));
}

}  // namespace

class DocumentViewerTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void opensPdfAndRendersFirstPage();
    void showPageRendersAndClamps();
    void highlightFindsWordsOnTheirPage();
    void highlightReportsWordsThatAreNotThere();
    void highlightAskedWhileOpeningWaitsForTheDocument();
    void lockedPdfNeedsItsPassword();
    void unreadableFilesFailWithoutPassword();
    void laterOpenWinsOverEarlierOne();
    void pageKeysTurnPages();
    void zoomChangesRenderedImageSize();
    void toolbarTurnsPagesAndZooms();
    void openFilesShowsCitedLine();
    void highlightInTextMatchesAcrossLines();
    void clearShowsPlaceholder();

private:
    QString writePdf(const QString& name, int pages);
    void openAndWait(const QString& path);

    QTemporaryDir m_dir;
    QString m_threePages;
    QString m_fivePages;
    std::unique_ptr<DocumentViewer> m_viewer;
};

QString DocumentViewerTest::writePdf(const QString& name, int pages) {
    const QString path = m_dir.filePath(name);
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
    writer.setResolution(72);  // painter units are points
    QPainter painter(&writer);
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 16));
    for (int page = 1; page <= pages; ++page) {
        if (page > 1)
            writer.newPage();
        painter.drawText(QPointF(72, 72), QStringLiteral("Page %1").arg(page));
        painter.drawText(QPointF(72, kTextTop), pageBody(page));
    }
    painter.end();
    return path;
}

void DocumentViewerTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_threePages = writePdf(QStringLiteral("report.pdf"), 3);
    m_fivePages = writePdf(QStringLiteral("five.pdf"), 5);
    QVERIFY(QFileInfo(m_threePages).size() > 0);
}

void DocumentViewerTest::init() {
    m_viewer = std::make_unique<DocumentViewer>();
    m_viewer->resize(900, 700);
    m_viewer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_viewer.get()));
}

void DocumentViewerTest::cleanup() {
    m_viewer.reset();
}

void DocumentViewerTest::openAndWait(const QString& path) {
    QSignalSpy opened(m_viewer.get(), &DocumentViewer::pdfOpened);
    QSignalSpy rendered(m_viewer.get(), &DocumentViewer::pageRendered);
    m_viewer->openPdf(path);
    QVERIFY(waitFor(opened));
    QVERIFY(waitFor(rendered));
}

void DocumentViewerTest::opensPdfAndRendersFirstPage() {
    QSignalSpy opened(m_viewer.get(), &DocumentViewer::pdfOpened);
    QSignalSpy shown(m_viewer.get(), &DocumentViewer::pageShown);
    QSignalSpy rendered(m_viewer.get(), &DocumentViewer::pageRendered);
    m_viewer->openPdf(m_threePages);
    QVERIFY(waitFor(opened));
    QCOMPARE(opened.at(0).at(0).toInt(), 3);
    QCOMPARE(m_viewer->pageCount(), 3);
    QVERIFY(waitFor(rendered));
    QCOMPARE(shown.at(0).at(0).toInt(), 1);
    QCOMPARE(rendered.at(0).at(0).toInt(), 1);
    QCOMPARE(m_viewer->currentPage(), 1);
    QVERIFY(!m_viewer->isRendering());
    QVERIFY(!m_viewer->renderedImageSize().isEmpty());
}

void DocumentViewerTest::showPageRendersAndClamps() {
    openAndWait(m_threePages);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy shown(m_viewer.get(), &DocumentViewer::pageShown);
    QSignalSpy rendered(m_viewer.get(), &DocumentViewer::pageRendered);
    m_viewer->showPage(2);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shown.at(0).at(0).toInt(), 2);
    QVERIFY(m_viewer->isRendering());
    QVERIFY(waitFor(rendered));
    QCOMPARE(rendered.at(0).at(0).toInt(), 2);
    QCOMPARE(m_viewer->currentPage(), 2);

    m_viewer->showPage(99);
    QCOMPARE(m_viewer->currentPage(), 3);
    QCOMPARE(shown.last().at(0).toInt(), 3);
    m_viewer->showPage(-4);
    QCOMPARE(m_viewer->currentPage(), 1);
    QVERIFY(waitFor(rendered, 2));
    QCOMPARE(rendered.last().at(0).toInt(), 1);  // the render for page 3 was dropped or superseded
}

void DocumentViewerTest::highlightFindsWordsOnTheirPage() {
    openAndWait(m_threePages);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy highlighted(m_viewer.get(), &DocumentViewer::highlighted);
    m_viewer->highlight(2, QStringLiteral("the  known\nwords"));
    QVERIFY(waitFor(highlighted));
    QCOMPARE(highlighted.at(0).at(0).toInt(), 2);
    QVERIFY(highlighted.at(0).at(1).toInt() > 0);
    QCOMPARE(m_viewer->currentPage(), 2);

    const QList<QRectF> rects = m_viewer->highlightRects();
    QVERIFY(!rects.isEmpty());
    const QRectF page(QPointF(0, 0), QPageSize(QPageSize::A4).sizePoints());
    for (const QRectF& box : rects) {
        QVERIFY2(page.contains(box), qPrintable(QStringLiteral("box %1,%2 %3x%4 is off the page")
                                                    .arg(box.x()).arg(box.y()).arg(box.width()).arg(box.height())));
        QVERIFY(box.width() > 20 && box.height() > 4);
        // The words sit on the baseline at kTextTop, 16 points high.
        QVERIFY(box.top() > kTextTop - 30 && box.bottom() < kTextTop + 10);
        QVERIFY(box.left() > 72);
    }
}

void DocumentViewerTest::highlightReportsWordsThatAreNotThere() {
    openAndWait(m_threePages);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy highlighted(m_viewer.get(), &DocumentViewer::highlighted);
    m_viewer->highlight(2, QStringLiteral("Gamma closes"));  // on page 3, not on page 2
    QVERIFY(waitFor(highlighted));
    QCOMPARE(highlighted.at(0).at(0).toInt(), 2);
    QCOMPARE(highlighted.at(0).at(1).toInt(), 0);
    QVERIFY(m_viewer->highlightRects().isEmpty());

    m_viewer->highlight(3, QStringLiteral("gamma CLOSES"));
    QVERIFY(waitFor(highlighted, 2));
    QCOMPARE(highlighted.at(1).at(0).toInt(), 3);
    QVERIFY(highlighted.at(1).at(1).toInt() > 0);

    m_viewer->highlight(7, QStringLiteral("Alpha"));  // no such page
    QVERIFY(waitFor(highlighted, 3));
    QCOMPARE(highlighted.at(2).at(1).toInt(), 0);
}

void DocumentViewerTest::highlightAskedWhileOpeningWaitsForTheDocument() {
    QSignalSpy highlighted(m_viewer.get(), &DocumentViewer::highlighted);
    m_viewer->openPdf(m_threePages);
    m_viewer->highlight(2, QStringLiteral("known words"));
    QVERIFY(waitFor(highlighted));
    QCOMPARE(highlighted.at(0).at(0).toInt(), 2);
    QVERIFY(highlighted.at(0).at(1).toInt() > 0);
    QCOMPARE(m_viewer->currentPage(), 2);
}

void DocumentViewerTest::lockedPdfNeedsItsPassword() {
    const QString qpdf = QStandardPaths::findExecutable(QStringLiteral("qpdf"));
    if (qpdf.isEmpty())
        QSKIP("qpdf is not installed: no encrypted PDF can be made");
    const QString locked = m_dir.filePath(QStringLiteral("locked.pdf"));
    QProcess process;
    process.start(qpdf, {QStringLiteral("--encrypt"), QStringLiteral("userpw"), QStringLiteral("ownerpw"),
                         QStringLiteral("256"), QStringLiteral("--"), m_threePages, locked});
    QVERIFY(process.waitForFinished(kTimeoutMs));
    QCOMPARE(process.exitCode(), 0);

    QSignalSpy failed(m_viewer.get(), &DocumentViewer::openFailed);
    QSignalSpy opened(m_viewer.get(), &DocumentViewer::pdfOpened);
    m_viewer->openPdf(locked);
    QVERIFY(waitFor(failed));
    QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("locked.pdf is locked")));
    QCOMPARE(failed.at(0).at(1).toBool(), true);

    m_viewer->openPdf(locked, QStringLiteral("wrong"));
    QVERIFY(waitFor(failed, 2));
    QCOMPARE(failed.at(1).at(1).toBool(), true);
    QCOMPARE(opened.count(), 0);

    m_viewer->openPdf(locked, QStringLiteral("userpw"));
    QVERIFY(waitFor(opened));
    QCOMPARE(opened.at(0).at(0).toInt(), 3);
    QCOMPARE(failed.count(), 2);
}

void DocumentViewerTest::unreadableFilesFailWithoutPassword() {
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.pdf"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("%PDF-1.4\nthis is not really a PDF at all\n");
    file.close();

    QSignalSpy failed(m_viewer.get(), &DocumentViewer::openFailed);
    m_viewer->openPdf(garbage);
    QVERIFY(waitFor(failed));
    QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("garbage.pdf is not a readable PDF")));
    QCOMPARE(failed.at(0).at(1).toBool(), false);
    QCOMPARE(m_viewer->pageCount(), 0);

    m_viewer->openPdf(m_dir.filePath(QStringLiteral("missing.pdf")));
    QVERIFY(waitFor(failed, 2));
    QCOMPARE(failed.at(1).at(1).toBool(), false);
    QVERIFY(failed.at(1).at(0).toString().contains(QStringLiteral("missing.pdf")));
}

void DocumentViewerTest::laterOpenWinsOverEarlierOne() {
    QSignalSpy opened(m_viewer.get(), &DocumentViewer::pdfOpened);
    m_viewer->openPdf(m_fivePages);
    m_viewer->openPdf(m_threePages);
    QVERIFY(waitFor(opened));
    QTest::qWait(500);  // time for a stale answer to arrive, were it not dropped
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toInt(), 3);
    QCOMPARE(m_viewer->pageCount(), 3);
}

void DocumentViewerTest::pageKeysTurnPages() {
    openAndWait(m_threePages);
    if (QTest::currentTestFailed())
        return;
    auto* scroll = m_viewer->findChild<QScrollArea*>();
    QVERIFY(scroll);
    QTest::keyClick(scroll, Qt::Key_PageDown);
    QCOMPARE(m_viewer->currentPage(), 2);
    QTest::keyClick(scroll, Qt::Key_PageDown);
    QTest::keyClick(scroll, Qt::Key_PageDown);
    QCOMPARE(m_viewer->currentPage(), 3);
    QTest::keyClick(scroll, Qt::Key_PageUp);
    QCOMPARE(m_viewer->currentPage(), 2);
}

void DocumentViewerTest::zoomChangesRenderedImageSize() {
    openAndWait(m_threePages);
    if (QTest::currentTestFailed())
        return;
    m_viewer->setZoom(1.0);
    const QSize atOne = m_viewer->renderedImageSize();
    QVERIFY(atOne.width() > 100);

    QSignalSpy rendered(m_viewer.get(), &DocumentViewer::pageRendered);
    m_viewer->setZoom(2.0);
    QCOMPARE(m_viewer->zoom(), 2.0);
    QVERIFY(m_viewer->isRendering());
    QVERIFY(waitFor(rendered));
    const QSize atTwo = m_viewer->renderedImageSize();
    QVERIFY2(qAbs(atTwo.width() - 2 * atOne.width()) <= 2,
             qPrintable(QStringLiteral("%1 px at 100 %, %2 px at 200 %").arg(atOne.width()).arg(atTwo.width())));
    QVERIFY(qAbs(atTwo.height() - 2 * atOne.height()) <= 2);

    m_viewer->setZoom(100.0);  // clamped
    QVERIFY(m_viewer->zoom() <= 8.0);
}

void DocumentViewerTest::toolbarTurnsPagesAndZooms() {
    openAndWait(m_threePages);
    if (QTest::currentTestFailed())
        return;
    QToolButton* zoomIn = nullptr;
    QToolButton* fitWidth = nullptr;
    QToolButton* next = nullptr;
    for (QToolButton* button : m_viewer->findChildren<QToolButton*>()) {
        if (button->accessibleName() == QStringLiteral("Zoom in"))
            zoomIn = button;
        else if (button->accessibleName() == QStringLiteral("Fit width"))
            fitWidth = button;
        else if (button->accessibleName() == QStringLiteral("Next page"))
            next = button;
    }
    QVERIFY(zoomIn && fitWidth && next);

    zoomIn->click();
    QCOMPARE(m_viewer->zoom(), 1.1);
    next->click();
    QCOMPARE(m_viewer->currentPage(), 2);
    auto* pageBox = m_viewer->findChild<QSpinBox*>();
    QVERIFY(pageBox);
    QCOMPARE(pageBox->value(), 2);
    pageBox->setValue(3);
    QCOMPARE(m_viewer->currentPage(), 3);

    QSignalSpy rendered(m_viewer.get(), &DocumentViewer::pageRendered);
    fitWidth->click();
    QVERIFY(waitFor(rendered));
    auto* scroll = m_viewer->findChild<QScrollArea*>();
    const int pageWidth = scroll->widget()->width();
    const int viewWidth = scroll->viewport()->width();
    QVERIFY2(pageWidth <= viewWidth && pageWidth > viewWidth - 60,
             qPrintable(QStringLiteral("page %1 px in a view %2 px wide").arg(pageWidth).arg(viewWidth)));
}

void DocumentViewerTest::openFilesShowsCitedLine() {
    const QList<ViewerFile> files = {{QStringLiteral("a.cpp"), codeLines(QStringLiteral("a"), 5)},
                                     {QStringLiteral("b.cpp"), codeLines(QStringLiteral("b"), 100)}};
    m_viewer->openFiles(QStringLiteral("project"), files, true);
    QCOMPARE(m_viewer->currentFile(), QStringLiteral("a.cpp"));
    QCOMPARE(m_viewer->pageCount(), 0);
    auto* list = m_viewer->findChild<QListWidget*>(QString(), Qt::FindChildrenRecursively);
    bool fileListShown = false;
    for (QListWidget* candidate : m_viewer->findChildren<QListWidget*>())
        fileListShown = fileListShown || (candidate->isVisible() && candidate->count() == 2);
    QVERIFY(list);
    QVERIFY(fileListShown);

    m_viewer->showFileLine(QStringLiteral("b.cpp"), 30);
    QCOMPARE(m_viewer->currentFile(), QStringLiteral("b.cpp"));
    QCOMPARE(m_viewer->currentLine(), 30);

    m_viewer->showFileLine(QStringLiteral("src/a.cpp"), 1000);  // another root; past the end
    QCOMPARE(m_viewer->currentFile(), QStringLiteral("a.cpp"));
    QCOMPARE(m_viewer->currentLine(), 5);

    m_viewer->showFileLine(QStringLiteral("nowhere.cpp"), 3);
    QCOMPARE(m_viewer->currentFile(), QStringLiteral("a.cpp"));
}

void DocumentViewerTest::highlightInTextMatchesAcrossLines() {
    m_viewer->openFiles(QStringLiteral("notes.txt"),
                        {{QStringLiteral("notes.txt"), QStringLiteral("The quick brown\nfox jumps over\nthe dog.")}},
                        false);
    QSignalSpy highlighted(m_viewer.get(), &DocumentViewer::highlighted);
    m_viewer->highlight(0, QStringLiteral("brown fox"));
    QVERIFY(waitFor(highlighted));
    QCOMPARE(highlighted.at(0).at(1).toInt(), 1);
    QCOMPARE(m_viewer->currentLine(), 1);
    m_viewer->highlight(0, QStringLiteral("zebra"));
    QVERIFY(waitFor(highlighted, 2));
    QCOMPARE(highlighted.at(1).at(1).toInt(), 0);
}

void DocumentViewerTest::clearShowsPlaceholder() {
    openAndWait(m_threePages);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy rendered(m_viewer.get(), &DocumentViewer::pageRendered);
    m_viewer->showPage(3);
    m_viewer->clear();
    QCOMPARE(m_viewer->pageCount(), 0);
    QCOMPARE(m_viewer->currentPage(), 0);
    QVERIFY(!m_viewer->isRendering());
    QTest::qWait(500);  // the render of page 3 may finish: it must not reach the screen
    QCOMPARE(rendered.count(), 0);
    QVERIFY(m_viewer->renderedImageSize().isEmpty());
}

QTEST_MAIN(DocumentViewerTest)
#include "document_viewer_test.moc"
