// The shared codecs (see codecs.h).
#include "text/codecs.h"

#include <iconv.h>

#include <cerrno>
#include <memory>

namespace lectern::ingest {
namespace {

// Windows-1252's 0x80-0x9F block; 0 marks the five undefined bytes.
constexpr std::uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string decode_cp1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    for (unsigned char c : bytes) {
        std::uint32_t cp = c;
        if (c >= 0x80 && c < 0xA0 && kCp1252High[c - 0x80] != 0) cp = kCp1252High[c - 0x80];
        append_utf8(out, cp);
    }
    return out;
}

int cp1252_byte(std::uint32_t c) {
    if (c < 0x80 || (c >= 0xA0 && c < 0x100)) return static_cast<int>(c);
    for (int i = 0; i < 32; ++i)
        if (kCp1252High[i] != 0 && kCp1252High[i] == c) return 0x80 + i;
    return c < 0xA0 ? static_cast<int>(c) : -1;  // an undefined byte kept as a C1 control
}

std::optional<std::string> iconv_to_utf8(std::string_view bytes, const char* from, bool cut_end) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
    std::string out(bytes.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());  // iconv does not write through it
    std::size_t in_left = bytes.size();
    std::size_t used = 0;
    for (bool flushed = false; !flushed;) {
        char* dst = out.data() + used;
        std::size_t out_left = out.size() - used;
        // With the input used up, one call with no input ends any shift state.
        const bool flushing = in_left == 0;
        std::size_t rc = flushing ? iconv(cd, nullptr, nullptr, &dst, &out_left)
                                  : iconv(cd, &in, &in_left, &dst, &out_left);
        used = static_cast<std::size_t>(dst - out.data());
        if (rc != static_cast<std::size_t>(-1)) {
            flushed = flushing;
        } else if (errno == E2BIG) {
            out.resize(out.size() * 2);
        } else if (errno == EINVAL && cut_end) {
            in_left = 0;
        } else {
            return std::nullopt;
        }
    }
    out.resize(used);
    return out;
}


}  // namespace lectern::ingest
