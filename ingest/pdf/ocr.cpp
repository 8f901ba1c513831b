// Tesseract OCR of rendered PDF pages, the language given or chosen per page (see ocr.h).
// Tesseract's own messages are sent to /dev/null so that a missing language only shows as
// the Error returned here.
#include "pdf/ocr.h"

#include <tesseract/baseapi.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <set>

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>

#include "lectern/ingest/pdf.h"

namespace lectern::ingest {
namespace {

Result<std::unique_ptr<tesseract::TessBaseAPI>> start(const std::string& language, tesseract::PageSegMode mode) {
    // Tesseract's debug_file is one global: setting it from two reading threads at once races.
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    api->SetVariable("debug_file", "/dev/null");
    if (api->Init(nullptr, language.c_str(), tesseract::OEM_DEFAULT) != 0)
        return make_error(ErrorCode::Unsupported,
                          "OCR is not available: Tesseract has no data for language '" + language + "'", language);
    api->SetPageSegMode(mode);
    return api;
}

}  // namespace

struct PageRecognizer::State {
    std::string language;  // "" : per page
    std::map<std::string, std::unique_ptr<tesseract::TessBaseAPI>> readers;
    std::unique_ptr<tesseract::TessBaseAPI> osd;  // script detection, when needed
    bool osd_missing = false;                     // osd.traineddata is not installed

