// The main window's layout, model, documents and sessions (see main_window.h); the tasks,
// citations and exports are in main_window_tasks.cpp, the menus and shortcuts in
// main_window_menus.cpp.
#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QTreeWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

#include "document_viewer.h"
#include "library_panel.h"
#include "pdf_render_service.h"
#include "status_panel.h"

namespace lectern::ui {
namespace {

// What the user can do about an error, by its code.
QString advice(const Error& e) {
    switch (e.code) {
        case ErrorCode::Corrupt: return MainWindow::tr("The file is damaged or not what it claims to be.");
        case ErrorCode::UnsupportedModel:
            return MainWindow::tr("Lectern runs Llama 3 (and Llama 2) models as GGUF files or Hugging Face folders.");
        case ErrorCode::OutOfMemory: return MainWindow::tr("Choose a smaller context, an 8-bit KV cache or a smaller model.");
        case ErrorCode::OutOfDeviceMemory: return MainWindow::tr("The GPU's memory does not suffice: choose a smaller context or the CPU.");
        case ErrorCode::DiskFull: return MainWindow::tr("The disk is full: free some space. What was written before is kept.");
        case ErrorCode::NotFound: return MainWindow::tr("Check that the file or folder still exists.");
        case ErrorCode::Io: return MainWindow::tr("Check that the file can be read (permissions, a removed disk).");
        case ErrorCode::Database: return MainWindow::tr("Lectern's database could not be written; check the disk.");
        default: break;
    }
    return {};
}


}  // namespace

MainWindow::MainWindow(std::unique_ptr<CoreBridge> bridge, std::unique_ptr<QSettings> settings, QWidget* parent)
    : QMainWindow(parent),
      m_bridge(std::move(bridge)),
      m_settings(std::move(settings)),
      m_prefs(std::make_unique<Preferences>(m_bridge->core())) {
    m_prefs->importModelChoice(*m_settings);
    setWindowTitle(tr("Lectern"));
    setAcceptDrops(true);
    // The viewer's Poppler may take over Poppler's message handler; the task's reader still
    // hears what concerns the PDF it is reading.
    PdfRenderService::setPopplerMessageSink(&app::AppCore::notePdfMessage);
    buildLayout();
    buildMenus();
    connect(m_bridge.get(), &CoreBridge::jobsChanged, this, &MainWindow::updateActions);
    refreshSessions();
    m_conversation->showMessages({}, placeholderText());
    updateActions();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLayout() {
    m_library = new LibraryPanel(this);
    m_conversation = new ConversationView(this);
    m_viewer = new DocumentViewer(this);
    m_status = new StatusPanel(this);
    statusBar()->addPermanentWidget(m_status, 1);

    auto* middle = new QWidget(this);
    auto* column = new QVBoxLayout(middle);
    column->setContentsMargins(0, 0, 0, 0);
    m_fitNotice = new QLabel(middle);
    m_fitNotice->setWordWrap(true);
    m_fitNotice->setTextFormat(Qt::RichText);
    m_fitNotice->setAccessibleName(tr("What does not fit"));
    m_fitNotice->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); border: 1px solid "
                                              "palette(mid); padding: 6px; }"));
    m_fitNotice->hide();
    m_question = new QPlainTextEdit(middle);
    m_question->setPlaceholderText(tr("Ask about the documents… (Ctrl+Enter to send)"));
    m_question->setAccessibleName(tr("Question"));
    m_question->setMaximumHeight(90);
    m_send = new QPushButton(tr("Ask"), middle);
    m_send->setToolTip(tr("Send the question (Ctrl+Enter)"));
    m_stop = new QPushButton(tr("Stop"), middle);
    m_stop->setToolTip(tr("Stop the running task (Esc)"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_question, 1);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_stop);
    row->addLayout(buttons);
    column->addWidget(m_fitNotice);
    column->addWidget(m_conversation, 1);
    column->addLayout(row);

    auto* split = new QSplitter(this);
    split->addWidget(m_library);
    split->addWidget(middle);
    split->addWidget(m_viewer);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setStretchFactor(2, 5);
    split->setSizes({260, 520, 500});
    setCentralWidget(split);

    // Tab goes as the eye does: search, sessions, documents, the conversation, the question and
    // its buttons, then the viewer.
    QWidget::setTabOrder(m_library->searchBox(), m_library->sessionList());
    QWidget::setTabOrder(m_library->sessionList(), m_library->documentTree());
    QWidget::setTabOrder(m_library->documentTree(), m_conversation);
    QWidget::setTabOrder(m_conversation, m_question);
    QWidget::setTabOrder(m_question, m_send);
    QWidget::setTabOrder(m_send, m_stop);
    QWidget::setTabOrder(m_stop, m_viewer);
    m_question->setTabChangesFocus(true);  // Tab leaves the question box; a question needs no tabs

    connect(m_send, &QPushButton::clicked, this, [this] { ask(m_question->toPlainText()); });
    connect(m_stop, &QPushButton::clicked, this, &MainWindow::stop);
    connect(m_library, &LibraryPanel::sessionActivated, this, &MainWindow::openSession);
    connect(m_library, &LibraryPanel::searchRequested, this, &MainWindow::onSearch);
    connect(m_library, &LibraryPanel::messageHitActivated, this, [this](std::int64_t session, std::int64_t message) {
        openSession(session);
        m_conversation->scrollToMessage(message);
    });
    connect(m_library, &LibraryPanel::unitHitActivated, this, &MainWindow::onUnitHit);
    connect(m_library, &LibraryPanel::unitActivated, this,
            [this](int document, int unit) { showDocument(static_cast<std::size_t>(document), unit); });
    connect(m_library, &LibraryPanel::deleteRequested, this, [this](std::int64_t id) {
        if (m_task && (id == m_taskSession || m_taskSession == 0)) {
            statusBar()->showMessage(tr("A task is running in this session: stop it before deleting the session."), 8000);
            return;
        }
        if (QMessageBox::question(this, tr("Delete session"), tr("Delete this session and its messages?")) !=
            QMessageBox::Yes)
            return;
        if (auto s = m_bridge->core().deleteSession(id); !s) showError(tr("The session could not be deleted."), s.error());
        if (id == m_sessionId) closeSession();
        refreshSessions();
    });
    connect(m_conversation, &ConversationView::citationActivated, this, &MainWindow::onCitation);
    connect(m_conversation, &ConversationView::promptViewRequested, this, &MainWindow::showPromptView);
    connect(m_conversation, &ConversationView::regenerateRequested, this, &MainWindow::regenerate);
    connect(m_conversation, &ConversationView::copyRequested, this, [this](std::int64_t id) {
        for (const auto& m : m_messages)
            if (m.id == id) QApplication::clipboard()->setText(QString::fromStdString(m.text));
    });
    connect(m_viewer, &DocumentViewer::highlighted, this, &MainWindow::citationShown);
    connect(m_viewer, &DocumentViewer::openFailed, this, [this](const QString& message, bool needsPassword) {
        statusBar()->showMessage(message, 8000);
        if (!needsPassword || m_shownDocument < 0 || m_shownDocument >= static_cast<int>(m_documents.size())) return;
        // A locked PDF of a session reopened later: its password was not kept.
        const std::string path = m_documents[static_cast<std::size_t>(m_shownDocument)].path;
        bool ok = false;
        const QString pw = QInputDialog::getText(this, tr("Password"), message, QLineEdit::Password, {}, &ok);
        if (!ok) return;
        m_passwords[path] = pw.toStdString();
        m_viewer->openPdf(QString::fromStdString(path), pw);
    });
}


