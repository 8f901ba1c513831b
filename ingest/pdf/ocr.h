// Optical character recognition of PDF pages that have no text layer: the page is rendered
// by Poppler to an 8-bit gray image and read by Tesseract in the user's language.
#pragma once

#include <memory>
#include <string>

#include <poppler/cpp/poppler-page.h>

#include "lectern/engine/result.h"

namespace lectern::ingest {

class PageRecognizer {
public:
    // Fails with Unsupported when Tesseract or the language's traineddata is missing.
    static Result<std::unique_ptr<PageRecognizer>> create(const std::string& language);
    ~PageRecognizer();
    PageRecognizer(const PageRecognizer&) = delete;
    PageRecognizer& operator=(const PageRecognizer&) = delete;

    // The page's text in UTF-8, lines separated by '\n'.
    Result<std::string> recognize(const poppler::page& page, int dpi);

private:
    struct State;
    explicit PageRecognizer(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace lectern::ingest
