// Optical character recognition of PDF pages that have no text layer: the page is rendered
// by Poppler to an 8-bit gray image and read by Tesseract. The language is the caller's, or
// chosen per page: from the script Tesseract's orientation-and-script detection sees on the
// page, else (too little text to detect) from the script of the document's text layer or its
// declared language, else the reading Tesseract is most confident of.
#pragma once

#include <map>
#include <memory>
#include <string>

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page.h>

#include "lectern/engine/result.h"

namespace lectern::ingest {

struct Recognized {
    std::string text;        // UTF-8, lines separated by '\n'
    std::string language;    // the Tesseract language(s) it was read in
    int confidence = -1;     // mean word confidence, 0-100
};

class PageRecognizer {
public:
    // `language`: Tesseract language(s) ("deu", "eng+deu"), or "" to choose per page.
    // Fails with Unsupported when Tesseract or a named language's traineddata is missing.
    static Result<std::unique_ptr<PageRecognizer>> create(const std::string& language);
    ~PageRecognizer();
    PageRecognizer(const PageRecognizer&) = delete;
    PageRecognizer& operator=(const PageRecognizer&) = delete;

    // `script_hint`: the document's script ("Cyrillic"), used when no language was given and
    // Tesseract's script detection is unsure of the page.
    Result<Recognized> recognize(const poppler::page& page, int dpi, const std::string& script_hint = {});

private:
    Result<Recognized> read(const unsigned char* pixels, const poppler::image& image, int dpi,
                            const std::string& language);
    // The page's script by Tesseract's detection (osd.traineddata); "" when unsure.
    std::string detect_script(const unsigned char* pixels, const poppler::image& image, int dpi);
    // Too little to detect a script on (a short page): the reading Tesseract is most sure of.
    Result<Recognized> most_confident_reading(const unsigned char* pixels, const poppler::image& image, int dpi);
    struct State;
    explicit PageRecognizer(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// The Tesseract language(s) for a script ("Cyrillic" -> "rus"), among those installed;
// "eng" when none fits.
std::string ocr_language_for_script(const std::string& script);

}  // namespace lectern::ingest
