// Poppler keeps one message handler per process: the one of the library (poppler-cpp for
// ingest, poppler-qt6 for the viewer) that opened the first of the documents open now. While
// the viewer shows a PDF, a PDF read for a task has its messages sent to the viewer's handler;
// its pages' Poppler errors must still be counted: the viewer hands the messages back to
// ingest. The test keeps a PDF open in the viewer's render service while another is read,
// each of whose two pages has a font that names a CMap that does not exist.
#include <QSignalSpy>
#include <QTest>

#include <string>

#include "lectern/ingest/pdf.h"
#include "pdf_render_service.h"
#include "testing/pdf_maker.h"
#include "testing/raw_pdf.h"
#include "testing/temp_dir.h"

using lectern::ui::PdfRenderService;
namespace ingest = lectern::ingest;

namespace {

// Two pages, each in its own font whose CMap does not exist.
ingest::testing::RawPdf broken_fonts_pdf() {
    ingest::testing::RawPdf pdf;
    for (int page = 0; page < 2; ++page) {
        const std::string font = std::to_string(10 + 2 * page);
        const std::string descendant = std::to_string(11 + 2 * page);
        pdf.objects.push_back("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniXX-Nowhere-H "
                              "/DescendantFonts [" + descendant + " 0 R] >>");
        pdf.objects.push_back("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
                              "<< /Registry (Adobe) /Ordering (XX) /Supplement 0 >> >>");
        pdf.pages.push_back({"BT /F1 12 Tf 40 700 Td <4E2D6587> Tj ET", "<< /Font << /F1 " + font + " 0 R >> >>"});
    }
    return pdf;
}

}  // namespace

class PopplerMessagesTest : public QObject {
    Q_OBJECT
private slots:
    void aPdfReadWhileTheViewerHoldsOneHasItsPageErrorsCounted();
};

void PopplerMessagesTest::aPdfReadWhileTheViewerHoldsOneHasItsPageErrorsCounted() {
    ingest::testing::TempDir dir;
    const std::string broken = (dir.path() / "broken.pdf").string();
    QVERIFY(ingest::testing::write_raw_pdf(broken, broken_fonts_pdf()).ok());
    const std::string clean = (dir.path() / "clean.pdf").string();
    ingest::testing::TestPdf cleanPdf;
    cleanPdf.pages.push_back({});
    cleanPdf.pages.back().paragraphs = {"A clean page."};
    QVERIFY(ingest::testing::write_test_pdf(clean, cleanPdf).ok());

    auto readWhileTheViewerHoldsAPdf = [&](PdfRenderService::MessageSink sink) {
        PdfRenderService::setPopplerMessageSink(sink);
        PdfRenderService service;
        QSignalSpy opened(&service, &PdfRenderService::opened);
        service.markWanted(1, 0);
        service.open(1, QString::fromStdString(clean), QString());
        ingest::PdfOptions o;
        o.ocr = false;
        auto doc = ingest::read_pdf(broken, o);
        PdfRenderService::setPopplerMessageSink(nullptr);
        [&] { QCOMPARE(opened.count(), 1); }();
        return doc;
    };

    // Without the route, the pages' errors reach poppler-qt6's handler and are lost: the reason
    // for the route, shown here so that the check below cannot pass by accident.
    auto unrouted = readWhileTheViewerHoldsAPdf(nullptr);
    QVERIFY(unrouted.ok());
    QCOMPARE(unrouted->units.at(0).quality.poppler_errors, 0);
    QCOMPARE(unrouted->units.at(1).quality.poppler_errors, 0);

    auto routed = readWhileTheViewerHoldsAPdf(&ingest::note_pdf_message);
    QVERIFY(routed.ok());
    for (const auto& unit : routed->units) {
        QVERIFY2(unit.quality.poppler_errors > 0, unit.locator.c_str());
        QVERIFY(unit.quality.unreliable());
        // The message reads as the reader's own do, without Poppler's byte offset.
        QVERIFY2(!unit.quality.poppler_error.starts_with("Error ("), unit.quality.poppler_error.c_str());
    }
}

QTEST_MAIN(PopplerMessagesTest)
#include "poppler_messages_test.moc"
