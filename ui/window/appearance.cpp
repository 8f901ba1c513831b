// Lectern's light and dark palettes (see appearance.h).
#include "appearance.h"

#include <QApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>

#include <cmath>

namespace lectern::ui {
namespace {

bool g_dark = false;
QString g_platformStyle;

// The colours of one palette, every text colour chosen against the background it sits on.
struct Colors {
    QColor window, windowText, base, alternateBase, text, button, buttonText, highlight, highlightedText,
        placeholder, link, linkVisited, toolTipBase, toolTipText, mid, dark, light, disabledText;
};

QPalette paletteOf(const Colors& c) {
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.windowText);
    p.setColor(QPalette::Base, c.base);
    p.setColor(QPalette::AlternateBase, c.alternateBase);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, c.button);
    p.setColor(QPalette::ButtonText, c.buttonText);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, c.highlight);
    p.setColor(QPalette::HighlightedText, c.highlightedText);
    p.setColor(QPalette::PlaceholderText, c.placeholder);
    p.setColor(QPalette::Link, c.link);
    p.setColor(QPalette::LinkVisited, c.linkVisited);
    p.setColor(QPalette::ToolTipBase, c.toolTipBase);
    p.setColor(QPalette::ToolTipText, c.toolTipText);
    p.setColor(QPalette::Mid, c.mid);
    p.setColor(QPalette::Dark, c.dark);
    p.setColor(QPalette::Light, c.light);
    p.setColor(QPalette::Midlight, c.light);
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.disabledText);
    return p;
}

double channel(double v) {
    v /= 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c) {
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

}  // namespace

QPalette lightPalette() {
    return paletteOf({QColor(0xef, 0xef, 0xef), QColor(0x1a, 0x1a, 0x1a), Qt::white, QColor(0xf4, 0xf4, 0xf4),
                      QColor(0x1a, 0x1a, 0x1a), QColor(0xe6, 0xe6, 0xe6), QColor(0x1a, 0x1a, 0x1a),
                      QColor(0x1f, 0x5f, 0xa8), Qt::white, QColor(0x5c, 0x5c, 0x5c), QColor(0x0b, 0x57, 0xb0),
                      QColor(0x6a, 0x2b, 0x9e), QColor(0xff, 0xff, 0xdc), Qt::black, QColor(0xa0, 0xa0, 0xa0),
                      QColor(0x80, 0x80, 0x80), Qt::white, QColor(0x6e, 0x6e, 0x6e)});
}

QPalette darkPalette() {
    return paletteOf({QColor(0x2b, 0x2b, 0x2b), QColor(0xe8, 0xe8, 0xe8), QColor(0x1e, 0x1e, 0x1e),
                      QColor(0x26, 0x26, 0x26), QColor(0xe8, 0xe8, 0xe8), QColor(0x3a, 0x3a, 0x3a),
                      QColor(0xe8, 0xe8, 0xe8), QColor(0x35, 0x70, 0xc0), Qt::white, QColor(0xa8, 0xa8, 0xa8),
                      QColor(0x8a, 0xb4, 0xf8), QColor(0xc5, 0x9d, 0xf0), QColor(0x3a, 0x3a, 0x3a),
                      QColor(0xe8, 0xe8, 0xe8), QColor(0x5a, 0x5a, 0x5a), QColor(0x1a, 0x1a, 0x1a),
                      QColor(0x4a, 0x4a, 0x4a), QColor(0x9a, 0x9a, 0x9a)});
}

bool systemPrefersDark() {
    // GTK_THEME=Adwaita:dark, or GNOME's colour scheme; else the platform theme's palette.
    if (qEnvironmentVariable("GTK_THEME").endsWith(QLatin1String(":dark"))) return true;
    const QString gsettings = QStandardPaths::findExecutable(QStringLiteral("gsettings"));
    if (!gsettings.isEmpty() && qEnvironmentVariableIsSet("DISPLAY")) {
        QProcess p;
        p.start(gsettings, {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.interface"),
                            QStringLiteral("color-scheme")});
        if (p.waitForFinished(1000) && p.exitCode() == 0 && p.readAllStandardOutput().contains("prefer-dark"))
            return true;
    }
    const QPalette platform = QApplication::style()->standardPalette();
    return platform.color(QPalette::Window).lightness() < 128;
}

bool applyAppearance(const QString& setting) {
    if (g_platformStyle.isEmpty()) g_platformStyle = QApplication::style()->name();
    const bool dark = setting == QLatin1String("dark") || (setting != QLatin1String("light") && systemPrefersDark());
    // Fusion draws every control from the palette; some platform styles keep light controls.
    QApplication::setStyle(QStyleFactory::create(dark ? QStringLiteral("Fusion") : g_platformStyle));
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    g_dark = dark;
    return dark;
}

bool darkAppearance() { return g_dark; }

QColor errorTextColor(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

QColor markBackground() { return QColor(255, 221, 0); }
QColor markText() { return Qt::black; }

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace lectern::ui
