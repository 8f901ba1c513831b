// The window on the tiny Llama 3.1 fixture, offscreen, with its data folders isolated by
// QStandardPaths' test mode: the counts it shows are the tokenizer's (equal to
// `lectern-cli ingest --tokenizer`) and the budget meter is the packed prompt's count; an
// answer streams, Stop keeps it as stopped and the engine takes the next question; a
// follow-up prefills only its own tokens; a citation link moves the viewer to its page and
// highlights the cited words, and a paragraph citation of a DOCX opens its section at the
// paragraph and highlights the words there; a locked PDF asks for its password and opens with it; the
// session is there after the window is closed and opened again; search finds a word that
// occurs only in a message; "what the model saw" shows the prompt with the page text.
// First: cpp-httplib before Qt, whose keyword macros it must not see.
#include "scripted_openai_server.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

#include <atomic>
#include <chrono>
#include <thread>

#include "core_bridge.h"
#include "document_viewer.h"
#include "library_panel.h"
#include "model_dialog.h"
#include "main_window.h"
#include "prompt_dialog.h"
#include "status_panel.h"
#include "store.h"
#include "testing/office_maker.h"
#include "testing/pdf_maker.h"
#include "window_test_support.h"

using namespace lectern;
using namespace lectern::ui;
using namespace lectern::ui::testing;

namespace {


QString writePdf(const QString& path, const std::vector<std::string>& pages) {
    ingest::testing::TestPdf pdf;
    pdf.title = "Quarterly report";
    for (const auto& text : pages) {
        ingest::testing::TestPage page;
        page.paragraphs = {text};
        pdf.pages.push_back(page);
    }
    if (!ingest::testing::write_test_pdf(path.toStdString(), pdf).ok()) return {};
    return path;
}

// An income statement: a sentence, then a table of four rows.
QString writeIncomeStatement(const QString& path) {
    ingest::testing::TestPdf pdf;
    pdf.title = "Income statement";
    ingest::testing::TestPage page;
    ingest::testing::TestBlock intro, table;
    intro.paragraph = "Consolidated income statement for the year.";
    table.table.rows = {{"", "2025", "2024"},
                        {"Revenue", "1,284,310", "1,102,877"},
                        {"Profit before tax", "294,800", "220,674"},
                        {"Income tax expense", "(73,700)", "(55,168)"},
                        {"Profit for the year", "221,100", "165,506"}};
    table.table.widths = {200, 90, 90};
    page.blocks = {intro, table};
    pdf.pages.push_back(page);
    if (!ingest::testing::write_test_pdf(path.toStdString(), pdf).ok()) return {};
    return path;
}

// A contract in three parts, its payment clause changed with tracked changes.
QString writeContract(const QString& path) {
    ingest::testing::DocxMaker m;
    m.title = "Services Agreement";
    m.run(m.paragraph("Title"), "Services Agreement");
    m.run(m.paragraph(), "This agreement is made between Acme and Beta.");
    m.heading("Term", 1);
    m.run(m.paragraph(), "The agreement runs for two years.");
    auto due = m.paragraph();
    m.run(due, "Invoices are due within ");
    m.deletion(due, "thirty (30)", "Jane Doe", "2026-03-01T10:00:00Z");
    m.insertion(due, "sixty (60)", "Jane Doe", "2026-03-01T10:05:00Z");
    m.run(due, " days of receipt.");
    m.run(m.paragraph(), "Late payment bears interest at 5 % a year.");
    m.heading("Fees", 1);
    m.run(m.paragraph(), "Fees are net of tax.");
    if (!m.write(path.toStdString()).ok()) return {};
    return path;
}

// The words the viewer's text highlights (its line mark selects nothing).
QStringList highlightedWords(DocumentViewer* viewer) {
    QStringList out;
    for (auto* text : viewer->findChildren<QPlainTextEdit*>())
        for (const auto& s : text->extraSelections())
            if (s.cursor.hasSelection()) out << s.cursor.selectedText();
    return out;
}

}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pdf;
    std::atomic<bool> m_slow{false};

    std::unique_ptr<MainWindow> makeWindow() { return makeTestWindow(m_dir.filePath("lectern.conf")); }
    bool openModel(MainWindow& w) {
        // A pause per layer, while m_slow is set, makes an answer last long enough to stop.
        return openTestModel(w, [this](std::int64_t) {
            if (m_slow) std::this_thread::sleep_for(std::chrono::milliseconds(3));
        });
    }
    bool openPdf(MainWindow& w, const QString& path) { return openAndCount(w, path); }
    bool askAndWait(MainWindow& w, const QString& q) {
        QSignalSpy ended(&w, &MainWindow::taskEnded);
        w.ask(q);
        return ended.wait(kWait) && ended.first().first().toBool();
    }

