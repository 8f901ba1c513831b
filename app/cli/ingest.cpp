// `lectern-cli ingest PATH... [--tokenizer MODEL_OR_TOKENIZER] [--json]`: reads PDFs, code
// folders, text files, office documents (DOCX, XLSX, ODT, ODS, EPUB) and web pages as Lectern
// does and prints their units, token counts, totals and warnings. With --json, one object:
//   {"documents": [{"id", "kind", "title", "path",
//                   "units": [{"locator", "text", "tokens", "quality", "tables"}], "warnings": [...]}],
//    "total_tokens"}
// where a unit's tokens is the tokenizer's count of its text and total_tokens their sum
// (null without --tokenizer); quality is the unit's verdict: {"no_text_layer", "ocr",
// "mis_encoded", "redecoded_from", "presentation_forms", "ocr_rescued", "poppler_errors",
// "unreliable"}
// (and "ocr_language", "ocr_confidence" for OCR pages); tables are a PDF page's tables:
// [{"number", "continued", "header_rows", "box": [x0, y0, x1, y1], "rows": [[{"text", "box"}]]}]
// with boxes in points from the page's top left (an empty cell's box is [0, 0, 0, 0]).
// Scripts rely on this shape: keep it stable (fields are only added). --tables off keeps a
// page's text as Poppler reads it, a table's cells one after another.
// With --context N (and a tokenizer), the documents are also packed into one prompt of
// N tokens less --reserve, and a summary is printed ("packing" in the JSON object).
#include <cstdio>
#include <map>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "command.h"
#include "json_text.h"
#include "lectern/engine/tokenizer.h"
#include "lectern/ingest/ingest.h"
#include "lectern/ingest/packing.h"

namespace lectern::cli {
namespace {

struct IngestArgs {
    std::vector<std::string> paths;
    std::string tokenizer;
    bool json = false;
    std::string password;
    std::string ocr_language;  // empty: chosen per page
    bool no_ocr = false;
    bool no_gitignore = false;
    std::uint64_t max_file_bytes = 1 << 20;
    std::size_t context = 0;   // pack into this many tokens (0: no packing)
    std::size_t reserve = 0;   // tokens kept for system prompt, question and answer
    std::size_t overlap = 0;   // chunk overlap in tokens
    ingest::TrackedChanges changes = ingest::TrackedChanges::Marked;
    bool tables = true;
};

nlohmann::json box_json(const ingest::TableBox& b) { return {b.x0, b.y0, b.x1, b.y1}; }

nlohmann::json tables_json(const std::vector<ingest::Table>& tables) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : tables) {
        nlohmann::json rows = nlohmann::json::array();
        for (std::size_t r = 0; r < t.cells.size(); ++r) {
            nlohmann::json row = nlohmann::json::array();
            for (std::size_t c = 0; c < t.cells[r].size(); ++c)
                row.push_back({{"text", t.cells[r][c]}, {"box", box_json(t.boxes.at(r).at(c))}});
            rows.push_back(std::move(row));
        }
        out.push_back({{"number", t.number},
                       {"continued", t.continued},
                       {"header_rows", t.header_rows},
                       {"box", box_json(t.box)},
                       {"rows", std::move(rows)}});
    }
    return out;
}

// The engine's tokenizer as ingest's packing sees it.
class EngineTokenCounter : public ingest::TokenCounter {
public:
    explicit EngineTokenCounter(const Tokenizer& tokenizer) : tokenizer_(tokenizer) {}
    std::size_t count(std::string_view text) const override { return tokenizer_.count(text); }

private:
    const Tokenizer& tokenizer_;
};

std::string preview(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (out.size() >= 60 && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            out += "...";
            break;
        }
        out += c == '\n' || c == '\t' ? ' ' : c;
    }
    return out;
}

void print_text(const std::vector<ingest::Document>& docs,
                const std::vector<std::vector<std::optional<std::size_t>>>& counts,
                std::optional<std::size_t> total) {
    for (std::size_t d = 0; d < docs.size(); ++d) {
        const auto& doc = docs[d];
        std::printf("%s: %s \"%s\" (%zu units, id %.12s)\n", doc.path.c_str(),
                    ingest::document_kind_name(doc.kind), doc.metadata.title.c_str(),
                    doc.units.size(), doc.id.c_str());
        for (std::size_t u = 0; u < doc.units.size(); ++u) {
            const auto& unit = doc.units[u];
            std::string tokens = counts[d][u] ? std::to_string(*counts[d][u]) : "-";
            std::string flags = unit.recognized ? " [OCR]" : unit.no_text_layer ? " [no text]" : "";
            if (unit.quality.unreliable()) flags += " [unreliable]";
            else if (!unit.quality.redecoded_from.empty() || unit.quality.presentation_forms) flags += " [repaired]";
            if (!unit.tables.empty())
                flags += " [" + std::to_string(unit.tables.size()) + (unit.tables.size() == 1 ? " table]" : " tables]");
            std::printf("  %-28s %8s tokens %8zu bytes%s  %s\n", unit.locator.c_str(),
                        tokens.c_str(), unit.text.size(), flags.c_str(),
                        preview(unit.text).c_str());
        }
        for (const auto& w : doc.warnings) std::printf("  warning: %s\n", w.c_str());
    }
    if (total) std::printf("total: %zu tokens\n", *total);
    else std::printf("total: - tokens (no --tokenizer given)\n");
}

