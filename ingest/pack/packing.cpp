// pack(): the leading units that fit the budget form the prompt; when not all fit, every
// unit is also cut into pieces (split.h) and the pieces gathered into chunks with overlap.
// Estimates (sums of parts) choose what to try; the tokenizer's count of the final text
// decides, so reported totals are exact and never above the budget.
#include <algorithm>

#include "pack/render.h"
#include "pack/split.h"

namespace lectern::ingest {
namespace {

struct Packer {
    const std::vector<Document>& docs;
    const TokenCounter& counter;
    const PackOptions& options;
    std::size_t budget = 0;
    std::vector<UnitRef> refs;        // every unit, in order
    std::vector<std::string> blocks;  // render_unit of each
    std::vector<std::size_t> doc_overhead;  // tokens of a document's open + close tags

    const Document& doc(UnitRef r) const { return docs[r.document]; }
    const Unit& unit(UnitRef r) const { return docs[r.document].units[r.unit]; }

    std::string prompt_of(std::size_t k) const;
    std::size_t fit_prefix(PackResult& result) const;
};

std::string Packer::prompt_of(std::size_t k) const {
    std::string out;
    std::size_t current = docs.size();
    for (std::size_t i = 0; i < k; ++i) {
        if (refs[i].document != current) {
            if (current != docs.size()) out += document_close(docs[current]);
            current = refs[i].document;
            out += document_open(docs[current]);
        }
        out += blocks[i];
    }
    if (current != docs.size()) out += document_close(docs[current]);
    return out;
}

// The largest k such that the first k units, rendered, count at most `budget` tokens.
std::size_t Packer::fit_prefix(PackResult& result) const {
    std::size_t k = 0;
    for (std::size_t estimate = 0; k < refs.size(); ++k) {
        const bool new_doc = k == 0 || refs[k].document != refs[k - 1].document;
        estimate += result.units[k].tokens + (new_doc ? doc_overhead[refs[k].document] : 0);
        if (estimate > budget) break;
    }
    result.total_tokens = counter.count(prompt_of(k));
    while (k > 0 && result.total_tokens > budget) result.total_tokens = counter.count(prompt_of(--k));
    while (k < refs.size()) {
        const std::size_t more = counter.count(prompt_of(k + 1));
        if (more > budget) break;
        ++k;
        result.total_tokens = more;
    }
    return k;
}

// ---- chunks ---------------------------------------------------------------------------

struct Chunker {
    const Packer& packer;
    std::size_t chunk_budget = 0;
    std::vector<CountedPiece> pieces;       // every unit's pieces, in order
    std::vector<std::size_t> unit_overhead; // per piece: tokens of its unit's open + close

