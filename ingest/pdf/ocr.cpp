// Tesseract OCR of rendered PDF pages. Tesseract's own messages are sent to /dev/null so
// that a missing language only shows as the Error returned here.
#include "pdf/ocr.h"

#include <tesseract/baseapi.h>

#include <memory>
#include <mutex>
#include <set>

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>

#include "lectern/ingest/pdf.h"

namespace lectern::ingest {

struct PageRecognizer::State {
    tesseract::TessBaseAPI api;
};

PageRecognizer::PageRecognizer(std::unique_ptr<State> state) : state_(std::move(state)) {}

PageRecognizer::~PageRecognizer() { state_->api.End(); }

Result<std::unique_ptr<PageRecognizer>> PageRecognizer::create(const std::string& language) {
    auto state = std::make_unique<State>();
    state->api.SetVariable("debug_file", "/dev/null");
    if (state->api.Init(nullptr, language.c_str(), tesseract::OEM_DEFAULT) != 0)
        return make_error(ErrorCode::Unsupported,
                          "OCR is not available: Tesseract has no data for language '" +
                              language + "'",
                          language);
    state->api.SetPageSegMode(tesseract::PSM_AUTO);
    return std::unique_ptr<PageRecognizer>(new PageRecognizer(std::move(state)));
}

Result<std::string> PageRecognizer::recognize(const poppler::page& page, int dpi) {
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    poppler::image image = renderer.render_page(&page, dpi, dpi);
    if (!image.is_valid())
        return make_error(ErrorCode::Corrupt, "the page could not be rendered for OCR");
    auto& api = state_->api;
    api.SetImage(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                 image.height(), 1, image.bytes_per_row());
    api.SetSourceResolution(dpi);
    std::unique_ptr<char[]> text(api.GetUTF8Text());
    api.Clear();
    if (!text) return make_error(ErrorCode::Internal, "Tesseract returned no text");
    return std::string(text.get());
}

bool ocr_available(const std::string& language) {
    static std::mutex mutex;
    static std::set<std::string> known_good;
    static std::set<std::string> known_bad;
    std::lock_guard lock(mutex);
    if (known_good.count(language)) return true;
    if (known_bad.count(language)) return false;
    bool ok = PageRecognizer::create(language).ok();
    (ok ? known_good : known_bad).insert(language);
    return ok;
}

}  // namespace lectern::ingest