bool MainWindow::busy() const { return m_bridge->busy(); }

void MainWindow::updateActions() {
    const bool model = m_bridge->core().model().has_value();
    const bool running = m_task != 0 || m_readJob != 0;
    m_send->setEnabled(model && !running);
    m_stop->setEnabled(running);
    for (QAction* a : m_needModel) a->setEnabled(model && !running);
}

void MainWindow::chooseModel() {
    const ModelChoice initial = savedModelChoice(*m_prefs);
    ModelDialog dialog(initial, m_bridge.get(), this);
    if (!initial.remote && initial.path.isEmpty() && initial.url.isEmpty())
        dialog.showGetModelPage();  // a first run: nothing to pick yet
    if (dialog.exec() == QDialog::Accepted && dialog.acceptable()) openModel(dialog.choice());
}

void MainWindow::openModel(const ModelChoice& choice, std::function<void(std::int64_t)> onLayer) {
    if (choice.remote) {
        openRemote(choice);
        return;
    }
    app::EngineOptions options;
    options.onLayer = std::move(onLayer);
    options.modelPath = choice.path.toStdString();
    options.nCtx = choice.nCtx;
    options.kvType = choice.kvType;
    options.backend = choice.backend.toStdString();
    options.activations.reset();  // the default for the model's weight type (docs/cpu-activations.md)
    m_status->setModel(std::nullopt, tr("Loading %1…").arg(QFileInfo(choice.path).fileName()));
    watchModelOpening(m_bridge->core().openModel(options), tr("The model could not be loaded."), [this, choice] {
        saveModelChoice(*m_prefs, choice);
    });
}

