// "Models on this computer": the models the Hugging Face cache, Ollama, LM Studio, GPT4All
// and the user's folders hold (AppCore::findModels), with their size, quantization, trained
// context and whether each fits in memory; a model Lectern cannot run is listed greyed with
// the reason. Searched off the UI thread (headers are read); choosing a row fills the
// picker's path. The user's folders are kept by the caller (foldersChanged).
#pragma once

#include <QStringList>
#include <QWidget>

#include <vector>

#include "app_core.h"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace lectern::ui {

class FoundModels : public QWidget {
    Q_OBJECT
public:
    explicit FoundModels(QStringList folders, QWidget* parent = nullptr);

    // Searches again (the known places and the folders); `found` is emitted when done.
    void search();
    QTreeWidget* list() const { return m_list; }
    const QStringList& folders() const { return m_folders; }
    void addFolder(const QString& folder);

signals:
    void modelChosen(const QString& path);
    void foldersChanged(const QStringList& folders);
    void found(int models);

private:
    void show(const std::vector<app::FoundModel>& models);

    QStringList m_folders;
    QTreeWidget* m_list = nullptr;
    QLabel* m_state = nullptr;
    QPushButton* m_add = nullptr;
    int m_generation = 0;  // a search overtaken by a newer one is dropped
};

}  // namespace lectern::ui
