// lectern-ui-screenshots OUT_DIR PDF: drives the window through its main states on the tiny
// fixture model and saves a PNG of the screen in each (run under xvfb-run, so dialogs and
// the window are drawn as a user would see them): the first run with the model picker, a
// document open with its budget, an answer streaming, a citation highlighted in the viewer,
// "what the model saw", and an error dialog. Used by scripts/screenshots.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "conversation_view.h"
#include "core_bridge.h"
#include "main_window.h"
#include "model_dialog.h"
#include "store.h"

namespace {

QString g_out;

void shoot(const char* name) {
    QTest::qWait(600);  // let pages render and layouts settle
    const QPixmap screen = QGuiApplication::primaryScreen()->grabWindow(0);
    const QString path = g_out + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".png");
    std::printf("%s: %s\n", qPrintable(path), screen.save(path) ? "saved" : "NOT SAVED");
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: lectern-ui-screenshots OUT_DIR PDF\n");
        return 2;
    }
    g_out = QString::fromLocal8Bit(argv[1]);
    const QString pdf = QString::fromLocal8Bit(argv[2]);
    QDir().mkpath(g_out);
    // Test mode's folders, never the user's ($LECTERN_DATA_DIR would win over test mode).
    qunsetenv("LECTERN_DATA_DIR");
    qunsetenv("LECTERN_CACHE_DIR");
    QStandardPaths::setTestModeEnabled(true);
    QDir(lectern::ui::dataFolder()).removeRecursively();
    QTemporaryDir dir;
    auto bridge = lectern::ui::CoreBridge::open(lectern::ui::dataFolder() + "/lectern.db", dir.filePath("kv"));
    if (!bridge) return 1;
    lectern::ui::MainWindow w(std::move(bridge.value()),
                              std::make_unique<QSettings>(dir.filePath("lectern.conf"), QSettings::IniFormat));
    w.resize(1360, 860);
    w.move(20, 20);
    w.show();
    const QString model = QStringLiteral(LECTERN_TEST_DATA "/gguf/llama31-tiny-F16.gguf");

    {  // First run: no model, the picker.
        lectern::ui::ModelChoice none;
        lectern::ui::ModelDialog picker(none, &w);
        picker.show();
        picker.setPath(model);
        picker.move(w.geometry().center() - QPoint(picker.width() / 2, picker.height() / 2));
        shoot("01-first-run-model-picker");
    }
    std::atomic<bool> slow{false};
    lectern::ui::ModelChoice choice;
    choice.path = model;
    choice.nCtx = 8192;
    choice.backend = QStringLiteral("cpu");
    QSignalSpy opened(&w, &lectern::ui::MainWindow::modelOpened);
    w.openModel(choice, [&slow](std::int64_t) {
        if (slow) std::this_thread::sleep_for(std::chrono::milliseconds(15));
    });
    if (!opened.wait(120000)) return 1;
    QSignalSpy planned(&w, &lectern::ui::MainWindow::planned);
    w.openPaths({pdf});
    if (!planned.wait(120000)) return 1;
    shoot("02-document-open-budget");

    QSignalSpy ended(&w, &lectern::ui::MainWindow::taskEnded);
    slow = true;
    w.ask(QStringLiteral("How much did revenue grow, and why?"));
    QTest::qWait(1200);
    shoot("03-answer-streaming");
    w.stop();
    if (ended.isEmpty() && !ended.wait(120000)) return 1;
    slow = false;

    {  // An answer with citations, as a model that cites would write it.
        auto store = lectern::app::Store::open((lectern::ui::dataFolder() + "/lectern.db").toStdString());
        if (!store) return 1;
        const auto s = w.currentSession();
        (void)store->messages().add(lectern::app::makeMessage(s, "user", "What are the main risks?"));
        (void)store->messages().add(lectern::app::makeMessage(
            s, "assistant",
            "The largest risk is the **concentration of revenue**: three customers account for 41 percent of "
            "sales [p. 2]. The fleet is ageing [p. 2], and revenue growth of eight to ten percent is expected "
            "[p. 3]. A claim about page 7 [p. 7] matches no page of the report."));
    }
    w.openSession(w.currentSession());
    QSignalSpy cited(&w, &lectern::ui::MainWindow::citationShown);
    const auto& citations = w.conversation()->citations();
    if (!citations.empty()) emit w.conversation()->citationActivated(citations.front());
    cited.wait(20000);
    shoot("04-citation-highlighted");

    auto transcript = w.bridge().core().transcript(w.currentSession());
    if (transcript && !transcript->messages.empty()) {
        QSignalSpy prompt(&w, &lectern::ui::MainWindow::promptShown);
        w.showPromptView(transcript->messages.front().id);
        if (prompt.wait(60000)) {
            auto* d = prompt.first().first().value<QDialog*>();
            d->move(w.geometry().center() - QPoint(d->width() / 2, d->height() / 2));
            shoot("05-what-the-model-saw");
            d->close();
        }
    }

    QFile broken(dir.filePath("broken.pdf"));
    broken.open(QIODevice::WriteOnly);
    broken.write("%PDF-1.7\nthis is not really a PDF\n");
    broken.close();
    QSignalSpy error(&w, &lectern::ui::MainWindow::errorShown);
    w.openPaths({broken.fileName()});
    if (error.wait(60000)) shoot("06-error-dialog");
    return 0;
}
