// The window's preferences, kept in the application core's settings store (SQLite), so they
// survive a restart and travel with the database. Every value has a default here; a key
// that is not stored reads as its default, and Reset removes every key this class owns.
// Errors of the store are logged and the default is used: a preference never stops the window.
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

#include "app_core.h"

class QSettings;

namespace lectern::ui {

// How answers are sampled: each task's own defaults (task_sampling.h), or the user's values
// for every task.
struct AnswerPreferences {
    bool custom = false;
    float temperature = 0.6f;
    float topP = 0.9f;
    int topK = 0;
    float minP = 0.0f;
    float repeatPenalty = 1.0f;
    std::uint64_t seed = 0;          // 0: a new seed for every answer
    std::int64_t maxTokens = 512;    // the answer's length (Ask, Summarize)
    // The sampler options for a task: its defaults unless custom.
    SamplerOptions samplingFor(app::TaskKind kind) const;
};

class Preferences {
public:
    explicit Preferences(app::AppCore& core) : m_core(core) {}

    QString value(const QString& key, const QString& fallback = {}) const;
    std::int64_t integer(const QString& key, std::int64_t fallback) const;
    double real(const QString& key, double fallback) const;
    void setValue(const QString& key, const QString& value);
    void setValue(const QString& key, std::int64_t value) { setValue(key, QString::number(value)); }
    void remove(const QString& key);

    AnswerPreferences answers() const;
    void setAnswers(const AnswerPreferences& a);

    // The interface language ("" : the system's).
    QString language() const { return value(QStringLiteral("ui/language")); }

    // Every key this class owns returns to its default.
    void resetAll();

    // Copies the model choice a window of an earlier version kept in its QSettings file, once.
    void importModelChoice(const QSettings& legacy);

private:
    app::AppCore& m_core;
};

}  // namespace lectern::ui
