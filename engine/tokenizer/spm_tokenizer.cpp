// SentencePiece encoding through libsentencepiece; decoding and per-token bytes done here
// (byte-fallback pieces "<0x41>" are single bytes, U+2581 is a space, control tokens add
// nothing), so that decode() and the streaming detokenizer share one definition. A test
// checks decode() against libsentencepiece's DecodeIds.
#include "spm_tokenizer.h"

#include <algorithm>
#include <fstream>

#include <sentencepiece_processor.h>

#include "unicode.h"

namespace lectern::tokenizer {
namespace {

constexpr std::string_view kSpaceSymbol = "\xE2\x96\x81";  // U+2581
constexpr std::string_view kUnknownSurface = " \xE2\x81\x87 ";  // " ⁇ ", sentencepiece's default

std::string replace_space_symbol(std::string_view piece) {
    std::string out;
    out.reserve(piece.size());
    for (size_t i = 0; i < piece.size();) {
        if (piece.substr(i, kSpaceSymbol.size()) == kSpaceSymbol) {
            out.push_back(' ');
            i += kSpaceSymbol.size();
        } else {
            out.push_back(piece[i++]);
        }
    }
    return out;
}

// "<0x41>" -> 0x41.
int parse_byte_piece(const std::string& piece) {
    if (piece.size() != 6 || piece.compare(0, 3, "<0x") != 0 || piece[5] != '>') return -1;
    int v = 0;
    for (size_t i = 3; i < 5; ++i) {
        const char c = piece[i];
        const int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                    : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

}  // namespace

SpmTokenizer::SpmTokenizer() : sp_(std::make_unique<sentencepiece::SentencePieceProcessor>()) {}
SpmTokenizer::~SpmTokenizer() = default;

Result<std::unique_ptr<SpmTokenizer>> SpmTokenizer::load_file(const std::string& path,
                                                             std::string chat_template) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::NotFound, "cannot open SentencePiece model", path);
    std::string proto((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return load_proto(proto, path, {}, std::move(chat_template));
}

Result<std::unique_ptr<SpmTokenizer>> SpmTokenizer::load_proto(const std::string& proto,
                                                              const std::string& context,
                                                              std::vector<int32_t> extra_stop_ids,
                                                              std::string chat_template) {
    std::unique_ptr<SpmTokenizer> t(new SpmTokenizer());
    const auto status = t->sp_->LoadFromSerializedProto(proto);
    if (!status.ok())
        return make_error(ErrorCode::Corrupt,
                          std::string("not a valid SentencePiece model: ") + status.ToString(), context);
    LECTERN_TRY(t->init(context, std::move(extra_stop_ids)));
    t->chat_template_ = std::move(chat_template);
    return t;
}

Status SpmTokenizer::init(const std::string& context, std::vector<int32_t> extra_stop_ids) {
    kind_ = TokenizerKind::SentencePiece;
    n_vocab_ = sp_->GetPieceSize();
    if (n_vocab_ <= 0) return make_error(ErrorCode::Corrupt, "SentencePiece model is empty", context);
    bos_id_ = sp_->bos_id();
    eos_id_ = sp_->eos_id();
    const auto n = static_cast<size_t>(n_vocab_);
    bytes_.resize(n);
    starts_with_space_.assign(n, false);
    special_.assign(n, false);
    for (int32_t id = 0; id < n_vocab_; ++id) {
        const std::string& piece = sp_->IdToPiece(id);
        const auto i = static_cast<size_t>(id);
        if (sp_->IsControl(id)) {
            special_[i] = true;
            specials_.add(piece, id);
        } else if (sp_->IsUnknown(id)) {
            special_[i] = true;
            bytes_[i] = kUnknownSurface;
            specials_.add(piece, id);
        } else if (sp_->IsByte(id)) {
            const int b = parse_byte_piece(piece);
            if (b < 0) return make_error(ErrorCode::Corrupt, "malformed byte piece \"" + piece + "\"", context);
            bytes_[i] = std::string(1, static_cast<char>(b));
        } else if (!sp_->IsUnused(id)) {
            bytes_[i] = replace_space_symbol(piece);
            starts_with_space_[i] = piece.compare(0, kSpaceSymbol.size(), kSpaceSymbol) == 0;
        }
    }
    // The dummy prefix: does encoding a word put a space symbol before it?
    const std::vector<int> probe = sp_->EncodeAsIds("a");
    strips_leading_space_ = !probe.empty() && starts_with_space_[static_cast<size_t>(probe[0])];
    stop_ids_.clear();
    extra_stop_ids.insert(extra_stop_ids.begin(), eos_id_);
    for (int32_t id : extra_stop_ids)
        if (id >= 0 && id < n_vocab_ && std::find(stop_ids_.begin(), stop_ids_.end(), id) == stop_ids_.end())
            stop_ids_.push_back(id);
    return {};
}

std::vector<int32_t> SpmTokenizer::encode(std::string_view text, bool add_bos,
                                          bool parse_special) const {
    std::vector<int32_t> out;
    if (add_bos && bos_id_ >= 0) out.push_back(bos_id_);
    if (parse_special && !specials_.empty()) {
        specials_.split(
            text, [&](std::string_view seg) { encode_plain(seg, out); },
            [&](int32_t id) { out.push_back(id); });
    } else {
        encode_plain(text, out);
    }
    return out;
}

void SpmTokenizer::encode_plain(std::string_view text, std::vector<int32_t>& out) const {
    std::vector<int> ids;
    // Encode fails only on an unloaded model; then nothing is appended.
    if (!sp_->Encode(text, &ids).ok()) return;
    out.insert(out.end(), ids.begin(), ids.end());
}

std::string SpmTokenizer::decode(std::span<const int32_t> ids) const {
    std::string raw;
    bool first = true;
    for (int32_t id : ids) {
        if (id < 0 || id >= n_vocab_) continue;
        const std::string& b = bytes_[static_cast<size_t>(id)];
        raw += first ? leading_token_bytes(id) : b;
        if (!b.empty()) first = false;  // a lone dummy-prefix space still ends the start
    }
    return sanitize_utf8(raw);
}

std::string SpmTokenizer::token_text(int32_t id) const {
    return (id >= 0 && id < n_vocab_) ? sp_->IdToPiece(id) : std::string();
}

std::string SpmTokenizer::token_bytes(int32_t id) const {
    return (id >= 0 && id < n_vocab_) ? bytes_[static_cast<size_t>(id)] : std::string();
}

std::string SpmTokenizer::leading_token_bytes(int32_t id) const {
    std::string b = token_bytes(id);
    if (strips_leading_space_ && id >= 0 && id < n_vocab_ && starts_with_space_[static_cast<size_t>(id)])
        b.erase(0, 1);
    return b;
}

std::optional<int32_t> SpmTokenizer::token_id(std::string_view piece) const {
    const int id = sp_->PieceToId(piece);
    if (id < 0 || id >= n_vocab_ || sp_->IdToPiece(id) != piece) return std::nullopt;
    return id;
}

bool SpmTokenizer::is_special(int32_t id) const {
    return id >= 0 && id < n_vocab_ && special_[static_cast<size_t>(id)];
}

}  // namespace lectern::tokenizer
