// What the window's QtTest tests share: test mode's data folders, a window over them, the
// fixture model opened, a document read and counted, an exchange stored as a model that cites
// would write it, and a look inside a modal dialog. Header-only; tests include it once.
#pragma once

#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core_bridge.h"
#include "main_window.h"
#include "store.h"
#include "testing/pdf_maker.h"

namespace lectern::ui::testing {

constexpr int kWait = 120000;  // ms: a slow, shared machine
inline const QString kModel = QStringLiteral(LECTERN_TEST_DATA "/gguf/llama31-tiny-F16.gguf");

// Test mode's folders, emptied; never the user's ($LECTERN_DATA_DIR would win over test mode).
inline void useEmptyTestFolders() {
    qunsetenv("LECTERN_DATA_DIR");
    qunsetenv("LECTERN_CACHE_DIR");
    QStandardPaths::setTestModeEnabled(true);
    QDir(dataFolder()).removeRecursively();
    QDir(cacheFolder()).removeRecursively();
}

// A shown window over the test folders' database, its QSettings in `settingsFile`.
inline std::unique_ptr<MainWindow> makeTestWindow(const QString& settingsFile) {
    auto bridge = CoreBridge::open(dataFolder() + "/lectern.db", cacheFolder() + "/kv");
    if (!bridge) {
        qWarning("%s", bridge.error().to_string().c_str());
        return nullptr;
    }
    auto settings = std::make_unique<QSettings>(settingsFile, QSettings::IniFormat);
    auto w = std::make_unique<MainWindow>(std::move(bridge.value()), std::move(settings));
    w->show();
    return w;
}

// The fixture model at 4096 tokens on the CPU; `onLayer` runs after each layer.
inline bool openTestModel(MainWindow& w, std::function<void(std::int64_t)> onLayer = {}) {
    QSignalSpy opened(&w, &MainWindow::modelOpened);
    ModelChoice c;
    c.path = kModel;
    c.nCtx = 4096;
    c.backend = "cpu";
    w.openModel(c, std::move(onLayer));
    return opened.wait(kWait);
}

// Reads `path` into the window and waits until the session holding it is counted.
inline bool openAndCount(MainWindow& w, const QString& path) {
    QSignalSpy shown(&w, &MainWindow::sessionShown);
    w.openPaths({path});
    if (!shown.wait(kWait)) return false;
    // openSession dropped the earlier plan; this one is the new session's.
    QElapsedTimer clock;
    clock.start();
    while (!w.planSettled() && clock.elapsed() < kWait) QTest::qWait(20);
    return w.planSettled();
}

// A question and its answer stored in `session`, as a model that cites would write them.
inline bool addExchange(std::int64_t session, const std::string& question, const std::string& answer) {
    auto store = app::Store::open((dataFolder() + "/lectern.db").toStdString());
    return store.ok() && store->messages().add(app::makeMessage(session, "user", question)).ok() &&
           store->messages().add(app::makeMessage(session, "assistant", answer)).ok();
}

// A two-page annual report ("Northwind Logistics moved four million parcels in the year.",
// "Revenue grew by twelve percent to 318 million euros.").
inline bool writeTwoPageReport(const QString& path) {
    ingest::testing::TestPdf pdf;
    pdf.title = "Annual report";
    for (const char* text : {"Northwind Logistics moved four million parcels in the year.",
                             "Revenue grew by twelve percent to 318 million euros."}) {
        ingest::testing::TestPage page;
        ingest::testing::TestBlock block;
        block.paragraph = text;
        page.blocks = {block};
        pdf.pages.push_back(page);
    }
    return ingest::testing::write_test_pdf(path.toStdString(), pdf).ok();
}

// Runs `inspect` on the next modal dialog `signal` announces (inspect closes it).
template <class Signal>
void whenShown(MainWindow* w, Signal signal, std::function<void(QDialog*)> inspect) {
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = QObject::connect(w, signal, w, [once, inspect](QDialog* dialog) {
        QObject::disconnect(*once);
        QTimer::singleShot(0, dialog, [dialog, inspect] { inspect(dialog); });
    });
}

}  // namespace lectern::ui::testing
