// "What the model saw": the exact prompt of one answer (documents with their locators, the
// system prompt, the earlier turns, control tokens by name) and a coverage strip, one cell
// per page or file, filled where it was in the context and empty where it was left out.
#pragma once

#include <QDialog>
#include <QWidget>

#include <vector>

#include "app_core.h"

class QPlainTextEdit;
class QLabel;

namespace lectern::ui {

class CoverageStrip : public QWidget {
    Q_OBJECT
public:
    explicit CoverageStrip(QWidget* parent = nullptr);
    void setUnits(const std::vector<ingest::PackedUnit>& units);
    QSize sizeHint() const override { return {400, 22}; }
    int included() const;
    int total() const { return static_cast<int>(m_units.size()); }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;  // tooltips per cell

private:
    int cellAt(int x) const;
    std::vector<ingest::PackedUnit> m_units;
};

class PromptDialog : public QDialog {
    Q_OBJECT
public:
    PromptDialog(const app::PromptView& view, QWidget* parent = nullptr);
    QString promptText() const;
    const CoverageStrip* coverage() const { return m_strip; }

private:
    QPlainTextEdit* m_text = nullptr;
    CoverageStrip* m_strip = nullptr;
};

}  // namespace lectern::ui
