// The pseudo-translation (see pseudo_translation.h).
#include "pseudo_translation.h"

#include <QRegularExpression>

namespace lectern::ui {
namespace {

QChar accented(QChar c) {
    static const QString plain = QStringLiteral("aceinosuyzACEINOSUYZ");
    static const QString marked = QStringLiteral("áçéîñøšûýžÁÇÉÎÑØŠÛÝŽ");
    const qsizetype i = plain.indexOf(c);
    return i < 0 ? c : marked.at(i);
}

}  // namespace

QString PseudoTranslator::translate(const char* context, const char* sourceText, const char*, int) const {
    if (!sourceText || !*sourceText) return {};
    // Qt's own strings (QShortcut's key names among them) are qtbase's to translate.
    if (context && context[0] == 'Q') return {};
    const QString source = QString::fromUtf8(sourceText);
    // A key sequence ("Ctrl+Shift+S", "F8") stays one.
    static const QRegularExpression keys(
        QStringLiteral("^((Ctrl|Shift|Alt|Meta)\\+)*(F\\d{1,2}|Return|Enter|Esc|PgUp|PgDown|Home|End|[^ +]|,)$"));
    if (keys.match(source).hasMatch()) return source;
    return pseudo(source);
}

QString PseudoTranslator::pseudo(const QString& text) {
    QString out = QStringLiteral("⟦");
    int letters = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('<')) {  // an HTML tag, as it is
            const qsizetype end = text.indexOf(QLatin1Char('>'), i);
            if (end > i) {
                out += text.mid(i, end - i + 1);
                i = end;
                continue;
            }
        }
        if (c == QLatin1Char('&') && i + 1 < text.size() && text.at(i + 1) != QLatin1Char(' ')) {
            const qsizetype end = text.indexOf(QLatin1Char(';'), i);
            if (end > i && end - i < 8 && !text.mid(i + 1, end - i - 1).contains(QLatin1Char(' '))) {
                out += text.mid(i, end - i + 1);  // an entity (&amp;)
                i = end;
                continue;
            }
            out += c;  // a mnemonic: the letter after it stays a letter
            continue;
        }
        if (c == QLatin1Char('%') && i + 1 < text.size() && (text.at(i + 1).isDigit() || text.at(i + 1) == QLatin1Char('n') ||
                                                             text.at(i + 1) == QLatin1Char('L'))) {
            qsizetype end = i + 1;
            if (text.at(end) == QLatin1Char('L')) ++end;
            while (end < text.size() && (text.at(end).isDigit() || text.at(end) == QLatin1Char('n'))) ++end;
            out += text.mid(i, end - i);  // a placeholder
            i = end - 1;
            continue;
        }
        if (c.isLetter()) ++letters;
        out += accented(c);
    }
    // About a third longer, as German and French often are.
    out += QLatin1Char(' ') + QString(std::max(1, letters / 3), QLatin1Char('~')) + QStringLiteral("⟧");
    return out;
}

bool PseudoTranslator::isPseudo(const QString& text) { return text.contains(QStringLiteral("⟦")); }

}  // namespace lectern::ui
