// Open-addressing hash tables for the BPE hot path: merge ranks keyed by a pair of token
// ids, and token ids keyed by their bytes. Built once at load, read-only afterwards.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::tokenizer {

inline uint64_t mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

inline uint64_t hash_bytes(std::string_view s) {
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        __builtin_memcpy(&w, s.data() + i, 8);
        h = mix64(h ^ w);
    }
    uint64_t tail = 0;
    for (size_t k = 0; i + k < s.size(); ++k)
        tail |= static_cast<uint64_t>(static_cast<uint8_t>(s[i + k])) << (8 * k);
    return mix64(h ^ tail);
}

// (left id, right id) -> (rank, merged id).
class MergeTable {
public:
    struct Merge {
        int32_t rank;
        int32_t id;
    };

    void reserve(size_t n) {
        size_t cap = 16;
        while (cap < n * 2) cap <<= 1;
        slots_.assign(cap, Slot{});
        mask_ = cap - 1;
    }
    // Keeps the first (lowest-rank) merge of a pair.
    void insert(int32_t left, int32_t right, Merge m) {
        const uint64_t key = pack(left, right);
        for (size_t i = mix64(key) & mask_;; i = (i + 1) & mask_) {
            if (slots_[i].merge.id < 0) { slots_[i] = Slot{key, m}; return; }
            if (slots_[i].key == key) return;
        }
    }
    // Merge of the pair, or rank -1 when the pair does not merge.
    Merge find(int32_t left, int32_t right) const {
        const uint64_t key = pack(left, right);
        for (size_t i = mix64(key) & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.merge.id < 0) return Merge{-1, -1};
            if (s.key == key) return s.merge;
        }
    }

private:
    struct Slot {
        uint64_t key = 0;
        Merge merge{-1, -1};
    };
    static uint64_t pack(int32_t a, int32_t b) {
        return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
    }
    std::vector<Slot> slots_{16};
    size_t mask_ = 15;
};

// bytes -> token id, over strings owned by the caller's vocabulary (which must outlive it).
// Each slot keeps 32 bits of the hash beside the id, so a probe that misses rarely touches
// the strings (a miss is the common case for words outside the vocabulary).
class PieceTable {
public:
    void build(const std::vector<std::string>& pieces, const std::vector<bool>& include) {
        size_t cap = 16;
        while (cap < pieces.size() * 2) cap <<= 1;
        slots_.assign(cap, Slot{});
        mask_ = cap - 1;
        pieces_ = &pieces;
        for (size_t id = 0; id < pieces.size(); ++id) {
            if (!include[id] || pieces[id].empty() || find(pieces[id]) >= 0) continue;
            const uint64_t h = hash_bytes(pieces[id]);
            for (size_t i = h & mask_;; i = (i + 1) & mask_) {
                if (slots_[i].id < 0) {
                    slots_[i] = Slot{static_cast<int32_t>(id), static_cast<uint32_t>(h >> 32)};
                    break;
                }
            }
        }
    }
    int32_t find(std::string_view s) const {
        if (pieces_ == nullptr) return -1;
        const uint64_t h = hash_bytes(s);
        const auto tag = static_cast<uint32_t>(h >> 32);
        for (size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot slot = slots_[i];
            if (slot.id < 0) return -1;
            if (slot.tag == tag && (*pieces_)[static_cast<size_t>(slot.id)] == s) return slot.id;
        }
    }

private:
    struct Slot {
        int32_t id = -1;
        uint32_t tag = 0;
    };
    std::vector<Slot> slots_;
    size_t mask_ = 0;
    const std::vector<std::string>* pieces_ = nullptr;
};

}  // namespace lectern::tokenizer
