// The model picker's "Get a model" page, offscreen, against a Hub on loopback
// (app/hub/testing) that serves the tiny Llama 3.1 GGUF under a curated model's name: the
// list says what fits; picking a row with the keyboard fills the repository and file in;
// Download shows the bytes and the rate while the transfer runs, and when it ends the path
// in the Hub cache is filled in on the first page, with its memory check; Stop keeps the
// partial file and says so; a gated repository is refused with what to do; a model too
// large for the memory is refused from its header with nothing downloaded, and "Download
// anyway" takes it; a Hub that cannot be reached, or a transfer cut off, says to check the
// network and keeps what came.
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core_bridge.h"
#include "fake_hub.h"
#include "get_model_page.h"
#include "model_dialog.h"

using namespace lectern;
using namespace lectern::ui;

namespace {

const char* const kRepo = "bartowski/Llama-3.2-1B-Instruct-GGUF";
const char* const kFile = "Llama-3.2-1B-Instruct-Q8_0.gguf";
const char* const kGated = "lectern-test/tiny-gated";
const std::string kCommit = "0123456789abcdef0123456789abcdef01234567";
constexpr int kWait = 120000;  // ms: a slow, shared machine

template <class W>
W* byName(QWidget* root, const QString& accessibleName) {
    for (W* w : root->findChildren<W*>())
        if (w->accessibleName() == accessibleName) return w;
    return nullptr;
}

}  // namespace

class ModelDialogTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    hub::testing::FakeHub m_hub;
    std::unique_ptr<CoreBridge> m_bridge;

    std::filesystem::path cacheRoot() const { return std::filesystem::path(m_dir.filePath("hub").toStdString()); }
    std::filesystem::path repoFolder() const { return cacheRoot() / "models--bartowski--Llama-3.2-1B-Instruct-GGUF"; }

    // Waits for the page's download to end; returns the progress values seen before that.
    std::vector<int> waitEnd(GetModelPage& page, QStringList* statuses = nullptr) {
        QSignalSpy ended(&page, &GetModelPage::downloadEnded);
        auto* bar = byName<QProgressBar>(&page, "Download progress");
        std::vector<int> seen;
        QElapsedTimer clock;
        clock.start();
        while (ended.isEmpty() && clock.elapsed() < kWait) {
            QTest::qWait(5);
            seen.push_back(bar->value());
            if (statuses) statuses->append(page.statusText());
        }
        return seen;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        hub::testing::FakeRepo repo;
        repo.id = kRepo;
        repo.commit = kCommit;
        repo.files = {hub::testing::FakeFile::read(LECTERN_TEST_DATA "/gguf/llama31-tiny-F16.gguf", kFile, true)};
        m_hub.addRepo(repo);
        repo.id = kGated;
        repo.gated = true;
        m_hub.addRepo(repo);
        m_hub.setToken("hf_right");
        qputenv("HF_HUB_CACHE", m_dir.filePath("hub").toLocal8Bit());
        qputenv("HF_HOME", m_dir.path().toLocal8Bit());  // no token file there
        qputenv("HF_ENDPOINT", QByteArray::fromStdString(m_hub.endpoint()));
        qunsetenv("HF_TOKEN");
        qunsetenv("HF_TOKEN_PATH");
        auto bridge = CoreBridge::open(m_dir.filePath("lectern.db"), m_dir.filePath("kv"));
        QVERIFY2(bridge.ok(), bridge ? "" : bridge.error().to_string().c_str());
        m_bridge = std::move(bridge.value());
    }

    void listSaysWhatFitsAndKeysPickARow() {
        ModelDialog dialog(ModelChoice{}, m_bridge.get());
        dialog.show();
        dialog.showGetModelPage();
        GetModelPage* page = dialog.getModelPage();
        QVERIFY(page);
        QTreeWidget* list = page->curatedList();
        QCOMPARE(list->topLevelItemCount(), int(app::AppCore::curatedModels().size()));
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            const QString fit = list->topLevelItem(i)->text(2);
            QVERIFY2(fit == "fits here" || fit == "too large for this computer", qPrintable(fit));
        }
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        list->setFocus();
        list->setCurrentItem(list->topLevelItem(0));
        QCOMPARE(byName<QLineEdit>(page, "Repository")->text(), list->topLevelItem(0)->data(0, Qt::UserRole).toString());
        QTest::keyClick(list, Qt::Key_End);  // the smallest, last
        QCOMPARE(byName<QLineEdit>(page, "Repository")->text(), QString(kRepo));
        QCOMPARE(byName<QLineEdit>(page, "File in the repository")->text(), QString(kFile));
        // On this page Enter means Download, not Load.
        QVERIFY(byName<QPushButton>(page, "Download")->isDefault());
    }

    // With no choice saved, the picker opens on Automatic: the model's trained context, in
    // the 8-bit cache when the 16-bit one does not fit, said in one line, as the engine will open it.
    void automaticIsTheDefaultAndSaysWhatItChose() {
        const std::string model = LECTERN_TEST_DATA "/gguf/llama31-tiny-F16.gguf";
        auto q8 = app::AppCore::footprint(model, 0, KvType::Q8_0, std::size_t{0});
        QVERIFY(q8.ok());
        QCOMPARE(q8->nCtx, q8->nCtxTrain);
        qputenv("LECTERN_MEMORY_AVAILABLE", QByteArray::number(qulonglong(q8->totalBytes())));
        ModelDialog dialog(ModelChoice{});
        dialog.setPath(QString::fromStdString(model));
        qunsetenv("LECTERN_MEMORY_AVAILABLE");
        QCOMPARE(dialog.choice().nCtx, 0);
        QVERIFY(!dialog.choice().kvType);
        QVERIFY2(dialog.acceptable(), qPrintable(dialog.footprintText()));
        const QString expected = QStringLiteral("Automatic: context %1K, q8_0 KV cache").arg(q8->nCtxTrain / 1024);
        QVERIFY2(dialog.footprintText().contains(expected), qPrintable(dialog.footprintText()));
        QVERIFY2(dialog.footprintText().contains(QStringLiteral("8-bit KV cache")), qPrintable(dialog.footprintText()));
    }

    void downloadShowsProgressAndFillsThePathIn() {
        m_hub.setChunkDelay(std::chrono::milliseconds(4));  // ~225 pieces: about a second
        ModelChoice choice;
        choice.nCtx = 4096;  // within what the tiny model was trained for
        ModelDialog dialog(choice, m_bridge.get());
        dialog.show();
        dialog.showGetModelPage();
        GetModelPage* page = dialog.getModelPage();
        page->setRequest(kRepo, kFile);
        QSignalSpy pulled(page, &GetModelPage::modelPulled);
        auto* download = byName<QPushButton>(page, "Download");
        QVERIFY(download && download->isEnabled());
        QTest::mouseClick(download, Qt::LeftButton);
        QVERIFY(page->downloading());
        QVERIFY(byName<QPushButton>(page, "Stop download")->isEnabled());
        QStringList statuses;
        const auto seen = waitEnd(*page, &statuses);
        QCOMPARE(pulled.count(), 1);
        // The bar moved through the middle, and the text gave bytes and a rate on the way.
        QVERIFY(std::any_of(seen.begin(), seen.end(), [](int v) { return v > 0 && v < 1000; }));
        QVERIFY(std::any_of(statuses.begin(), statuses.end(), [](const QString& s) { return s.contains("/s"); }));
        const QString want = QString::fromStdString((repoFolder() / "snapshots" / kCommit / kFile).string());
        QCOMPARE(pulled.first().first().toString(), want);
        QCOMPARE(dialog.choice().path, want);
        QVERIFY2(dialog.acceptable(), qPrintable(dialog.footprintText()));
        QVERIFY2(dialog.footprintText().contains("2 layers"), qPrintable(dialog.footprintText()));
        // It fits: the dialog closes accepted, and the window opens the model it chose.
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        QVERIFY(!page->downloading());
        m_hub.setChunkDelay(std::chrono::milliseconds(0));
    }

    void stopKeepsThePartialFile() {
        std::filesystem::remove_all(repoFolder());
        m_hub.setChunkDelay(std::chrono::milliseconds(20));
        ModelDialog dialog(ModelChoice{}, m_bridge.get());
        dialog.show();
        GetModelPage* page = dialog.getModelPage();
        page->setRequest(kRepo, kFile);
        page->download();
        auto* bar = byName<QProgressBar>(page, "Download progress");
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0, kWait);
        QTest::mouseClick(byName<QPushButton>(page, "Stop download"), Qt::LeftButton);
        waitEnd(*page);
        QVERIFY2(page->statusText().startsWith("Stopped"), qPrintable(page->statusText()));
        QVERIFY(byName<QPushButton>(page, "Download")->isEnabled());
        const std::string sha = m_hub.file(kRepo, kFile).sha256;
        QVERIFY(std::filesystem::exists(repoFolder() / "blobs" / (sha + ".incomplete")));
        QVERIFY(!std::filesystem::exists(repoFolder() / "snapshots" / kCommit / kFile));
        QCOMPARE(dialog.choice().path, QString());  // nothing filled in
        m_hub.setChunkDelay(std::chrono::milliseconds(0));
    }

    void gatedRepositorySaysWhatToDo() {
        ModelDialog dialog(ModelChoice{}, m_bridge.get());
        dialog.show();
        GetModelPage* page = dialog.getModelPage();
        page->setRequest(kGated, kFile);
        page->download();
        waitEnd(*page);
        QVERIFY2(page->errorText().contains("gated"), qPrintable(page->errorText()));
        QVERIFY(!page->downloading());
    }

    void aModelTooLargeIsRefusedAndCanBeDownloadedAnyway() {
        std::filesystem::remove_all(repoFolder());
        ModelDialog dialog(ModelChoice{}, m_bridge.get());
        dialog.show();
        dialog.showGetModelPage();
        GetModelPage* page = dialog.getModelPage();
        page->setAvailableMemory(std::size_t{4} << 20);  // under the KV cache alone at 8192 tokens
        // Every curated model is too large for 4 MiB, and says so.
        for (int i = 0; i < page->curatedList()->topLevelItemCount(); ++i)
            QCOMPARE(page->curatedList()->topLevelItem(i)->text(2), QString("too large for this computer"));
        page->setRequest(kRepo, kFile);
        m_hub.resetCounts();
        page->download();
        waitEnd(*page);
        QVERIFY2(page->errorText().contains("Too large for this computer"), qPrintable(page->errorText()));
        QVERIFY2(page->errorText().contains("remote backend"), qPrintable(page->errorText()));
        QCOMPARE(m_hub.transfers(kFile), 1);  // its header, no more
        QVERIFY(!std::filesystem::exists(repoFolder() / "snapshots"));
        auto* anyway = byName<QPushButton>(page, "Download anyway");
        QVERIFY(anyway && anyway->isVisible() && anyway->isEnabled());
        QSignalSpy pulled(page, &GetModelPage::modelPulled);
        QTest::mouseClick(anyway, Qt::LeftButton);
        QVERIFY(!anyway->isVisible());
        waitEnd(*page);
        QCOMPARE(pulled.count(), 1);
        QVERIFY(std::filesystem::exists(repoFolder() / "snapshots" / kCommit / kFile));
        // The path is filled in on the first page, as for any download.
        QCOMPARE(dialog.choice().path, QString::fromStdString((repoFolder() / "snapshots" / kCommit / kFile).string()));
    }

    void anUnreachableHubAndACutTransferSayToCheckTheNetwork() {
        std::filesystem::remove_all(repoFolder());
        ModelDialog dialog(ModelChoice{}, m_bridge.get());
        dialog.show();
        dialog.showGetModelPage();
        GetModelPage* page = dialog.getModelPage();
        page->setRequest(kRepo, kFile);
        qputenv("HF_ENDPOINT", "http://127.0.0.1:1");  // nothing listens there
        page->download();
        waitEnd(*page);
        qputenv("HF_ENDPOINT", QByteArray::fromStdString(m_hub.endpoint()));
        QVERIFY2(page->errorText().contains("Check the network connection"), qPrintable(page->errorText()));
        QVERIFY2(page->errorText().contains("could not be reached"), qPrintable(page->errorText()));
        QVERIFY(byName<QPushButton>(page, "Download")->isEnabled());

        const auto size = m_hub.file(kRepo, kFile).bytes.size();
        m_hub.cutNextTransferAfter(kFile, size / 2);
        page->download();
        waitEnd(*page);
        QVERIFY2(page->errorText().contains("what came is kept"), qPrintable(page->errorText()));
        const std::string sha = m_hub.file(kRepo, kFile).sha256;
        QVERIFY(std::filesystem::exists(repoFolder() / "blobs" / (sha + ".incomplete")));
        QVERIFY(!std::filesystem::exists(repoFolder() / "snapshots" / kCommit / kFile));
    }

    void cleanupTestCase() { m_bridge.reset(); }
};

QTEST_MAIN(ModelDialogTest)
#include "model_dialog_test.moc"
