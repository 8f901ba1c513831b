// Reading, storing and reloading task documents (see task_documents.h).
#include "task_documents.h"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "json_text.h"
#include "lectern/engine/tokenizer.h"
#include "lectern/ingest/ingest.h"

namespace lectern::app {
namespace {

ingest::DocumentKind kindFromName(const std::string& name) {
    if (name == "pdf") return ingest::DocumentKind::Pdf;
    if (name == "code") return ingest::DocumentKind::CodeFolder;
    if (name == "markdown") return ingest::DocumentKind::Markdown;
    for (auto kind : {ingest::DocumentKind::Docx, ingest::DocumentKind::Odt, ingest::DocumentKind::Xlsx,
                      ingest::DocumentKind::Ods, ingest::DocumentKind::Html, ingest::DocumentKind::Epub})
        if (name == ingest::document_kind_name(kind)) return kind;
    return ingest::DocumentKind::Text;
}

// Fields of a stored unit's metadata. A field that is missing or of another type (a store
// edited by hand, or written by another version) reads as its default: nothing here throws.
bool boolField(const nlohmann::json& m, const char* key) {
    const auto it = m.find(key);
    return it != m.end() && it->is_boolean() && it->get<bool>();
}

int intField(const nlohmann::json& m, const char* key) {
    const auto it = m.find(key);
    return it != m.end() && it->is_number_integer() ? it->get<int>() : 0;
}

std::string stringField(const nlohmann::json& m, const char* key) {
    const auto it = m.find(key);
    return it != m.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A stored unit's verdict (see storeDocument); documents stored before it have none.
void readQuality(const nlohmann::json& m, ingest::Unit& u) {
    auto& q = u.quality;
    u.no_text_layer = boolField(m, "noTextLayer");
    u.recognized = boolField(m, "recognized");
    if (m.contains("misEncoded") && m["misEncoded"].is_string()) {
        q.mis_encoded = true;
        q.mis_encoded_reason = m["misEncoded"].get<std::string>();
    }
    q.redecoded_from = stringField(m, "redecodedFrom");
    q.presentation_forms = boolField(m, "presentationForms");
    q.ocr_rescued = boolField(m, "ocrRescued");
    const auto errors = m.find("popplerErrors");
    if (errors != m.end() && errors->is_array() && errors->size() == 2 && (*errors)[0].is_number_integer() &&
        (*errors)[1].is_string()) {
        q.poppler_errors = (*errors)[0].get<int>();
        q.poppler_error = (*errors)[1].get<std::string>();
    }
    const auto ocr = m.find("ocr");
    if (ocr != m.end() && ocr->is_array() && ocr->size() == 2 && (*ocr)[0].is_string() && (*ocr)[1].is_number_integer()) {
        q.ocr_language = (*ocr)[0].get<std::string>();
        q.ocr_confidence = (*ocr)[1].get<int>();
    }
}

nlohmann::json boxJson(const ingest::TableBox& b) { return {b.x0, b.y0, b.x1, b.y1}; }

ingest::TableBox readBox(const nlohmann::json& j) {
    ingest::TableBox b;
    if (!j.is_array() || j.size() != 4 || !std::all_of(j.begin(), j.end(), [](const auto& v) { return v.is_number(); }))
        return b;
    b.x0 = j[0].get<double>();
    b.y0 = j[1].get<double>();
    b.x1 = j[2].get<double>();
    b.y1 = j[3].get<double>();
    return b;
}

// A PDF page's tables, so a session reopened later can still point at a table's rows.
nlohmann::json tablesJson(const std::vector<ingest::Table>& tables) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : tables) {
        nlohmann::json cells = nlohmann::json::array(), boxes = nlohmann::json::array();
        for (std::size_t r = 0; r < t.cells.size(); ++r) {
            cells.push_back(t.cells[r]);
            nlohmann::json row = nlohmann::json::array();
            for (std::size_t c = 0; r < t.boxes.size() && c < t.boxes[r].size(); ++c) row.push_back(boxJson(t.boxes[r][c]));
            boxes.push_back(std::move(row));
        }
        out.push_back({{"number", t.number}, {"continued", t.continued}, {"headerRows", t.header_rows},
                       {"box", boxJson(t.box)}, {"cells", std::move(cells)}, {"boxes", std::move(boxes)}});
    }
    return out;
}

std::vector<ingest::Table> readTables(const nlohmann::json& j) {
    std::vector<ingest::Table> out;
    if (!j.is_array()) return out;
    for (const auto& t : j) {
        if (!t.is_object()) continue;
        ingest::Table table;
        table.number = intField(t, "number");
        table.continued = boolField(t, "continued");
        table.header_rows = intField(t, "headerRows");
        if (const auto b = t.find("box"); b != t.end()) table.box = readBox(*b);
        const auto cells = t.find("cells");
        const auto boxes = t.find("boxes");
        if (cells == t.end() || !cells->is_array()) continue;
        for (std::size_t r = 0; r < cells->size(); ++r) {
            std::vector<std::string> row;
            std::vector<ingest::TableBox> rowBoxes;
            const auto& cellRow = (*cells)[r];
            for (std::size_t c = 0; cellRow.is_array() && c < cellRow.size(); ++c) {
                row.push_back(cellRow[c].is_string() ? cellRow[c].get<std::string>() : std::string());
                const bool haveBox = boxes != t.end() && boxes->is_array() && r < boxes->size() &&
                                     (*boxes)[r].is_array() && c < (*boxes)[r].size();
                rowBoxes.push_back(haveBox ? readBox((*boxes)[r][c]) : ingest::TableBox{});
            }
            table.cells.push_back(std::move(row));
            table.boxes.push_back(std::move(rowBoxes));
        }
        out.push_back(std::move(table));
    }
    return out;
}

}  // namespace

