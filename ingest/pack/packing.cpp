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

using Run = std::vector<CountedPiece>;  // the pieces of a chunk, in order

struct Chunker {
    const Packer& packer;
    std::size_t chunk_budget = 0;
    Run pieces;                                      // every unit's pieces, in order
    std::vector<std::vector<std::size_t>> overhead;  // [document][unit]: open + close tokens

    std::string render(const Run& run) const;
    std::string text_of(const Run& run, std::size_t from) const;
    std::size_t estimate(const Run& run) const;
    CountedPiece trim_front(const CountedPiece& piece, const Run& rest, std::size_t want) const;
    Run pick_overlap(const Run& previous) const;
    Result<Chunk> next_chunk(Run& previous, std::size_t& next) const;
};

std::string Chunker::render(const Run& run) const {
    std::string out;
    const auto& docs = packer.docs;
    for (std::size_t i = 0; i < run.size();) {
        const Piece& first = run[i].piece;
        std::size_t j = i + 1;  // the group: consecutive pieces of one unit
        while (j < run.size() && run[j].piece.ref == first.ref &&
               run[j].piece.begin == run[j - 1].piece.end)
            ++j;
        const Piece& last = run[j - 1].piece;
        const Document& doc = docs[first.ref.document];
        const Unit& unit = doc.units[first.ref.unit];
        const bool new_doc = i == 0 || run[i - 1].piece.ref.document != first.ref.document;
        if (new_doc && i > 0) out += document_close(docs[run[i - 1].piece.ref.document]);
        if (new_doc) out += document_open(doc);
        const bool whole = first.begin == 0 && last.end == unit.text.size();
        out += unit_open(doc, unit, whole, first.first_line,
                         last_line_of(unit, first.begin, last.end, first.first_line));
        out += render_body(doc, unit, first.begin, last.end, first.first_line, packer.options);
        out += unit_close(doc, unit);
        i = j;
    }
    if (!run.empty()) out += document_close(docs[run.back().piece.ref.document]);
    return out;
}

// The unit text of run[from..], concatenated (what overlap is measured on).
std::string Chunker::text_of(const Run& run, std::size_t from) const {
    std::string out;
    for (std::size_t i = from; i < run.size(); ++i) {
        const Piece& p = run[i].piece;
        out.append(packer.unit(p.ref).text, p.begin, p.end - p.begin);
    }
    return out;
}

std::size_t Chunker::estimate(const Run& run) const {
    std::size_t total = 0;
    for (std::size_t i = 0; i < run.size(); ++i) {
        const UnitRef ref = run[i].piece.ref;
        const bool new_unit = i == 0 || !(run[i - 1].piece.ref == ref);
        const bool new_doc = i == 0 || run[i - 1].piece.ref.document != ref.document;
        if (new_doc) total += packer.doc_overhead[ref.document];
        if (new_unit) total += overhead[ref.document][ref.unit];
        total += run[i].tokens;
    }
    return total;
}

// The shortest tail of `piece`, cut at a line start (else after a space), such that it and
// `rest` still count >= want tokens. Found by bisection over the candidate cuts.
CountedPiece Chunker::trim_front(const CountedPiece& piece, const Run& rest,
                                 std::size_t want) const {
    const Piece& p = piece.piece;
    const std::string& text = packer.unit(p.ref).text;
    const std::string tail = text_of(rest, 0);
    std::vector<std::size_t> cuts;
    for (char sep : {'\n', ' '}) {
        for (std::size_t at = text.find(sep, p.begin); at != std::string::npos && at + 1 < p.end;
             at = text.find(sep, at + 1))
            cuts.push_back(at + 1);
        if (cuts.size() >= 2) break;
        cuts.clear();
    }
    auto enough = [&](std::size_t cut) {
        return packer.counter.count(text.substr(cut, p.end - cut) + tail) >= want;
    };
    std::size_t lo = 0, hi = cuts.size();  // cuts[0, lo) are known to keep enough
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (enough(cuts[mid])) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return piece;
    const std::size_t cut = cuts[lo - 1];
    CountedPiece out = piece;
    out.piece.begin = cut;
    out.piece.first_line = p.first_line + static_cast<std::size_t>(std::count(
        text.begin() + static_cast<std::ptrdiff_t>(p.begin),
        text.begin() + static_cast<std::ptrdiff_t>(cut), '\n'));
    out.tokens = packer.counter.count(render_body(packer.doc(p.ref), packer.unit(p.ref), cut,
                                                  p.end, out.piece.first_line, packer.options));
    return out;
}

