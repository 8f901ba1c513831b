// lectern-ui-screenshots OUT_DIR PDF: drives the window through its main states on the tiny
// fixture model and saves a PNG of the screen in each (run under xvfb-run, so dialogs and
// the window are drawn as a user would see them): the first run with the model picker, a
// document open with its budget, an answer streaming, a citation highlighted in the viewer,
// "what the model saw", an error dialog, and a contract (DOCX) with tracked changes open at
// the clause an answer cites, the picker with the model's 128K context in an 8-bit KV cache,
// and the picker's "Get a model" page mid-download from a Hub on loopback (app/hub/testing,
// serving the tiny model under a curated name), the settings dialog, the models found on
// this computer, the window in German, Chinese and Arabic (mirrored), and in dark. Used by
// scripts/screenshots.
#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <utility>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "appearance.h"
#include "conversation_view.h"
#include "found_models.h"
#include "core_bridge.h"
#include "fake_hub.h"
#include "get_model_page.h"
#include "main_window.h"
#include "model_dialog.h"
#include "settings_dialog.h"
#include "store.h"
#include "testing/office_maker.h"
#include "testing/pdf_maker.h"

namespace {

QString g_out;

void shoot(const char* name) {
    QTest::qWait(600);  // let pages render and layouts settle
    const QPixmap screen = QGuiApplication::primaryScreen()->grabWindow(0);
    const QString path = g_out + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".png");
    std::printf("%s: %s\n", qPrintable(path), screen.save(path) ? "saved" : "NOT SAVED");
}

// An income statement of one page: a sentence, then a table with a note column and rules.
bool writeIncomeStatement(const QString& path) {
    lectern::ingest::testing::TestPdf pdf;
    pdf.title = "Northwind Logistics income statement";
    lectern::ingest::testing::TestPage page;
    lectern::ingest::testing::TestBlock intro, table, after;
    intro.paragraph = "Consolidated income statement for the year ended 31 December 2025, in thousands of euros.";
    table.table.rows = {{"", "Note", "2025", "2024"},
                        {"Revenue", "4", "1,284,310", "1,102,877"},
                        {"Cost of sales", "5", "(712,455)", "(640,118)"},
                        {"Gross profit", "", "571,855", "462,759"},
                        {"Administrative expenses", "6", "(277,055)", "(242,085)"},
                        {"Profit before tax", "", "294,800", "220,674"},
                        {"Income tax expense", "9", "(73,700)", "(55,168)"},
                        {"Profit for the year", "", "221,100", "165,506"}};
    table.table.widths = {200, 45, 95, 95};
    table.table.rules = true;
    after.paragraph = "The notes on pages 12 to 40 are an integral part of these statements.";
    page.blocks = {intro, table, after};
    pdf.pages.push_back(page);
    return lectern::ingest::testing::write_test_pdf(path.toStdString(), pdf).ok();
}

// A services agreement with numbered clauses, a tracked change of the payment term by one
// reviewer, a comment by another, and a fee table.
bool writeContract(const QString& path) {
    lectern::ingest::testing::DocxMaker m;
    m.title = "Services Agreement";
    m.author = "Acme Legal";
    m.run(m.paragraph("Title"), "Services Agreement");
    m.run(m.paragraph(), "This agreement is made between Acme Corp (the Supplier) and Beta Ltd (the Customer).");
    const int clauses = m.add_list({{"decimal", "%1."}, {"decimal", "%1.%2"}}, 7);
    m.heading("Payment", 1);
    auto head = m.paragraph();
    m.number(head, clauses, 0);
    m.run(head, "Payment terms.");
    auto due = m.paragraph();
    m.number(due, clauses, 1);
    m.run(due, "The Customer pays each invoice within ");
    m.deletion(due, "thirty (30)", "Jane Doe", "2026-03-01T10:00:00Z");
    m.insertion(due, "sixty (60)", "Jane Doe", "2026-03-01T10:05:00Z");
    m.run(due, " days of receipt.");
    auto late = m.paragraph();
    m.number(late, clauses, 1);
    m.run(late, "Late payment bears interest ");
    m.comment(late, "at 5 % a year", "Bob Lee", "Check against the statutory rate.");
    m.run(late, " from the day after the due date.");
    m.heading("Fees", 1);
    m.table({{"Service", "Fee (EUR)"}, {"Annual audit", "1,200"}, {"Quarterly review", "800"}}, 1);
    return m.write(path.toStdString()).ok();
}

