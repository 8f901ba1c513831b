// The settings dialog (Edit › Settings…, Ctrl+,): the interface language; the model, its
// context, KV cache and backend (shown, changed through the model picker); how answers are
// sampled and how long they may be; the tasks' prompt templates (edited, or reset to the
// shipped text); where Lectern keeps its data and saved KV prefixes, their sizes, and a way to
// clear the prefixes. OK saves everything in the preferences (the core's settings store);
// Restore Defaults puts every field back to its default (saved on OK).
#pragma once

#include <QDialog>
#include <QString>

#include <map>
#include <string>

#include "preferences.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace lectern::ui {

class CoreBridge;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(CoreBridge& bridge, Preferences& prefs, QWidget* parent = nullptr);

    // Writes every field into the preferences and the prompt templates (OK does this).
    void save();
    // Every field to its default (not saved until save()).
    void restoreDefaults();

    QTabWidget* tabs() const { return m_tabs; }
    QComboBox* languageBox() const { return m_language; }
    QComboBox* appearanceBox() const { return m_appearance; }
    // The guard model's path (Llama Guard 3; empty: none).
    QLineEdit* guardPath() const { return m_guard; }
    // Checkable, one row per OCR language (data: Tesseract's code); none checked: automatic.
    QListWidget* ocrLanguages() const { return m_ocr; }
    QCheckBox* customSampling() const { return m_custom; }
    QDoubleSpinBox* temperatureBox() const { return m_temperature; }
    QSpinBox* maxTokensBox() const { return m_maxTokens; }
    QComboBox* promptBox() const { return m_promptName; }
    QPlainTextEdit* promptEditor() const { return m_prompt; }
    QLabel* storageText() const { return m_storage; }
    QPushButton* clearPrefixesButton() const { return m_clearPrefixes; }

signals:
    void chooseModelRequested();   // the Model page's button: the picker, over this dialog
    void prefixesCleared(int removed);

private:
    QWidget* buildGeneralPage();
    QWidget* buildModelPage();
    QWidget* buildAnswersPage();
    QWidget* buildPromptsPage();
    QWidget* buildStoragePage();
    void loadFields();
    void showAnswers(const AnswerPreferences& a);
    void showModel();
    void showStorage();
    void showPrompt();
    void keepPromptEdit();
    void updateSamplingEnabled();

    CoreBridge& m_bridge;
    Preferences& m_prefs;
    QTabWidget* m_tabs = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QComboBox* m_language = nullptr;
    QComboBox* m_appearance = nullptr;
    QListWidget* m_ocr = nullptr;
    QLabel* m_model = nullptr;
    QLineEdit* m_guard = nullptr;
    QCheckBox* m_custom = nullptr;
    QDoubleSpinBox* m_temperature = nullptr;
    QDoubleSpinBox* m_topP = nullptr;
    QSpinBox* m_topK = nullptr;
    QDoubleSpinBox* m_minP = nullptr;
    QDoubleSpinBox* m_repeatPenalty = nullptr;
    QSpinBox* m_seed = nullptr;
    QSpinBox* m_maxTokens = nullptr;
    QComboBox* m_promptName = nullptr;
    QPlainTextEdit* m_prompt = nullptr;
    QLabel* m_promptState = nullptr;
    QPushButton* m_promptReset = nullptr;
    QLabel* m_storage = nullptr;
    QPushButton* m_clearPrefixes = nullptr;
    // The templates' text as edited in this dialog, by name (saved on OK).
    std::map<std::string, std::string> m_promptText;
    std::map<std::string, std::string> m_promptShipped;
    QString m_shownPrompt;
};

}  // namespace lectern::ui
