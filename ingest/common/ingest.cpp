// read_path: a folder is a code folder, a file starting with "%PDF-" is a PDF, anything else
// is read as text (Markdown when its name says so). A ".pdf" that is not a PDF is Corrupt.
#include <cctype>
#include <filesystem>

#include "common/read_file.h"
#include "lectern/ingest/ingest.h"
#include "lectern/ingest/text_file.h"

namespace lectern::ingest {

Result<Document> read_path(const std::string& path, const IngestOptions& options) {
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        return make_error(ErrorCode::NotFound, "no such file or folder", path);
    if (options.control.cancelled()) return make_error(ErrorCode::Cancelled, "reading was cancelled", path);
    if (std::filesystem::is_directory(status)) {
        CodeFolderOptions code = options.code;
        code.control = options.control;
        return read_code_folder(path, code);
    }
    if (!std::filesystem::is_regular_file(status))
        return make_error(ErrorCode::Unsupported, "not a regular file or folder", path);
    auto head = read_file_bytes(path, 1024);
    if (!head) return head.error();
    // The header may follow a little junk (Poppler allows 1 KiB); a text file that merely
    // mentions "%PDF-" is not a PDF unless its name says so.
    auto ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (head->starts_with("%PDF-") || (ext == ".pdf" && head->find("%PDF-") != std::string::npos))
    {
        PdfOptions pdf = options.pdf;
        pdf.control = options.control;
        return read_pdf(path, pdf);
    }
    if (ext == ".pdf") return make_error(ErrorCode::Corrupt, "not a PDF file", path);
    auto text = read_text_file(path);
    if (text) options.control.report(ReadUnit::Files, 1, 1);
    return text;
}

}  // namespace lectern::ingest
