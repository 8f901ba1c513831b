// `lectern [--model M] [--context N] [FILE|DIR...]`: the desktop application. It opens the
// window with the documents given in a new session (like `okular file.pdf`), loading the
// model given or the one used last; on a first run without a model it shows the picker.
// Without a display it says so in one line and exits 2.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QStandardPaths>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <thread>

#include "core_bridge.h"
#include "appearance.h"
#include "i18n.h"
#include "preferences.h"
#include "main_window.h"
#include "model_dialog.h"

namespace {

constexpr const char* kUsage =
    "Usage: lectern [--model MODEL] [--context TOKENS] [--ask QUESTION] [FILE|DIR...]\n"
    "Reads whole documents with a local Llama 3 model: ask, summarize, review, translate.\n"
    "  --model MODEL     a GGUF file or Hugging Face folder (default: the last one used)\n"
    "  --context TOKENS  the context size (default: the last one used, else automatic)\n"
    "  --ask QUESTION    ask it once the model and the documents are open\n"
    "  FILE|DIR          PDFs, text files or folders of code to open in a new session\n"
    "Without a window: lectern-cli --help.\n";

bool hasDisplay() {
    const char* platform = std::getenv("QT_QPA_PLATFORM");
    if (platform && *platform) return true;  // offscreen, vnc, ...: the platform decides
    const char* x = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (wayland && *wayland);
}

// $LECTERN_LAYER_DELAY_MS: a pause after every layer of the forward pass, so tests can
// stop or kill the process in the middle of an answer. Unset: none.
std::function<void(std::int64_t)> layerDelay() {
    const int ms = qEnvironmentVariableIntValue("LECTERN_LAYER_DELAY_MS");
    if (ms <= 0) return {};
    return [ms](std::int64_t) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); };
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::fputs(kUsage, stdout);
            return 0;
        }
    }
    if (!hasDisplay()) {
        std::fputs("lectern: no display (DISPLAY and WAYLAND_DISPLAY are unset); run it under a desktop, or "
                   "`xvfb-run lectern ...`, or use lectern-cli\n", stderr);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Lectern"));
    QApplication::setOrganizationName(QStringLiteral("lectern"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/lectern.png")));
    QGuiApplication::setDesktopFileName(QStringLiteral("lectern"));
    QCommandLineParser parser;
    QCommandLineOption model(QStringLiteral("model"), QStringLiteral("model"), QStringLiteral("MODEL"));
    QCommandLineOption context(QStringLiteral("context"), QStringLiteral("context"), QStringLiteral("TOKENS"));
    QCommandLineOption ask(QStringLiteral("ask"), QStringLiteral("ask"), QStringLiteral("QUESTION"));
    parser.addOption(model);
    parser.addOption(context);
    parser.addOption(ask);
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("documents"));
    if (!parser.parse(QApplication::arguments())) {
        std::fprintf(stderr, "lectern: %s\n%s", qPrintable(parser.errorText()), kUsage);
        return 2;
    }
    bool ctxOk = true;
    const qlonglong nCtx = parser.isSet(context) ? parser.value(context).toLongLong(&ctxOk) : 0;
    if (!ctxOk || (parser.isSet(context) && nCtx < 256)) {
        std::fprintf(stderr, "lectern: --context takes a number of tokens (256 or more)\n");
        return 2;
    }

    auto settings = std::make_unique<QSettings>(
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/lectern/lectern.conf"),
        QSettings::IniFormat);

    const QString data = lectern::ui::dataFolder();
    QDir().mkpath(data);
    auto bridge = lectern::ui::CoreBridge::open(data + QStringLiteral("/lectern.db"),
                                                lectern::ui::cacheFolder() + QStringLiteral("/kv"));
    if (!bridge) {
        std::fprintf(stderr, "lectern: %s\n", bridge.error().to_string().c_str());
        return 4;
    }

    // The window's language: the preference, else the system's (Arabic mirrors the window).
    if (qEnvironmentVariableIsSet("LECTERN_PSEUDO_TRANSLATION")) lectern::ui::installPseudoTranslation();
    else lectern::ui::installLanguage(
        lectern::ui::chosenLanguage(lectern::ui::Preferences(bridge.value()->core()).language()));
    lectern::ui::applyAppearance(lectern::ui::Preferences(bridge.value()->core()).value(QStringLiteral("ui/appearance")));
    lectern::ui::MainWindow window(std::move(bridge.value()), std::move(settings));
    // The model opened last, unless one is named on the command line.
    lectern::ui::ModelChoice choice = lectern::ui::savedModelChoice(window.preferences());
    if (parser.isSet(model)) {
        choice.path = parser.value(model);
        choice.remote = false;
    }
    if (nCtx > 0) choice.nCtx = nCtx;
    window.show();
    if (parser.isSet(ask)) {
        // Asked once the documents are counted (or, without documents, the model is open).
        const QString question = parser.value(ask);
        const bool documents = !parser.positionalArguments().isEmpty();
        auto once = std::make_shared<QMetaObject::Connection>();
        auto askNow = [&window, question, once] {
            QObject::disconnect(*once);
            window.ask(question);
        };
        *once = documents ? QObject::connect(&window, &lectern::ui::MainWindow::planned, &window, askNow)
                          : QObject::connect(&window, &lectern::ui::MainWindow::modelOpened, &window, askNow);
    }
    if (choice.remote ? !choice.url.isEmpty() : !choice.path.isEmpty()) window.openModel(choice, layerDelay());
    else QTimer::singleShot(0, &window, &lectern::ui::MainWindow::chooseModel);
    if (!parser.positionalArguments().isEmpty()) window.openPaths(parser.positionalArguments());
    return app.exec();
}
