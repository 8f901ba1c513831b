// A pseudo-translation: every string that goes through tr() comes back accented, about a
// third longer and between ⟦ ⟧ ("&Open" -> "⟦&Óƿéñ ~~⟧"), placeholders, mnemonics, HTML tags
// and entities kept. A string shown without the brackets did not go through tr(); a widget
// whose text no longer fits would clip a longer translation. `lectern` runs with it when
// $LECTERN_PSEUDO_TRANSLATION is set; ui_every_user_test walks the window with it.
#pragma once

#include <QString>
#include <QTranslator>

namespace lectern::ui {

class PseudoTranslator : public QTranslator {
public:
    using QTranslator::QTranslator;
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr,
                      int n = -1) const override;
    // The pseudo form of `text`.
    static QString pseudo(const QString& text);
    // Whether `text` is (or contains) a pseudo-translated string.
    static bool isPseudo(const QString& text);
};

}  // namespace lectern::ui