// A question and its answer stored in `session`, as a model that cites would write them.
bool addExchange(std::int64_t session, const std::string& question, const std::string& answer) {
    auto store = lectern::app::Store::open((lectern::ui::dataFolder() + "/lectern.db").toStdString());
    return store && store->messages().add(lectern::app::makeMessage(session, "user", question)) &&
           store->messages().add(lectern::app::makeMessage(session, "assistant", answer));
}

// Shows `session` and follows the first citation of its answer, waiting for the viewer.
void followFirstCitation(lectern::ui::MainWindow& w, std::int64_t session) {
    w.openSession(session);
    QSignalSpy cited(&w, &lectern::ui::MainWindow::citationShown);
    const auto& citations = w.conversation()->citations();
    if (!citations.empty()) emit w.conversation()->citationActivated(citations.front());
    if (cited.isEmpty()) cited.wait(20000);
}

// Opens `path` after a session that has been asked in: a new session holds it (0 if none came).
std::int64_t openInNewSession(lectern::ui::MainWindow& w, const QString& path) {
    const auto before = w.currentSession();
    w.openPaths({path});
    QDeadlineTimer deadline(120000);
    while ((w.currentSession() == before || !w.planSettled()) && !deadline.hasExpired()) QTest::qWait(50);
    return w.currentSession() != before ? w.currentSession() : 0;
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
        lectern::ui::ModelDialog picker(none, &w.bridge(), &w);
        picker.show();
        picker.setPath(model);
        picker.move(w.geometry().center() - QPoint(picker.width() / 2, picker.height() / 2));
        shoot("01-first-run-model-picker");
    }
    {  // The model's whole 128K context in an 8-bit (q8_0) KV cache: what it needs, against what is free.
        lectern::ui::ModelChoice longContext;
        longContext.path = model;
        longContext.nCtx = 131072;
        longContext.kvType = lectern::KvType::Q8_0;
        lectern::ui::ModelDialog picker(longContext, &w.bridge(), &w);
        picker.show();
        picker.move(w.geometry().center() - QPoint(picker.width() / 2, picker.height() / 2));
        shoot("14-model-picker-8-bit-kv");
    }
    {  // Automatic on a machine with room for the 128K context in 8 bits only: the picker says so.
        lectern::ui::ModelChoice automatic;
        automatic.path = model;
        auto q8 = lectern::app::AppCore::footprint(model.toStdString(), 0, lectern::KvType::Q8_0, std::size_t{0});
        if (q8) qputenv("LECTERN_MEMORY_AVAILABLE", QByteArray::number(qulonglong(q8->totalBytes() + (1 << 20))));
        lectern::ui::ModelDialog picker(automatic, &w.bridge(), &w);
        qunsetenv("LECTERN_MEMORY_AVAILABLE");
        picker.show();
        picker.move(w.geometry().center() - QPoint(picker.width() / 2, picker.height() / 2));
        shoot("15-model-picker-automatic-8-bit");
    }
    {  // Getting a model: the Hub on loopback sends slowly, so the transfer is caught midway.
        lectern::hub::testing::FakeHub hub;
        lectern::hub::testing::FakeRepo repo;
        repo.id = "bartowski/Llama-3.2-3B-Instruct-GGUF";
        repo.commit = "0123456789abcdef0123456789abcdef01234567";
        repo.files = {lectern::hub::testing::FakeFile::read(model.toStdString(), "Llama-3.2-3B-Instruct-Q4_K_M.gguf", true)};
        hub.addRepo(repo);
        hub.setChunkDelay(std::chrono::milliseconds(60));
        qputenv("HF_HUB_CACHE", dir.filePath("hub").toLocal8Bit());
        qputenv("HF_HOME", dir.path().toLocal8Bit());
        qputenv("HF_ENDPOINT", QByteArray::fromStdString(hub.endpoint()));
        qunsetenv("HF_TOKEN");
        qunsetenv("HF_TOKEN_PATH");
        lectern::ui::ModelDialog picker(lectern::ui::ModelChoice{}, &w.bridge(), &w);
        picker.show();
        picker.showGetModelPage();
        lectern::ui::GetModelPage* page = picker.getModelPage();
        auto* list = page->curatedList();
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->text(0).contains(QStringLiteral("3B"))) list->setCurrentItem(list->topLevelItem(i));
        QSignalSpy ended(page, &lectern::ui::GetModelPage::downloadEnded);
        page->download();
        picker.move(w.geometry().center() - QPoint(picker.width() / 2, picker.height() / 2));
        QDeadlineTimer halfway(60000);
        while (!page->statusText().contains(QStringLiteral("/s")) && ended.isEmpty() && !halfway.hasExpired())
            QTest::qWait(50);
        QTest::qWait(1500);  // a steadier rate
        shoot("10-get-a-model");
        page->stop();
        if (ended.isEmpty()) ended.wait(60000);
        // The same (fixture) model against 8 MiB of memory: refused from its header, before the download.
        hub.setChunkDelay(std::chrono::milliseconds(0));
        page->setAvailableMemory(std::size_t{8} << 20);
        ended.clear();
        page->download();
        if (ended.isEmpty()) ended.wait(60000);
        shoot("11-get-a-model-too-large");
        // A model on a server: the page filled in as for vLLM on a GPU node.
        lectern::ui::ModelChoice server;
        server.url = QStringLiteral("http://gpu-node:8000/v1");
        server.remoteModel = QStringLiteral("meta-llama/Llama-3.1-70B-Instruct");
        server.apiKeyFile = QStringLiteral("/home/analyst/.config/lectern/vllm.key");
        server.tokenizer = model;
        picker.setServer(server);
        picker.showServerPage();
        QTest::qWait(300);
        shoot("12-model-on-a-server");
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
    const std::int64_t report = w.currentSession();

    QSignalSpy ended(&w, &lectern::ui::MainWindow::taskEnded);
    slow = true;
    w.ask(QStringLiteral("How much did revenue grow, and why?"));
    QTest::qWait(1200);
    shoot("03-answer-streaming");
    w.stop();
    if (ended.isEmpty() && !ended.wait(120000)) return 1;
    slow = false;

    // An answer with citations, as a model that cites would write it.
    if (!addExchange(w.currentSession(), "What are the main risks?",
                     "The largest risk is the **concentration of revenue**: three customers account for 41 percent of "
                     "sales [p. 2]. The fleet is ageing [p. 2], and revenue growth of eight to ten percent is expected "
                     "[p. 3]. A claim about page 7 [p. 7] matches no page of the report."))
        return 1;
    followFirstCitation(w, w.currentSession());
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

    // The DOCX open at the clause an answer cites. Asked in already, the session is followed by
    // a new one holding the report and the DOCX (and then the income statement too).
    const QString contract = dir.filePath("services-agreement.docx");
    if (writeContract(contract)) {
        if (const auto s = openInNewSession(w, contract)) {
            if (!addExchange(s, "When must the Customer pay?",
                             "The Customer pays each invoice within **sixty days** of receipt [¶3]; the draft said "
                             "thirty, and Jane Doe changed it. Late payment bears interest at 5 % a year [§7.2], a "
                             "rate Bob Lee asked to check."))
                return 1;
            followFirstCitation(w, s);
            shoot("08-docx-tracked-changes");
        }
    }
    const QString income = dir.filePath("income-statement.pdf");
    if (writeIncomeStatement(income)) {  // a table citation: the row it speaks of highlighted
        if (const auto s = openInNewSession(w, income)) {
            if (!addExchange(s, "What was the income tax expense in 2025?",
                             "The income tax expense was **73,700** thousand euros in 2025, against 55,168 in 2024 "
                             "[p. 1, table 1] (note 9)."))
                return 1;
            followFirstCitation(w, s);
            QTest::qWait(500);  // the page's image
            shoot("09-table-row-highlighted");
        }
    }

    QFile broken(dir.filePath("broken.pdf"));
    broken.open(QIODevice::WriteOnly);
    broken.write("%PDF-1.7\nthis is not really a PDF\n");
    broken.close();
    QSignalSpy error(&w, &lectern::ui::MainWindow::errorShown);
    w.openPaths({broken.fileName()});
    if (error.wait(60000)) shoot("06-error-dialog");
    if (w.errorBox()) w.errorBox()->close();

    // The settings dialog: its General page, then the prompt templates.
    {
        lectern::ui::SettingsDialog settings(w.bridge(), w.preferences(), &w);
        settings.show();
        settings.move(w.geometry().center() - QPoint(settings.width() / 2, settings.height() / 2));
        shoot("16-settings-dialog");
        settings.tabs()->setCurrentIndex(3);
        shoot("17-settings-prompt-templates");
    }
    // The models already here: one in Ollama's store, a GGUF file and a Qwen folder in the user's.
    {
        const QString ollama = dir.filePath("ollama");
        QDir().mkpath(ollama + "/blobs");
        QDir().mkpath(ollama + "/manifests/registry.ollama.ai/library/llama3.2");
        QFile::copy(model, ollama + "/blobs/sha256-5e1f");
        QFile manifest(ollama + "/manifests/registry.ollama.ai/library/llama3.2/1b");
        if (manifest.open(QIODevice::WriteOnly))
            manifest.write(R"({"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:5e1f"}]})");
        manifest.close();
        const QString mine = dir.filePath("models");
        QDir().mkpath(mine + "/Qwen2.5-7B-Instruct");
        QFile::copy(QStringLiteral(LECTERN_TEST_DATA "/gguf/llama31-tiny-Q4_K_M.gguf"), mine + "/Llama-3.1-8B-Instruct-Q4_K_M.gguf");
        QFile config(mine + "/Qwen2.5-7B-Instruct/config.json");
        if (config.open(QIODevice::WriteOnly)) config.write(R"({"model_type":"qwen2"})");
        config.close();
        QFile weights(mine + "/Qwen2.5-7B-Instruct/model.safetensors");
        if (weights.open(QIODevice::WriteOnly)) weights.write("x");
        weights.close();
        qputenv("OLLAMA_MODELS", ollama.toLocal8Bit());
        lectern::ui::ModelChoice found;
        found.path = model;
        found.modelFolders = {mine};
        lectern::ui::ModelDialog picker(found, &w.bridge(), &w);
        QSignalSpy listed(picker.foundModels(), &lectern::ui::FoundModels::found);
        picker.show();
        listed.wait(60000);
        picker.move(w.geometry().center() - QPoint(picker.width() / 2, picker.height() / 2));
        shoot("18-model-list");
        qunsetenv("OLLAMA_MODELS");
    }
    // The window in German and in Chinese on the report's cited answer, and in Arabic (mirrored)
    // on an Arabic conversation about it; then dark.
    QSignalSpy language(&w, &lectern::ui::MainWindow::languageChanged);
    w.openSession(report);
    for (const auto& [code, name] : {std::pair{"de", "19-main-window-german"}, std::pair{"zh_CN", "20-main-window-chinese"}}) {
        w.setLanguage(QString::fromLatin1(code));
        language.wait(60000);
        followFirstCitation(w, report);
        shoot(name);
    }
    if (const auto s = openInNewSession(w, pdf)) {
        if (!addExchange(s, "ما أكبر المخاطر التي يذكرها التقرير؟",
                         "أكبر المخاطر هو **تركّز الإيرادات**: ثلاثة عملاء يمثلون 41 بالمئة من المبيعات [p. 2]. "
                         "كما أن الأسطول يتقادم [p. 2].\n\n```\nrevenue_share(top3) = 0.41  # report.pdf\n```"))
            return 1;
        w.setLanguage(QStringLiteral("ar"));
        language.wait(60000);
        followFirstCitation(w, s);
        shoot("21-main-window-arabic");
    }
    w.setLanguage(QStringLiteral("en"));
    language.wait(60000);
    lectern::ui::applyAppearance(QStringLiteral("dark"));
    followFirstCitation(w, report);
    shoot("22-dark-mode");
    lectern::ui::applyAppearance(QStringLiteral("light"));
    return 0;
}
