// Byte-level BPE encoding and decoding. Encoding: split off special tokens (when asked),
// pre-tokenize, then per pre-token: a single byte or (ignore_merges) a whole vocabulary
// piece is one token; otherwise BPE merges, memoized per call since words repeat.
#include "bpe_tokenizer.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <queue>
#include <unordered_map>

#include "byte_level.h"
#include "pretokenizer.h"
#include "unicode.h"

namespace lectern::tokenizer {
namespace {

// Pre-tokens up to this many bytes merge with a quadratic scan over a stack array;
// longer ones (rare: long words, runs of one character) use a heap.
constexpr size_t kSmallPiece = 48;
// Bounds the per-call memo so a huge, varied input does not grow it without limit.
constexpr size_t kMaxCacheEntries = 1 << 16;

}  // namespace

class BpeTokenizer::EncodeCache {
public:
    struct Hash {
        size_t operator()(std::string_view s) const { return hash_bytes(s); }
    };
    bool lookup(std::string_view piece, std::vector<int32_t>& out) const {
        auto it = map_.find(piece);
        if (it == map_.end()) return false;
        out.insert(out.end(), ids_.begin() + it->second.first,
                   ids_.begin() + it->second.first + it->second.second);
        return true;
    }
    void store(std::string_view piece, const int32_t* ids, size_t n) {
        if (map_.size() >= kMaxCacheEntries) return;
        map_.emplace(piece, std::make_pair(static_cast<uint32_t>(ids_.size()),
                                           static_cast<uint32_t>(n)));
        ids_.insert(ids_.end(), ids, ids + n);
    }

private:
    // Keys view the caller's text, which outlives the cache (one encode call).
    std::unordered_map<std::string_view, std::pair<uint32_t, uint32_t>, Hash> map_;
    std::vector<int32_t> ids_;
};

Result<std::unique_ptr<BpeTokenizer>> BpeTokenizer::create(BpeSpec spec) {
    std::unique_ptr<BpeTokenizer> t(new BpeTokenizer());
    LECTERN_TRY(t->init(spec));
    return t;
}

Status BpeTokenizer::init(BpeSpec& spec) {
    const size_t n = spec.pieces.size();
    if (n == 0) return make_error(ErrorCode::Corrupt, "tokenizer vocabulary is empty", spec.context);
    if (n > static_cast<size_t>(INT32_MAX))
        return make_error(ErrorCode::Corrupt, "tokenizer vocabulary is too large", spec.context);
    spec.special.resize(n, false);
    kind_ = TokenizerKind::ByteLevelBpe;
    n_vocab_ = static_cast<int32_t>(n);
    text_ = std::move(spec.pieces);
    special_ = std::move(spec.special);
    bytes_.resize(n);
    mergeable_.assign(n, false);
    for (size_t id = 0; id < n; ++id) {
        if (text_[id].empty()) continue;
        if (special_[id]) {
            bytes_[id] = text_[id];
            specials_.add(text_[id], static_cast<int32_t>(id));
            continue;
        }
        auto raw = byte_level_decode(text_[id]);
        if (!raw)
            return make_error(ErrorCode::Corrupt, "token " + std::to_string(id) +
                              " is not in the byte-level alphabet", spec.context);
        bytes_[id] = std::move(*raw);
        mergeable_[id] = true;
    }
    by_bytes_.build(bytes_, mergeable_);
    by_text_.build(text_, std::vector<bool>(n, true));
    for (int b = 0; b < 256; ++b) {
        const char c = static_cast<char>(b);
        byte_id_[static_cast<size_t>(b)] = by_bytes_.find(std::string_view(&c, 1));
        if (byte_id_[static_cast<size_t>(b)] < 0)
            return make_error(ErrorCode::Corrupt, "the vocabulary has no token for byte " +
                              std::to_string(b), spec.context);
    }
    LECTERN_TRY(init_merges(spec));
    ignore_merges_ = spec.ignore_merges;
    bos_id_ = spec.bos_id;
    eos_id_ = spec.eos_id;
    for (int32_t id : spec.stop_ids)
        if (id >= 0 && id < n_vocab_ &&
            std::find(stop_ids_.begin(), stop_ids_.end(), id) == stop_ids_.end())
            stop_ids_.push_back(id);
    chat_template_ = std::move(spec.chat_template);
    return {};
}

Status BpeTokenizer::init_merges(const BpeSpec& spec) {
    merges_.reserve(spec.merges.size());
    for (size_t rank = 0; rank < spec.merges.size(); ++rank) {
        const auto& [a, b] = spec.merges[rank];
        const int32_t left = by_text_.find(a);
        const int32_t right = by_text_.find(b);
        const int32_t merged = by_text_.find(a + b);
        if (left < 0 || right < 0 || merged < 0 || !mergeable_[static_cast<size_t>(left)] ||
            !mergeable_[static_cast<size_t>(right)] || !mergeable_[static_cast<size_t>(merged)])
            return make_error(ErrorCode::Corrupt, "merge " + std::to_string(rank) + " (\"" + a +
                              " " + b + "\") joins pieces that are not in the vocabulary",
                              spec.context);
        merges_.insert(left, right, {static_cast<int32_t>(rank), merged});
    }
    return {};
}

std::vector<int32_t> BpeTokenizer::encode(std::string_view text, bool add_bos,
                                          bool parse_special) const {
    std::vector<int32_t> out;
    out.reserve(text.size() / 3 + 2);
    if (add_bos && bos_id_ >= 0) out.push_back(bos_id_);
    EncodeCache cache;
    if (parse_special && !specials_.empty()) {
        specials_.split(
            text, [&](std::string_view seg) { encode_plain(seg, out, cache); },
            [&](int32_t id) { out.push_back(id); });
    } else {
        encode_plain(text, out, cache);
    }
    return out;
}

size_t BpeTokenizer::count(std::string_view text) const { return encode(text).size(); }

void BpeTokenizer::encode_plain(std::string_view text, std::vector<int32_t>& out,
                                EncodeCache& cache) const {
    for_each_llama3_pretoken(text, [&](std::string_view piece) {
        encode_pretoken(piece, out, cache);
    });
}

void BpeTokenizer::encode_pretoken(std::string_view piece, std::vector<int32_t>& out,
                                   EncodeCache& cache) const {
    if (piece.size() == 1) {
        out.push_back(byte_id_[static_cast<uint8_t>(piece[0])]);
        return;
    }
    if (ignore_merges_) {
        const int32_t id = by_bytes_.find(piece);
        if (id >= 0) {
            out.push_back(id);
            return;
        }
    }
    if (cache.lookup(piece, out)) return;
    const size_t start = out.size();
    merge_piece(piece, out, false);
    cache.store(piece, out.data() + start, out.size() - start);
}

void BpeTokenizer::merge_piece(std::string_view piece, std::vector<int32_t>& out,
                               bool force_heap) const {
    if (piece.empty()) return;
    if (!force_heap && piece.size() <= kSmallPiece) merge_small(piece, out);
    else merge_heap(piece, out);
}

// Quadratic BPE: rank[i] is the rank of the pair (sym[i], sym[i+1]); each step merges the
// lowest-ranked pair (leftmost on ties) and refreshes the two ranks around it.
void BpeTokenizer::merge_small(std::string_view piece, std::vector<int32_t>& out) const {
    int32_t sym[kSmallPiece], rank[kSmallPiece], merged[kSmallPiece];
    size_t m = piece.size();
    for (size_t i = 0; i < m; ++i) sym[i] = byte_id_[static_cast<uint8_t>(piece[i])];
    auto refresh = [&](size_t i) {
        const MergeTable::Merge mg = merges_.find(sym[i], sym[i + 1]);
        rank[i] = mg.rank < 0 ? INT32_MAX : mg.rank;
        merged[i] = mg.id;
    };
    for (size_t i = 0; i + 1 < m; ++i) refresh(i);
    while (m > 1) {
        size_t k = 0;
        for (size_t i = 1; i + 1 < m; ++i)
            if (rank[i] < rank[k]) k = i;
        if (rank[k] == INT32_MAX) break;
        sym[k] = merged[k];
        for (size_t i = k + 1; i + 1 < m; ++i) {
            sym[i] = sym[i + 1];
            rank[i] = rank[i + 1];
            merged[i] = merged[i + 1];
        }
        --m;
        if (k > 0) refresh(k - 1);
        if (k + 1 < m) refresh(k);
    }
    out.insert(out.end(), sym, sym + m);
}

// BPE with a doubly linked list of symbols and a min-heap of candidate merges ordered by
// (rank, position); stale candidates are skipped when popped.
void BpeTokenizer::merge_heap(std::string_view piece, std::vector<int32_t>& out) const {
    constexpr size_t kNone = SIZE_MAX;
    const size_t n = piece.size();
    std::vector<int32_t> sym(n);  // token id per symbol, -1 once merged into its left neighbour
    std::vector<size_t> prev(n), next(n);
    for (size_t i = 0; i < n; ++i) {
        sym[i] = byte_id_[static_cast<uint8_t>(piece[i])];
        prev[i] = i == 0 ? kNone : i - 1;
        next[i] = i + 1 < n ? i + 1 : kNone;
    }
    struct Cand {
        int32_t rank;
        size_t pos;
        int32_t id;
        bool operator>(const Cand& o) const { return rank != o.rank ? rank > o.rank : pos > o.pos; }
    };
    std::priority_queue<Cand, std::vector<Cand>, std::greater<Cand>> heap;
    auto push = [&](size_t pos) {
        if (pos == kNone || next[pos] == kNone) return;
        const MergeTable::Merge mg = merges_.find(sym[pos], sym[next[pos]]);
        if (mg.rank >= 0) heap.push(Cand{mg.rank, pos, mg.id});
    };
    for (size_t i = 0; i + 1 < n; ++i) push(i);
    while (!heap.empty()) {
        const Cand c = heap.top();
        heap.pop();
        const size_t p = c.pos;
        if (sym[p] < 0 || next[p] == kNone) continue;
        const size_t r = next[p];
        const MergeTable::Merge mg = merges_.find(sym[p], sym[r]);
        if (mg.id != c.id || mg.rank != c.rank) continue;  // the pair changed since pushed
        sym[p] = c.id;
        sym[r] = -1;
        next[p] = next[r];
        if (next[r] != kNone) prev[next[r]] = p;
        push(prev[p]);
        push(p);
    }
    for (size_t i = 0; i != kNone; i = next[i]) out.push_back(sym[i]);
}

std::string BpeTokenizer::decode(std::span<const int32_t> ids) const {
    std::string raw;
    for (int32_t id : ids)
        if (id >= 0 && id < n_vocab_) raw += bytes_[static_cast<size_t>(id)];
    return sanitize_utf8(raw);
}

std::string BpeTokenizer::token_text(int32_t id) const {
    return (id >= 0 && id < n_vocab_) ? text_[static_cast<size_t>(id)] : std::string();
}

std::string BpeTokenizer::token_bytes(int32_t id) const {
    return (id >= 0 && id < n_vocab_) ? bytes_[static_cast<size_t>(id)] : std::string();
}

std::optional<int32_t> BpeTokenizer::token_id(std::string_view piece) const {
    const int32_t id = by_text_.find(piece);
    return id >= 0 ? std::optional<int32_t>(id) : std::nullopt;
}

bool BpeTokenizer::is_special(int32_t id) const {
    return id >= 0 && id < n_vocab_ && special_[static_cast<size_t>(id)];
}

}  // namespace lectern::tokenizer