void MainWindow::openRemote(const ModelChoice& choice) {
    app::RemoteOptions options;
    options.endpoint.baseUrl = choice.url.toStdString();
    options.endpoint.model = choice.remoteModel.toStdString();
    options.apiKeyFile = choice.apiKeyFile.toStdString();
    options.tokenizerPath = choice.tokenizer.toStdString();
    m_status->setModel(std::nullopt, tr("Connecting to %1…").arg(choice.url));
    watchModelOpening(m_bridge->core().openRemote(options), tr("The server's model could not be used."), [this, choice] {
        saveModelChoice(*m_prefs, choice);
    });
}

void MainWindow::watchModelOpening(app::JobId job, const QString& failure, std::function<void()> remember) {
    m_bridge->watch(job, [this, failure, remember = std::move(remember)](const app::JobEvent& e) {
        if (const auto* p = std::get_if<app::JobProgress>(&e.payload)) m_status->showProgress(*p);
        if (!e.isFinal()) return;
        m_status->clearProgress();
        m_status->setModel(m_bridge->core().model());
        if (const auto* f = std::get_if<app::JobFailed>(&e.payload)) {
            showError(failure, f->error);
            return;
        }
        if (!app::finishedValue<app::ModelInfo>(e)) return;
        m_status->announce(tr("The model is loaded."));
        remember();
        if (!m_bridge->core().hasGuard()) applyGuard();
        updateActions();
        emit modelOpened();
        replan();
    });
}

void MainWindow::applyGuard() {
    const QString path = m_prefs->value(QStringLiteral("guard/path"));
    auto& core = m_bridge->core();
    if (path.isEmpty()) {
        if (!core.hasGuard()) return;
        m_bridge->watch(core.closeGuard(), [this](const app::JobEvent& e) {
            if (e.isFinal()) emit guardChanged(false);
        });
        return;
    }
    if (!core.model()) return;  // opened with the model
    m_bridge->watch(core.openGuard(path.toStdString(), savedModelChoice(*m_prefs).backend.toStdString()),
                    [this](const app::JobEvent& e) {
        if (!e.isFinal()) return;
        if (const auto* f = std::get_if<app::JobFailed>(&e.payload)) {
            showError(tr("The guard model could not be loaded."), f->error);
            emit guardChanged(false);
            return;
        }
        m_status->announce(tr("The guard model is loaded: questions and answers are screened."));
        emit guardChanged(true);
    });
}

void MainWindow::openPaths(const QStringList& paths) {
    if (paths.isEmpty() || m_readJob != 0) return;
    std::vector<std::string> list;
    for (const QString& p : paths) list.push_back(QFileInfo(p).absoluteFilePath().toStdString());
    app::ReadOptions options;
    options.passwords = m_passwords;
    options.ocrLanguage = m_prefs->value(QStringLiteral("ocr/languages")).toStdString();
    m_readJob = m_bridge->watch(m_bridge->core().readDocuments(list, options), [this, paths](const app::JobEvent& e) {
        if (const auto* p = std::get_if<app::JobProgress>(&e.payload)) m_status->showProgress(*p);
        if (!e.isFinal()) return;
        m_readJob = 0;
        updateActions();
        m_status->clearProgress();
        if (std::holds_alternative<app::JobCancelled>(e.payload)) m_status->announce(tr("Reading stopped."));
        if (const auto* f = std::get_if<app::JobFailed>(&e.payload)) {
            if (f->error.code == ErrorCode::Cancelled)
                m_status->clearProgress(tr("Reading stopped."));
            else if (f->error.code == ErrorCode::NeedsPassword)
                askPassword(paths, QString::fromStdString(f->error.context), QString::fromStdString(f->error.message));
            else
                showError(tr("The documents could not be read."), f->error);
            return;
        }
        const auto* read = app::finishedValue<app::DocumentsRead>(e);
        if (!read) return;
        m_status->announce(read->documents.size() == 1 ? tr("1 document read.")
                                                       : tr("%1 documents read.").arg(read->documents.size()));
        for (const auto& d : read->documents)
            for (const auto& warning : d.warnings) statusBar()->showMessage(QString::fromStdString(warning), 8000);
        // Documents join the open session when nothing has been asked in it yet (decided
        // by the core, in order with the questions); otherwise a new session holds them all.
        auto& core = m_bridge->core();
        const app::JobId add = m_sessionId ? core.addDocuments(m_sessionId, read->documents)
                                           : core.createSession(read->documents);
        m_bridge->watch(add, [this](const app::JobEvent& made) {
            if (const auto* f = std::get_if<app::JobFailed>(&made.payload)) {
                showError(tr("The session could not be stored."), f->error);
                return;
            }
            if (const auto* id = app::finishedValue<std::int64_t>(made)) openSession(*id);
        });
    });
    updateActions();
}

