// PDF documents through poppler-cpp: the text of every page in Poppler's reading order
// (columns are followed, right-to-left lines come out in logical order), page labels and the
// info dictionary. The file is read once into memory: its bytes give the id and Poppler
// parses the same buffer.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <mutex>

#include "common/read_file.h"
#include "lectern/ingest/ingest.h"
#include "lectern/ingest/pdf.h"
#include "pdf/ligature_order.h"
#include "pdf/ocr.h"
#include "pdf/page_tables.h"
#include "text/text_repair.h"

namespace lectern::ingest {
namespace {

std::string to_utf8(const poppler::ustring& s) {
    poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// Poppler reports syntax problems on stderr by default; Lectern collects them, per thread,
// for the document being read, and turns them into one warning.
thread_local std::vector<std::string>* poppler_messages = nullptr;
thread_local int poppler_count = 0;        // messages that bear on the text (see bears_on_text)
thread_local std::string poppler_latest;   // the latest of those, uncapped

// Poppler's messages about fonts, character maps and damaged streams can mean wrong or
// missing text; others ("Invalid Font Weight") are common on clean files and do not.
bool bears_on_text(const std::string& m) {
    if (m.find("Font Weight") != std::string::npos) return false;
    for (const char* what : {"CMap", "ToUnicode", "character collection", "font", "Font", "xref", "stream", "Stream",
                             "encoding", "Encoding", "glyph"})
        if (m.find(what) != std::string::npos) return true;
    return false;
}

// "error (1234): Unknown character collection 'Adobe-XX'" without its byte offset (poppler-qt6,
// through the viewer, writes "Error (1234): ").
std::string without_offset(const std::string& m) {
    const std::size_t close = m.find("): ");
    const bool prefixed = m.rfind("error (", 0) == 0 || m.rfind("Error (", 0) == 0;
    return prefixed && close != std::string::npos ? m.substr(close + 3) : m;
}

struct PopplerMessages {
    std::vector<std::string> messages;  // the first 100
    PopplerMessages() {
        static std::once_flag once;
        std::call_once(once, [] {
            poppler::set_debug_error_function([](const std::string& message, void*) { note_pdf_message(message); },
                                              nullptr);
        });
        poppler_count = 0;
        poppler_messages = &messages;
    }
    ~PopplerMessages() { poppler_messages = nullptr; }
    int seen() const { return poppler_count; }
    PopplerMessages(const PopplerMessages&) = delete;
    PopplerMessages& operator=(const PopplerMessages&) = delete;
};

// A complete PDF ends with "%%EOF" (optionally followed by line ends or padding); a file cut
// short does not, and Poppler would otherwise "repair" it into fewer or emptier pages.
bool has_eof_marker(const std::string& bytes) {
    std::size_t tail = std::min<std::size_t>(bytes.size(), 2048);
    return std::string_view(bytes).substr(bytes.size() - tail).find("%%EOF") !=
           std::string_view::npos;
}

// Poppler brackets runs with bidi embedding controls: U+202B (RLE) around right-to-left
// text, already in logical order, and U+202A (LRE) ... U+202C (PDF) around left-to-right
// runs inside it. The controls are dropped. An LRE run of only spaces and punctuation is
// neutral text that Poppler left in visual order (" ." or " ،" after an Arabic word), so it
// is reversed into logical order (". ").
bool is_embedding_control(const std::string& t, std::size_t i) {
    return i + 2 < t.size() && t[i] == '\xE2' && t[i + 1] == '\x80' && t[i + 2] >= '\xAA' &&
           t[i + 2] <= '\xAE';
}

// Spaces and punctuation, ASCII or Arabic (comma, semicolon, question mark, full stop).
bool is_neutral_run(const std::string& run) {
    for (std::size_t i = 0; i < run.size(); ++i) {
        const char c = run[i];
        if (c == ' ' || (c > 0 && std::ispunct(static_cast<unsigned char>(c)))) continue;
        if (c == '\xD8' && i + 1 < run.size() && (run[i + 1] == '\x8C' || run[i + 1] == '\x9B' || run[i + 1] == '\x9F')) {
            ++i;
            continue;
        }
        if (c == '\xDB' && i + 1 < run.size() && run[i + 1] == '\x94') {
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

// `run` (UTF-8) with its characters in reverse order.
std::string reversed_characters(const std::string& run) {
    std::string out;
    out.reserve(run.size());
    std::size_t end = run.size();
    while (end > 0) {
        std::size_t start = end - 1;
        while (start > 0 && (static_cast<unsigned char>(run[start]) & 0xC0) == 0x80) --start;
        out.append(run, start, end - start);
        end = start;
    }
    return out;
}

std::string drop_bidi_embeddings(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_embedding_control(text, i)) {
            out += text[i];
            continue;
        }
        const bool lre = text[i + 2] == '\xAA';
        i += 2;
        if (!lre) continue;
        std::size_t end = i + 1;
        while (end < text.size() && !is_embedding_control(text, end)) ++end;
        const std::string run = text.substr(i + 1, end - i - 1);
        if (is_neutral_run(run)) {
            out += reversed_characters(run);
            i = end - 1;
        }
    }
    return out;
}

// Trailing spaces on each line and blank lines at the ends go; form feeds become line ends.
std::string tidy_page_text(std::string text) {
    text = drop_bidi_embeddings(text);
    std::replace(text.begin(), text.end(), '\f', '\n');
    std::string out;
    out.reserve(text.size());
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::size_t last = end;
        while (last > start && (text[last - 1] == ' ' || text[last - 1] == '\r' ||
                                text[last - 1] == '\t'))
            --last;
        out.append(text, start, last - start);
        out += '\n';
        start = end + 1;
    }
    std::size_t first = out.find_first_not_of('\n');
    if (first == std::string::npos) return {};
    std::size_t last = out.find_last_not_of('\n');
    return out.substr(first, last - first + 1);
}

Result<std::unique_ptr<poppler::document>> open_document(const std::string& bytes,
                                                         const std::string& path,
                                                         const PdfOptions& options) {
    if (!bytes.starts_with("%PDF-") && bytes.find("%PDF-") > 1024)
        return make_error(ErrorCode::Corrupt, "not a PDF file", path);
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        return make_error(ErrorCode::Unsupported, "PDFs over 2 GiB are not supported", path);
    if (!has_eof_marker(bytes))
        return make_error(ErrorCode::Corrupt, "the PDF is truncated (no %%EOF marker)", path);
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
        bytes.data(), static_cast<int>(bytes.size()), options.password, options.password));
    if (!doc) return make_error(ErrorCode::Corrupt, "the PDF is damaged and cannot be read", path);
    if (doc->is_locked()) {
        std::string why = options.password.empty() ? "the PDF is encrypted: a password is needed"
                                                   : "the password does not open this PDF";
        return make_error(ErrorCode::NeedsPassword, why, path);
    }
    return doc;
}

void read_metadata(const poppler::document& doc, const std::string& path, Metadata& meta) {
    meta.title = to_utf8(doc.get_title());
    if (meta.title.empty()) meta.title = std::filesystem::path(path).filename().string();
    meta.author = to_utf8(doc.get_author());
    time_t created = doc.get_creation_date_t();
    time_t modified = doc.get_modification_date_t();
    meta.created = created > 0 ? static_cast<std::int64_t>(created) : 0;
    meta.modified = modified > 0 ? static_cast<std::int64_t>(modified) : 0;
}

// The script of the document's declared language (the catalog's /Lang, when it is written
// uncompressed, as most producers do): "ru-RU" -> "Cyrillic". Empty when none is found.
std::string declared_script(const std::string& bytes) {
    const std::size_t at = bytes.find("/Lang");
    if (at == std::string::npos) return {};
    std::size_t open = bytes.find('(', at);
    if (open == std::string::npos || open > at + 8) return {};
    const std::string lang = bytes.substr(open + 1, 2);
    static const std::map<std::string, std::string> scripts = {
        {"ru", "Cyrillic"}, {"uk", "Cyrillic"}, {"bg", "Cyrillic"}, {"zh", "Han"}, {"ar", "Arabic"},
        {"en", "Latin"},    {"de", "Latin"},    {"fr", "Latin"},    {"es", "Latin"}, {"it", "Latin"}};
    auto it = scripts.find(lang);
    return it == scripts.end() ? std::string() : it->second;
}

// The script OCR should expect: that of the text the document does have, else its declared
// language's; empty: each page's own (ocr.h).
std::string ocr_script(const Document& out, const std::string& declared) {
    std::string text_layer;
    for (const Unit& unit : out.units)
        if (!unit.no_text_layer && !unit.quality.mis_encoded && text_layer.size() < 20000) text_layer += unit.text;
    std::string script = dominant_script(text_layer);
    return script.empty() ? declared : script;
}

// OCR of one page. A page without text takes what OCR reads; a mis-encoded page (its glyphs
// may still be drawn right) takes it only when OCR is confident, and is rescued then.
void recognize_page(PageRecognizer& recognizer, const poppler::document& doc, const PdfOptions& options,
                    const std::string& script, Unit& unit, Document& out) {
    std::unique_ptr<poppler::page> page(doc.create_page(unit.page - 1));
    auto text = page ? recognizer.recognize(*page, options.ocr_dpi, script)
                     : Result<Recognized>(make_error(ErrorCode::Corrupt, "no page"));
    if (!text) {
        out.warnings.push_back("page " + std::to_string(unit.page) + ": OCR failed: " + text.error().message);
        return;
    }
    std::string recognized = tidy_page_text(std::move(text->text));
    if (!unit.no_text_layer) {
        if (text->confidence < 60 || recognized.empty()) return;  // the flag stays
        unit.quality.mis_encoded = false;
        unit.quality.ocr_rescued = true;
    }
    unit.text = std::move(recognized);
    unit.recognized = true;
    unit.quality.ocr_language = text->language;
    // A blank page has nothing to be confident about: it is not flagged.
    unit.quality.ocr_confidence = unit.text.empty() ? -1 : text->confidence;
}

// Recognizes the pages that have no text layer or a mis-encoded one, and says what happened
// in warnings. Errors: Cancelled only.
Status recognize_pages(const poppler::document& doc, const PdfOptions& options, const std::string& declared,
                       Document& out) {
    std::vector<int> missing;
    std::int64_t wanted = 0;
    for (const Unit& unit : out.units) {
        if (unit.no_text_layer) missing.push_back(unit.page);
        wanted += unit.no_text_layer || unit.quality.mis_encoded;
    }
    if (!missing.empty())
        out.warnings.push_back((missing.size() == 1 ? "page " : "pages ") + format_page_ranges(missing) +
                               (missing.size() == 1 ? " has" : " have") + " no text layer");
    if (wanted == 0 || !options.ocr) return {};
    auto recognizer = PageRecognizer::create(options.ocr_language);
    if (!recognizer) {
        out.warnings.push_back(recognizer.error().message + "; pages without text or with mis-encoded text are "
                               "left as they are");
        return {};
    }
    const std::string script = ocr_script(out, declared);
    std::vector<int> recognized;
    std::int64_t tried = 0;
    for (Unit& unit : out.units) {
        if (!unit.no_text_layer && !unit.quality.mis_encoded) continue;
        if (options.control.cancelled()) return make_error(ErrorCode::Cancelled, "OCR was cancelled");
        options.control.report(ReadUnit::Pages, tried++, wanted);
        recognize_page(**recognizer, doc, options, script, unit, out);
        if (unit.recognized) recognized.push_back(unit.page);
    }
    if (!recognized.empty())
        out.warnings.push_back((recognized.size() == 1 ? "page " : "pages ") + format_page_ranges(recognized) +
                               " recognized by OCR (" +
                               (options.ocr_language.empty() ? std::string("language chosen per page")
                                                             : options.ocr_language) + ")");
    options.control.report(ReadUnit::Pages, tried, wanted);
    return {};
}

// Repairs what can be repaired in a page's text and records what was found.
void check_text(Unit& unit) {
    if (unit.text.empty()) return;
    TextRepair r = repair_text(unit.text);
    unit.text = std::move(r.text);
    unit.quality.presentation_forms = r.presentation_forms;
    unit.quality.redecoded_from = r.redecoded_from;
    unit.quality.mis_encoded = r.mis_encoded;
    unit.quality.mis_encoded_reason = r.reason;
}

// One warning per kind of problem, naming its pages.
void warn_about_quality(Document& out) {
    std::map<std::string, std::vector<int>> pages;
    for (const Unit& u : out.units) {
        if (u.quality.mis_encoded) pages["text likely mis-encoded, not to be trusted"].push_back(u.page);
        if (u.quality.ocr_rescued) pages["mis-encoded text replaced by OCR"].push_back(u.page);
        if (!u.quality.redecoded_from.empty())
            pages["text re-decoded from " + u.quality.redecoded_from].push_back(u.page);
        if (u.quality.presentation_forms) pages["Arabic presentation forms normalized"].push_back(u.page);
        if (u.quality.poppler_errors > 0) pages["errors while reading the text"].push_back(u.page);
        if (u.quality.ocr_confidence >= 0 && u.quality.ocr_confidence < 60)
            pages["OCR of low confidence"].push_back(u.page);
    }
    for (const auto& [what, list] : pages)
        out.warnings.push_back((list.size() == 1 ? "page " : "pages ") + format_page_ranges(list) + ": " + what);
}

}  // namespace

