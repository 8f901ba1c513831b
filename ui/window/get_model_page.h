// "Get a model": the model picker's page that downloads a model from the Hugging Face Hub
// into its cache (AppCore::pullModel, a job). It lists the curated Llama 3 files with what
// each would need at the chosen context against the memory free now, takes any repository
// and file, and shows the transfer (bytes, rate, time left) with a Stop button. Errors say
// what the user can do: a gated repository, a full disk, a Hub that cannot be reached. When
// the pull ends, modelPulled carries what to load.
#pragma once

#include <QElapsedTimer>
#include <QWidget>

#include <optional>

#include "core_bridge.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace lectern::ui {

class GetModelPage : public QWidget {
    Q_OBJECT
public:
    explicit GetModelPage(CoreBridge& bridge, QWidget* parent = nullptr);
    ~GetModelPage() override;  // stops a download in progress

    // The context and KV cache the fit column is reckoned for.
    void setBudget(std::int64_t nCtx, std::optional<KvType> kvType);
    // The memory the fit is reckoned against: `bytes`, or the memory free now when empty.
    void setAvailableMemory(std::optional<std::size_t> bytes);
    void setRequest(const QString& repo, const QString& file);
    // Whether Download is the dialog's default button (Enter), while this page is shown.
    void setDownloadDefault(bool on);
    // Starts the download of the repository and file in the fields (no-op while one runs).
    // The model's header is read first: one too large for this computer at the context is
    // refused, with "Download anyway" offered (downloadAnyway).
    void download();
    void downloadAnyway();
    void stop();

    bool downloading() const { return m_job != 0; }
    QString statusText() const;
    QString errorText() const;
    QTreeWidget* curatedList() const { return m_list; }

signals:
    void modelPulled(const QString& path);
    void downloadEnded();  // finished, failed or stopped

private:
    void fillList();
    void onEvent(const app::JobEvent& event);
    void showProgress(const app::JobProgress& p);
    void showFailure(const Error& error);
    void setRunning(bool running);
    void start(bool checkMemory);

    CoreBridge& m_bridge;
    QTreeWidget* m_list = nullptr;
    QLineEdit* m_repo = nullptr;
    QLineEdit* m_file = nullptr;
    QPushButton* m_download = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_anyway = nullptr;  // shown when the model was refused as too large
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_error = nullptr;
    app::JobId m_job = 0;
    std::int64_t m_nCtx = 0;           // 0: automatic
    std::optional<KvType> m_kvType;    // empty: automatic
    std::optional<std::size_t> m_available;
    // The rate is this pull's own: bytes since its first progress over the time since then.
    QElapsedTimer m_clock;
    std::int64_t m_firstDone = -1;
};

}  // namespace lectern::ui
