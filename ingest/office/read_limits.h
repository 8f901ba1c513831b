// Limits on what one office document or web page may make its reader do, beyond the
// unpacked size the ZIP reader bounds: the bytes of text produced (a small file can name one
// long text many times: a note cited on every line, a cell repeated a million times) and
// the depth of nested elements (pugixml and gumbo build trees of any depth; walking one by
// recursion would overflow the stack). The first limit reached stops the walk and becomes
// the reader's error. guard_exceptions turns what a parser throws into an Error at the
// readers' entry points.
#pragma once

#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "lectern/engine/result.h"

namespace lectern::ingest::office {

// Levels of nested elements walked; real documents stay far below (a table in a table in
// a list is a handful), so a deeper one is Corrupt.
inline constexpr int kMaxNesting = 256;

// List numbers start at most here (DOCX w:start, ODF text:start-value, HTML <ol start>):
// "a" repeated two billion times is no label.
inline constexpr int kMaxListStart = 32767;

class ReadLimits {
public:
    explicit ReadLimits(std::uint64_t max_text_bytes) : max_text_bytes_(max_text_bytes) {}

    // Counts `n` more bytes of text; false once the document is past its limit (nothing
    // should then be appended) or the walk has already failed.
    bool spend(std::uint64_t n);
    // Counts a Markdown table of `rows` before it is rendered: its cells and the
    // " |" of every column of every row (a wide span on one row widens them all).
    bool spend_table(const std::vector<std::vector<std::string>>& rows);
    bool failed() const { return failure_.has_value(); }
    // The first limit exceeded, with `path` as its context; ok when none was.
    Status status(const std::string& path) const;

private:
    friend class Nesting;
    std::uint64_t max_text_bytes_;
    std::uint64_t text_bytes_ = 0;
    int depth_ = 0;
    std::optional<Error> failure_;
};

// One level of nesting for as long as it lives. False when the walk must stop: this level is
// past kMaxNesting (recorded as the failure) or a limit was already reached.
class Nesting {
public:
    explicit Nesting(ReadLimits& limits);
    ~Nesting() { --limits_.depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    explicit operator bool() const { return ok_; }

private:
    ReadLimits& limits_;
    bool ok_;
};

// `read()`, with what a parser or an allocation throws returned as an error: OutOfMemory for
// std::bad_alloc, Corrupt for any other std::exception.
template <class F>
auto guard_exceptions(const std::string& path, F&& read) -> decltype(read()) {
    try {
        return read();
    } catch (const std::bad_alloc&) {
        return make_error(ErrorCode::OutOfMemory, "not enough memory to read the document", path);
    } catch (const std::exception& e) {
        return make_error(ErrorCode::Corrupt, std::string("the document could not be read: ") + e.what(), path);
    }
}

}  // namespace lectern::ingest::office
