// The window for every user: every control named for screen readers, the keyboard (the
// shortcuts dialog lists every shortcut, none is taken twice, Tab in reading order, F8 walks
// the citations), the languages (Arabic mirrors the window and right-aligns Arabic text, code
// stays left to right; switching keeps the session; a pseudo-translation finds untranslated or
// clipped text), contrast in light and dark, and what assistive technology is told.
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

namespace {

// The controls a screen reader stops at: what a user reads, types into or presses.
bool interactive(QWidget* w) {
    if (w->objectName().startsWith(QLatin1String("qt_"))) return false;  // Qt's own parts (toolbar extension, …)
    if (qobject_cast<QScrollBar*>(w)) return false;                         // named by Qt ("Vertical")
    if (qobject_cast<QHeaderView*>(w)) return false;  // read as the column headers of its view
    // The line edit inside a spin box or combo box is the box itself to assistive technology.
    if (w->parentWidget() && (qobject_cast<QAbstractSpinBox*>(w->parentWidget()) ||
                              qobject_cast<QComboBox*>(w->parentWidget())))
        return false;
    return qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w) || qobject_cast<QLineEdit*>(w) ||
           qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QAbstractItemView*>(w) || qobject_cast<QTextEdit*>(w) ||
           qobject_cast<QPlainTextEdit*>(w) || qobject_cast<QProgressBar*>(w) || qobject_cast<QTabWidget*>(w);
}

// "ClassName 'text'" for each visible control of `root` without an accessible name.
QStringList unnamed(QWidget* root) {
    QStringList out;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(root) || !interactive(w)) continue;
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
        if (a && !a->text(QAccessible::Name).trimmed().isEmpty()) continue;
        QString what = QString::fromLatin1(w->metaObject()->className());
        if (auto* b = qobject_cast<QAbstractButton*>(w)) what += QStringLiteral(" '%1'").arg(b->text());
        if (!w->objectName().isEmpty()) what += QStringLiteral(" #") + w->objectName();
        out << what;
    }
    return out;
}

// The first line of the block holding `text` in the view, in document coordinates.
QRectF lineOf(QTextEdit* view, const QString& text, Qt::LayoutDirection* direction = nullptr) {
    for (QTextBlock b = view->document()->begin(); b.isValid(); b = b.next()) {
        if (!b.text().contains(text)) continue;
        if (direction) *direction = b.textDirection();
        const QRectF block = view->document()->documentLayout()->blockBoundingRect(b);
        QRectF line = b.layout()->lineAt(0).naturalTextRect();
        return line.translated(block.topLeft());
    }
    return {};
}

// Every text a user reads in `root` that a translation would have to change: labels,
// buttons, placeholders, tabs, column headers, menus and toolbars, as "where: text".
QStringList shownTexts(QWidget* root) {
    QStringList out;
    auto add = [&](const QString& where, const QString& text) {
        QString plain = text;
        plain.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        // Words to translate: two letters in a row (numbers, sizes and paths aside below).
        if (plain.contains(QRegularExpression(QStringLiteral("[A-Za-z]{2}")))) out << where + ": " + plain.simplified();
    };
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(root)) continue;
        if (auto* l = qobject_cast<QLabel*>(w)) add(QStringLiteral("label"), l->text());
        if (auto* b = qobject_cast<QAbstractButton*>(w)) {
            // OK, Cancel, Restore Defaults: Qt's own, translated by Qt's catalogue.
            auto* box = qobject_cast<QDialogButtonBox*>(w->parentWidget());
            if (!box || box->standardButton(b) == QDialogButtonBox::NoButton || PseudoTranslator::isPseudo(b->text()))
                add(QStringLiteral("button"), b->text());
        }
        if (auto* e = qobject_cast<QLineEdit*>(w)) add(QStringLiteral("placeholder"), e->placeholderText());
        if (auto* e = qobject_cast<QPlainTextEdit*>(w)) add(QStringLiteral("placeholder"), e->placeholderText());
        if (auto* t = qobject_cast<QTabWidget*>(w))
            for (int i = 0; i < t->count(); ++i) add(QStringLiteral("tab"), t->tabText(i));
        if (auto* t = qobject_cast<QTreeWidget*>(w))
            for (int i = 0; i < t->columnCount(); ++i) add(QStringLiteral("column"), t->headerItem()->text(i));
    }
    QList<QAction*> actions;
    if (auto* mw = qobject_cast<QMainWindow*>(root)) {
        QList<QMenu*> menus;
        for (QAction* a : mw->menuBar()->actions()) {
            actions << a;
            if (a->menu()) menus << a->menu();
        }
        while (!menus.isEmpty())
            for (QAction* a : menus.takeFirst()->actions()) {
                actions << a;
                if (a->menu()) menus << a->menu();
            }
        for (QToolBar* bar : mw->findChildren<QToolBar*>()) actions += bar->actions();
    }
    for (QAction* a : actions)
        if (!a->isSeparator()) add(QStringLiteral("action"), a->text());
    return out;
}

