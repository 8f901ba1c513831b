// XML parts and OOXML package helpers (see ooxml_parts.h).
#include "office/ooxml_parts.h"

#include <cstdio>
#include <ctime>

namespace lectern::ingest::office {

Result<std::unique_ptr<pugi::xml_document>> load_xml(ZipArchive& zip, const std::string& part) {
    auto bytes = zip.read(part);
    if (!bytes) return bytes.error();
    auto doc = std::make_unique<pugi::xml_document>();
    const auto parsed = doc->load_buffer(bytes->data(), bytes->size(),
                                         pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!parsed)
        return make_error(ErrorCode::Corrupt, "the document is damaged: " + part + " is not "
                          "well-formed XML (" + parsed.description() + " at byte " +
                          std::to_string(parsed.offset) + ")", zip.path());
    return doc;
}

std::string resolve_part(const std::string& base, const std::string& target) {
    if (target.starts_with("/")) return target.substr(1);
    std::string folder = base.substr(0, base.rfind('/') == std::string::npos ? 0 : base.rfind('/') + 1);
    std::string rest = target;
    while (rest.starts_with("../")) {
        rest = rest.substr(3);
        if (!folder.empty()) folder.pop_back();
        folder = folder.substr(0, folder.rfind('/') == std::string::npos ? 0 : folder.rfind('/') + 1);
    }
    while (rest.starts_with("./")) rest = rest.substr(2);
    return folder + rest;
}

Result<std::vector<Relationship>> relationships(ZipArchive& zip, const std::string& part) {
    const auto slash = part.rfind('/');
    const std::string rels = (slash == std::string::npos ? std::string() : part.substr(0, slash + 1)) +
                             "_rels/" + part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
    std::vector<Relationship> out;
    if (!zip.has(rels)) return out;
    auto xml = load_xml(zip, rels);
    if (!xml) return xml.error();
    for (auto r : (*xml)->child("Relationships").children("Relationship")) {
        if (std::string(r.attribute("TargetMode").as_string()) == "External") continue;
        Relationship rel;
        rel.id = r.attribute("Id").as_string();
        const std::string type = r.attribute("Type").as_string();
        rel.type = type.substr(type.rfind('/') == std::string::npos ? 0 : type.rfind('/') + 1);
        rel.target = resolve_part(part, r.attribute("Target").as_string());
        out.push_back(std::move(rel));
    }
    return out;
}

std::int64_t parse_w3c_date(const std::string& text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    const int n = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s);
    if (n < 3 || y < 1970) return 0;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    std::int64_t t = static_cast<std::int64_t>(timegm(&tm));
    // An offset "+02:00" after the seconds: local time ahead of UTC.
    const auto plus = text.find_first_of("+-", 19);
    if (text.size() >= 19 && plus != std::string::npos && plus + 5 < text.size() + 1) {
        int oh = 0, om = 0;
        if (std::sscanf(text.c_str() + plus + 1, "%2d:%2d", &oh, &om) == 2)
            t += (text[plus] == '+' ? -1 : 1) * (oh * 3600 + om * 60);
    }
    return t;
}

Status read_core_properties(ZipArchive& zip, Metadata& metadata) {
    if (!zip.has("docProps/core.xml")) return {};
    auto xml = load_xml(zip, "docProps/core.xml");
    if (!xml) return xml.error();
    const auto props = (*xml)->child("cp:coreProperties");
    metadata.title = props.child("dc:title").text().get();
    metadata.author = props.child("dc:creator").text().get();
    metadata.created = parse_w3c_date(props.child("dcterms:created").text().get());
    metadata.modified = parse_w3c_date(props.child("dcterms:modified").text().get());
    if (metadata.language.empty()) metadata.language = props.child("dc:language").text().get();
    return {};
}

}  // namespace lectern::ingest::office