void MainWindow::askPassword(const QStringList& paths, const QString& path, const QString& message) {
    auto* prompt = new QInputDialog(this);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowTitle(tr("Password"));
    prompt->setLabelText(tr("%1\n\n%2 is encrypted. Enter its password:")
                             .arg(message, QFileInfo(path).fileName()));
    prompt->setTextEchoMode(QLineEdit::Password);
    m_passwordPrompt = prompt;
    connect(prompt, &QInputDialog::textValueSelected, this, [this, paths, path](const QString& password) {
        m_passwords[path.toStdString()] = password.toStdString();
        openPaths(paths);
    });
    prompt->open();
}

void MainWindow::openSession(std::int64_t sessionId) {
    auto docs = m_bridge->core().sessionDocuments(sessionId);
    if (!docs) {
        showError(tr("The session could not be opened."), docs.error());
        return;
    }
    m_sessionId = sessionId;
    m_documents = std::move(docs.value());
    m_citations.clear();
    m_plan.reset();
    m_summarizePlan.reset();
    m_shownDocument = -1;
    const auto ask = m_bridge->core().isAskSession(sessionId);
    m_askSession = !ask || *ask;
    refreshTranscript();
    m_library->setDocuments(m_documents, nullptr);
    m_status->setBudget(nullptr);
    m_fitNotice->hide();
    if (!m_documents.empty()) showDocument(0, 0);
    else m_viewer->clear();
    refreshSessions();
    replan();
    emit sessionShown(sessionId);
}

void MainWindow::refreshTranscript() {
    auto transcript = m_bridge->core().transcript(m_sessionId);
    if (!transcript) {
        showError(tr("The session could not be read."), transcript.error());
        return;
    }
    m_messages = std::move(transcript->messages);
    showMessages();
}

void MainWindow::closeSession() {
    m_sessionId = 0;
    m_documents.clear();
    m_messages.clear();
    m_citations.clear();
    m_plan.reset();
    m_summarizePlan.reset();
    m_shownDocument = -1;
    m_conversation->showMessages({}, placeholderText());
    m_library->setDocuments({}, nullptr);
    m_status->setBudget(nullptr);
    m_fitNotice->hide();
    m_viewer->clear();
}

void MainWindow::refreshSessions() {
    auto sessions = m_bridge->core().sessions();
    if (!sessions) {
        showError(tr("The sessions could not be listed."), sessions.error());
        return;
    }
    m_library->setSessions(*sessions, m_sessionId);
}

void MainWindow::replan() {
    if (m_sessionId == 0 || !m_bridge->core().model()) return;
    // A newer count replaces one still queued or running (a queued job ends unrun).
    for (app::JobId* job : {&m_planJob, &m_summarizePlanJob})
        if (*job) m_bridge->core().cancel(std::exchange(*job, 0));
    const std::int64_t session = m_sessionId;
    m_planJob = m_bridge->watch(m_bridge->core().planAsk(session, m_prefs->answers().maxTokens), [this, session](const app::JobEvent& e) {
        if (!e.isFinal()) return;
        if (e.job == m_planJob) m_planJob = 0;
        if (session != m_sessionId || std::holds_alternative<app::JobCancelled>(e.payload)) return;
        if (const auto* f = std::get_if<app::JobFailed>(&e.payload)) {
            statusBar()->showMessage(tr("The budget could not be counted: %1")
                                         .arg(QString::fromStdString(f->error.to_string())), 8000);
            return;
        }
        const auto* plan = app::finishedValue<app::AskPlan>(e);
        if (!plan) return;
        m_plan = *plan;
        m_summarizePlan.reset();
        m_library->setDocuments(m_documents, &*m_plan);
        m_status->setBudget(&*m_plan);
        if (m_plan->fits) {
            showFitNotice();
            emit planned();
            return;
        }
        // What Summarize would do instead, counted before the notice is shown.
        m_summarizePlanJob = m_bridge->watch(m_bridge->core().planSummarize(session), [this, session](const app::JobEvent& s) {
            if (!s.isFinal()) return;
            if (s.job == m_summarizePlanJob) m_summarizePlanJob = 0;
            if (session != m_sessionId || std::holds_alternative<app::JobCancelled>(s.payload)) return;
            if (const auto* p = app::finishedValue<app::SummarizePlan>(s)) m_summarizePlan = *p;
            showFitNotice();
            emit planned();
        });
    });
}

