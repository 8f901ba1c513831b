// Checks and repairs of extracted text, per page: Arabic presentation forms (contextual glyph
// codes) become letters, stray bidi controls go, and text in a legacy 8-bit encoding that was
// read as Latin-1 (Cyrillic "Ïðåäèñëîâèå" for "Предисловие") is re-decoded when one of the
// candidate encodings gives plausible text; otherwise it is judged mis-encoded. No Poppler
// here: the checks see only UTF-8 text.
#pragma once

#include <string>
#include <string_view>

namespace lectern::ingest {

struct TextRepair {
    std::string text;                 // UTF-8, repaired
    bool presentation_forms = false;  // presentation forms were normalized to letters
    std::string redecoded_from;       // the legacy encoding the text was re-decoded from
    bool mis_encoded = false;         // still looks mis-encoded: not to be trusted
    std::string reason;               // why it looks mis-encoded, for the user
};

TextRepair repair_text(std::string_view text);

// The script most letters of `text` are in: "Latin", "Cyrillic", "Han", "Arabic", "Greek",
// "Hebrew", ... (ICU's short names); "" when it has no letters.
std::string dominant_script(std::string_view text);

}  // namespace lectern::ingest
