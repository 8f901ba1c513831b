// The model picker: a GGUF file or a Hugging Face folder, the context size, the KV cache's
// element type and the backend. Before anything is loaded it shows what the weights and the
// KV cache need against the memory free now, and refuses a choice that does not fit, saying
// what to change. Given the core, a second page gets a model from the Hugging Face Hub
// (get_model_page.h), fills the path in when the download ends and, when the model fits, loads it.
// A third page names a model on an OpenAI-compatible server (docs/remote-models.md).
#pragma once

#include <QDialog>

#include <optional>

#include "app_core.h"
#include "preferences.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace lectern::ui {

class CoreBridge;
class FoundModels;
class GetModelPage;

struct ModelChoice {
    QString path;
    std::int64_t nCtx = 0;          // 0: the model's trained context, lowered to what fits
    std::optional<KvType> kvType;   // empty: 16-bit, or 8-bit when 16-bit does not fit
    QString backend = QStringLiteral("auto");
    // A model on an OpenAI-compatible server instead (vLLM, llama.cpp's server, Ollama,
    // lectern-cli serve): its base URL, its model (empty: its only one), the file holding
    // its key (empty: $OPENAI_API_KEY), and the same model's tokenizer here. Its context is
    // the server's.
    bool remote = false;
    QString url;
    QString remoteModel;
    QString apiKeyFile;
    QString tokenizer;
    // Folders of the user's searched for models besides the known places (FoundModels).
    QStringList modelFolders;
};

// The choice the window opened last (File › Choose model… saves it in the preferences).
ModelChoice savedModelChoice(const Preferences& prefs);
void saveModelChoice(Preferences& prefs, const ModelChoice& choice);

class ModelDialog : public QDialog {
    Q_OBJECT
public:
    explicit ModelDialog(const ModelChoice& initial, QWidget* parent = nullptr);
    // With the "Get a model" page, its downloads run as jobs of `bridge`.
    // Opens on the server page when `initial` is a server's model.
    ModelDialog(const ModelChoice& initial, CoreBridge* bridge, QWidget* parent = nullptr);
    ModelChoice choice() const;
    QString footprintText() const;
    bool acceptable() const;
    void setPath(const QString& path);
    // The "Get a model" page (null without a core), and showing it.
    GetModelPage* getModelPage() const { return m_get; }
    FoundModels* foundModels() const { return m_found; }
    void showGetModelPage();
    // The "Model on a server" page, and showing it.
    void showServerPage();
    // Fills the server page in (the URL, model, key file and tokenizer of `c`).
    void setServer(const ModelChoice& c);

private:
    void update();
    void buildServerPage(const ModelChoice& initial);

    QLineEdit* m_path = nullptr;
    QComboBox* m_context = nullptr;
    QComboBox* m_kv = nullptr;
    QComboBox* m_backend = nullptr;
    QLabel* m_footprint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QTabWidget* m_tabs = nullptr;
    GetModelPage* m_get = nullptr;
    FoundModels* m_found = nullptr;
    QWidget* m_serverPage = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_remoteModel = nullptr;
    QLineEdit* m_keyFile = nullptr;
    QLineEdit* m_tokenizer = nullptr;
    QLabel* m_serverNote = nullptr;
    bool m_ok = false;
};

}  // namespace lectern::ui
