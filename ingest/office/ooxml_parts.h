// Parts of a ZIP container as XML (pugixml) and what every OOXML package shares: its
// relationships (which part holds the headers, the sheets, the comments) and its core
// properties (title, author, dates).
#pragma once

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <vector>

#include "lectern/ingest/document.h"
#include "office/zip_archive.h"

namespace lectern::ingest::office {

// The part parsed; Corrupt when it is not well-formed XML (with pugixml's reason and offset).
Result<std::unique_ptr<pugi::xml_document>> load_xml(ZipArchive& zip, const std::string& part);

struct Relationship {
    std::string id;
    std::string type;    // the last segment of the type URI: "header", "worksheet", "comments"
    std::string target;  // resolved to a part name: "word/header1.xml"
};

// The relationships of `part` ("word/document.xml" -> word/_rels/document.xml.rels); none
// when the package has no such file.
Result<std::vector<Relationship>> relationships(ZipArchive& zip, const std::string& part);

// docProps/core.xml's title, creator and dates, when present.
Status read_core_properties(ZipArchive& zip, Metadata& metadata);

// "2026-03-01T10:00:00Z" (W3C date-time, UTC or with an offset) as seconds since the
// epoch; 0 when it does not parse.
std::int64_t parse_w3c_date(const std::string& text);

// The part named `target` relative to the folder of `base` ("word/document.xml",
// "../media/a.png" -> "media/a.png"); an absolute target ("/xl/a.xml") from the root.
std::string resolve_part(const std::string& base, const std::string& target);

}  // namespace lectern::ingest::office
