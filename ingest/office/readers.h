// The readers behind read_office, one per container, each filling a Document whose id, path
// and kind the caller has set. Internal to ingest/office.
#pragma once

#include <string>
#include <vector>

#include "lectern/ingest/office.h"
#include "office/flow.h"
#include "office/read_limits.h"
#include "office/zip_archive.h"

namespace lectern::ingest::office {

Status read_docx(ZipArchive& zip, const OfficeOptions& options, Document& doc);
Status read_xlsx(ZipArchive& zip, const OfficeOptions& options, Document& doc);
Status read_odt(ZipArchive& zip, const OfficeOptions& options, Document& doc);
Status read_ods(ZipArchive& zip, const OfficeOptions& options, Document& doc);
Status read_epub(ZipArchive& zip, const OfficeOptions& options, Document& doc);

// An HTML or XHTML page as blocks, with its <title> and <html lang>.
struct HtmlPage {
    std::string title;
    std::string language;
    std::vector<Block> blocks;
};
// Stops early once `limits` fails (too deep, too much text); the caller reports it.
HtmlPage parse_html(const std::string& html, ReadLimits& limits);

}  // namespace lectern::ingest::office