void note_pdf_message(const std::string& message) {
    if (!poppler_messages) return;
    if (poppler_messages->size() < 100) poppler_messages->push_back(message);
    if (!bears_on_text(message)) return;
    ++poppler_count;
    poppler_latest = without_offset(message);
}

Result<Document> read_pdf(const std::string& path, const PdfOptions& options) {
    PopplerMessages poppler_log;
    auto bytes = read_file_bytes(path);
    if (!bytes) return bytes.error();
    auto doc = open_document(*bytes, path, options);
    if (!doc) return doc.error();

    Document out;
    out.id = sha256_hex(*bytes);
    out.kind = DocumentKind::Pdf;
    out.path = path;
    read_metadata(**doc, path, out.metadata);
    const int n_pages = (*doc)->pages();
    if (n_pages <= 0) return make_error(ErrorCode::Corrupt, "the PDF has no pages", path);
    out.units.reserve(static_cast<std::size_t>(n_pages));
    std::vector<int> unplaced;  // pages with a table whose words could not be placed in the text
    TableHistory tables;
    for (int i = 0; i < n_pages; ++i) {
        if (options.control.cancelled()) return make_error(ErrorCode::Cancelled, "reading the PDF was cancelled", path);
        std::unique_ptr<poppler::page> page((*doc)->create_page(i));
        if (!page)
            return make_error(ErrorCode::Corrupt, "page " + std::to_string(i + 1) +
                                                      " cannot be read", path);
        Unit unit;
        unit.page = i + 1;
        unit.locator = "page " + std::to_string(unit.page);
        unit.label = to_utf8(page->label());
        if (unit.label == std::to_string(unit.page)) unit.label.clear();
        const int errors_before = poppler_log.seen();
        auto poppler_text = [&] {
            return fix_ligature_order(
                *page, tidy_page_text(to_utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout))));
        };
        if (options.tables) {
            PageText read = read_page_text(*page, poppler_text, tables);
            unit.text = std::move(read.text);
            unit.tables = std::move(read.tables);
            if (read.unplaced) unplaced.push_back(unit.page);
        } else {
            unit.text = poppler_text();
        }
        unit.no_text_layer = unit.text.empty();
        unit.quality.poppler_errors = poppler_log.seen() - errors_before;
        if (unit.quality.poppler_errors > 0) unit.quality.poppler_error = poppler_latest;
        check_text(unit);
        out.units.push_back(std::move(unit));
        options.control.report(ReadUnit::Pages, i + 1, n_pages);
    }
    mark_continued_tables(out.units);
    if (!unplaced.empty())
        out.warnings.push_back((unplaced.size() == 1 ? "page " : "pages ") + format_page_ranges(unplaced) +
                               ": a table could not be placed in the text and is left as read");
    LECTERN_TRY(recognize_pages(**doc, options, declared_script(*bytes), out));
    warn_about_quality(out);
    if (!poppler_log.messages.empty())
        out.warnings.push_back("the PDF has " + std::to_string(poppler_log.messages.size()) +
                               " syntax errors (text may be incomplete); the first: " +
                               poppler_log.messages.front());
    return out;
}

}  // namespace lectern::ingest
