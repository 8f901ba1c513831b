// read_office: which container a ZIP is, told by its parts (an ODF "mimetype", an OOXML main
// part), and the refusal of Microsoft compound files: encrypted OOXML (an EncryptedPackage
// stream) needs a password, legacy .doc/.xls/.ppt are not read. This file holds only the
// dispatch; the readers are docx_reader.cpp, xlsx_reader.cpp, odt_reader.cpp, ods_reader.cpp,
// epub_reader.cpp. What a reader throws is returned as an error (guard_exceptions).
#include <filesystem>

#include "common/content_type.h"
#include "common/read_file.h"
#include "lectern/ingest/ingest.h"
#include "lectern/ingest/office.h"
#include "office/read_limits.h"
#include "office/readers.h"

namespace lectern::ingest {
namespace {

using namespace office;

Result<DocumentKind> container_kind(ZipArchive& zip) {
    if (zip.has("mimetype")) {
        auto mime = zip.read("mimetype");
        if (!mime) return mime.error();
        const std::string m = *mime;
        if (m.starts_with("application/vnd.oasis.opendocument.text")) return DocumentKind::Odt;
        if (m.starts_with("application/vnd.oasis.opendocument.spreadsheet")) return DocumentKind::Ods;
        if (m.starts_with("application/epub+zip")) return DocumentKind::Epub;
        if (m.starts_with("application/vnd.oasis.opendocument."))
            return make_error(ErrorCode::Unsupported, "unsupported document type: OpenDocument " +
                              m.substr(std::string("application/vnd.oasis.opendocument.").size()), zip.path());
    }
    if (zip.has("word/document.xml")) return DocumentKind::Docx;
    if (zip.has("xl/workbook.xml")) return DocumentKind::Xlsx;
    if (zip.has("ppt/presentation.xml"))
        return make_error(ErrorCode::Unsupported, "unsupported document type: PowerPoint presentation", zip.path());
    if (zip.has("EncryptedPackage"))
        return make_error(ErrorCode::NeedsPassword, "the document is password-protected", zip.path());
    return make_error(ErrorCode::Unsupported, "unsupported document type: ZIP archive (not a DOCX, XLSX, "
                      "ODT, ODS or EPUB document)", zip.path());
}

Status read_container(ZipArchive& zip, DocumentKind kind, const OfficeOptions& options, Document& doc) {
    switch (kind) {
    case DocumentKind::Docx: return read_docx(zip, options, doc);
    case DocumentKind::Xlsx: return read_xlsx(zip, options, doc);
    case DocumentKind::Odt: return read_odt(zip, options, doc);
    case DocumentKind::Ods: return read_ods(zip, options, doc);
    case DocumentKind::Epub: return read_epub(zip, options, doc);
    default: return make_error(ErrorCode::Internal, "not an office container", zip.path());
    }
}

// A compound file: encrypted OOXML names its stream "EncryptedPackage" (UTF-16 in the
// directory), which is all that is needed to tell it from a legacy binary document.
Error compound_file_error(const std::string& path, const std::string& bytes) {
    static const std::string utf16("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    if (bytes.find(utf16) != std::string::npos || bytes.find("EncryptedPackage") != std::string::npos)
        return make_error(ErrorCode::NeedsPassword, "the document is password-protected", path);
    return make_error(ErrorCode::Unsupported, "unsupported document type: legacy Microsoft Office "
                      "file (.doc, .xls, .ppt); save it as .docx or .xlsx", path);
}

}  // namespace

const char* tracked_changes_name(TrackedChanges mode) {
    switch (mode) {
    case TrackedChanges::Marked: return "marked";
    case TrackedChanges::Accepted: return "accepted";
    case TrackedChanges::Original: return "original";
    }
    return "marked";
}

namespace {

Result<Document> read_office_unguarded(const std::string& path, const OfficeOptions& options) {
    auto bytes = read_file_bytes(path);
    if (!bytes) return bytes.error();
    const ContentType type = sniff_content(*bytes, path);
    if (type.kind == ContentKind::OleCompound) return compound_file_error(path, *bytes);
    if (type.kind != ContentKind::Zip)
        return make_error(ErrorCode::Unsupported, "unsupported document type: not an office document", path);
    auto zip = ZipArchive::open(path, options.max_expanded_bytes);
    if (!zip) return zip.error();
    auto kind = container_kind(**zip);
    if (!kind) return kind.error();
    Document doc;
    doc.id = sha256_hex(*bytes);
    doc.kind = *kind;
    doc.path = path;
    LECTERN_TRY(read_container(**zip, *kind, options, doc));
    if (doc.metadata.title.empty()) doc.metadata.title = std::filesystem::path(path).filename().string();
    options.control.report(ReadUnit::Files, 1, 1);
    return doc;
}

}  // namespace

Result<Document> read_office(const std::string& path, const OfficeOptions& options) {
    return guard_exceptions(path, [&] { return read_office_unguarded(path, options); });
}

}  // namespace lectern::ingest
