// The window's preferences and what they reach: settings kept across a restart and Restore
// Defaults, the OCR languages and the answer settings reaching the tasks, the storage page,
// a guard model screening questions and answers, the models found on this computer in the
// picker, and the exports naming each citation's document.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAccessibleEvent>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextLayout>
#include <QTimer>
#include <QTreeWidget>

#include <map>

#include "accessibility_events.h"
#include "appearance.h"
#include "conversation_view.h"
#include "found_models.h"
#include "core_bridge.h"
#include "i18n.h"
#include "library_panel.h"
#include "main_window.h"
#include "pseudo_translation.h"
#include "model_dialog.h"
#include "settings_dialog.h"
#include "status_panel.h"
#include "store.h"
#include "window_test_support.h"

using namespace lectern;
using namespace lectern::ui;
using namespace lectern::ui::testing;

class WindowPreferencesTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pdf;

    std::unique_ptr<MainWindow> makeWindow() { return makeTestWindow(m_dir.filePath("lectern.conf")); }
    bool openModel(MainWindow& w) { return openTestModel(w); }
    bool openPdf(MainWindow& w) { return openAndCount(w, m_pdf); }

private slots:
    void initTestCase() {
        useEmptyTestFolders();
        QVERIFY(m_dir.isValid());
        // Edited prompt templates go here, not into the user's config folder.
        qputenv("LECTERN_CONFIG_DIR", m_dir.filePath("config").toUtf8());
        m_pdf = m_dir.filePath("report.pdf");
        QVERIFY(writeTwoPageReport(m_pdf));
        QVERIFY(installLanguage(QStringLiteral("en")));
    }

    void settingsSurviveARestartAndRestoreDefaultsPutsThemBack() {
        const std::string name = "ask_system";
        {
            auto w = makeWindow();
            QVERIFY(w);
            bool edited = false;
            whenShown(w.get(), &MainWindow::settingsShown, [&](QDialog* d) {
                auto* s = qobject_cast<SettingsDialog*>(d);
                s->customSampling()->setChecked(true);
                s->temperatureBox()->setValue(0.25);
                s->maxTokensBox()->setValue(2048);
                s->promptBox()->setCurrentIndex(s->promptBox()->findData(QString::fromStdString(name)));
                s->promptEditor()->setPlainText(QStringLiteral("Answer in one sentence.\n{{documents}}"));
                s->languageBox()->setCurrentIndex(s->languageBox()->findData(QStringLiteral("fr")));
                for (int i = 0; i < s->ocrLanguages()->count(); ++i)
                    if (s->ocrLanguages()->item(i)->data(Qt::UserRole).toString() == QStringLiteral("deu"))
                        s->ocrLanguages()->item(i)->setCheckState(Qt::Checked);
                edited = true;
                s->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
            });
            QSignalSpy changed(w.get(), &MainWindow::languageChanged);
            w->showSettings();
            QVERIFY(edited);
            QVERIFY(changed.wait(kWait));
            QCOMPARE(w->menuBar()->actions().first()->text(), QStringLiteral("&Fichier"));
        }
        QVERIFY(installLanguage(QStringLiteral("en")));
        // A new process would read the same database: a new core and window.
        auto w = makeWindow();
        QVERIFY(w);
        const AnswerPreferences a = w->preferences().answers();
        QVERIFY(a.custom);
        QCOMPARE(a.temperature, 0.25f);
        QCOMPARE(a.maxTokens, std::int64_t(2048));
        QCOMPARE(a.samplingFor(app::TaskKind::Review).temperature, 0.25f);
        QCOMPARE(w->preferences().language(), QStringLiteral("fr"));
        QCOMPARE(w->preferences().value(QStringLiteral("ocr/languages")), QStringLiteral("deu"));
        QCOMPARE(chosenLanguage(w->preferences().language()), QStringLiteral("fr"));
        auto t = app::AppCore::promptTemplate(name);
        QVERIFY(t.ok());
        QVERIFY(t->edited);
        QCOMPARE(t->text, std::string("Answer in one sentence.\n{{documents}}"));

        bool reset = false;
        whenShown(w.get(), &MainWindow::settingsShown, [&](QDialog* d) {
            auto* s = qobject_cast<SettingsDialog*>(d);
            // The dialog shows what was saved.
            QCOMPARE(s->temperatureBox()->value(), 0.25);
            QCOMPARE(s->maxTokensBox()->value(), 2048);
            s->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::RestoreDefaults)->click();
            QVERIFY(!s->customSampling()->isChecked());
            QCOMPARE(s->maxTokensBox()->value(), 512);
            reset = true;
            s->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        });
        w->showSettings();
        QVERIFY(reset);
        const AnswerPreferences d = w->preferences().answers();
        QVERIFY(!d.custom);
        QCOMPARE(d.maxTokens, std::int64_t(512));
        QCOMPARE(d.samplingFor(app::TaskKind::Ask).temperature, app::defaultSampling(app::TaskKind::Ask).temperature);
        QVERIFY(w->preferences().language().isEmpty());
        QVERIFY(w->preferences().value(QStringLiteral("ocr/languages")).isEmpty());
        t = app::AppCore::promptTemplate(name);
        QVERIFY(t.ok());
        QVERIFY(!t->edited);
        QCOMPARE(t->text, t->shipped);
    }

    // The OCR languages of the settings reach the reader: a scanned page is read in German
    // when German is chosen (without a choice, Tesseract's script detection picks a language).
    void theOcrLanguagesReachTheReader() {
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        ingest::testing::TestPdf scan;
        ingest::testing::TestPage page;
        page.paragraphs = {"Die Umsatzerlöse stiegen im Geschäftsjahr um zwölf Prozent."};
        page.font = "DejaVu Sans 16";
        page.as_image = true;
        scan.pages.push_back(page);
        const QString path = m_dir.filePath("scan.pdf");
        QVERIFY(ingest::testing::write_test_pdf(path.toStdString(), scan).ok());
        w->preferences().setValue(QStringLiteral("ocr/languages"), QStringLiteral("deu"));
        QSignalSpy shown(w.get(), &MainWindow::sessionShown);
        w->openPaths({path});
        QVERIFY(shown.wait(kWait));
        QCOMPARE(int(w->documents().size()), 1);
        const ingest::Unit& unit = w->documents().front().units.at(0);
        QCOMPARE(QString::fromStdString(unit.quality.ocr_language), QStringLiteral("deu"));
        QVERIFY2(QString::fromStdString(unit.text).contains(QStringLiteral("Umsatzerl")), unit.text.c_str());
        w->preferences().remove(QStringLiteral("ocr/languages"));
    }

    // The Answers page reaches the task: the answer's length, and a fixed seed draws the same
    // answer twice at a high temperature (a fresh seed would not, but that is chance, not tested).
    void theAnswerPreferencesReachAsk() {
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w));
        AnswerPreferences a;
        a.custom = true;
        a.temperature = 1.5f;
        a.topP = 1.0f;
        a.seed = 1234;
        a.maxTokens = 12;
        w->preferences().setAnswers(a);
        QStringList answers;
        for (int i = 0; i < 2; ++i) {
            QSignalSpy ended(w.get(), &MainWindow::taskEnded);
            w->ask(QStringLiteral("How many parcels were moved?"));
            QVERIFY(ended.wait(kWait));
            QVERIFY(ended.first().first().toBool());
            QVERIFY(w->lastAsk().has_value());
            QVERIFY2(w->lastAsk()->stats.tokens.size() <= 12u, qPrintable(QString::number(w->lastAsk()->stats.tokens.size())));
            QCOMPARE(w->lastAsk()->stats.reason, StopReason::MaxTokens);  // a random tiny model never ends on its own
            answers << QString::fromStdString(w->lastAsk()->answer);
            w->openPaths({m_pdf});  // a new session: the same prompt again
            QSignalSpy shown(w.get(), &MainWindow::sessionShown);
            QVERIFY(shown.wait(kWait));
        }
        QCOMPARE(answers[0], answers[1]);
        w->preferences().resetAll();
    }

    void theStoragePageShowsTheFoldersAndClearsTheSavedPrefixes() {
        auto w = makeWindow();
        QVERIFY(w);
        const app::StorageUsage before = w->bridge().core().storage();
        QVERIFY(!before.snapshotDirectory.empty());
        QDir().mkpath(QString::fromStdString(before.snapshotDirectory));
        for (const char* f : {"a.kv", "b.kv"}) {
            QFile file(QString::fromStdString(before.snapshotDirectory) + "/" + f);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(4096, 'x'));
        }
        SettingsDialog s(w->bridge(), w->preferences(), w.get());
        const qlonglong files = before.snapshotFiles + 2;  // what earlier asks saved, and these
        QVERIFY2(s.storageText()->text().contains(QStringLiteral("%1 files").arg(files)), qPrintable(s.storageText()->text()));
        QVERIFY(s.storageText()->text().contains(QString::fromStdString(before.databasePath).toHtmlEscaped()));
        QVERIFY(s.clearPrefixesButton()->isEnabled());
        QSignalSpy cleared(&s, &SettingsDialog::prefixesCleared);
        s.clearPrefixesButton()->click();
        QVERIFY(cleared.wait(kWait));
        QCOMPARE(cleared.first().first().toLongLong(), files);
        QCOMPARE(w->bridge().core().storage().snapshotFiles, std::int64_t(0));
        QVERIFY(!s.clearPrefixesButton()->isEnabled());
    }

    // A guard model set in the settings opens beside the model; the question and the answer
    // are screened and their verdicts shown under them (the fixture model stands in as the
    // guard: its verdicts are random, mostly unreadable, and marked as such, never as safe).
    void aGuardModelScreensTheQuestionAndMarksTheAnswer() {
        auto w = makeWindow();
        QVERIFY(w);
        w->preferences().setValue(QStringLiteral("guard/path"), QStringLiteral(LECTERN_TEST_DATA "/gguf/llama31-tiny-Q8_0.gguf"));
        QSignalSpy guarded(w.get(), &MainWindow::guardChanged);
        QVERIFY(openModel(*w));
        QVERIFY(guarded.count() > 0 || guarded.wait(kWait));
        QVERIFY(guarded.first().first().toBool());
        QVERIFY(w->bridge().core().hasGuard());
        QVERIFY(openPdf(*w));
        QSignalSpy ended(w.get(), &MainWindow::taskEnded);
        w->ask(QStringLiteral("How many parcels were moved?"));
        QVERIFY(ended.wait(kWait));
        QVERIFY(w->lastAsk() && w->lastAsk()->questionVerdict);
        const QString shown = w->conversation()->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("Guard: ")), qPrintable(shown));
        auto t = w->bridge().core().transcript(w->currentSession());
        QVERIFY(t.ok());
        if (w->lastAsk()->refused) {
            QVERIFY(w->lastAsk()->questionVerdict->kind == app::GuardVerdict::Kind::Unsafe);
        } else {
            QVERIFY(w->lastAsk()->answerVerdict);
            int screened = 0;
            for (const auto& m : t->messages) screened += !m.guard.empty();
            QCOMPARE(screened, 2);
            if (w->lastAsk()->answerVerdict->kind != app::GuardVerdict::Kind::Safe)
                QVERIFY2(!shown.contains(QStringLiteral("Guard: safe")) || w->lastAsk()->questionVerdict->kind ==
                                                                               app::GuardVerdict::Kind::Safe,
                         qPrintable(shown));
        }
        // Cleared in the settings: the guard closes.
        w->preferences().remove(QStringLiteral("guard/path"));
        guarded.clear();
        w->applyGuard();
        QVERIFY(guarded.wait(kWait));
        QVERIFY(!w->bridge().core().hasGuard());
    }

    // The picker lists the models already here: one from Ollama's store that fits, and one of
    // another architecture in the user's folder, greyed with the reason; choosing a row fills
    // the path in.
    void thePickerListsTheModelsOnThisComputer() {
        const QString ollama = m_dir.filePath("ollama");
        QDir().mkpath(ollama + "/blobs");
        QDir().mkpath(ollama + "/manifests/registry.ollama.ai/library/llama3.2");
        QVERIFY(QFile::copy(kModel, ollama + "/blobs/sha256-beef"));
        QFile manifest(ollama + "/manifests/registry.ollama.ai/library/llama3.2/1b");
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write(R"({"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:beef"}]})");
        manifest.close();
        const QString mine = m_dir.filePath("my-models/qwen");
        QDir().mkpath(mine);
        QFile config(mine + "/config.json");
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"model_type":"qwen2"})");
        config.close();
        QFile weights(mine + "/model.safetensors");
        QVERIFY(weights.open(QIODevice::WriteOnly));
        weights.close();
        qputenv("OLLAMA_MODELS", ollama.toUtf8());
        qputenv("HF_HUB_CACHE", m_dir.filePath("no-hub").toUtf8());
        ModelChoice choice;
        choice.modelFolders = {m_dir.filePath("my-models")};
        ModelDialog picker(choice);
        QSignalSpy found(picker.foundModels(), &FoundModels::found);
        QVERIFY(found.wait(kWait));
        QTreeWidget* list = picker.foundModels()->list();
        QTreeWidgetItem* llama = nullptr;
        QTreeWidgetItem* qwen = nullptr;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = list->topLevelItem(i);
            if (item->text(0) == QStringLiteral("llama3.2:1b")) llama = item;
            if (item->text(0) == QStringLiteral("qwen")) qwen = item;
        }
        QVERIFY(llama && qwen);
        QCOMPARE(llama->text(1), QStringLiteral("Ollama"));
        QCOMPARE(llama->text(3), QStringLiteral("F16"));
        QCOMPARE(llama->text(4), QStringLiteral("128K"));
        QVERIFY2(llama->text(5).startsWith(QStringLiteral("fits")), qPrintable(llama->text(5)));
        QVERIFY(!llama->isDisabled());
        QCOMPARE(qwen->text(5), QStringLiteral("cannot run: qwen2"));
        QVERIFY(qwen->isDisabled());
        QVERIFY(qwen->toolTip(5).contains(QStringLiteral("not supported")));
        list->setCurrentItem(llama);
        QCOMPARE(picker.choice().path, ollama + "/blobs/sha256-beef");
        QVERIFY2(picker.acceptable(), qPrintable(picker.footprintText()));
        QCOMPARE(picker.choice().modelFolders, QStringList{m_dir.filePath("my-models")});
        qunsetenv("OLLAMA_MODELS");
        qunsetenv("HF_HUB_CACHE");
    }

    // The exports name each citation's document; Arabic stays right to left in HTML; the PDF
    // holds the text (poppler's pdftotext reads it back); an unwritable path is an error.
    void exportsNameTheCitedDocumentInMarkdownHtmlAndPdf() {
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w));
        const std::int64_t session = w->currentSession();
        QVERIFY(addExchange(session, "How did revenue do?",
                            "Revenue grew by twelve percent [p. 2].\n\nارتفعت الإيرادات [p. 2]."));
        w->openSession(session);
        using F = MainWindow::ExportFormat;
        QVERIFY(w->exportSession(m_dir.filePath("out.md"), F::Markdown).ok());
        QFile md(m_dir.filePath("out.md"));
        QVERIFY(md.open(QIODevice::ReadOnly));
        const QString markdown = QString::fromUtf8(md.readAll());
        QVERIFY2(markdown.contains(QStringLiteral("twelve percent [report.pdf p. 2].")), qPrintable(markdown));
        QVERIFY(!markdown.contains(QStringLiteral("[p. 2]")));

        QVERIFY(w->exportSession(m_dir.filePath("out.html"), F::Html).ok());
        QFile html(m_dir.filePath("out.html"));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(html.readAll());
        QVERIFY(page.contains(QStringLiteral("report.pdf p. 2")));
        // The Arabic paragraph is marked right to left, the English one is not.
        QVERIFY2(page.contains(QRegularExpression(QStringLiteral("<p [^>]*dir=.rtl.[^>]*>(<[^>]*>)*ارتفعت"))),
                 qPrintable(page.right(800)));
        QVERIFY(!page.contains(QRegularExpression(QStringLiteral("<p [^>]*dir=.rtl.[^>]*>(<[^>]*>)*Revenue"))));

        QVERIFY(w->exportSession(m_dir.filePath("out.pdf"), F::Pdf).ok());
        QFile pdf(m_dir.filePath("out.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {m_dir.filePath("out.pdf"), QStringLiteral("-")});
        QVERIFY(text.waitForFinished(kWait));
        const QString extracted = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(extracted.contains(QStringLiteral("report.pdf p. 2")), qPrintable(extracted));

        for (F f : {F::Markdown, F::Html, F::Pdf, F::Json})
            QVERIFY(!w->exportSession(QStringLiteral("/nonexistent-folder/out"), f).ok());
    }

    void cleanupTestCase() { installLanguage(QStringLiteral("en")); }
};

QTEST_MAIN(WindowPreferencesTest)
#include "window_preferences_test.moc"