    std::string render(const std::vector<std::size_t>& idx) const;
    std::string overlap_text(const std::vector<std::size_t>& idx, std::size_t from) const;
    std::size_t estimate(const std::vector<std::size_t>& idx) const;
    std::vector<std::size_t> pick_overlap(const std::vector<std::size_t>& previous) const;
    Result<Chunk> next_chunk(const std::vector<std::size_t>& previous, std::size_t& next) const;
};

std::string Chunker::render(const std::vector<std::size_t>& idx) const {
    std::string out;
    const auto& docs = packer.docs;
    for (std::size_t i = 0; i < idx.size();) {
        const Piece& first = pieces[idx[i]].piece;
        std::size_t j = i + 1;  // the group: consecutive pieces of one unit
        while (j < idx.size() && pieces[idx[j]].piece.ref == first.ref &&
               pieces[idx[j]].piece.begin == pieces[idx[j - 1]].piece.end)
            ++j;
        const Piece& last = pieces[idx[j - 1]].piece;
        const Document& doc = docs[first.ref.document];
        const Unit& unit = doc.units[first.ref.unit];
        const bool new_doc = i == 0 || pieces[idx[i - 1]].piece.ref.document != first.ref.document;
        if (new_doc && i > 0) out += document_close(docs[pieces[idx[i - 1]].piece.ref.document]);
        if (new_doc) out += document_open(doc);
        const bool whole = first.begin == 0 && last.end == unit.text.size();
        out += unit_open(doc, unit, whole, first.first_line,
                         last_line_of(unit, first.begin, last.end, first.first_line));
        out += render_body(doc, unit, first.begin, last.end, first.first_line, packer.options);
        out += unit_close(doc, unit);
        i = j;
    }
    if (!idx.empty()) out += document_close(docs[pieces[idx.back()].piece.ref.document]);
    return out;
}

std::string Chunker::overlap_text(const std::vector<std::size_t>& idx, std::size_t from) const {
    std::string out;
    for (std::size_t i = from; i < idx.size(); ++i) {
        const Piece& p = pieces[idx[i]].piece;
        out.append(packer.unit(p.ref).text, p.begin, p.end - p.begin);
    }
    return out;
}

std::size_t Chunker::estimate(const std::vector<std::size_t>& idx) const {
    std::size_t total = 0;
    for (std::size_t i = 0; i < idx.size(); ++i) {
        const UnitRef ref = pieces[idx[i]].piece.ref;
        const bool new_unit = i == 0 || !(pieces[idx[i - 1]].piece.ref == ref);
        const bool new_doc = i == 0 || pieces[idx[i - 1]].piece.ref.document != ref.document;
        if (new_doc) total += packer.doc_overhead[ref.document];
        if (new_unit) total += unit_overhead[idx[i]];
        total += pieces[idx[i]].tokens;
    }
    return total;
}

// The shortest run of pieces ending the previous chunk whose text counts >= overlap_tokens
// (all of the previous chunk but its first piece at most, so every chunk moves forward).
std::vector<std::size_t> Chunker::pick_overlap(const std::vector<std::size_t>& previous) const {
    const std::size_t want = packer.options.overlap_tokens;
    if (want == 0 || previous.size() < 2) return {};
    std::size_t from = previous.size() - 1;
    while (from > 1 && packer.counter.count(overlap_text(previous, from)) < want) --from;
    return {previous.begin() + static_cast<std::ptrdiff_t>(from), previous.end()};
}

// Where a chunk that would end inside a unit had better end: at the last unit boundary in
// its final quarter. Returns idx.size() when there is none.
std::size_t preferred_end(const Chunker& c, const std::vector<std::size_t>& idx,
                          std::size_t n_overlap) {
    std::size_t total = 0;
    for (std::size_t i : idx) total += c.pieces[i].tokens;
    std::size_t before = total;
    for (std::size_t j = idx.size() - 1; j > n_overlap; --j) {
        before -= c.pieces[idx[j]].tokens;
        if (4 * before < 3 * total) break;
        if (!(c.pieces[idx[j]].piece.ref == c.pieces[idx[j - 1]].piece.ref)) return j;
    }
    return idx.size();
}

Result<Chunk> Chunker::next_chunk(const std::vector<std::size_t>& previous,
                                  std::size_t& next) const {
    std::vector<std::size_t> idx = pick_overlap(previous);
    std::size_t n_overlap = idx.size();
    const std::size_t start = next;
    idx.push_back(next++);
    while (next < pieces.size()) {
        idx.push_back(next);
        if (estimate(idx) > chunk_budget) { idx.pop_back(); break; }
        ++next;
    }
    if (next < pieces.size() && pieces[next].piece.ref == pieces[next - 1].piece.ref) {
        const std::size_t end = preferred_end(*this, idx, n_overlap);
        next -= idx.size() - end;
        idx.resize(end);
    }
    Chunk chunk;
    chunk.text = render(idx);
    chunk.tokens = packer.counter.count(chunk.text);
    while (chunk.tokens > chunk_budget) {
        if (idx.size() > n_overlap + 1) {
            idx.pop_back();
            --next;
        } else if (n_overlap > 0) {
            idx.erase(idx.begin());
            --n_overlap;
        } else {
            const Piece& p = pieces[start].piece;
            return make_error(ErrorCode::InvalidArgument,
                              "the chunk budget cannot hold a piece of this unit with its header",
                              packer.unit(p.ref).locator);
        }
        chunk.text = render(idx);
        chunk.tokens = packer.counter.count(chunk.text);
    }
    for (std::size_t i : idx) chunk.pieces.push_back(pieces[i].piece);
    chunk.n_overlap = n_overlap;
    chunk.overlap_tokens = n_overlap ? packer.counter.count(overlap_text(
                                           {idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(n_overlap)}, 0))
                                     : 0;
    return chunk;
}

Status make_chunks(const Packer& packer, PackResult& result) {
    const PackOptions& o = packer.options;
    Chunker c{packer, o.chunk_tokens ? std::min(o.chunk_tokens, packer.budget) : packer.budget,
              {}, {}};
    if (o.overlap_tokens > 0 && 4 * o.overlap_tokens > c.chunk_budget)
        return make_error(ErrorCode::InvalidArgument,
                          "the overlap must be at most a quarter of the chunk budget");
    for (const UnitRef ref : packer.refs) {
        const Document& doc = packer.doc(ref);
        const Unit& unit = packer.unit(ref);
        const std::size_t overhead =
            packer.counter.count(unit_open(doc, unit, false, unit.text.size() + 1,
                                           unit.text.size() + 1)) +
            packer.counter.count(unit_close(doc, unit)) + packer.doc_overhead[ref.document];
        if (overhead >= c.chunk_budget)
            return make_error(ErrorCode::InvalidArgument,
                              "the chunk budget cannot hold even the headers", unit.locator);
        const std::size_t room = c.chunk_budget - overhead;
        const std::size_t max_piece = o.overlap_tokens ? room / 4 : room;
        for (CountedPiece& piece : split_unit(doc, ref, packer.counter, max_piece, o)) {
            c.pieces.push_back(piece);
            c.unit_overhead.push_back(overhead - packer.doc_overhead[ref.document]);
        }
    }
    std::vector<std::size_t> previous;
    for (std::size_t next = 0; next < c.pieces.size();) {
        auto chunk = c.next_chunk(previous, next);
        if (!chunk) return chunk.error();
        previous.clear();
        const std::size_t first_new = next - (chunk->pieces.size() - chunk->n_overlap);
        for (std::size_t i = 0; i < chunk->n_overlap; ++i)
            previous.push_back(first_new - chunk->n_overlap + i);
        for (std::size_t i = first_new; i < next; ++i) previous.push_back(i);
        result.chunks.push_back(std::move(*chunk));
    }
    return {};
}

}  // namespace

Result<PackResult> pack(const std::vector<Document>& documents, const TokenCounter& counter,
                        const PackOptions& options) {
    const std::size_t reserved =
        options.reserve_system + options.reserve_question + options.reserve_answer;
    if (reserved >= options.n_ctx)
        return make_error(ErrorCode::InvalidArgument,
                          "the reserves (" + std::to_string(reserved) +
                              " tokens) leave nothing of the context (" +
                              std::to_string(options.n_ctx) + " tokens) for documents");
    Packer packer{documents, counter, options, options.n_ctx - reserved, {}, {}, {}};
    PackResult result;
    result.budget = packer.budget;
    for (std::size_t d = 0; d < documents.size(); ++d) {
        packer.doc_overhead.push_back(counter.count(document_open(documents[d])) +
                                      counter.count(document_close(documents[d])));
        for (std::size_t u = 0; u < documents[d].units.size(); ++u) {
            const UnitRef ref{d, u};
            packer.refs.push_back(ref);
            packer.blocks.push_back(render_unit(documents[d], documents[d].units[u], options));
            result.units.push_back(PackedUnit{ref, documents[d].units[u].locator,
                                              counter.count(packer.blocks.back()), false});
        }
    }
    const std::size_t k = packer.fit_prefix(result);
    result.prompt = packer.prompt_of(k);
    for (std::size_t i = 0; i < packer.refs.size(); ++i) {
        result.units[i].included = i < k;
        if (i >= k) result.did_not_fit.push_back(packer.refs[i]);
    }
    result.fits = k == packer.refs.size();
    if (!result.fits) LECTERN_TRY(make_chunks(packer, result));
    return result;
}

}  // namespace lectern::ingest
