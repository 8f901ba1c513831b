// The main window: the library on the left, the conversation in the middle, the document
// viewer on the right, the task bar above and the status bar below. It is a client of the
// application core only (CoreBridge): every long operation is a job whose events arrive on
// the UI thread, so the window stays responsive while documents are read and prompts run.
// Before a question is sent it shows what the context will hold; citations in answers open
// the viewer at the cited page or line; "What the model saw" shows any answer's prompt.
#pragma once

#include <QMainWindow>
#include <QInputDialog>
#include <QMessageBox>
#include <QPointer>
#include <QRectF>
#include <QSettings>

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "conversation_view.h"
#include "core_bridge.h"
#include "model_dialog.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace lectern::ui {

class DocumentViewer;
class LibraryPanel;
class StatusPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(std::unique_ptr<CoreBridge> bridge, std::unique_ptr<QSettings> settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // `onLayer` (tests): called by the engine after each layer, on the worker thread.
    void openModel(const ModelChoice& choice, std::function<void(std::int64_t)> onLayer = {});
    void chooseModel();             // the model picker
    void openRemote(const ModelChoice& choice);  // a model on an OpenAI-compatible server
    void openPaths(const QStringList& paths);  // read into a new session (or the unasked one)
    void openSession(std::int64_t sessionId);
    void ask(const QString& question);
    void regenerate();
    void stop();
    void summarize();
    void translate(const QString& language);
    void review(const QString& folder, bool uncommittedChanges);
    void showPromptView(std::int64_t questionId);
    void showSettings();   // Edit › Settings…
    void showShortcuts();  // Help › Keyboard shortcuts
    // Installs the language's translations; the window builds itself again in it, keeping
    // the open session and model (after the running task, if any).
    void setLanguage(const QString& code);
    // Opens the guard model of the preferences ("guard/path") beside the model, or closes the
    // one open when the path is empty.
    void applyGuard();
    // Every action with a shortcut (menus, toolbar, the window's own): the shortcuts dialog's rows.
    QList<QAction*> shortcutActions() const;
    static QString placeholderText();
    enum class ExportFormat { Markdown, Html, Pdf, Json };
    // The open session, its citations naming their documents ("report.pdf p. 12"; JSON keeps
    // the stored text). Errors: Io / DiskFull when the file cannot be written.
    Status exportSession(const QString& path, ExportFormat format);

    // For tests and tools that look at the window.
    std::int64_t currentSession() const { return m_sessionId; }
    const std::optional<app::AskPlan>& plan() const { return m_plan; }
    const std::optional<app::SummarizePlan>& summarizePlan() const { return m_summarizePlan; }
    const std::optional<app::AskResult>& lastAsk() const { return m_lastAsk; }
    const std::vector<ingest::Document>& documents() const { return m_documents; }
    bool busy() const;
    bool taskRunning() const { return m_task != 0; }
    // The open session's budget is counted (and, when it does not fit, Summarize's too).
    bool planSettled() const { return m_plan && m_planJob == 0 && m_summarizePlanJob == 0; }
    ConversationView* conversation() const { return m_conversation; }
    DocumentViewer* viewer() const { return m_viewer; }
    LibraryPanel* library() const { return m_library; }
    StatusPanel* statusPanel() const { return m_status; }
    QPlainTextEdit* questionBox() const { return m_question; }
    QLabel* fitNotice() const { return m_fitNotice; }
    QMessageBox* errorBox() const { return m_errorBox; }
    QInputDialog* passwordPrompt() const { return m_passwordPrompt; }
    CoreBridge& bridge() { return *m_bridge; }
    Preferences& preferences() { return *m_prefs; }

signals:
    void modelOpened();
    void sessionShown(std::int64_t sessionId);
    void planned();
    void taskEnded(bool ok);
    void errorShown(const QString& message);
    void citationShown(int page, int matches);
    void promptShown(QDialog* dialog);
    void settingsShown(QDialog* dialog);
    void shortcutsShown(QDialog* dialog);
    void languageChanged(const QString& code);
    void guardChanged(bool open);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    static QRectF citedTableBox(const ingest::Unit& unit, int number, const QString& sentence);
    void buildLayout();
    void buildMenus();
    void rebuildInLanguage();
    void refreshSessions();
    void refreshTranscript();  // the open session's messages again (its documents are kept)
    void closeSession();       // nothing open (the session was deleted)
    void replan();
    void showMessages();
    void showDocument(std::size_t index, int unit);
    void showFitNotice();
    void onCitation(const CitationTarget& target);
    void onSearch(const QString& query);
    void onUnitHit(std::int64_t documentId, const QString& locator);
    void askPassword(const QStringList& paths, const QString& path, const QString& message);
    void showError(const QString& what, const Error& error);
    // Follows a job opening a model: progress, then the status bar, an error shown with
    // `failure`, or the choice remembered and the window told.
    void watchModelOpening(app::JobId job, const QString& failure, std::function<void()> remember);
    void updateActions();
    // Runs a task job: progress in the status bar, text streamed into the conversation, the
    // session it made or grew shown when it ends.
    void followTask(app::JobId job, const QString& heading, std::function<std::int64_t(const app::JobEvent&)> session);

    std::unique_ptr<CoreBridge> m_bridge;
    std::unique_ptr<QSettings> m_settings;  // what an earlier version kept there (importModelChoice)
    std::unique_ptr<Preferences> m_prefs;
    LibraryPanel* m_library = nullptr;
    ConversationView* m_conversation = nullptr;
    DocumentViewer* m_viewer = nullptr;
    StatusPanel* m_status = nullptr;
    QPlainTextEdit* m_question = nullptr;
    QPushButton* m_send = nullptr;
    QPushButton* m_stop = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_fitNotice = nullptr;
    QPointer<QMessageBox> m_errorBox;
    QPointer<QInputDialog> m_passwordPrompt;
    QList<QAction*> m_needModel;
    QList<QAction*> m_windowActions;  // shortcuts without a menu entry (send, stop)
    bool m_rebuildScheduled = false;

    std::int64_t m_sessionId = 0;
    std::vector<ingest::Document> m_documents;
    std::vector<app::MessageRecord> m_messages;
    std::optional<app::AskPlan> m_plan;
    std::optional<app::SummarizePlan> m_summarizePlan;  // counted when Ask's plan does not fit
    std::optional<app::AskResult> m_lastAsk;
    std::map<std::string, std::string> m_passwords;
    app::JobId m_task = 0;     // the running task (Stop cancels it)
    std::int64_t m_taskSession = 0;  // the session shown when it started (0: none)
    QString m_streamed;        // the running task's text so far
    app::JobId m_readJob = 0;  // documents being read (Stop cancels it)
    app::JobId m_planJob = 0;  // the budget being counted (a newer one cancels it)
    app::JobId m_summarizePlanJob = 0;
    bool m_askSession = true;  // answers can be regenerated and their prompts shown
    std::map<std::int64_t, std::vector<app::Citation>> m_citations;  // per answer, this session
    int m_shownDocument = -1;
    std::int64_t m_streamedTokens = 0;
    qint64 m_decodeStartMs = 0;
};

}  // namespace lectern::ui
