// Sessions, search and the session's documents (see library_panel.h).
#include "library_panel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace lectern::ui {
namespace {

enum Role { IdRole = Qt::UserRole, KindRole, OwnerRole, LocatorRole, DocRole, UnitRole };
enum class ItemKind { Session, MessageHit, UnitHit };

QString count(std::size_t n) { return QLocale().toString(static_cast<qulonglong>(n)); }

// A unit's row: its locator, and for a part of an office document or web page the
// paragraphs it holds ("Term  ¶2–6"), the numbers an answer cites.
QString unitLabel(const ingest::Unit& unit) {
    QString locator = QString::fromStdString(unit.locator);
    // A PDF page's locator ("page 12") in the window's language.
    if (unit.page > 0 && locator == QStringLiteral("page %1").arg(unit.page))
        locator = LibraryPanel::tr("page %1").arg(unit.page);
    if (unit.first_paragraph <= 0 || locator.startsWith(QStringLiteral("¶"))) return locator;
    const QString range = unit.last_paragraph > unit.first_paragraph
                              ? QStringLiteral("¶%1–%2").arg(unit.first_paragraph).arg(unit.last_paragraph)
                              : QStringLiteral("¶%1").arg(unit.first_paragraph);
    return locator + QStringLiteral("  ") + range;
}

// A session's title as the tasks store it ("Ask: report.pdf", "Summary: …", "Review: …",
// "Translation into German: …"), its task named in the window's language.
QString shownTitle(const std::string& stored) {
    const QString title = QString::fromStdString(stored);
    const qsizetype colon = title.indexOf(QStringLiteral(": "));
    if (colon < 0) return title;
    const QString task = title.left(colon), rest = title.mid(colon + 2);
    if (task == QLatin1String("Ask")) return LibraryPanel::tr("Ask: %1").arg(rest);
    if (task == QLatin1String("Summary")) return LibraryPanel::tr("Summary: %1").arg(rest);
    if (task == QLatin1String("Review")) return LibraryPanel::tr("Review: %1").arg(rest);
    if (task.startsWith(QLatin1String("Translation into "))) {
        // The language as Translate's list names it (MainWindow's translations of "German", …).
        const QByteArray language = task.mid(17).toUtf8();
        return LibraryPanel::tr("Translation into %1: %2")
            .arg(QCoreApplication::translate("lectern::ui::MainWindow", language.constData()), rest);
    }
    return title;
}

}  // namespace

LibraryPanel::LibraryPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search messages and documents (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_sessions = new QListWidget(this);
    m_sessions->setAccessibleName(tr("Sessions"));
    m_sessions->setWordWrap(true);
    m_sessions->setContextMenuPolicy(Qt::CustomContextMenu);
    m_documentsLabel = new QLabel(tr("Documents"), this);
    m_documents = new QTreeWidget(this);
    m_documents->setAccessibleName(tr("Documents of the session"));
    m_documents->setHeaderLabels({tr("Page, file or section"), tr("Tokens")});
    m_documents->header()->setStretchLastSection(false);
    m_documents->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_documents->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_search);
    layout->addWidget(m_sessions, 3);
    layout->addWidget(m_documentsLabel);
    layout->addWidget(m_documents, 2);

    // Searching as one types, once typing pauses.
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] { emit searchRequested(m_search->text().trimmed()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { emit searchRequested(m_search->text().trimmed()); });
    connect(m_sessions, &QListWidget::itemActivated, this, &LibraryPanel::onSessionItem);
    connect(m_sessions, &QListWidget::itemClicked, this, &LibraryPanel::onSessionItem);
    connect(m_documents, &QTreeWidget::itemActivated, this, &LibraryPanel::onUnitItem);
    connect(m_documents, &QTreeWidget::itemClicked, this, &LibraryPanel::onUnitItem);
    connect(m_sessions, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QListWidgetItem* item = m_sessions->itemAt(at);
        if (!item || item->data(KindRole).toInt() != static_cast<int>(ItemKind::Session)) return;
        QMenu menu;
        QAction* remove = menu.addAction(tr("Delete session…"));
        if (menu.exec(m_sessions->viewport()->mapToGlobal(at)) == remove)
            emit deleteRequested(item->data(IdRole).toLongLong());
    });
}

QString LibraryPanel::query() const { return m_search->text().trimmed(); }

void LibraryPanel::setSessions(const std::vector<app::SessionRecord>& sessions, std::int64_t current) {
    if (!query().isEmpty()) return;
    m_showingHits = false;
    m_sessions->clear();
    // The store lists them newest first (by last change).
    for (const auto& s : sessions) {
        const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.updated), QLocale::ShortFormat);
        const QString title = shownTitle(s.title);
        auto* item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(title, when));
        item->setData(IdRole, static_cast<qlonglong>(s.id));
        item->setData(KindRole, static_cast<int>(ItemKind::Session));
        item->setToolTip(title);
        m_sessions->addItem(item);
        if (s.id == current) m_sessions->setCurrentItem(item);
    }
    if (sessions.empty()) {
        auto* item = new QListWidgetItem(tr("No sessions yet: drop a document on the window."));
        item->setFlags(Qt::NoItemFlags);
        m_sessions->addItem(item);
    }
}