Result<std::vector<ingest::Document>> readDocuments(const std::vector<std::string>& paths,
                                                    const ingest::ReadControl& control,
                                                    const std::map<std::string, std::string>& passwords,
                                                    const std::string& ocrLanguage) {
    std::vector<ingest::Document> docs;
    ingest::IngestOptions options;
    options.control = control;
    options.pdf.ocr_language = ocrLanguage;
    for (const auto& p : paths) {
        const auto password = passwords.find(p);
        options.pdf.password = password == passwords.end() ? std::string() : password->second;
        auto d = ingest::read_path(p, options);
        if (!d) return d.error();
        if (d->metadata.title.empty()) d->metadata.title = std::filesystem::path(p).filename().string();
        docs.push_back(std::move(d.value()));
    }
    return docs;
}

Result<std::int64_t> storeDocument(Store& store, const ingest::Document& document) {
    DocumentRecord rec;
    rec.path = document.path;
    rec.sha256 = document.id;
    rec.kind = ingest::document_kind_name(document.kind);
    rec.title = document.metadata.title;
    rec.readerVersion = ingest::kReaderVersion;
    nlohmann::json units = nlohmann::json::array();
    std::vector<UnitRecord> records;
    for (const auto& u : document.units) {
        nlohmann::json unit{{"page", u.page}, {"label", u.label}, {"path", u.path}, {"language", u.language}};
        // The page's verdict, so a session reopened later still shows and tells it.
        const auto& q = u.quality;
        if (u.no_text_layer) unit["noTextLayer"] = true;
        if (u.recognized) unit["recognized"] = true;
        if (q.mis_encoded) unit["misEncoded"] = q.mis_encoded_reason;
        if (!q.redecoded_from.empty()) unit["redecodedFrom"] = q.redecoded_from;
        if (q.presentation_forms) unit["presentationForms"] = true;
        if (q.ocr_rescued) unit["ocrRescued"] = true;
        if (q.poppler_errors > 0) unit["popplerErrors"] = {q.poppler_errors, q.poppler_error};
        if (!q.ocr_language.empty()) unit["ocr"] = {q.ocr_language, q.ocr_confidence};
        if (u.first_paragraph > 0) unit["paragraphs"] = {u.first_paragraph, u.last_paragraph};
        if (!u.tables.empty()) unit["tables"] = tablesJson(u.tables);
        units.push_back(std::move(unit));
        UnitRecord r;
        r.locator = u.locator;
        r.text = u.text;
        records.push_back(std::move(r));
    }
    rec.metadata = dumpJson(nlohmann::json{{"author", document.metadata.author}, {"units", units}});
    auto added = store.documents().add(rec, records);
    if (!added) return added.error();
    return added->id;
}

Result<ingest::Document> loadDocument(Store& store, std::int64_t documentId) {
    auto rec = store.documents().get(documentId);
    if (!rec) return rec.error();
    auto units = store.documents().units(documentId);
    if (!units) return units.error();
    ingest::Document d;
    d.id = rec->sha256;
    d.kind = kindFromName(rec->kind);
    d.path = rec->path;
    d.metadata.title = rec->title;
    const auto meta = nlohmann::json::parse(rec->metadata, nullptr, false);
    const bool haveUnits = meta.is_object() && meta.contains("units") && meta["units"].is_array() &&
                           meta["units"].size() == units->size();
    for (size_t i = 0; i < units->size(); ++i) {
        ingest::Unit u;
        u.locator = (*units)[i].locator;
        u.text = (*units)[i].text;
        const nlohmann::json* m = haveUnits ? &meta["units"][i] : nullptr;
        if (m && m->is_object()) {
            u.page = intField(*m, "page");
            u.label = stringField(*m, "label");
            u.path = stringField(*m, "path");
            u.language = stringField(*m, "language");
            const auto paragraphs = m->find("paragraphs");
            if (paragraphs != m->end() && paragraphs->is_array() && paragraphs->size() == 2 &&
                (*paragraphs)[0].is_number_integer() && (*paragraphs)[1].is_number_integer()) {
                u.first_paragraph = (*paragraphs)[0].get<int>();
                u.last_paragraph = (*paragraphs)[1].get<int>();
            }
            readQuality(*m, u);
            if (const auto t = m->find("tables"); t != m->end()) u.tables = readTables(*t);
        }
        d.units.push_back(std::move(u));
    }
    return d;
}

Result<std::vector<ingest::Document>> loadSessionDocuments(Store& store, std::int64_t sessionId) {
    auto s = store.sessions().get(sessionId);
    if (!s) return s.error();
    std::vector<ingest::Document> docs;
    for (std::int64_t id : s->documentIds) {
        auto d = loadDocument(store, id);
        if (!d) return d.error();
        docs.push_back(std::move(d.value()));
    }
    return docs;
}

Result<std::int64_t> createTaskSession(Store& store, const std::string& kind, const std::string& model,
                                       const std::vector<ingest::Document>& documents) {
    std::string title = kind;
    for (size_t i = 0; i < documents.size(); ++i)
        title += (i == 0 ? ": " : ", ") + documents[i].metadata.title;
    // A title built from file names in a legacy encoding is shown with U+FFFD for their bytes.
    auto session = store.sessions().create(valid_utf8(title), model);
    if (!session) return session.error();
    for (const auto& d : documents) {
        auto id = storeDocument(store, d);
        if (!id) return id.error();
        LECTERN_TRY(store.sessions().attachDocument(*session, *id));
    }
    return *session;
}

}  // namespace lectern::app
