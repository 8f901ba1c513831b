// The main window's menus, toolbar and shortcuts, the settings and shortcuts dialogs, and
// the window built again in another language (see main_window.h).
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include "appearance.h"
#include "document_viewer.h"
#include "i18n.h"
#include "library_panel.h"
#include "main_window.h"
#include "settings_dialog.h"
#include "status_panel.h"

namespace lectern::ui {
namespace {

constexpr const char* kPlaceholder = QT_TRANSLATE_NOOP(
    "lectern::ui::MainWindow",
    "## Lectern reads whole documents\n\n"
    "Drop a PDF, a folder of code or a text file on the window (or **File › Open**, Ctrl+O). "
    "Each document is counted with the model's own tokenizer; the meter below shows what the "
    "model's context will hold before anything runs.\n\n"
    "Then ask a question (Ctrl+Enter sends it, Esc stops the answer), or summarize, review or translate.");

// The target languages of Translate: the name the task is given (English, as the prompt is),
// and the name shown.
struct TargetLanguage {
    const char* name;
    const char* shown;
};
constexpr TargetLanguage kTargets[] = {
    {"German", QT_TRANSLATE_NOOP("lectern::ui::MainWindow", "German")},
    {"French", QT_TRANSLATE_NOOP("lectern::ui::MainWindow", "French")},
    {"Spanish", QT_TRANSLATE_NOOP("lectern::ui::MainWindow", "Spanish")},
    {"Chinese", QT_TRANSLATE_NOOP("lectern::ui::MainWindow", "Chinese")},
    {"Arabic", QT_TRANSLATE_NOOP("lectern::ui::MainWindow", "Arabic")},
    {"Russian", QT_TRANSLATE_NOOP("lectern::ui::MainWindow", "Russian")},
    {"English", QT_TRANSLATE_NOOP("lectern::ui::MainWindow", "English")},
    {"Italian", QT_TRANSLATE_NOOP("lectern::ui::MainWindow", "Italian")},
    {"Japanese", QT_TRANSLATE_NOOP("lectern::ui::MainWindow", "Japanese")},
    {"Portuguese", QT_TRANSLATE_NOOP("lectern::ui::MainWindow", "Portuguese")},
};

}  // namespace

QString MainWindow::placeholderText() { return tr(kPlaceholder); }

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open documents…"), this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Open documents"), {}, tr("Documents (*.pdf *.txt *.md *.markdown);;All files (*)"));
        if (!files.isEmpty()) openPaths(files);
    });
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open a &folder of code…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of code"));
        if (!dir.isEmpty()) openPaths({dir});
    });
    file->addAction(tr("Choose &model…"), this, &MainWindow::chooseModel)->setShortcut(tr("Ctrl+M"));
    file->addSeparator();
    auto exportAs = [this](ExportFormat format) {
        if (m_sessionId == 0) {
            statusBar()->showMessage(tr("Open a session to export it."), 6000);
            return;
        }
        const QString filter = format == ExportFormat::Json       ? tr("JSON (*.json)")
                               : format == ExportFormat::Html     ? tr("Web page (*.html)")
                               : format == ExportFormat::Pdf      ? tr("PDF (*.pdf)")
                                                                  : tr("Markdown (*.md)");
        const QString path = QFileDialog::getSaveFileName(this, tr("Export session"), {}, filter);
        if (path.isEmpty()) return;
        if (auto s = exportSession(path, format); !s) showError(tr("The session could not be exported."), s.error());
        else statusBar()->showMessage(tr("Exported to %1.").arg(path), 6000);
    };
    QMenu* exportMenu = file->addMenu(tr("&Export session"));
    exportMenu->addAction(tr("As &Markdown…"), this, [exportAs] { exportAs(ExportFormat::Markdown); });
    exportMenu->addAction(tr("As &web page (HTML)…"), this, [exportAs] { exportAs(ExportFormat::Html); });
    exportMenu->addAction(tr("As &PDF…"), this, [exportAs] { exportAs(ExportFormat::Pdf); })
        ->setShortcut(tr("Ctrl+Shift+E"));
    exportMenu->addAction(tr("As &JSON…"), this, [exportAs] { exportAs(ExportFormat::Json); });
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* find = edit->addAction(tr("&Search sessions and documents"), this,
                                    [this] { m_library->searchBox()->setFocus(); });
    find->setShortcut(QKeySequence::Find);
    QAction* focusQuestion = edit->addAction(tr("Go to the &question"), this, [this] { m_question->setFocus(); });
    focusQuestion->setShortcut(tr("Ctrl+L"));
    edit->addSeparator();
    QAction* settings = edit->addAction(tr("Se&ttings…"), this, &MainWindow::showSettings);
    settings->setShortcuts({QKeySequence(tr("Ctrl+,")), QKeySequence(QKeySequence::Preferences)});
    settings->setMenuRole(QAction::PreferencesRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* next = view->addAction(tr("&Next citation"), this, [this] { m_conversation->activateCitation(+1); });
    next->setShortcut(tr("F8"));
    QAction* previous = view->addAction(tr("&Previous citation"), this, [this] { m_conversation->activateCitation(-1); });
    previous->setShortcut(tr("Shift+F8"));
    view->addSeparator();
    view->addAction(tr("Zoom &in"), this, [this] { m_viewer->setZoom(m_viewer->zoom() * 1.25); })
        ->setShortcut(QKeySequence::ZoomIn);
    view->addAction(tr("Zoom &out"), this, [this] { m_viewer->setZoom(m_viewer->zoom() / 1.25); })
        ->setShortcut(QKeySequence::ZoomOut);
    view->addAction(tr("&Fit the page to the width"), this, [this] { m_viewer->fitWidth(); })->setShortcut(tr("Ctrl+0"));
    view->addSeparator();
    view->addAction(tr("Go to the &library"), this, [this] { m_library->setFocus(Qt::ShortcutFocusReason); })
        ->setShortcut(tr("Ctrl+1"));
    view->addAction(tr("Go to the &conversation"), this, [this] { m_conversation->setFocus(Qt::ShortcutFocusReason); })
        ->setShortcut(tr("Ctrl+2"));
    view->addAction(tr("Go to the &document"), this, [this] { m_viewer->setFocus(Qt::ShortcutFocusReason); })
        ->setShortcut(tr("Ctrl+3"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts)->setShortcut(tr("F1"));
    help->addAction(tr("&About Lectern"), this, [this] {
        QMessageBox::about(this, tr("About Lectern"),
                           tr("<b>Lectern</b> reads whole documents with a Llama 3 model on this computer: "
                              "it summarizes them, answers questions with citations, reviews code and "
                              "translates. Documents never leave the computer unless a model on a server is chosen."));
    });

    QToolBar* tasks = addToolBar(tr("Tasks"));
    tasks->setAccessibleName(tr("Tasks"));
    tasks->setObjectName(QStringLiteral("tasks"));
    QAction* askAction = tasks->addAction(tr("Ask"), this, [this] { m_question->setFocus(); });
    askAction->setToolTip(tr("Ask about the documents (Ctrl+L goes to the question box)"));
    QAction* summarizeAction = tasks->addAction(tr("Summarize"), this, &MainWindow::summarize);
    summarizeAction->setToolTip(tr("Summarize the documents, in parts when they do not fit (Ctrl+Shift+S)"));
    summarizeAction->setShortcut(tr("Ctrl+Shift+S"));
    QAction* reviewFolder = tasks->addAction(tr("Review folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Review a folder of code"));
        if (!dir.isEmpty()) review(dir, false);
    });
    QAction* reviewDiff = tasks->addAction(tr("Review changes…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Review a git repository's uncommitted changes"));
        if (!dir.isEmpty()) review(dir, true);
    });
    tasks->addSeparator();
    m_language = new QComboBox(this);
    m_language->setAccessibleName(tr("Target language"));
    for (const TargetLanguage& l : kTargets) m_language->addItem(tr(l.shown), QString::fromLatin1(l.name));
    tasks->addWidget(m_language);
    QAction* translateAction = tasks->addAction(tr("Translate"), this,
                                                [this] { translate(m_language->currentData().toString()); });
    translateAction->setToolTip(tr("Translate the first document into the chosen language"));
    m_needModel = {askAction, summarizeAction, reviewFolder, reviewDiff, translateAction};

    auto* sendShortcut = new QAction(tr("Send the question"), this);
    sendShortcut->setShortcuts({QKeySequence(tr("Ctrl+Return")), QKeySequence(tr("Ctrl+Enter"))});
    connect(sendShortcut, &QAction::triggered, this, [this] { ask(m_question->toPlainText()); });
    addAction(sendShortcut);
    m_windowActions.push_back(sendShortcut);
    auto* stopShortcut = new QAction(tr("Stop the running task"), this);
    stopShortcut->setShortcut(Qt::Key_Escape);
    connect(stopShortcut, &QAction::triggered, this, &MainWindow::stop);
    addAction(stopShortcut);
    m_windowActions.push_back(stopShortcut);
}