    Result<tesseract::TessBaseAPI*> reader(const std::string& lang) {
        auto it = readers.find(lang);
        if (it != readers.end()) return it->second.get();
        auto api = start(lang, tesseract::PSM_AUTO);
        if (!api) return api.error();
        return (readers[lang] = std::move(api.value())).get();
    }
};

PageRecognizer::PageRecognizer(std::unique_ptr<State> state) : state_(std::move(state)) {}

PageRecognizer::~PageRecognizer() {
    for (auto& [lang, api] : state_->readers) api->End();
    if (state_->osd) state_->osd->End();
}

Result<std::unique_ptr<PageRecognizer>> PageRecognizer::create(const std::string& language) {
    auto state = std::make_unique<State>();
    state->language = language;
    // A language named up front is checked now, so a missing one is said before any page.
    if (auto r = state->reader(language.empty() ? "eng" : language); !r) return r.error();
    return std::unique_ptr<PageRecognizer>(new PageRecognizer(std::move(state)));
}

std::string ocr_language_for_script(const std::string& script) {
    std::string wanted = "eng";
    if (script == "Cyrillic") wanted = "rus";
    else if (script == "Han" || script == "Hani" || script == "Hans") wanted = "chi_sim";
    else if (script == "Arabic" || script == "Arab") wanted = "ara";
    else if (script == "Japanese" || script == "Hiragana" || script == "Katakana") wanted = "jpn";
    else if (script == "Korean" || script == "Hangul") wanted = "kor";
    else if (script == "Greek") wanted = "ell";
    else if (script == "Hebrew") wanted = "heb";
    else if (script == "Thai") wanted = "tha";
    else if (script == "Devanagari") wanted = "hin";
    // German first: its model reads umlauts that English-first drops (ä as a).
    else if (script == "Latin" || script == "Latn") wanted = "deu+fra+spa+eng";
    std::string out;
    std::size_t start = 0;
    while (start <= wanted.size()) {
        std::size_t end = wanted.find('+', start);
        if (end == std::string::npos) end = wanted.size();
        const std::string one = wanted.substr(start, end - start);
        if (ocr_available(one)) out += (out.empty() ? "" : "+") + one;
        start = end + 1;
    }
    return out.empty() ? "eng" : out;
}

Result<Recognized> PageRecognizer::recognize(const poppler::page& page, int dpi, const std::string& script_hint) {
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    // A page of absurd size (a hostile MediaBox) is rendered at a lower resolution, at most
    // about 40 million pixels.
    const poppler::rectf box = page.page_rect();
    const double inches = std::max(1.0, box.width() / 72.0) * std::max(1.0, box.height() / 72.0);
    if (inches * dpi * dpi > 40e6) dpi = std::max(1, static_cast<int>(std::sqrt(40e6 / inches)));
    poppler::image image = renderer.render_page(&page, dpi, dpi);
    if (!image.is_valid()) return make_error(ErrorCode::Corrupt, "the page could not be rendered for OCR");
    const auto* pixels = reinterpret_cast<const unsigned char*>(image.const_data());
    if (!state_->language.empty()) return read(pixels, image, dpi, state_->language);
    // Tesseract's script detection first, the document's script only when detection is unsure:
    // a hint can be wrong (Word writes /Lang en-US into Russian documents too; an English cover
    // letter may come before Russian scans), and a Latin reading of Cyrillic is confident nonsense.
    const std::string detected = detect_script(pixels, image, dpi);
    if (!detected.empty()) return read(pixels, image, dpi, ocr_language_for_script(detected));
    if (!script_hint.empty()) return read(pixels, image, dpi, ocr_language_for_script(script_hint));
    return most_confident_reading(pixels, image, dpi);
}

std::string PageRecognizer::detect_script(const unsigned char* pixels, const poppler::image& image, int dpi) {
    if (!state_->osd && !state_->osd_missing) {
        auto osd = start("osd", tesseract::PSM_OSD_ONLY);
        if (osd) state_->osd = std::move(osd.value());
        else state_->osd_missing = true;
    }
    if (!state_->osd) return {};
    state_->osd->SetImage(pixels, image.width(), image.height(), 1, image.bytes_per_row());
    state_->osd->SetSourceResolution(dpi);
    int orientation = 0;
    float orientation_conf = 0, script_conf = 0;
    const char* name = nullptr;
    std::string script;
    // A weak guess is no guess.
    if (state_->osd->DetectOrientationScript(&orientation, &orientation_conf, &name, &script_conf) && name &&
        script_conf >= 1.0f)
        script = name;
    state_->osd->Clear();
    return script;
}

Result<Recognized> PageRecognizer::most_confident_reading(const unsigned char* pixels, const poppler::image& image,
                                                          int dpi) {
    // Script detection found too little to go on (a short page): the reading Tesseract is
    // most confident of, among the scripts Lectern's users read.
    Result<Recognized> best = make_error(ErrorCode::Unsupported, "no OCR language is installed");
    for (const char* s : {"Latin", "Cyrillic", "Han", "Arabic"}) {
        const std::string lang = ocr_language_for_script(s);
        if (lang == "eng" && std::string(s) != "Latin") continue;  // not installed
        auto r = read(pixels, image, dpi, lang);
        if (r && (!best || r->confidence > best->confidence)) best = std::move(r);
        if (best && best->confidence >= 80) break;  // good enough: spare the other passes
    }
    return best;
}

Result<Recognized> PageRecognizer::read(const unsigned char* pixels, const poppler::image& image, int dpi,
                                        const std::string& language) {
    auto api = state_->reader(language);
    if (!api) return api.error();
    (*api)->SetImage(pixels, image.width(), image.height(), 1, image.bytes_per_row());
    (*api)->SetSourceResolution(dpi);
    std::unique_ptr<char[]> text((*api)->GetUTF8Text());
    Recognized out;
    out.confidence = (*api)->MeanTextConf();
    (*api)->Clear();
    if (!text) return make_error(ErrorCode::Internal, "Tesseract returned no text");
    out.text = text.get();
    out.language = language;
    return out;
}

bool ocr_available(const std::string& language) {
    static std::mutex mutex;
    static std::set<std::string> known_good;
    static std::set<std::string> known_bad;
    std::lock_guard lock(mutex);
    if (known_good.count(language)) return true;
    if (known_bad.count(language)) return false;
    bool ok = start(language, tesseract::PSM_AUTO).ok();
    (ok ? known_good : known_bad).insert(language);
    return ok;
}

}  // namespace lectern::ingest