void MainWindow::showFitNotice() {
    if (!m_plan || m_plan->fits) {
        m_fitNotice->hide();
        return;
    }
    QStringList left;
    std::size_t leftTokens = 0;
    for (const auto& u : m_plan->units)
        if (!u.included) {
            if (left.size() < 8) left << QString::fromStdString(u.locator);
            leftTokens += u.tokens;
        }
    std::size_t leftCount = 0;
    for (const auto& u : m_plan->units) leftCount += !u.included;
    if (leftCount > static_cast<std::size_t>(left.size())) left << tr("…");
    const QString summarize = m_summarizePlan && m_summarizePlan->mapReduce
                                  ? tr("Summarize reads everything in %1 chunks (map-reduce).").arg(m_summarizePlan->chunks)
                                  : tr("Summarize reads everything, in parts (map-reduce).");
    m_fitNotice->setText(tr("<b>The documents do not fit the %1-token context.</b> Ask will leave out %2 of %3 "
                            "pages or files (%4 tokens): %5. %6 A larger context (File › Choose model) would "
                            "hold more.")
                             .arg(m_plan->nCtx)
                             .arg(leftCount)
                             .arg(m_plan->units.size())
                             .arg(leftTokens)
                             .arg(left.join(QStringLiteral(", ")).toHtmlEscaped(), summarize.toHtmlEscaped()));
    m_fitNotice->show();
}

void MainWindow::showDocument(std::size_t index, int unit) {
    if (index >= m_documents.size()) return;
    const auto& d = m_documents[index];
    if (d.kind == ingest::DocumentKind::Pdf) {
        if (m_shownDocument != static_cast<int>(index)) {
            const auto pw = m_passwords.find(d.path);
            m_viewer->openPdf(QString::fromStdString(d.path),
                              pw == m_passwords.end() ? QString() : QString::fromStdString(pw->second));
            m_viewer->fitWidth();
        }
        if (unit >= 0 && static_cast<std::size_t>(unit) < d.units.size()) m_viewer->showPage(d.units[unit].page);
    } else {
        if (m_shownDocument != static_cast<int>(index)) {
            QList<ViewerFile> files;
            for (const auto& u : d.units)
                files.push_back({QString::fromStdString(u.path.empty() ? u.locator : u.path), QString::fromStdString(u.text)});
            m_viewer->openFiles(QString::fromStdString(d.metadata.title), files, d.kind == ingest::DocumentKind::CodeFolder);
        }
        // A file of a folder, a section of an office document or web page (named by its locator).
        if (unit >= 0 && static_cast<std::size_t>(unit) < d.units.size()) {
            const auto& u = d.units[unit];
            m_viewer->showFileLine(QString::fromStdString(u.path.empty() ? u.locator : u.path), 1);
        }
    }
    m_shownDocument = static_cast<int>(index);
}

void MainWindow::showError(const QString& what, const Error& error) {
    if (m_errorBox) m_errorBox->close();
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Lectern"), what, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QString detail = QString::fromStdString(error.message);
    if (!error.context.empty()) detail += QStringLiteral("\n(%1)").arg(QString::fromStdString(error.context));
    const QString todo = advice(error);
    box->setInformativeText(todo.isEmpty() ? detail : detail + QStringLiteral("\n\n") + todo);
    m_errorBox = box;
    box->open();
    emit errorShown(what + QLatin1Char(' ') + detail);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    openPaths(paths);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // A running answer is stopped and kept (stored as stopped) before the window goes.
    if (m_task) m_bridge->core().cancel(m_task);
    QMainWindow::closeEvent(event);
}

}  // namespace lectern::ui