void LibraryPanel::setSearchResults(const std::vector<app::SearchHit>& hits, const QString& error) {
    m_showingHits = true;
    m_sessions->clear();
    if (!error.isEmpty() || hits.empty()) {
        auto* item = new QListWidgetItem(error.isEmpty() ? tr("Nothing found for “%1”.").arg(query()) : error);
        item->setFlags(Qt::NoItemFlags);
        m_sessions->addItem(item);
        return;
    }
    for (const auto& h : hits) {
        const bool message = h.kind == app::SearchHit::Kind::Message;
        const QString where = QString::fromStdString(h.ownerTitle) + QStringLiteral(" · ") +
                              QString::fromStdString(h.where);
        auto* item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(where, QString::fromStdString(h.snippet)));
        item->setData(IdRole, static_cast<qlonglong>(h.id));
        item->setData(OwnerRole, static_cast<qlonglong>(h.ownerId));
        item->setData(LocatorRole, QString::fromStdString(h.where));
        item->setData(KindRole, static_cast<int>(message ? ItemKind::MessageHit : ItemKind::UnitHit));
        m_sessions->addItem(item);
    }
}

void LibraryPanel::setDocuments(const std::vector<ingest::Document>& documents, const app::AskPlan* plan) {
    m_documents->clear();
    std::size_t total = 0;
    std::size_t packedUnit = 0;
    for (std::size_t d = 0; d < documents.size(); ++d) {
        const auto& doc = documents[d];
        auto* top = new QTreeWidgetItem(m_documents);
        top->setText(0, QString::fromStdString(doc.metadata.title));
        top->setToolTip(0, QString::fromStdString(doc.path));
        top->setData(0, DocRole, static_cast<int>(d));
        top->setData(0, UnitRole, -1);
        if (plan && d < plan->documentTokens.size()) {
            top->setText(1, count(plan->documentTokens[d]));
            top->setToolTip(1, tr("The document's text, counted with the model's tokenizer"));
            total += plan->documentTokens[d];
        }
        for (std::size_t u = 0; u < doc.units.size(); ++u) {
            auto* child = new QTreeWidgetItem(top);
            const auto& unit = doc.units[u];
            child->setText(0, unitLabel(unit));
            // The page's verdict: a mark where its text cannot be trusted or was repaired.
            const QString verdict = QString::fromStdString(unit.quality.describe());
            if (unit.quality.unreliable()) {
                child->setText(0, child->text(0) + QStringLiteral("  ⚠"));
                child->setToolTip(0, tr("Unreliable text: %1").arg(verdict));
            } else if (unit.no_text_layer && !unit.recognized) {
                child->setText(0, child->text(0) + tr("  (no text)"));
                child->setToolTip(0, tr("This page has no text layer and was not recognized."));
            } else if (!verdict.isEmpty()) {
                child->setText(0, child->text(0) + QStringLiteral("  ✓"));
                child->setToolTip(0, verdict);
            }
            if (!unit.tables.empty()) {
                const int n = int(unit.tables.size());
                child->setText(0, child->text(0) + (n == 1 ? tr("  (1 table)") : tr("  (%1 tables)").arg(n)));
                if (child->toolTip(0).isEmpty())
                    child->setToolTip(0, tr("Tables on this page are given to the model as tables, row by row; "
                                            "cite one as [p. %1, table 1].").arg(unit.page));
            }
            child->setData(0, DocRole, static_cast<int>(d));
            child->setData(0, UnitRole, static_cast<int>(u));
            if (plan && packedUnit < plan->units.size()) {
                const auto& pu = plan->units[packedUnit];
                child->setText(1, count(pu.tokens));
                if (!pu.included) {
                    for (int c = 0; c < 2; ++c) child->setForeground(c, m_documents->palette().brush(QPalette::PlaceholderText));
                    child->setToolTip(0, tr("Left out: it does not fit the context") +
                                             (child->toolTip(0).isEmpty() ? QString() : QStringLiteral("\n") + child->toolTip(0)));
                }
            }
            ++packedUnit;
        }
    }
    if (documents.size() == 1) m_documents->expandAll();
    m_documentsLabel->setText(documents.empty() ? tr("Documents")
                                                : tr("Documents: %1 tokens").arg(plan ? count(total) : tr("not counted")));
}

void LibraryPanel::onSessionItem(QListWidgetItem* item) {
    if (!item) return;
    switch (static_cast<ItemKind>(item->data(KindRole).toInt())) {
        case ItemKind::Session: emit sessionActivated(item->data(IdRole).toLongLong()); break;
        case ItemKind::MessageHit:
            emit messageHitActivated(item->data(OwnerRole).toLongLong(), item->data(IdRole).toLongLong());
            break;
        case ItemKind::UnitHit:
            emit unitHitActivated(item->data(OwnerRole).toLongLong(), item->data(LocatorRole).toString());
            break;
    }
}

void LibraryPanel::onUnitItem(QTreeWidgetItem* item) {
    if (!item) return;
    const int unit = item->data(0, UnitRole).toInt();
    emit unitActivated(item->data(0, DocRole).toInt(), unit < 0 ? 0 : unit);
}

}  // namespace lectern::ui
