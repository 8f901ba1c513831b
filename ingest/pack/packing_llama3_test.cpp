// pack() with the real Llama 3 tokenizer (tests/data/tokenizer/llama3-tokenizer.json.gz):
// byte-level BPE counts are not additive across boundaries, yet every reported count must
// equal the tokenizer's count of the final text and stay within the budget. This test links
// the engine's tokenizer; the ingest library itself does not use it.
#include <gtest/gtest.h>

#include "lectern/engine/tokenizer.h"
#include "lectern/ingest/packing.h"

namespace lectern::ingest {
namespace {

class Llama3Counter : public TokenCounter {
public:
    explicit Llama3Counter(const Tokenizer& t) : t_(t) {}
    std::size_t count(std::string_view text) const override { return t_.count(text); }

private:
    const Tokenizer& t_;
};

std::vector<Document> sample_documents() {
    Document pdf;
    pdf.kind = DocumentKind::Pdf;
    pdf.metadata.title = "Mixed scripts";
    const char* pages[] = {
        "Lectern reads whole documents.\n\nIt packs them into one prompt, then answers.",
        "Die Straße führt über die Brücke; Fußgänger äußern Übermut.",
        "中文文本提取测试。这是第二句话。\n\n第三段。",
        "مرحبا بالعالم. هذا نص عربي تجريبي.",
        "Numbers 12345 and symbols <>&\"' and    spaces\tand tabs."};
    for (int i = 0; i < 5; ++i) {
        Unit u;
        u.page = i + 1;
        u.locator = "page " + std::to_string(i + 1);
        for (int r = 0; r < 6; ++r) u.text += std::string(r ? "\n\n" : "") + pages[i];
        pdf.units.push_back(u);
    }
    Document code;
    code.kind = DocumentKind::CodeFolder;
    code.metadata.title = "src";
    Unit file;
    file.locator = file.path = "db.cpp";
    for (int f = 0; f < 20; ++f)
        file.text += "int query_" + std::to_string(f) + "(Db& db) {\n    return db.run(\"SELECT " +
                     std::to_string(f) + "\");\n}\n\n";
    code.units.push_back(file);
    return {pdf, code};
}

TEST(PackingLlama3, CountsAreTheTokenizersCountOfTheFinalText) {
    auto tokenizer = Tokenizer::load(std::string(LECTERN_TEST_DATA) +
                                     "/tokenizer/llama3-tokenizer.json.gz");
    ASSERT_TRUE(tokenizer.ok()) << tokenizer.error().to_string();
    const Llama3Counter counter(**tokenizer);
    const auto docs = sample_documents();
    for (std::size_t n_ctx : {300, 700, 1500, 100000}) {
        PackOptions options;
        options.n_ctx = n_ctx;
        options.reserve_system = 40;
        options.reserve_answer = 60;
        options.overlap_tokens = 20;
        auto packed = pack(docs, counter, options);
        ASSERT_TRUE(packed.ok()) << packed.error().to_string();
        EXPECT_EQ(packed->total_tokens, (*tokenizer)->encode(packed->prompt).size());
        EXPECT_LE(packed->total_tokens, packed->budget);
        for (const PackedUnit& u : packed->units) {
            const Document& d = docs[u.ref.document];
            EXPECT_EQ(u.tokens, (*tokenizer)->encode(render_unit(d, d.units[u.ref.unit],
                                                                 options)).size());
        }
        EXPECT_EQ(packed->fits, packed->did_not_fit.empty());
        if (n_ctx == 300) {
            EXPECT_FALSE(packed->fits);
        }
        if (n_ctx == 100000) {
            EXPECT_TRUE(packed->fits);
        }
        std::size_t n_included = 0;
        for (const PackedUnit& u : packed->units) n_included += u.included;
        EXPECT_EQ(n_included + packed->did_not_fit.size(), packed->units.size());
        for (const Chunk& chunk : packed->chunks) {
            EXPECT_EQ(chunk.tokens, (*tokenizer)->encode(chunk.text).size());
            EXPECT_LE(chunk.tokens, packed->budget);
        }
    }
}

}  // namespace
}  // namespace lectern::ingest
