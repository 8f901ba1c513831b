// The status bar: the model and its backend, the budget meter ("96,412 / 131,072 tokens",
// exact, from the model's tokenizer, with the system prompt and the answer reserve), what
// the running job is doing (pages x/y while reading, tokens x/y with ETA and tokens/s while
// processing the prompt, the answer's speed), and the process's memory.
#pragma once

#include <QWidget>

#include <optional>

#include "app_core.h"

class QLabel;
class QProgressBar;

namespace lectern::ui {

class StatusPanel : public QWidget {
    Q_OBJECT
public:
    explicit StatusPanel(QWidget* parent = nullptr);

    void setModel(const std::optional<app::ModelInfo>& model, const QString& state = {});
    // The budget of the open session, or none (no model, or no documents).
    void setBudget(const app::AskPlan* plan);
    void showProgress(const app::JobProgress& progress);
    void showSpeed(double tokensPerS);
    void clearProgress(const QString& message = {});
    // clearProgress(message), and the message said to assistive technology (a screen reader
    // reads it out: a finished answer, a stopped task, documents read, a model loaded).
    void announce(const QString& message);

    QString budgetText() const;
    QString modelText() const;
    std::int64_t budgetUsed() const { return m_used; }
    QProgressBar* budgetMeter() const { return m_budget; }
    QString progressText() const;

private:
    void updateMemory();

    QLabel* m_model = nullptr;
    QProgressBar* m_budget = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_activity = nullptr;
    QLabel* m_memory = nullptr;
    std::int64_t m_used = 0;
};

// "1.2 GiB", "512 MiB".
QString formatBytes(double bytes);
// "16-bit", "8-bit", for a KV cache.
QString kvTypeText(KvType type);

}  // namespace lectern::ui
