// A text or Markdown file as a one-unit Document: bytes hashed for the id, decoded to UTF-8,
// line ends normalized to '\n'. A legacy encoding is named in a warning, and an encoding
// that could not be decided is flagged as such.
#include <filesystem>

#include "common/read_file.h"
#include "lectern/ingest/ingest.h"
#include "lectern/ingest/text_file.h"

namespace lectern::ingest {
namespace {

std::string normalize_line_ends(std::string text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

bool is_markdown_name(const std::string& name) {
    auto ext = std::filesystem::path(name).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".md" || ext == ".markdown" || ext == ".mdown";
}

}  // namespace

Result<Document> read_text_file(const std::string& path) {
    auto bytes = read_file_bytes(path);
    if (!bytes) return bytes.error();
    auto decoded = decode_text(*bytes);
    if (!decoded) return make_error(decoded.error().code, decoded.error().message, path);

    Document doc;
    doc.id = sha256_hex(*bytes);
    doc.kind = is_markdown_name(path) ? DocumentKind::Markdown : DocumentKind::Text;
    doc.path = path;
    std::string name = std::filesystem::path(path).filename().string();
    doc.metadata.title = name;
    doc.metadata.encoding = decoded->encoding;
    Unit unit;
    unit.locator = name;
    unit.path = name;
    unit.text = normalize_line_ends(std::move(decoded->text));
    if (doc.kind == DocumentKind::Markdown) unit.language = "markdown";
    doc.units.push_back(std::move(unit));
    if (decoded->encoding_uncertain)
        doc.warnings.push_back("the text encoding of " + name + " could not be decided; it was "
                               "read as " + decoded->encoding + " and may be wrong");
    else if (!decoded->encoding.starts_with("UTF-"))
        doc.warnings.push_back(name + " is not UTF-8; read as " + decoded->encoding);
    return doc;
}

}  // namespace lectern::ingest
