// The library, on the left of the window: the sessions (newest first), a search box over
// everything stored (messages and document text), and the open session's documents with
// their pages or files and exact token counts, a unit left out of the context greyed.
#pragma once

#include <QWidget>

#include <vector>

#include "app_core.h"

class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTreeWidget;
class QTreeWidgetItem;
class QLabel;

namespace lectern::ui {

class LibraryPanel : public QWidget {
    Q_OBJECT
public:
    explicit LibraryPanel(QWidget* parent = nullptr);

    void setSessions(const std::vector<app::SessionRecord>& sessions, std::int64_t current);
    // Results of a search (shown instead of the sessions while the box holds a query).
    void setSearchResults(const std::vector<app::SearchHit>& hits, const QString& error);
    // The open session's documents; `plan` (when counted) gives token counts and coverage.
    void setDocuments(const std::vector<ingest::Document>& documents, const app::AskPlan* plan);
    QString query() const;
    QLineEdit* searchBox() const { return m_search; }
    QListWidget* sessionList() const { return m_sessions; }
    QTreeWidget* documentTree() const { return m_documents; }

signals:
    void sessionActivated(std::int64_t sessionId);
    void searchRequested(const QString& query);
    void messageHitActivated(std::int64_t sessionId, std::int64_t messageId);
    void unitHitActivated(std::int64_t documentId, const QString& locator);
    void unitActivated(int document, int unit);
    void deleteRequested(std::int64_t sessionId);

private:
    void onSessionItem(QListWidgetItem* item);
    void onUnitItem(QTreeWidgetItem* item);

    QLineEdit* m_search = nullptr;
    QListWidget* m_sessions = nullptr;
    QLabel* m_documentsLabel = nullptr;
    QTreeWidget* m_documents = nullptr;
    bool m_showingHits = false;
};

}  // namespace lectern::ui
