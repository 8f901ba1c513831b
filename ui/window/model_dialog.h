// The model picker: a GGUF file or a Hugging Face folder, the context size, the KV cache's
// element type and the backend. Before anything is loaded it shows what the weights and the
// KV cache need against the memory free now, and refuses a choice that does not fit, saying
// what to change.
#pragma once

#include <QDialog>

#include "app_core.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace lectern::ui {

struct ModelChoice {
    QString path;
    std::int64_t nCtx = 8192;
    KvType kvType = KvType::F16;
    QString backend = QStringLiteral("auto");
};

class ModelDialog : public QDialog {
    Q_OBJECT
public:
    explicit ModelDialog(const ModelChoice& initial, QWidget* parent = nullptr);
    ModelChoice choice() const;
    QString footprintText() const;
    bool acceptable() const;
    void setPath(const QString& path);

private:
    void update();

    QLineEdit* m_path = nullptr;
    QComboBox* m_context = nullptr;
    QComboBox* m_kv = nullptr;
    QComboBox* m_backend = nullptr;
    QLabel* m_footprint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_ok = false;
};

}  // namespace lectern::ui
