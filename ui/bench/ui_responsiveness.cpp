// lectern-ui-bench: how long the window's event loop goes without running while it reads a
// 500-page PDF and while the model processes a long prompt. A 1 ms timer runs throughout;
// the longest gap between two of its ticks is how long a click or a repaint would have
// waited. Prints each phase's duration, longest gap and 99th-percentile gap against the
// 50 ms target (a measurement, not a test: nothing here fails on timing).
// Usage: lectern-ui-bench [--pages N] [--context TOKENS] (offscreen unless a display is set)
#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core_bridge.h"
#include "main_window.h"
#include "testing/pdf_maker.h"

namespace {

// Records the intervals between the ticks of a 1 ms timer.
class GapMeter {
public:
    GapMeter() {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0) m_gaps.push_back(double(now - m_last) / 1e6);
            m_last = now;
        });
    }
    void start() {
        m_gaps.clear();
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double longest() const { return m_gaps.empty() ? 0 : *std::max_element(m_gaps.begin(), m_gaps.end()); }
    double percentile(double p) const {
        if (m_gaps.empty()) return 0;
        std::vector<double> g = m_gaps;
        std::sort(g.begin(), g.end());
        return g[static_cast<std::size_t>(p * double(g.size() - 1))];
    }
    double seconds() const { return double(m_clock.elapsed()) / 1000.0; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    std::vector<double> m_gaps;
};

void report(const char* what, const GapMeter& m) {
    std::printf("%-34s %7.2f s   longest gap %7.1f ms   p99 %5.1f ms   target 50 ms: %s\n", what, m.seconds(),
                m.longest(), m.percentile(0.99), m.longest() <= 50 ? "met" : "missed");
}

lectern::ingest::testing::TestPdf book(int pages) {
    lectern::ingest::testing::TestPdf pdf;
    pdf.title = "Responsiveness book";
    for (int p = 0; p < pages; ++p) {
        lectern::ingest::testing::TestPage page;
        for (int i = 0; i < 4; ++i) {
            std::string text = "Page " + std::to_string(p + 1) + ", paragraph " + std::to_string(i + 1) + ".";
            for (int w = 0; w < 30; ++w) text += " the annual report describes revenue and risk " + std::to_string(w % 9);
            page.paragraphs.push_back(text);
        }
        pdf.pages.push_back(page);
    }
    return pdf;
}

}  // namespace

int main(int argc, char** argv) {
    int pages = 500;
    long long context = 32768;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--pages") pages = std::atoi(argv[++i]);
        else if (std::string(argv[i]) == "--context") context = std::atoll(argv[++i]);
    }
    if (!std::getenv("DISPLAY") && !std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication app(argc, argv);
    // Test mode's folders, never the user's ($LECTERN_DATA_DIR would win over test mode). The
    // database is this run's own: ctest runs the window's tests beside this bench, and they
    // keep theirs in test mode's shared data folder.
    qunsetenv("LECTERN_DATA_DIR");
    qunsetenv("LECTERN_CACHE_DIR");
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    const QString pdf = dir.filePath("book.pdf");
    if (!lectern::ingest::testing::write_test_pdf(pdf.toStdString(), book(pages)).ok()) {
        std::fprintf(stderr, "lectern-ui-bench: the test PDF could not be written\n");
        return 1;
    }
    auto bridge = lectern::ui::CoreBridge::open(dir.filePath("lectern.db"), dir.filePath("kv"));
    if (!bridge) {
        std::fprintf(stderr, "lectern-ui-bench: %s\n", bridge.error().to_string().c_str());
        return 1;
    }
    lectern::ui::MainWindow window(std::move(bridge.value()),
                                   std::make_unique<QSettings>(dir.filePath("lectern.conf"), QSettings::IniFormat));
    window.show();
    lectern::ui::ModelChoice model;
    model.path = QStringLiteral(LECTERN_TEST_DATA "/gguf/llama31-tiny-F16.gguf");
    model.nCtx = context;
    model.backend = QStringLiteral("cpu");
    QSignalSpy opened(&window, &lectern::ui::MainWindow::modelOpened);
    window.openModel(model);
    if (!opened.wait(120000)) return 1;

    GapMeter meter;
    QSignalSpy planned(&window, &lectern::ui::MainWindow::planned);
    meter.start();
    window.openPaths({pdf});
    if (!planned.wait(600000)) return 1;
    meter.stop();
    std::printf("%d pages, context %lld tokens, tiny Llama 3.1 fixture, CPU\n", pages, context);
    report("read, store and count the PDF", meter);

    QSignalSpy ended(&window, &lectern::ui::MainWindow::taskEnded);
    meter.start();
    window.ask(QStringLiteral("What does page one say?"));
    if (!ended.wait(600000)) return 1;
    meter.stop();
    const auto& a = *window.lastAsk();
    std::printf("prompt processed: %lld tokens (%lld prefilled)\n", static_cast<long long>(a.stats.promptTokens),
                static_cast<long long>(a.contextPrefilled + a.stats.prefilledTokens));
    report("prefill and answer", meter);
    return 0;
}
