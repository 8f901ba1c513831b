// read_path: a folder is a code folder; a file goes to the reader its content names (see
// sniff_content): PDF, office container (ZIP or compound file), HTML, or text (Markdown when
// its name says so). A ".pdf" that is not a PDF is Corrupt; binary content is Unsupported.
#include <filesystem>

#include "common/content_type.h"
#include "common/read_file.h"
#include "lectern/ingest/ingest.h"
#include "lectern/ingest/text_file.h"

namespace lectern::ingest {
namespace {

template <class Options>
Options with_control(Options options, const ReadControl& control) {
    options.control = control;
    return options;
}

}  // namespace

Result<Document> read_path(const std::string& path, const IngestOptions& options) {
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        return make_error(ErrorCode::NotFound, "no such file or folder", path);
    if (options.control.cancelled()) return make_error(ErrorCode::Cancelled, "reading was cancelled", path);
    if (std::filesystem::is_directory(status))
        return read_code_folder(path, with_control(options.code, options.control));
    if (!std::filesystem::is_regular_file(status))
        return make_error(ErrorCode::Unsupported, "not a regular file or folder", path);
    auto head = read_file_bytes(path, 8192);
    if (!head) return head.error();
    // The PDF header may follow a little junk (Poppler allows 1 KiB); a text file that merely
    // mentions "%PDF-" is not a PDF unless its name says so.
    const ContentType type = sniff_content(*head, path);
    auto ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (type.kind != ContentKind::Pdf && ext == ".pdf")
        return make_error(ErrorCode::Corrupt, "not a PDF file", path);
    switch (type.kind) {
    case ContentKind::Pdf: return read_pdf(path, with_control(options.pdf, options.control));
    case ContentKind::Zip:
    case ContentKind::OleCompound: return read_office(path, with_control(options.office, options.control));
    case ContentKind::Html: return read_html(path, with_control(options.office, options.control));
    case ContentKind::Binary:
        return make_error(ErrorCode::Unsupported, "unsupported document type: " + type.what, path);
    case ContentKind::Text: break;
    }
    auto text = read_text_file(path);
    if (text) options.control.report(ReadUnit::Files, 1, 1);
    return text;
}

}  // namespace lectern::ingest