// The widgets of `root` whose one-line text is wider than the widget: a translation clipped.
QStringList clipped(QWidget* root) {
    QStringList out;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(root) || w->width() <= 0) continue;
        QString text;
        if (auto* l = qobject_cast<QLabel*>(w); l && !l->wordWrap() && l->textFormat() != Qt::RichText) text = l->text();
        else if (auto* b = qobject_cast<QAbstractButton*>(w)) text = b->text();
        else continue;
        if (text.isEmpty() || text.contains(QLatin1Char('\n'))) continue;
        if (w->sizeHint().width() > w->width() + 1)
            out << QStringLiteral("%1 '%2': needs %3 px, has %4").arg(QString::fromLatin1(w->metaObject()->className()), text)
                       .arg(w->sizeHint().width()).arg(w->width());
    }
    return out;
}

}  // namespace

class EveryUserTest : public QObject {
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

    void everyControlOfTheWindowAndItsDialogsHasAnAccessibleName() {
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w));
        QStringList missing = unnamed(w.get());
        QVERIFY2(missing.isEmpty(), qPrintable("main window: " + missing.join(", ")));

        ModelDialog picker(savedModelChoice(w->preferences()), &w->bridge(), w.get());
        picker.show();
        for (int page = 0; page < picker.findChild<QTabWidget*>()->count(); ++page) {
            picker.findChild<QTabWidget*>()->setCurrentIndex(page);
            missing = unnamed(&picker);
            QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("model picker, page %1: ").arg(page) + missing.join(", ")));
        }
        picker.close();

        SettingsDialog settings(w->bridge(), w->preferences(), w.get());
        settings.show();
        for (int page = 0; page < settings.tabs()->count(); ++page) {
            settings.tabs()->setCurrentIndex(page);
            missing = unnamed(&settings);
            QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("settings, page %1: ").arg(page) + missing.join(", ")));
        }
        settings.close();

        // "What the model saw", for an answer.
        QSignalSpy ended(w.get(), &MainWindow::taskEnded);
        w->ask(QStringLiteral("How many parcels were moved?"));
        QVERIFY(ended.wait(kWait));
        auto t = w->bridge().core().transcript(w->currentSession());
        QVERIFY(t.ok() && !t->messages.empty());
        QSignalSpy prompt(w.get(), &MainWindow::promptShown);
        w->showPromptView(t->messages.front().id);
        QVERIFY(prompt.wait(kWait));
        auto* saw = prompt.first().first().value<QDialog*>();
        missing = unnamed(saw);
        QVERIFY2(missing.isEmpty(), qPrintable("what the model saw: " + missing.join(", ")));
        saw->close();

        QStringList shortcutsMissing{QStringLiteral("not shown")};
        whenShown(w.get(), &MainWindow::shortcutsShown, [&](QDialog* d) {
            shortcutsMissing = unnamed(d);
            d->reject();
        });
        w->showShortcuts();
        QVERIFY2(shortcutsMissing.isEmpty(), qPrintable("shortcuts: " + shortcutsMissing.join(", ")));
    }

    void theShortcutsDialogListsEveryShortcutAndNoneIsTakenTwice() {
        auto w = makeWindow();
        QVERIFY(w);
        std::map<QString, QString> byKey;  // key sequence -> action
        QStringList clashes;
        for (QAction* a : w->shortcutActions())
            for (const QKeySequence& k : a->shortcuts()) {
                auto [it, fresh] = byKey.emplace(k.toString(), a->text());
                if (!fresh) clashes << QStringLiteral("%1: %2 and %3").arg(k.toString(), it->second, a->text());
            }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join("; ")));
        // The desktop's conventions for open, search, send, stop, settings, zoom and help.
        for (const QKeySequence& k :
             {QKeySequence(QKeySequence::Open), QKeySequence(QKeySequence::Find), QKeySequence("Ctrl+Return"),
              QKeySequence("Esc"), QKeySequence("Ctrl+,"), QKeySequence("Ctrl+L"), QKeySequence(QKeySequence::ZoomIn),
              QKeySequence(QKeySequence::ZoomOut), QKeySequence("F8"), QKeySequence("Shift+F8"), QKeySequence("F1")})
            QVERIFY2(byKey.count(k.toString()), qPrintable("no action for " + k.toString()));
        int rows = -1;
        whenShown(w.get(), &MainWindow::shortcutsShown, [&](QDialog* d) {
            rows = d->findChild<QTableWidget*>()->rowCount();
            d->reject();
        });
        w->showShortcuts();
        QCOMPARE(rows, int(w->shortcutActions().size()));
    }

    // Tab from the search box goes through the library, the conversation and the question to
    // the Ask button, in the order they are read.
    void tabGoesThroughTheWindowInReadingOrder() {
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w));
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        w->library()->searchBox()->setFocus();
        QList<QWidget*> visited;
        for (int i = 0; i < 5; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            visited << QApplication::focusWidget();
        }
        const QList<QWidget*> expected = {w->library()->sessionList(), w->library()->documentTree(), w->conversation(),
                                          w->questionBox()};
        QCOMPARE(visited.mid(0, 4), expected);
        auto* ask = qobject_cast<QPushButton*>(visited[4]);
        QVERIFY(ask);
        QCOMPARE(ask->text(), QStringLiteral("Ask"));
    }

    void f8WalksTheCitationsAndOpensTheCitedPage() {
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w));
        const std::int64_t session = w->currentSession();
        QVERIFY(addExchange(session, "How did the year go?",
                            "Four million parcels were moved [p. 1]. Revenue grew by twelve percent [p. 2]."));
        w->openSession(session);
        QCOMPARE(int(w->conversation()->citations().size()), 2);
        QSignalSpy shown(w.get(), &MainWindow::citationShown);
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTest::keyClick(w.get(), Qt::Key_F8);
        QVERIFY(shown.count() > 0 || shown.wait(kWait));
        QCOMPARE(shown.last().at(0).toInt(), 1);
        QTest::keyClick(w.get(), Qt::Key_F8);
        QVERIFY(shown.count() > 1 || shown.wait(kWait));
        QCOMPARE(shown.last().at(0).toInt(), 2);
        QTest::keyClick(w.get(), Qt::Key_F8, Qt::ShiftModifier);
        QVERIFY(shown.count() > 2 || shown.wait(kWait));
        QCOMPARE(shown.last().at(0).toInt(), 1);
        QVERIFY(w->conversation()->textCursor().selectedText().contains(QStringLiteral("p. 1")));
    }

    void arabicMirrorsTheWindowAndRightAlignsArabicText() {
        QVERIFY(installLanguage(QStringLiteral("ar")));
        auto w = makeWindow();
        QVERIFY(w);
        QCOMPARE(w->layoutDirection(), Qt::RightToLeft);
        QCOMPARE(QApplication::layoutDirection(), Qt::RightToLeft);
        const QString file = w->menuBar()->actions().first()->text();
        QVERIFY2(file != QStringLiteral("&File") && file.contains(QStringLiteral("(&F)")), qPrintable(file));
        // The library (left in English) is on the right.
        QVERIFY(w->library()->mapTo(w.get(), QPoint(0, 0)).x() > w->width() / 2);

        ConversationView* view = w->conversation();
        ShownMessage question;
        question.id = 1;
        question.role = "user";
        question.text = "What does clause 4 say about payment?";
        ShownMessage answer;
        answer.id = 2;
        answer.role = "assistant";
        // A code block stays left to right, even when its first line is an Arabic comment.
        answer.text = "تستحق الفواتير خلال ستين يوما من استلامها.\n\n```\n# المبلغ المستحق\n"
                      "due = invoice.amount  # src/contract/payment.cpp:88\n```\n";
        view->showMessages({question, answer});
        QApplication::processEvents();
        Qt::LayoutDirection direction = Qt::LayoutDirectionAuto;
        const QRectF arabic = lineOf(view, QStringLiteral("تستحق"), &direction);
        QCOMPARE(direction, Qt::RightToLeft);
        const QRectF english = lineOf(view, QStringLiteral("clause 4"), &direction);
        QCOMPARE(direction, Qt::LeftToRight);
        const QRectF code = lineOf(view, QStringLiteral("payment.cpp"), &direction);
        QCOMPARE(direction, Qt::LeftToRight);
        const QRectF comment = lineOf(view, QStringLiteral("المبلغ"), &direction);
        QCOMPARE(direction, Qt::LeftToRight);
        QVERIFY2(comment.left() < 40, qPrintable(QString::number(comment.left())));
        const qreal width = view->document()->textWidth();
        // Right-aligned: the Arabic line ends at the right margin; the English and the code
        // start at the left one.
        QVERIFY2(arabic.right() > width - 40, qPrintable(QStringLiteral("%1 of %2").arg(arabic.right()).arg(width)));
        QVERIFY2(arabic.left() > width / 3, qPrintable(QString::number(arabic.left())));
        QVERIFY2(english.left() < 40 && code.left() < 40,
                 qPrintable(QStringLiteral("%1, %2").arg(english.left()).arg(code.left())));
        w.reset();
        QVERIFY(installLanguage(QStringLiteral("en")));
        QCOMPARE(QApplication::layoutDirection(), Qt::LeftToRight);
    }

    void anArabicAnswerIsRightAlignedInAnEnglishWindowToo() {
        auto w = makeWindow();
        QVERIFY(w);
        ShownMessage answer;
        answer.id = 3;
        answer.role = "assistant";
        answer.text = "ارتفعت الإيرادات بنسبة اثني عشر بالمئة.";
        w->conversation()->showMessages({answer});
        QApplication::processEvents();
        Qt::LayoutDirection direction = Qt::LayoutDirectionAuto;
        const QRectF arabic = lineOf(w->conversation(), QStringLiteral("الإيرادات"), &direction);
        QCOMPARE(direction, Qt::RightToLeft);
        QVERIFY(arabic.right() > w->conversation()->document()->textWidth() - 40);
    }

    void switchingTheLanguageKeepsTheSessionAndTheModel() {
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w));
        const std::int64_t session = w->currentSession();
        const QString model = w->statusPanel()->modelText();
        const std::size_t documents = w->documents().size();
        QSignalSpy changed(w.get(), &MainWindow::languageChanged);
        w->setLanguage(QStringLiteral("de"));
        QVERIFY(changed.wait(kWait));
        QCOMPARE(changed.first().first().toString(), QStringLiteral("de"));
        QCOMPARE(w->menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
        QCOMPARE(w->currentSession(), session);
        QCOMPARE(w->documents().size(), documents);
        QCOMPARE(w->statusPanel()->modelText(), model);
        QVERIFY(w->bridge().core().model().has_value());
        QElapsedTimer clock;
        clock.start();
        while (!w->planSettled() && clock.elapsed() < kWait) QTest::qWait(20);
        QVERIFY(w->planSettled());
        QVERIFY2(w->statusPanel()->budgetText().contains(QStringLiteral("Token")), qPrintable(w->statusPanel()->budgetText()));
        w->setLanguage(QStringLiteral("zh_CN"));
        QVERIFY(changed.wait(kWait));
        QVERIFY2(w->menuBar()->actions().first()->text().contains(QStringLiteral("(&F)")),
                 qPrintable(w->menuBar()->actions().first()->text()));
        w->setLanguage(QStringLiteral("en"));
        QVERIFY(changed.wait(kWait));
        QCOMPARE(w->menuBar()->actions().first()->text(), QStringLiteral("&File"));
        QCOMPARE(w->currentSession(), session);
    }

    // WCAG AA: every pair of text and background the window draws with, in both palettes.
    void textContrastIsAtLeastFourAndAHalfToOneInLightAndDark() {
        QCOMPARE(qRound(contrastRatio(Qt::black, Qt::white)), 21);
        QCOMPARE(contrastRatio(Qt::gray, Qt::gray), 1.0);
        using R = QPalette::ColorRole;
        const std::pair<R, R> pairs[] = {
            {R::Text, R::Base},           {R::Text, R::AlternateBase},       {R::WindowText, R::Window},
            {R::WindowText, R::AlternateBase},  // the "does not fit" notice
            {R::ButtonText, R::Button},   {R::HighlightedText, R::Highlight}, {R::PlaceholderText, R::Base},
            {R::PlaceholderText, R::AlternateBase}, {R::Link, R::Base},      {R::LinkVisited, R::Base},
            {R::ToolTipText, R::ToolTipBase}};
        for (const auto& [name, palette] : {std::pair{"light", lightPalette()}, std::pair{"dark", darkPalette()}}) {
            for (const auto& [fg, bg] : pairs) {
                const double c = contrastRatio(palette.color(fg), palette.color(bg));
                QVERIFY2(c >= 4.5, qPrintable(QStringLiteral("%1: role %2 on %3: %4:1").arg(name).arg(int(fg)).arg(int(bg)).arg(c)));
            }
            for (R bg : {R::Base, R::Window}) {
                const double c = contrastRatio(errorTextColor(palette), palette.color(bg));
                QVERIFY2(c >= 4.5, qPrintable(QStringLiteral("%1: error text: %2:1").arg(name).arg(c)));
            }
        }
        QVERIFY(contrastRatio(markText(), markBackground()) >= 4.5);
        // Dark is applied to the whole window, and back.
        QVERIFY(applyAppearance(QStringLiteral("dark")));
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(w->conversation()->palette().color(QPalette::Base).lightness() < 64);
        QVERIFY(w->questionBox()->palette().color(QPalette::Text).lightness() > 192);
        QVERIFY(!applyAppearance(QStringLiteral("light")));
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::white));
    }

    // A screen reader hears the answer as it streams (text inserted into the conversation)
    // and is told when the model is loaded, the documents are read and the answer is done.
    void streamedAnswersAndFinishedJobsAreAnnounced() {
        static QList<std::pair<QAccessible::Event, QString>> events;
        events.clear();
        setAccessibilityEventSink([](QAccessibleEvent* e) {
            QString text;
            if (e->type() == QAccessible::TextInserted) text = static_cast<QAccessibleTextInsertEvent*>(e)->textInserted();
            else if (QAccessibleInterface* i = e->accessibleInterface()) text = i->text(QAccessible::Description);
            events.push_back({e->type(), text});
        });
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w));
        QSignalSpy ended(w.get(), &MainWindow::taskEnded);
        w->ask(QStringLiteral("How many parcels were moved?"));
        QVERIFY(ended.wait(kWait));
        setAccessibilityEventSink(nullptr);
        QString streamed;
        QStringList alerts;
        for (const auto& [type, text] : events) {
            if (type == QAccessible::TextInserted) streamed += text;
            if (type == QAccessible::Alert) alerts << text;
        }
        QStringList types;
        for (const auto& [type, text] : events) types << QString::number(int(type));
        QVERIFY2(!streamed.isEmpty(), qPrintable(types.join(",")));
        QCOMPARE(streamed, QString::fromStdString(w->lastAsk()->answer).left(streamed.size()));
        QVERIFY2(alerts.contains(QStringLiteral("The model is loaded.")), qPrintable(alerts.join(" | ")));
        QVERIFY2(alerts.contains(QStringLiteral("1 document read.")), qPrintable(alerts.join(" | ")));
        QVERIFY2(alerts.filter(QStringLiteral("tokens at")).size() == 1, qPrintable(alerts.join(" | ")));
    }

    // With the pseudo-translation every string of the window and its dialogs is marked: one
    // shown unmarked did not go through tr(); a longer text that no longer fits is clipped.
    void thePseudoTranslationFindsNoUntranslatedOrClippedText() {
        installPseudoTranslation();
        auto w = makeWindow();
        QVERIFY(w);
        QVERIFY(openModel(*w));
        QVERIFY(openPdf(*w));
        QApplication::processEvents();
        // Shown data, not interface: the model's and the documents' names, sizes, the search text.
        const QRegularExpression data(QStringLiteral("llama31-tiny|report\\.pdf|Annual report|MiB|GiB"));
        QStringList untranslated;
        const auto check = [&](const QString& where, QWidget* root) {
            for (const QString& t : shownTexts(root))
                if (!PseudoTranslator::isPseudo(t) && !t.contains(data)) untranslated << where + " " + t;
            for (const QString& c : clipped(root)) untranslated << where + " clipped: " + c;
        };
        check(QStringLiteral("window"), w.get());
        SettingsDialog settings(w->bridge(), w->preferences(), w.get());
        settings.show();
        for (int page = 0; page < settings.tabs()->count(); ++page) {
            settings.tabs()->setCurrentIndex(page);
            QApplication::processEvents();
            check(QStringLiteral("settings"), &settings);
        }
        ModelDialog picker(savedModelChoice(w->preferences()), &w->bridge(), w.get());
        picker.show();
        QApplication::processEvents();
        check(QStringLiteral("picker"), &picker);
        installLanguage(QStringLiteral("en"));
        untranslated.removeDuplicates();
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QLatin1Char('\n'))));
    }

    void cleanupTestCase() { installLanguage(QStringLiteral("en")); }
};

QTEST_MAIN(EveryUserTest)
#include "every_user_test.moc"