private slots:
    void initTestCase() {
        useEmptyTestFolders();
        QVERIFY(m_dir.isValid());
        m_pdf = writePdf(m_dir.filePath("report.pdf"),
                         {"Northwind Logistics moved four million parcels in the year.",
                          "Revenue grew by twelve percent to 318 million euros, driven by the cold chain service.",
                          "The board proposes a dividend of one euro per share."});
        QVERIFY(!m_pdf.isEmpty());
    }

    void countsAreTheTokenizersAndTheMeterIsThePackedPrompt() {
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w, m_pdf));
        const auto& plan = *w->plan();
        QCOMPARE(plan.documentTokens.size(), std::size_t(1));

        QProcess cli;
        cli.start(QStringLiteral(LECTERN_BINARY_DIR "/app/lectern-cli"),
                  {"ingest", m_pdf, "--tokenizer", kModel, "--json"});
        QVERIFY(cli.waitForFinished(kWait));
        QCOMPARE(cli.exitCode(), 0);
        const auto json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(qint64(plan.documentTokens[0]), json.value("total_tokens").toInteger());
        // Each page row shows its count.
        QTreeWidget* tree = w->library()->documentTree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->childCount(), 3);
        QCOMPARE(tree->topLevelItem(0)->text(1).remove(',').toLongLong(), qint64(plan.documentTokens[0]));

        QCOMPARE(w->statusPanel()->budgetMeter()->value(), int(plan.used()));
        QCOMPARE(w->statusPanel()->budgetText(), QStringLiteral("%1 / 4,096 tokens").arg(QLocale().toString(qlonglong(plan.used()))));
        QVERIFY(askAndWait(*w, "How much did revenue grow?"));
        // The meter counted exactly the prompt Ask prefilled: BOS + system + documents.
        QCOMPARE(w->lastAsk()->prefixTokens, plan.prefixTokens);
        QCOMPARE(plan.used(), plan.prefixTokens + plan.answerReserve);
    }

    void anAnswerStreamsStopKeepsItAndTheEngineTakesTheNext() {
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w, m_pdf));
        QVERIFY(askAndWait(*w, "First question?"));
        m_slow = true;
        QSignalSpy ended(w.get(), &MainWindow::taskEnded);
        w->ask("Tell me everything about the dividend.");
        QTRY_VERIFY_WITH_TIMEOUT(!w->conversation()->streamedText().isEmpty(), kWait);
        w->stop();
        QVERIFY(ended.wait(kWait));
        m_slow = false;
        QVERIFY(w->lastAsk()->stopped);
        auto t = w->bridge().core().transcript(w->currentSession());
        QVERIFY(t.ok());
        QCOMPARE(t->messages.back().role, std::string("assistant"));
        QCOMPARE(t->messages.back().status, app::MessageStatus::Stopped);
        QVERIFY(!t->messages.back().text.empty());
        QVERIFY(w->conversation()->toPlainText().contains("Stopped: the answer is incomplete."));

        // The engine takes the next question, and a follow-up prefills only its own tokens.
        QVERIFY(askAndWait(*w, "And the revenue?"));
        QVERIFY(!w->lastAsk()->stopped);
        QVERIFY(askAndWait(*w, "Anything else?"));
        QCOMPARE(w->lastAsk()->contextSource, std::string("memory"));
        QCOMPARE(w->lastAsk()->stats.prefilledTokens, w->lastAsk()->questionTokens);
    }

    void aCitationLinkMovesTheViewerToItsPageAndHighlights() {
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w, m_pdf));
        const std::int64_t session = w->currentSession();
        QVERIFY(addExchange(session, "What happened to revenue?",
                            "Revenue grew by twelve percent [p. 2]. See also [p. 9]."));
        QSignalSpy shown(w.get(), &MainWindow::sessionShown);
        w->openSession(session);
        QCOMPARE(w->conversation()->citations().size(), std::size_t(2));
        QVERIFY(w->conversation()->citations()[0].citation.valid);
        QVERIFY(!w->conversation()->citations()[1].citation.valid);  // there is no page 9
        QVERIFY(w->conversation()->toPlainText().contains("(no such page)"));

        // Click the link where it is drawn.
        QTextCursor found = w->conversation()->document()->find("[p. 2]");
        QVERIFY(!found.isNull());
        QTextCursor inside(found);
        inside.setPosition(found.selectionStart() + 2);
        const QPoint at = w->conversation()->cursorRect(inside).center();
        QSignalSpy cited(w.get(), &MainWindow::citationShown);
        QTest::mouseClick(w->conversation()->viewport(), Qt::LeftButton, {}, at);
        QVERIFY(cited.wait(kWait));
        QCOMPARE(cited.first().at(0).toInt(), 2);
        QVERIFY(cited.first().at(1).toInt() > 0);
        QCOMPARE(w->viewer()->currentPage(), 2);
        QVERIFY(!w->viewer()->highlightRects().isEmpty());
    }

    void aTableCitationHighlightsTheRowItSpeaksOf() {
        const QString pdf = writeIncomeStatement(m_dir.filePath("income.pdf"));
        QVERIFY(!pdf.isEmpty());
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w, pdf));
        QTreeWidget* tree = w->library()->documentTree();
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(0).contains(QStringLiteral("(1 table)")), true);
        const std::int64_t session = w->currentSession();
        QVERIFY(addExchange(session, "What was the tax?",
                            "The income tax expense was 73,700 [p. 1, table 1]."));
        w->openSession(session);  // the stored session: its tables come back from the store
        QCOMPARE(w->conversation()->citations().size(), std::size_t(1));
        QVERIFY(w->conversation()->citations()[0].citation.valid);
        QCOMPARE(w->conversation()->citations()[0].citation.table, 1);
        QTextCursor found = w->conversation()->document()->find("[p. 1, table 1]");
        QVERIFY(!found.isNull());
        QTextCursor inside(found);
        inside.setPosition(found.selectionStart() + 2);
        QSignalSpy cited(w.get(), &MainWindow::citationShown);
        QTest::mouseClick(w->conversation()->viewport(), Qt::LeftButton, {}, w->conversation()->cursorRect(inside).center());
        QVERIFY(cited.wait(kWait));
        QCOMPARE(cited.first().at(0).toInt(), 1);
        const QList<QRectF> rects = w->viewer()->highlightRects();
        QCOMPARE(rects.size(), 1);
        // The row of "Income tax expense": one line high, from its label to its last figure.
        QVERIFY2(rects[0].height() < 20, qPrintable(QString::number(rects[0].height())));
        QVERIFY(rects[0].width() > 300);
    }

    void aParagraphCitationOfADocxOpensItsSectionAndHighlights() {
        const QString docx = writeContract(m_dir.filePath("contract.docx"));
        QVERIFY(!docx.isEmpty());
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w, docx));
        // Its parts, named by their headings, with the paragraphs each holds.
        QTreeWidget* tree = w->library()->documentTree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Services Agreement"));
        QCOMPARE(tree->topLevelItem(0)->childCount(), 3);
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(0), QStringLiteral("Services Agreement  ¶1"));
        QCOMPARE(tree->topLevelItem(0)->child(1)->text(0), QStringLiteral("Term  ¶2–4"));
        QCOMPARE(tree->topLevelItem(0)->child(2)->text(0), QStringLiteral("Fees  ¶5"));
        QVERIFY(tree->topLevelItem(0)->child(1)->text(1).remove(',').toLongLong() > 0);
        const std::int64_t session = w->currentSession();
        QVERIFY(addExchange(session, "When are invoices due?",
                            "Invoices are due within sixty days of receipt [¶3]. Fees are "
                            "set in [§9] and [¶12]."));
        w->openSession(session);
        const auto& citations = w->conversation()->citations();
        QCOMPARE(citations.size(), std::size_t(3));
        QVERIFY(citations[0].citation.valid);
        QCOMPARE(citations[0].citation.paragraph, 3);
        QVERIFY(!citations[1].citation.valid);
        QVERIFY(!citations[2].citation.valid);
        const QString shown = w->conversation()->toPlainText();
        QVERIFY2(shown.contains("(no such section)") && shown.contains("(no such paragraph)"), qPrintable(shown));

        QTextCursor found = w->conversation()->document()->find("[¶3]");
        QVERIFY(!found.isNull());
        QTextCursor inside(found);
        inside.setPosition(found.selectionStart() + 2);
        const QPoint at = w->conversation()->cursorRect(inside).center();
        QSignalSpy cited(w.get(), &MainWindow::citationShown);
        QTest::mouseClick(w->conversation()->viewport(), Qt::LeftButton, {}, at);
        // A text's highlight is made at once (a PDF page's after its render).
        QVERIFY(!cited.isEmpty() || cited.wait(kWait));
        QCOMPARE(cited.first().at(1).toInt(), 1);  // the quote occurs once
        // The section "Term" at the line of ¶3, its quoted words highlighted.
        QCOMPARE(w->viewer()->currentFile(), QStringLiteral("Term"));
        QCOMPARE(w->viewer()->currentLine(), 5);  // "# Term", "", "¶2 ...", "", "¶3 Invoices ..."
        QCOMPARE(highlightedWords(w->viewer()), QStringList{QStringLiteral("Invoices are due within")});
    }

    void linksTheModelWroteDoNothingAndItsImagesAreNotLoaded() {
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w, m_pdf));
        const std::int64_t session = w->currentSession();
        QVERIFY(addExchange(session, "Hello?",
                            "[Again](act:regenerate/0) [Cite](cite:0) <b>bold</b> ![x](file:///etc/passwd)"));
        w->openSession(session);
        ConversationView* c = w->conversation();
        QVERIFY(c->toPlainText().contains("<b>bold</b>"));  // HTML is shown as text
        QSignalSpy regenerate(c, &ConversationView::regenerateRequested);
        QSignalSpy cited(c, &ConversationView::citationActivated);
        emit c->anchorClicked(QUrl("act:regenerate/0"));
        emit c->anchorClicked(QUrl("cite:0"));
        QCOMPARE(regenerate.count(), 0);
        QCOMPARE(cited.count(), 0);
        QVERIFY(!w->taskRunning());
        QVERIFY(!c->loadResource(QTextDocument::ImageResource, QUrl("file:///etc/passwd")).isValid());
    }

    void anAnswerThatEndsWhileAnotherSessionIsOpenLeavesTheUserThere() {
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w, m_pdf));
        const std::int64_t first = w->currentSession();
        QVERIFY(askAndWait(*w, "A first question?"));
        QVERIFY(openPdf(*w, writePdf(m_dir.filePath("other.pdf"), {"Another document entirely."})));
        const std::int64_t other = w->currentSession();
        QVERIFY(other != first);
        w->openSession(first);
        m_slow = true;
        QSignalSpy ended(w.get(), &MainWindow::taskEnded);
        w->ask("A long answer, please.");
        QTRY_VERIFY_WITH_TIMEOUT(!w->conversation()->streamedText().isEmpty(), kWait);
        w->openSession(other);
        w->stop();
        QVERIFY(ended.wait(kWait));
        m_slow = false;
        QCOMPARE(w->currentSession(), other);
        QVERIFY(w->conversation()->toPlainText().contains("Ask a question about"));
    }

    void aLockedPdfAsksForItsPasswordAndOpens() {
        const QString plain = writePdf(m_dir.filePath("plain.pdf"), {"The secret margin was nine percent."});
        const QString locked = m_dir.filePath("locked.pdf");
        QCOMPARE(QProcess::execute("qpdf", {"--encrypt", "hunter2", "owner-pw", "256", "--", plain, locked}), 0);
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        w->openPaths({locked});
        QTRY_VERIFY_WITH_TIMEOUT(w->passwordPrompt() != nullptr, kWait);
        QSignalSpy planned(w.get(), &MainWindow::planned);
        w->passwordPrompt()->setTextValue("hunter2");
        w->passwordPrompt()->accept();
        QVERIFY(planned.wait(kWait));
        QCOMPARE(w->documents().size(), std::size_t(1));
        QVERIFY(QString::fromStdString(w->documents()[0].units[0].text).contains("nine percent"));
        QSignalSpy opened(w->viewer(), &DocumentViewer::pdfOpened);
        QTRY_VERIFY_WITH_TIMEOUT(w->viewer()->pageCount() == 1, kWait);  // the viewer unlocked it too
    }

    void theSessionIsThereAfterTheWindowIsClosedAndOpenedAgain() {
        std::int64_t session = 0;
        {
            auto w = makeWindow();
            QVERIFY(w);
            QVERIFY(openModel(*w));
            QVERIFY(openPdf(*w, m_pdf));
            QVERIFY(askAndWait(*w, "Which zygomorphic flowers are mentioned?"));
            session = w->currentSession();
            w->close();
        }
        auto w = makeWindow();
        QVERIFY(w);
        QListWidget* list = w->library()->sessionList();
        bool listed = false;
        for (int i = 0; i < list->count(); ++i) listed |= list->item(i)->data(Qt::UserRole).toLongLong() == session;
        QVERIFY(listed);
        w->openSession(session);
        QVERIFY(w->conversation()->toPlainText().contains("zygomorphic"));
        // Export, in both formats.
        QVERIFY(w->exportSession(m_dir.filePath("session.md"), MainWindow::ExportFormat::Markdown).ok());
        QVERIFY(w->exportSession(m_dir.filePath("session.json"), MainWindow::ExportFormat::Json).ok());
        QFile md(m_dir.filePath("session.md"));
        QVERIFY(md.open(QIODevice::ReadOnly));
        QVERIFY(md.readAll().contains("zygomorphic"));
        QFile json(m_dir.filePath("session.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const auto exported = QJsonDocument::fromJson(json.readAll()).object();
        QVERIFY(!exported.isEmpty());
        QVERIFY(QJsonDocument(exported).toJson().contains("zygomorphic"));
        QVERIFY(!w->exportSession("/nonexistent-folder/session.md", MainWindow::ExportFormat::Markdown).ok());

        // Search finds the word, which occurs only in the question's message body.
        w->library()->searchBox()->setText("zygomorphic");
        QTRY_VERIFY_WITH_TIMEOUT(list->count() > 0 && list->item(0)->text().contains(QStringLiteral("«zygomorphic»")), 10000);
        QSignalSpy shown(w.get(), &MainWindow::sessionShown);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
        QVERIFY(!shown.isEmpty() || shown.wait(5000));
        QCOMPARE(shown.first().first().toLongLong(), qlonglong(session));
    }

    void anAnswerKilledMidwayIsThereMarkedStoppedAfterARelaunch() {
        // The real lectern, slowed per layer, asks; it is killed (SIGKILL) once part of the
        // answer has been committed.
        const QString data = m_dir.filePath("killed-data");
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("LECTERN_DATA_DIR", data);
        env.insert("LECTERN_CACHE_DIR", m_dir.filePath("killed-cache"));
        env.insert("XDG_CONFIG_HOME", m_dir.filePath("killed-config"));
        env.insert("LECTERN_LAYER_DELAY_MS", "10");
        child.setProcessEnvironment(env);
        child.start(QStringLiteral(LECTERN_BINARY_DIR "/ui/lectern"),
                    {"--model", kModel, "--context", "4096", "--ask", "Tell me everything about the report.", m_pdf});
        QVERIFY(child.waitForStarted(kWait));
        std::string partial;
        std::int64_t session = 0;
        QElapsedTimer clock;
        clock.start();
        while (partial.empty() && clock.elapsed() < kWait) {
            QTest::qWait(50);
            auto store = app::Store::open((data + "/lectern.db").toStdString());
            if (!store) continue;
            auto sessions = store->sessions().list();
            if (!sessions || sessions->empty()) continue;
            auto messages = store->messages().list(sessions->front().id);
            if (!messages || messages->empty()) continue;
            const auto& last = messages->back();
            if (last.role == "assistant" && last.status == app::MessageStatus::Streaming && !last.text.empty()) {
                partial = last.text;
                session = sessions->front().id;
            }
        }
        QVERIFY2(!partial.empty(), "no part of the answer was committed while it streamed");
        child.kill();  // SIGKILL
        QVERIFY(child.waitForFinished(kWait));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        auto bridge = CoreBridge::open(data + "/lectern.db", m_dir.filePath("killed-cache/kv"));
        QVERIFY(bridge.ok());
        MainWindow w(std::move(bridge.value()), std::make_unique<QSettings>(m_dir.filePath("k.conf"), QSettings::IniFormat));
        w.show();
        w.openSession(session);
        auto t = w.bridge().core().transcript(session);
        QVERIFY(t.ok());
        QCOMPARE(t->messages.back().status, app::MessageStatus::Stopped);
        QVERIFY(t->messages.back().text.size() >= partial.size());
        QVERIFY(w.conversation()->toPlainText().contains("Stopped: the answer is incomplete."));
    }

    void documentsThatDoNotFitAreAnnouncedBeforeAsking() {
        std::vector<std::string> pages;
        for (int p = 1; p <= 40; ++p) {
            std::string text = "Page " + std::to_string(p) + " of the long appendix.";
            for (int w = 0; w < 30; ++w) text += " The tables list shipments, costs and customers " + std::to_string(w);
            pages.push_back(text);
        }
        const QString big = writePdf(m_dir.filePath("appendix.pdf"), pages);
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w, big));
        QVERIFY(!w->plan()->fits);
        std::size_t left = 0;
        for (const auto& u : w->plan()->units) left += !u.included;
        QVERIFY(left > 0);
        QVERIFY(w->summarizePlan() && w->summarizePlan()->mapReduce);
        QVERIFY(!w->fitNotice()->isHidden());
        const QString notice = w->fitNotice()->text();
        QVERIFY2(notice.contains(QStringLiteral("leave out %1 of 40").arg(left)), qPrintable(notice));
        QVERIFY2(notice.contains(QStringLiteral("in %1 chunks").arg(w->summarizePlan()->chunks)), qPrintable(notice));
        // Ask then leaves out exactly what the notice said.
        QVERIFY(askAndWait(*w, "What is on the last page?"));
        bool said = false;
        for (const auto& n : w->lastAsk()->notes) said |= n.rfind(std::to_string(left) + " pages or files did not fit", 0) == 0;
        QVERIFY(said);
    }

    // A model on an OpenAI-compatible server (scripted, on loopback), chosen with its key file
    // and the model's tokenizer here: the status bar names it, Ask answers through it, the
    // session records it, and the picker offers it again on its server page.
    void aModelOnAServerAnswersAndThePickerOffersItAgain() {
        lectern::testing::ScriptedServer server(8192);
        auto tokenizer = Tokenizer::load(kModel.toStdString());
        QVERIFY(tokenizer.ok());
        server.countText = [t = std::shared_ptr<Tokenizer>(std::move(tokenizer.value()))](const std::string& text) {
            return static_cast<std::int64_t>(t->count(text)) + 1;
        };
        server.script({}, lectern::testing::ScriptedServer::ok("Revenue grew by twelve percent [p. 2]."));
        const QString keyFile = m_dir.filePath("server.key");
        {
            QFile key(keyFile);
            QVERIFY(key.open(QIODevice::WriteOnly));
            key.write("sk-right\n");
        }
        const QString url = QString::fromStdString(server.config().baseUrl);
        auto w = makeWindow();
        QVERIFY(w);
        ModelChoice c;
        c.remote = true;
        c.url = url;
        c.apiKeyFile = keyFile;
        c.tokenizer = kModel;
        QSignalSpy opened(w.get(), &MainWindow::modelOpened);
        w->openModel(c);
        QVERIFY(opened.wait(kWait));
        QCOMPARE(w->statusPanel()->modelText(), QStringLiteral("fake-70b at %1 · REMOTE").arg(url));
        QVERIFY(openPdf(*w, m_pdf));
        QVERIFY(askAndWait(*w, "How much did revenue grow?"));
        QCOMPARE(w->lastAsk()->answer, std::string("Revenue grew by twelve percent [p. 2]."));
        QCOMPARE(w->lastAsk()->contextSource, std::string("server"));
        QVERIFY(w->conversation()->toPlainText().contains("Revenue grew by twelve percent"));
        auto t = w->bridge().core().transcript(w->currentSession());
        QVERIFY(t.ok());
        QCOMPARE(QString::fromStdString(t->session.model), QStringLiteral("fake-70b at %1").arg(url));
        Preferences& prefs = w->preferences();
        QCOMPARE(prefs.value("model/kind"), QStringLiteral("remote"));
        QCOMPARE(prefs.value("remote/url"), url);
        QCOMPARE(prefs.value("remote/keyFile"), keyFile);
        QCOMPARE(prefs.value("remote/tokenizer"), QString(kModel));
        const ModelChoice saved = savedModelChoice(prefs);
        QVERIFY(saved.remote);
        QCOMPARE(saved.url, url);
        // The picker's server page: Load waits for a URL and a tokenizer.
        ModelDialog dialog(ModelChoice{});
        dialog.showServerPage();
        QVERIFY(!dialog.acceptable());
        auto field = [&](const char* name) {
            for (auto* e : dialog.findChildren<QLineEdit*>())
                if (e->accessibleName() == QLatin1String(name)) return e;
            return static_cast<QLineEdit*>(nullptr);
        };
        QVERIFY(field("Server URL") && field("Tokenizer"));
        field("Server URL")->setText("gpu-node:8000");
        field("Tokenizer")->setText(kModel);
        QVERIFY(!dialog.acceptable());  // not a URL
        field("Server URL")->setText(url);
        QVERIFY(dialog.acceptable());
        QVERIFY(dialog.choice().remote);
        QCOMPARE(dialog.choice().url, url);
        prefs.setValue(QStringLiteral("model/kind"), QStringLiteral("local"));
        w.reset();
    }

    void whatTheModelSawShowsThePromptWithThePages() {
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w, m_pdf));
        QVERIFY(askAndWait(*w, "What is proposed?"));
        auto t = w->bridge().core().transcript(w->currentSession());
        QVERIFY(t.ok());
        QSignalSpy shown(w.get(), &MainWindow::promptShown);
        w->showPromptView(t->messages.front().id);
        QVERIFY(shown.wait(kWait));
        auto* dialog = qobject_cast<PromptDialog*>(shown.first().first().value<QDialog*>());
        QVERIFY(dialog);
        QVERIFY(dialog->promptText().contains("dividend of one euro per share"));
        QVERIFY(dialog->promptText().contains("What is proposed?"));
        QCOMPARE(dialog->coverage()->total(), 3);
        QCOMPARE(dialog->coverage()->included(), 3);
        dialog->close();
    }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
