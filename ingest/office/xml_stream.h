// A ZIP entry read as a stream of XML nodes (libxml2's xmlTextReader), for parts that can be
// far larger than their content (a sheet of a million empty rows): memory stays that of one
// node, whatever the part's size. Entities are not expanded and nothing is fetched.
#pragma once

#include <libxml/xmlreader.h>

#include <memory>
#include <string>

#include "office/zip_archive.h"

namespace lectern::ingest::office {

class XmlStream {
public:
    static Result<std::unique_ptr<XmlStream>> open(ZipArchive& zip, const std::string& part);
    ~XmlStream();
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    // The next node; false at the end or on an error (then error() says which).
    bool next();
    bool failed() const { return failed_; }
    Error error() const;

    bool is_start() const { return xmlTextReaderNodeType(reader_) == XML_READER_TYPE_ELEMENT; }
    bool is_end() const { return xmlTextReaderNodeType(reader_) == XML_READER_TYPE_END_ELEMENT; }
    bool is_empty() const { return xmlTextReaderIsEmptyElement(reader_) == 1; }
    // The local name, without a namespace prefix ("c" for "x:c").
    std::string name() const;
    // The namespace URI of the current element, empty for none.
    std::string namespace_uri() const;
    // The value of attribute `qname` ("r", "table:style-name"), empty when absent.
    std::string attribute(const char* qname) const;
    // The text inside the current element (all its descendants' text).
    std::string text() const;

private:
    XmlStream(std::unique_ptr<ZipEntry> entry, std::string part, std::string path);
    static int read_callback(void* context, char* buffer, int length);

    std::unique_ptr<ZipEntry> entry_;
    std::string part_, path_;
    xmlTextReaderPtr reader_ = nullptr;
    bool failed_ = false;
    Error entry_error_;
    bool has_entry_error_ = false;
};

}  // namespace lectern::ingest::office
