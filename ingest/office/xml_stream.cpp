// XmlStream over xmlReaderForIO (see xml_stream.h). A failure of the ZIP entry underneath
// (the expansion limit, a damaged entry) is kept and reported instead of libxml2's message.
#include "office/xml_stream.h"

namespace lectern::ingest::office {

XmlStream::XmlStream(std::unique_ptr<ZipEntry> entry, std::string part, std::string path)
    : entry_(std::move(entry)), part_(std::move(part)), path_(std::move(path)) {}

XmlStream::~XmlStream() {
    if (reader_) xmlFreeTextReader(reader_);
}

int XmlStream::read_callback(void* context, char* buffer, int length) {
    auto* self = static_cast<XmlStream*>(context);
    auto n = self->entry_->read(buffer, static_cast<std::size_t>(length));
    if (!n) {
        self->entry_error_ = n.error();
        self->has_entry_error_ = true;
        return -1;
    }
    return static_cast<int>(*n);
}

Result<std::unique_ptr<XmlStream>> XmlStream::open(ZipArchive& zip, const std::string& part) {
    auto entry = zip.open_entry(part);
    if (!entry) return entry.error();
    std::unique_ptr<XmlStream> stream(new XmlStream(std::move(*entry), part, zip.path()));
    stream->reader_ = xmlReaderForIO(&XmlStream::read_callback, nullptr, stream.get(), part.c_str(),
                                     nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!stream->reader_)
        return make_error(ErrorCode::Corrupt, "the document is damaged: cannot read " + part, zip.path());
    return stream;
}

bool XmlStream::next() {
    if (failed_) return false;
    const int ret = xmlTextReaderRead(reader_);
    if (ret == 1) return true;
    failed_ = ret < 0;
    return false;
}

Error XmlStream::error() const {
    if (has_entry_error_) return entry_error_;
    return make_error(ErrorCode::Corrupt, "the document is damaged: " + part_ + " is not well-formed XML", path_);
}

std::string XmlStream::name() const {
    const xmlChar* n = xmlTextReaderConstLocalName(reader_);
    return n ? reinterpret_cast<const char*>(n) : "";
}

std::string XmlStream::namespace_uri() const {
    const xmlChar* n = xmlTextReaderConstNamespaceUri(reader_);
    return n ? reinterpret_cast<const char*>(n) : "";
}

std::string XmlStream::attribute(const char* qname) const {
    xmlChar* v = xmlTextReaderGetAttribute(reader_, reinterpret_cast<const xmlChar*>(qname));
    if (!v) return {};
    std::string out = reinterpret_cast<const char*>(v);
    xmlFree(v);
    return out;
}

std::string XmlStream::text() const {
    xmlChar* v = xmlTextReaderReadString(reader_);
    if (!v) return {};
    std::string out = reinterpret_cast<const char*>(v);
    xmlFree(v);
    return out;
}

}  // namespace lectern::ingest::office