void print_json(const std::vector<ingest::Document>& docs,
                const std::vector<std::vector<std::optional<std::size_t>>>& counts,
                std::optional<std::size_t> total, const std::optional<nlohmann::json>& packing) {
    nlohmann::json out;
    out["documents"] = nlohmann::json::array();
    for (std::size_t d = 0; d < docs.size(); ++d) {
        const auto& doc = docs[d];
        nlohmann::json units = nlohmann::json::array();
        for (std::size_t u = 0; u < doc.units.size(); ++u) {
            nlohmann::json tokens = nullptr;
            if (counts[d][u]) tokens = *counts[d][u];
            const auto& q = doc.units[u].quality;
            nlohmann::json quality{{"no_text_layer", doc.units[u].no_text_layer && !doc.units[u].recognized},
                                   {"ocr", doc.units[u].recognized},
                                   {"mis_encoded", q.mis_encoded},
                                   {"redecoded_from", q.redecoded_from.empty() ? nlohmann::json(nullptr)
                                                                               : nlohmann::json(q.redecoded_from)},
                                   {"presentation_forms", q.presentation_forms},
                                   {"ocr_rescued", q.ocr_rescued},
                                   {"poppler_errors", q.poppler_errors},
                                   {"unreliable", q.unreliable()}};
            if (doc.units[u].recognized)
                quality["ocr_language"] = q.ocr_language, quality["ocr_confidence"] = q.ocr_confidence;
            units.push_back({{"locator", doc.units[u].locator},
                             {"text", doc.units[u].text},
                             {"tokens", tokens},
                             {"quality", quality},
                             {"tables", tables_json(doc.units[u].tables)}});
        }
        out["documents"].push_back({{"id", doc.id},
                                    {"kind", ingest::document_kind_name(doc.kind)},
                                    {"title", doc.metadata.title},
                                    {"path", doc.path},
                                    {"units", units},
                                    {"warnings", doc.warnings}});
    }
    out["total_tokens"] = total ? nlohmann::json(*total) : nlohmann::json(nullptr);
    if (packing) out["packing"] = *packing;
    std::printf("%s\n", app::dumpJson(out, 2).c_str());
}

// The packing of `docs` into --context tokens, as JSON (also printed as text).
Result<nlohmann::json> pack_summary(const std::vector<ingest::Document>& docs,
                                    const ingest::TokenCounter& counter, const IngestArgs& args) {
    ingest::PackOptions options;
    options.n_ctx = args.context;
    options.reserve_answer = args.reserve;
    options.overlap_tokens = args.overlap;
    auto packed = ingest::pack(docs, counter, options);
    if (!packed) return packed.error();
    nlohmann::json not_fit = nlohmann::json::array();
    for (const auto& ref : packed->did_not_fit)
        not_fit.push_back({{"document", ref.document},
                           {"locator", docs[ref.document].units[ref.unit].locator}});
    nlohmann::json chunks = nlohmann::json::array();
    for (const auto& chunk : packed->chunks)
        chunks.push_back({{"tokens", chunk.tokens}, {"overlap_tokens", chunk.overlap_tokens}});
    return nlohmann::json{{"budget", packed->budget},
                          {"prompt_tokens", packed->total_tokens},
                          {"fits", packed->fits},
                          {"did_not_fit", not_fit},
                          {"chunks", chunks}};
}

void print_packing_text(const nlohmann::json& p) {
    std::printf("packing: budget %zu tokens, prompt %zu tokens, %s\n",
                p["budget"].get<std::size_t>(), p["prompt_tokens"].get<std::size_t>(),
                p["fits"].get<bool>() ? "everything fits" : "not everything fits");
    for (const auto& u : p["did_not_fit"])
        std::printf("  did not fit: document %zu, %s\n", u["document"].get<std::size_t>() + 1,
                    u["locator"].get<std::string>().c_str());
    for (std::size_t i = 0; i < p["chunks"].size(); ++i)
        std::printf("  chunk %zu: %zu tokens (%zu overlap)\n", i + 1,
                    p["chunks"][i]["tokens"].get<std::size_t>(),
                    p["chunks"][i]["overlap_tokens"].get<std::size_t>());
}