// The shortest tail of the previous chunk whose text counts >= overlap_tokens: whole pieces,
// the first of them trimmed at a line or word (never all of the previous chunk's pieces, so
// every chunk moves forward).
Run Chunker::pick_overlap(const Run& previous) const {
    const std::size_t want = packer.options.overlap_tokens;
    if (want == 0 || previous.size() < 2) return {};
    std::size_t from = previous.size() - 1;
    while (from > 1 && packer.counter.count(text_of(previous, from)) < want) --from;
    Run overlap(previous.begin() + static_cast<std::ptrdiff_t>(from), previous.end());
    const Run rest(overlap.begin() + 1, overlap.end());
    overlap[0] = trim_front(overlap[0], rest, want);
    return overlap;
}

// Where a chunk that would end inside a unit had better end: at the last unit boundary in
// its final quarter. Returns run.size() when there is none.
std::size_t preferred_end(const Run& run, std::size_t n_overlap) {
    std::size_t total = 0;
    for (const CountedPiece& p : run) total += p.tokens;
    std::size_t before = total;
    for (std::size_t j = run.size() - 1; j > n_overlap; --j) {
        before -= run[j].tokens;
        if (4 * before < 3 * total) break;
        if (!(run[j].piece.ref == run[j - 1].piece.ref)) return j;
    }
    return run.size();
}

// The chunk after `previous` (the run of the last chunk, updated to this one's), starting
// with the piece at `next` (advanced past the chunk's last new piece).
Result<Chunk> Chunker::next_chunk(Run& previous, std::size_t& next) const {
    Run run = pick_overlap(previous);
    std::size_t n_overlap = run.size();
    const std::size_t start = next;
    run.push_back(pieces[next++]);
    while (next < pieces.size()) {
        run.push_back(pieces[next]);
        if (estimate(run) > chunk_budget) { run.pop_back(); break; }
        ++next;
    }
    if (next < pieces.size() && pieces[next].piece.ref == pieces[next - 1].piece.ref) {
        const std::size_t end = preferred_end(run, n_overlap);
        next -= run.size() - end;
        run.resize(end);
    }
    Chunk chunk;
    chunk.text = render(run);
    chunk.tokens = packer.counter.count(chunk.text);
    while (chunk.tokens > chunk_budget) {
        if (run.size() > n_overlap + 1) {
            run.pop_back();
            --next;
        } else if (n_overlap > 0) {
            run.erase(run.begin());
            --n_overlap;
        } else {
            return make_error(ErrorCode::InvalidArgument,
                              "the chunk budget cannot hold a piece of this unit with its header",
                              packer.unit(pieces[start].piece.ref).locator);
        }
        chunk.text = render(run);
        chunk.tokens = packer.counter.count(chunk.text);
    }
    for (const CountedPiece& p : run) chunk.pieces.push_back(p.piece);
    chunk.n_overlap = n_overlap;
    previous = run;
    chunk.overlap_tokens =
        n_overlap ? packer.counter.count(text_of(Run(run.begin(), run.begin() +
                                                     static_cast<std::ptrdiff_t>(n_overlap)), 0))
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
    c.overhead.resize(packer.docs.size());
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
        c.overhead[ref.document].push_back(overhead - packer.doc_overhead[ref.document]);
        for (CountedPiece& piece : split_unit(doc, ref, packer.counter, max_piece, o))
            c.pieces.push_back(piece);
    }
    Run previous;
    for (std::size_t next = 0; next < c.pieces.size();) {
        auto chunk = c.next_chunk(previous, next);
        if (!chunk) return chunk.error();
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
