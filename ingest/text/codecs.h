// Character codecs the readers share: UTF-8 encoding of a code point, windows-1252 both ways
// (by table: it is what Latin-1-looking text is most often), and glibc's iconv for the rest.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lectern::ingest {

void append_utf8(std::string& out, std::uint32_t cp);

// Windows-1252 bytes as UTF-8 (its five undefined bytes are kept as C1 controls).
std::string decode_cp1252(std::string_view bytes);

// The windows-1252 byte of a character, or -1 when it has none. (Latin-1 characters are their
// own bytes, so this also undoes text that was read as Latin-1.)
int cp1252_byte(std::uint32_t c);

// Converts `bytes` from the iconv encoding `from` to UTF-8; nullopt when iconv lacks the
// encoding or the bytes are not valid in it. `cut_end`: the bytes are a prefix, so a
// multi-byte sequence cut short at the end is dropped rather than refused.
std::optional<std::string> iconv_to_utf8(std::string_view bytes, const char* from, bool cut_end = false);

}  // namespace lectern::ingest