void MainWindow::showSettings() {
    SettingsDialog dialog(*m_bridge, *m_prefs, this);
    connect(&dialog, &SettingsDialog::chooseModelRequested, this, &MainWindow::chooseModel);
    connect(&dialog, &SettingsDialog::prefixesCleared, this, [this](int removed) {
        statusBar()->showMessage(tr("%1 saved KV prefixes removed.").arg(removed), 8000);
    });
    const QString guardBefore = m_prefs->value(QStringLiteral("guard/path"));
    emit settingsShown(&dialog);
    if (dialog.exec() != QDialog::Accepted) return;
    const bool dark = darkAppearance();
    if (applyAppearance(m_prefs->value(QStringLiteral("ui/appearance"))) != dark) showMessages();  // colours in the text
    if (m_prefs->value(QStringLiteral("guard/path")) != guardBefore) applyGuard();
    setLanguage(chosenLanguage(m_prefs->language()));
}

void MainWindow::setLanguage(const QString& code) {
    if (code == installedLanguage()) return;
    // Every widget hears LanguageChange; the window builds itself again once (changeEvent).
    installLanguage(code);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange && !m_rebuildScheduled) {
        m_rebuildScheduled = true;
        QTimer::singleShot(0, this, &MainWindow::rebuildInLanguage);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::rebuildInLanguage() {
    // A running task streams into the conversation: the window changes when it ends.
    if (m_task != 0 || m_readJob != 0) {
        QTimer::singleShot(200, this, &MainWindow::rebuildInLanguage);
        return;
    }
    m_rebuildScheduled = false;
    const QByteArray state = saveState();
    menuBar()->clear();
    for (QToolBar* bar : findChildren<QToolBar*>()) delete bar;
    for (QAction* a : m_windowActions) delete a;
    m_windowActions.clear();
    m_needModel.clear();
    statusBar()->removeWidget(m_status);
    delete m_status;
    setWindowTitle(tr("Lectern"));
    buildLayout();  // the new central widget replaces (and deletes) the old one
    buildMenus();
    restoreState(state);
    m_status->setModel(m_bridge->core().model());
    refreshSessions();
    if (m_sessionId != 0) openSession(m_sessionId);
    else m_conversation->showMessages({}, placeholderText());
    updateActions();
    emit languageChanged(installedLanguage());
}

void MainWindow::showShortcuts() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard shortcuts"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* table = new QTableWidget(&dialog);
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Every action of the window that has a shortcut, from the actions themselves.
    for (QAction* a : shortcutActions()) {
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText);
        const int row = table->rowCount();
        table->insertRow(row);
        // "Se&ttings…", "فتح (&O)…", "打开(&O)": the name without its mnemonic or ellipsis.
        static const QRegularExpression mnemonic(QStringLiteral("\\s*\\(&[^)]\\)|&(?=[^&])|…$"));
        table->setItem(row, 0, new QTableWidgetItem(a->text().remove(mnemonic).remove(QStringLiteral("…")).trimmed()));
        table->setItem(row, 1, new QTableWidgetItem(keys.join(QStringLiteral(", "))));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(520, 560);
    emit shortcutsShown(&dialog);
    dialog.exec();
}

QList<QAction*> MainWindow::shortcutActions() const {
    QList<QAction*> out;
    QList<QAction*> all;
    QList<QMenu*> menus;
    for (QAction* menu : menuBar()->actions())
        if (menu->menu()) menus << menu->menu();
    while (!menus.isEmpty()) {  // menus and their submenus
        for (QAction* a : menus.takeFirst()->actions()) {
            if (a->menu()) menus << a->menu();
            else all << a;
        }
    }
    for (QToolBar* bar : findChildren<QToolBar*>()) all += bar->actions();
    all += m_windowActions;
    for (QAction* a : all)
        if (!a->shortcuts().isEmpty() && !out.contains(a)) out << a;
    return out;
}

}  // namespace lectern::ui