int run_ingest(const IngestArgs& args) {
    if (args.context > 0 && args.tokenizer.empty())
        return report("ingest", make_error(ErrorCode::InvalidArgument,
                                           "--context needs --tokenizer"));
    std::unique_ptr<Tokenizer> tokenizer;
    if (!args.tokenizer.empty()) {
        auto loaded = Tokenizer::load(args.tokenizer);
        if (!loaded) return report("ingest", loaded.error());
        tokenizer = std::move(*loaded);
    }
    ingest::IngestOptions options;
    options.pdf.password = args.password;
    options.pdf.ocr = !args.no_ocr;
    options.pdf.ocr_language = args.ocr_language;
    options.code.honor_gitignore = !args.no_gitignore;
    options.code.max_file_bytes = args.max_file_bytes;
    options.office.changes = args.changes;
    options.pdf.tables = args.tables;
    std::vector<ingest::Document> docs;
    for (const auto& path : args.paths) {
        auto doc = ingest::read_path(path, options);
        if (!doc) return report("ingest", doc.error());
        docs.push_back(std::move(*doc));
    }
    std::vector<std::vector<std::optional<std::size_t>>> counts;
    std::optional<std::size_t> total;
    if (tokenizer) total = 0;
    for (const auto& doc : docs) {
        counts.emplace_back();
        for (const auto& unit : doc.units) {
            std::optional<std::size_t> n;
            if (tokenizer) n = tokenizer->count(unit.text);
            if (n) *total += *n;
            counts.back().push_back(n);
        }
    }
    std::optional<nlohmann::json> packing;
    if (args.context > 0) {
        auto summary = pack_summary(docs, EngineTokenCounter(*tokenizer), args);
        if (!summary) return report("ingest", summary.error());
        packing = std::move(*summary);
    }
    if (args.json) {
        print_json(docs, counts, total, packing);
    } else {
        print_text(docs, counts, total);
        if (packing) print_packing_text(*packing);
    }
    return kExitOk;
}

Run setup(CLI::App& root) {
    auto args = std::make_shared<IngestArgs>();
    auto* cmd = root.add_subcommand(
        "ingest", "Read PDFs, code folders, text, office documents and web pages; print units, tokens and warnings");
    cmd->add_option("paths", args->paths, "PDF files, code folders, text or Markdown files")
        ->required();
    cmd->add_option("--tokenizer", args->tokenizer,
                    "A model (GGUF, Hugging Face folder) or tokenizer file to count tokens");
    cmd->add_flag("--json", args->json, "Print one JSON object instead of text");
    cmd->add_option("--password", args->password, "Password of an encrypted PDF");
    cmd->add_option("--ocr-language,--ocr-lang", args->ocr_language,
                    "Tesseract language(s) for pages without text, e.g. deu or eng+rus (default: chosen per "
                    "page from the script of the text layer, else the script Tesseract detects)");
    cmd->add_flag("--no-ocr", args->no_ocr, "Do not recognize pages without a text layer");
    cmd->add_flag("--no-gitignore", args->no_gitignore, "Include files .gitignore excludes");
    cmd->add_option("--max-file-bytes", args->max_file_bytes,
                    "Skip code files larger than this (default 1048576)");
    cmd->add_option("--context", args->context,
                    "Also pack the documents into a prompt of this many tokens");
    cmd->add_option("--reserve", args->reserve,
                    "Tokens of --context kept for system prompt, question and answer");
    cmd->add_option("--overlap", args->overlap, "Token overlap between chunks when packing");
    cmd->add_option("--tables", args->tables,
                    "Tables of PDF pages as Markdown tables in their place (on, the default) or the text as "
                    "Poppler reads it (off)")
        ->transform(CLI::CheckedTransformer(std::map<std::string, bool>{{"on", true}, {"off", false}}, CLI::ignore_case));
    const std::map<std::string, ingest::TrackedChanges> changes{
        {"marked", ingest::TrackedChanges::Marked},
        {"accepted", ingest::TrackedChanges::Accepted},
        {"original", ingest::TrackedChanges::Original}};
    cmd->add_option("--changes", args->changes,
                    "Tracked changes of a DOCX: marked [+ins+] [-del-] with who and when (default), "
                    "accepted, or original")
        ->transform(CLI::CheckedTransformer(changes, CLI::ignore_case));
    return [args] { return run_ingest(*args); };
}

const Registrar registrar("ingest", 100, setup);

}  // namespace
}  // namespace lectern::cli
