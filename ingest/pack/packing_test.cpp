// pack() with a deliberately non-additive counter (runs of one character class are one
// token, so joining two texts can merge tokens): the reported counts equal the counter's
// count of the final text, the budget is never exceeded, the not-fitting list is exact,
// chunks cover everything with the overlap asked for, cut at paragraph or function bounds.
#include <gtest/gtest.h>

#include <cctype>

#include "lectern/ingest/packing.h"

namespace lectern::ingest {
namespace {

// A token is a run of letters, a run of digits, a run of whitespace, or one other byte
// (every byte of a multi-byte UTF-8 character counts once).
class RunCounter : public TokenCounter {
public:
    std::size_t count(std::string_view text) const override {
        std::size_t n = 0;
        int previous = -1;
        for (unsigned char c : text) {
            int cls = std::isalpha(c) ? 0 : std::isdigit(c) ? 1 : std::isspace(c) ? 2 : 3;
            if (cls == 3 || cls != previous) ++n;
            previous = cls;
        }
        return n;
    }
};

std::string paragraph(int i, int words) {
    std::string out = "Paragraph " + std::to_string(i);
    for (int w = 0; w < words; ++w) out += " word" + std::string(1, char('a' + w % 26));
    return out + ".";
}

Document make_pdf(int n_pages, int paragraphs_per_page) {
    Document doc;
    doc.kind = DocumentKind::Pdf;
    doc.metadata.title = "Report \"Q3\"";
    for (int p = 1; p <= n_pages; ++p) {
        Unit u;
        u.page = p;
        u.locator = "page " + std::to_string(p);
        for (int i = 0; i < paragraphs_per_page; ++i)
            u.text += (i ? "\n\n" : "") + paragraph(p * 100 + i, 12);
        doc.units.push_back(u);
    }
    return doc;
}

Document make_code() {
    Document doc;
    doc.kind = DocumentKind::CodeFolder;
    doc.metadata.title = "project";
    std::string text;
    for (int f = 0; f < 12; ++f)
        text += "int function_" + std::to_string(f) + "(int x) {\n    int y = x * " +
                std::to_string(f) + ";\n    return y + 1;\n}\n\n";
    for (const char* path : {"src/a.cpp", "src/b.cpp"}) {
        Unit u;
        u.locator = u.path = path;
        u.language = "cpp";
        u.text = text;
        doc.units.push_back(u);
    }
    return doc;
}

const RunCounter kCounter;

TEST(Packing, EverythingFitsWithLocatorsAndExactCounts) {
    const std::vector<Document> docs = {make_pdf(3, 2), make_code()};
    PackOptions options;
    options.n_ctx = 100000;
    auto packed = pack(docs, kCounter, options);
    ASSERT_TRUE(packed.ok()) << packed.error().to_string();
    EXPECT_TRUE(packed->fits);
    EXPECT_TRUE(packed->did_not_fit.empty());
    EXPECT_TRUE(packed->chunks.empty());
    EXPECT_EQ(packed->total_tokens, kCounter.count(packed->prompt));
    const std::string& prompt = packed->prompt;
    EXPECT_NE(prompt.find("<document title=\"Report &quot;Q3&quot;\" kind=\"pdf\">\n"
                          "<page n=\"1\">\nParagraph 100"),
              std::string::npos);
    EXPECT_NE(prompt.find("</page>\n<page n=\"2\">\n"), std::string::npos);
    EXPECT_NE(prompt.find("=== src/b.cpp ===\n1| int function_0(int x) {\n2|     int y"),
              std::string::npos);
    ASSERT_EQ(packed->units.size(), 5u);
    for (const PackedUnit& u : packed->units) {
        const Document& d = docs[u.ref.document];
        EXPECT_EQ(u.tokens, kCounter.count(render_unit(d, d.units[u.ref.unit], options)));
        EXPECT_TRUE(u.included);
    }
}

TEST(Packing, ReservesComeOutOfTheContext) {
    const std::vector<Document> docs = {make_pdf(2, 1)};
    PackOptions options;
    options.n_ctx = 1000;
    options.reserve_system = 100;
    options.reserve_question = 50;
    options.reserve_answer = 250;
    auto packed = pack(docs, kCounter, options);
    ASSERT_TRUE(packed.ok());
    EXPECT_EQ(packed->budget, 600u);
    options.reserve_answer = 850;
    auto none = pack(docs, kCounter, options);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().code, ErrorCode::InvalidArgument);
}

// The first k units of `docs`, as documents of their own (to pack a given prefix).
std::vector<Document> prefix_of(const std::vector<Document>& docs, std::size_t k) {
    std::vector<Document> out;
    for (const Document& d : docs) {
        if (k == 0) break;
        Document copy = d;
        copy.units.resize(std::min(k, d.units.size()));
        k -= copy.units.size();
        out.push_back(copy);
    }
    return out;
}

TEST(Packing, BudgetNeverExceededAndNotFittingListIsExact) {
    const std::vector<Document> docs = {make_pdf(6, 3), make_code()};
    PackOptions unlimited;
    unlimited.n_ctx = 1 << 20;
    for (std::size_t n_ctx : {60, 150, 400, 700, 900, 1300, 2000}) {
        PackOptions options;
        options.n_ctx = n_ctx;
        options.reserve_answer = 10;
        auto packed = pack(docs, kCounter, options);
        ASSERT_TRUE(packed.ok()) << packed.error().to_string();
        EXPECT_EQ(packed->total_tokens, kCounter.count(packed->prompt));
        EXPECT_LE(packed->total_tokens, packed->budget);
        std::size_t k = 0;
        while (k < packed->units.size() && packed->units[k].included) ++k;
        ASSERT_EQ(packed->did_not_fit.size(), packed->units.size() - k) << "n_ctx " << n_ctx;
        for (std::size_t i = k; i < packed->units.size(); ++i) {
            EXPECT_FALSE(packed->units[i].included);
            EXPECT_EQ(packed->did_not_fit[i - k], packed->units[i].ref);
        }
        // Exactly the first k units are in the prompt, and one more would not have fitted.
        auto first_k = pack(prefix_of(docs, k), kCounter, unlimited);
        ASSERT_TRUE(first_k.ok());
        EXPECT_EQ(first_k->prompt, packed->prompt);
        if (k < packed->units.size()) {
            auto one_more = pack(prefix_of(docs, k + 1), kCounter, unlimited);
            ASSERT_TRUE(one_more.ok());
            EXPECT_GT(one_more->total_tokens, packed->budget);
            EXPECT_FALSE(packed->fits);
            EXPECT_FALSE(packed->chunks.empty());
        }
    }
}

// Chunks: exact counts within the chunk budget, every byte of every unit covered once by
// new pieces in order, and the overlap the shortest tail (in pieces, then lines or words)
// reaching the asked tokens.
void check_chunks(const std::vector<Document>& docs, const PackResult& packed,
                  const PackOptions& options, std::size_t chunk_budget) {
    ASSERT_FALSE(packed.chunks.empty());
    std::vector<Piece> covered;
    for (std::size_t c = 0; c < packed.chunks.size(); ++c) {
        const Chunk& chunk = packed.chunks[c];
        EXPECT_EQ(chunk.tokens, kCounter.count(chunk.text));
        EXPECT_LE(chunk.tokens, chunk_budget);
        ASSERT_GT(chunk.pieces.size(), chunk.n_overlap) << "chunk " << c << " adds nothing";
        covered.insert(covered.end(), chunk.pieces.begin() + chunk.n_overlap, chunk.pieces.end());
        if (c == 0) { EXPECT_EQ(chunk.n_overlap, 0u); continue; }
        const auto& prev = packed.chunks[c - 1].pieces;
        ASSERT_LE(chunk.n_overlap, prev.size());
        std::string overlap;
        for (std::size_t i = 0; i < chunk.n_overlap; ++i) {
            const Piece& p = chunk.pieces[i];
            const Piece& q = prev[prev.size() - chunk.n_overlap + i];
            // The first repeated piece may be a tail of the previous one (cut at a line or word).
            EXPECT_TRUE(p.ref == q.ref && p.end == q.end &&
                        (i == 0 ? p.begin >= q.begin : p.begin == q.begin));
            const Unit& u = docs[p.ref.document].units[p.ref.unit];
            overlap += u.text.substr(p.begin, p.end - p.begin);
        }
        EXPECT_EQ(chunk.overlap_tokens, kCounter.count(overlap));
        EXPECT_GE(chunk.overlap_tokens, options.overlap_tokens) << "chunk " << c;
        // Cut at a word or a line: at most one line of the fixtures (< 16 tokens) more.
        EXPECT_LT(chunk.overlap_tokens, options.overlap_tokens + 16) << "chunk " << c;
        if (chunk.n_overlap > 1) {  // one piece fewer would not reach the asked overlap
            const Piece& p = chunk.pieces[0];
            const std::string first = docs[p.ref.document].units[p.ref.unit].text.substr(
                p.begin, p.end - p.begin);
            EXPECT_LT(kCounter.count(overlap.substr(first.size())), options.overlap_tokens);
        }
    }
    std::size_t i = 0;
    for (std::size_t d = 0; d < docs.size(); ++d)
        for (std::size_t u = 0; u < docs[d].units.size(); ++u) {
            std::size_t at = 0;
            while (i < covered.size() && covered[i].ref == UnitRef{d, u}) {
                EXPECT_EQ(covered[i].begin, at);
                at = covered[i++].end;
            }
            EXPECT_EQ(at, docs[d].units[u].text.size()) << "unit " << d << "/" << u;
        }
    EXPECT_EQ(i, covered.size());
}

TEST(Packing, ChunksWithOverlapCoverEverything) {
    const std::vector<Document> docs = {make_pdf(8, 3)};
    for (std::size_t overlap : {0, 20, 45}) {
        PackOptions options;
        options.n_ctx = 420;
        options.reserve_question = 20;
        options.overlap_tokens = overlap;
        auto packed = pack(docs, kCounter, options);
        ASSERT_TRUE(packed.ok()) << packed.error().to_string();
        ASSERT_FALSE(packed->fits);
        check_chunks(docs, *packed, options, packed->budget);
        // Pages hold three paragraphs well under a quarter of the budget: new pieces are
        // whole paragraphs, so every cut falls at a paragraph start.
        for (const Chunk& chunk : packed->chunks)
            for (std::size_t i = chunk.n_overlap; i < chunk.pieces.size(); ++i) {
                const Piece& p = chunk.pieces[i];
                const std::string& text = docs[0].units[p.ref.unit].text;
                EXPECT_TRUE(p.begin == 0 || text.compare(p.begin - 2, 2, "\n\n") == 0);
            }
    }
}

TEST(Packing, CodeChunksCutAtFunctionsAndKeepLineNumbers) {
    const std::vector<Document> docs = {make_code()};
    PackOptions options;
    options.n_ctx = 700;
    options.chunk_tokens = 300;
    options.overlap_tokens = 30;
    auto packed = pack(docs, kCounter, options);
    ASSERT_TRUE(packed.ok()) << packed.error().to_string();
    check_chunks(docs, *packed, options, 300);
    for (const Chunk& chunk : packed->chunks)
        for (std::size_t i = chunk.n_overlap; i < chunk.pieces.size(); ++i) {
            const Piece& p = chunk.pieces[i];
            const std::string& text = docs[0].units[p.ref.unit].text;
            EXPECT_EQ(text.compare(p.begin, 4, "int "), 0) << "piece at " << p.begin;
        }
    // A chunk holding a part of a file names the lines and numbers them as in the file.
    const std::string& second = packed->chunks[1].text;
    const std::size_t header = second.find("=== src/a.cpp (lines ");
    ASSERT_NE(header, std::string::npos) << second;
    const std::size_t first_line = std::stoul(second.substr(header + 21));
    EXPECT_NE(second.find("\n" + std::to_string(first_line) + "| int function_"),
              std::string::npos);
}

TEST(Packing, OversizedParagraphIsCutAtLinesThenSpaces) {
    Document doc;
    doc.kind = DocumentKind::Text;
    doc.metadata.title = "long.txt";
    Unit u;
    u.locator = "long.txt";
    for (int i = 0; i < 60; ++i) u.text += paragraph(i, 20) + (i % 3 == 2 ? "\n" : " ");
    doc.units.push_back(u);
    PackOptions options;
    options.n_ctx = 200;
    options.overlap_tokens = 10;
    auto packed = pack({doc}, kCounter, options);
    ASSERT_TRUE(packed.ok()) << packed.error().to_string();
    check_chunks({doc}, *packed, options, 200);
    EXPECT_GT(packed->chunks.size(), 5u);
}

TEST(Packing, ChunkBudgetTooSmallForHeadersIsAnError) {
    PackOptions options;
    options.n_ctx = 12;
    auto packed = pack({make_pdf(3, 1)}, kCounter, options);
    ASSERT_FALSE(packed.ok());
    EXPECT_EQ(packed.error().code, ErrorCode::InvalidArgument);
}

}  // namespace
}  // namespace lectern::ingest
