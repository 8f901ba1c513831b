// sniff_content: a table of magic numbers (offset, bytes, name), then the NUL-byte rule git
// uses for binary files, then HTML by its opening tag. A magic of printable ASCII alone
// ("ID3", "OTTO") also opens ordinary sentences, so it counts only when the head holds a
// NUL or control byte as well; RIFF forms (WAVE, AVI, WebP) need "RIFF" at offset 0, and an
// MP4 a plausible size of its ftyp box before "ftyp".
#include "common/content_type.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace lectern::ingest {
namespace {

struct Magic {
    std::size_t offset;
    std::string_view bytes;
    const char* what;
};

using namespace std::string_view_literals;

// Kinds Lectern does not read, recognized so the refusal can name them.
constexpr std::array kBinaryMagic{
    Magic{0, "\x89PNG\r\n\x1A\n"sv, "PNG image"},
    Magic{0, "\xFF\xD8\xFF"sv, "JPEG image"},
    Magic{0, "GIF87a"sv, "GIF image"},
    Magic{0, "GIF89a"sv, "GIF image"},
    Magic{0, "II*\0"sv, "TIFF image"},
    Magic{0, "MM\0*"sv, "TIFF image"},
    Magic{0, "\x1A\x45\xDF\xA3"sv, "Matroska/WebM video"},
    Magic{0, "OggS"sv, "Ogg media"},
    Magic{0, "fLaC"sv, "FLAC audio"},
    Magic{0, "ID3"sv, "MP3 audio"},
    Magic{0, "\x7F" "ELF"sv, "ELF executable"},
    Magic{0, "\xCA\xFE\xBA\xBE"sv, "Java class or Mach-O executable"},
    Magic{0, "\xCF\xFA\xED\xFE"sv, "Mach-O executable"},
    Magic{0, "\xCE\xFA\xED\xFE"sv, "Mach-O executable"},
    Magic{0, "\0asm"sv, "WebAssembly module"},
    Magic{0, "\x1F\x8B"sv, "gzip archive"},
    Magic{0, "BZh"sv, "bzip2 archive"},
    Magic{0, "\xFD" "7zXZ\0"sv, "xz archive"},
    Magic{0, "7z\xBC\xAF\x27\x1C"sv, "7-Zip archive"},
    Magic{0, "Rar!\x1A\x07"sv, "RAR archive"},
    Magic{0, "\x28\xB5\x2F\xFD"sv, "Zstandard archive"},
    Magic{257, "ustar"sv, "tar archive"},
    Magic{0, "SQLite format 3\0"sv, "SQLite database"},
    Magic{0, "GGUF"sv, "GGUF model"},
    Magic{0, "wOFF"sv, "WOFF font"},
    Magic{0, "wOF2"sv, "WOFF2 font"},
    Magic{0, "\0\x01\0\0"sv, "TrueType font"},
    Magic{0, "OTTO"sv, "OpenType font"},
};

bool at(std::string_view head, std::size_t offset, std::string_view bytes) {
    return head.size() >= offset + bytes.size() && head.substr(offset, bytes.size()) == bytes;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Printable ASCII only: text could open with it.
bool is_printable(std::string_view bytes) {
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

// A NUL or a control byte text does not use (tab, line breaks, form feed and ESC do occur).
bool has_control(std::string_view head) {
    return std::any_of(head.begin(), head.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(head.size(), 8000)),
                       [](char c) {
                           const auto u = static_cast<unsigned char>(c);
                           return (u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
                                   c != '\v' && c != '\x1B') || u == 0x7F;
                       });
}

// RIFF forms by their form type at offset 8; an ISO media file by its first box, "ftyp",
// whose big-endian size (8 to 1 KiB in practice) no text starts with.
const char* container_magic(std::string_view head) {
    if (at(head, 0, "RIFF"sv)) {
        if (at(head, 8, "WEBP"sv)) return "WebP image";
        if (at(head, 8, "WAVE"sv)) return "WAV audio";
        if (at(head, 8, "AVI "sv)) return "AVI video";
    }
    if (at(head, 4, "ftyp"sv)) {
        std::uint32_t size = 0;
        for (int i = 0; i < 4; ++i) size = size << 8 | static_cast<unsigned char>(head[static_cast<std::size_t>(i)]);
        if (size >= 8 && size <= 1024) return "MP4/QuickTime media";
    }
    return nullptr;
}

bool has_nul(std::string_view head) {
    if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) return false;
    return head.substr(0, 8000).find('\0') != std::string_view::npos;
}

// Markup that opens like an HTML page, after a byte order mark, white space and comments.
bool looks_like_html(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    const std::string start = lower(head.substr(0, 1024));
    const auto first = start.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || start[first] != '<') return false;
    return start.find("<!doctype html") != std::string::npos ||
           start.find("<html") != std::string::npos;
}

std::string extension_of(std::string_view name) {
    const auto dot = name.rfind('.');
    const auto slash = name.find_last_of("/\\");
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
    return lower(name.substr(dot));
}

}  // namespace

ContentType sniff_content(std::string_view head, std::string_view name) {
    ContentType out;
    const std::string ext = extension_of(name);
    if (head.starts_with("%PDF-") ||
        (ext == ".pdf" && head.substr(0, 1024).find("%PDF-") != std::string_view::npos)) {
        out.kind = ContentKind::Pdf;
        return out;
    }
    if (at(head, 0, "PK\x03\x04"sv) || at(head, 0, "PK\x05\x06"sv) || at(head, 0, "PK\x07\x08"sv)) {
        out.kind = ContentKind::Zip;
        return out;
    }
    if (at(head, 0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv)) {
        out.kind = ContentKind::OleCompound;
        return out;
    }
    const char* what = container_magic(head);
    const bool control = has_control(head);
    for (const auto& m : kBinaryMagic)
        if (!what && at(head, m.offset, m.bytes) && (control || !is_printable(m.bytes))) what = m.what;
    if (what) {
        out.kind = ContentKind::Binary;
        out.what = what;
        return out;
    }
    if (has_nul(head)) {
        out.kind = ContentKind::Binary;
        out.what = "binary data";
        return out;
    }
    const bool html_name = ext == ".html" || ext == ".htm" || ext == ".xhtml";
    if (looks_like_html(head) || (html_name && head.find('<') != std::string_view::npos))
        out.kind = ContentKind::Html;
    return out;
}

bool is_binary_content(std::string_view head) {
    const auto kind = sniff_content(head, {}).kind;
    return kind != ContentKind::Text && kind != ContentKind::Html;
}

}  // namespace lectern::ingest
