// A ZIP whose directory lies about its sizes: the archive is written with libzip, then the
// declared uncompressed size of one entry is patched down in both its local header and the
// central directory, so the check made before inflating passes and only the count kept
// while inflating can refuse it (libzip 1.7 itself reads such an entry without complaint). The test replaces operator new to record the largest
// allocation made while the document is read: the reader must stop at the limit, not hold
// the entry's real size in memory.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <vector>

#include "lectern/ingest/ingest.h"
#include "testing/office_maker.h"
#include "testing/temp_dir.h"

namespace {

std::atomic<bool> g_watching{false};
std::atomic<std::size_t> g_largest{0};  // the largest operator new while g_watching

}  // namespace

// The replacement operator new allocates with malloc, so freeing with free() is matched;
// GCC cannot see that across the replacement and warns.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
    if (g_watching.load(std::memory_order_relaxed)) {
        std::size_t seen = g_largest.load(std::memory_order_relaxed);
        while (size > seen && !g_largest.compare_exchange_weak(seen, size, std::memory_order_relaxed)) {}
    }
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop

namespace lectern::ingest {
namespace {

using testing::TempDir;

std::uint32_t get_u32(const std::string& b, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
    return v;
}

void put_u32(std::string& b, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint16_t get_u16(const std::string& b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}

// Where the local header and the central directory record of entry `name` keep its
// uncompressed size (offsets into `zip`), local header first.
std::vector<std::size_t> size_fields(const std::string& zip, const std::string& name) {
    std::vector<std::size_t> out;
    // (signature, offset of the uncompressed size, offset of the name length, header size)
    const struct { const char* sig; std::size_t size_at, name_len_at, header; } kinds[] = {
        {"PK\x03\x04", 22, 26, 30}, {"PK\x01\x02", 24, 28, 46}};
    for (const auto& k : kinds)
        for (std::size_t at = zip.find(k.sig); at != std::string::npos && at + k.header <= zip.size();
             at = zip.find(k.sig, at + 4))
            if (get_u16(zip, at + k.name_len_at) == name.size() && zip.compare(at + k.header, name.size(), name) == 0)
                out.push_back(at + k.size_at);
    return out;
}

// Makes both records of `name` declare `declared` bytes; the real size must be in both (no
// ZIP64 field, no data descriptor) for the patch to mean what it says.
void patch_declared_size(std::string& zip, const std::string& name, std::uint32_t declared) {
    const auto fields = size_fields(zip, name);
    ASSERT_EQ(fields.size(), 2u) << name;
    ASSERT_EQ(get_u32(zip, fields[0]), get_u32(zip, fields[1])) << name;
    ASSERT_NE(get_u32(zip, fields[0]), 0xFFFFFFFFu) << name;
    for (std::size_t at : fields) put_u32(zip, at, declared);
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Refusal {
    Result<Document> doc = Document{};
    std::size_t largest_allocation = 0;
};

Refusal read_watched(const std::string& path, std::uint64_t limit) {
    IngestOptions options;
    options.office.max_expanded_bytes = limit;
    Refusal r;
    g_largest = 0;
    g_watching = true;
    r.doc = read_path(path, options);
    g_watching = false;
    r.largest_allocation = g_largest;
    return r;
}

constexpr std::uint64_t kLimit = 1u << 20;           // 1 MiB for the document, all parts together
constexpr std::uint32_t kReal = 48u << 20;           // what the entry really inflates to
constexpr std::uint32_t kDeclared = 4096;            // what its directory says

TEST(OfficeZipLimits, DocxPartLargerThanItsDirectorySaysIsRefusedAtTheLimit) {
    TempDir dir;
    const std::string path = dir.file("liar.docx");
    {
        std::string body = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                           "<w:body><w:p><w:r><w:t>";
        const std::string tail = "</w:t></w:r></w:p></w:body></w:document>";
        body.resize(kReal - tail.size(), 'a');
        body += tail;
        ASSERT_TRUE(testing::write_zip(path, {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", body}}).ok());
    }
    std::string zip = read_bytes(path);
    ASSERT_LT(zip.size(), kLimit);  // small on disk: only the inflating count can tell
    ASSERT_EQ(get_u32(zip, size_fields(zip, "word/document.xml").at(0)), kReal);
    patch_declared_size(zip, "word/document.xml", kDeclared);
    ASSERT_FALSE(HasFatalFailure());
    dir.write("liar.docx", zip);

    const Refusal r = read_watched(path, kLimit);
    ASSERT_FALSE(r.doc.ok());
    // The declared 4 KiB passed the check made before inflating: this is the count's refusal.
    EXPECT_EQ(r.doc.error().code, ErrorCode::Unsupported) << r.doc.error().to_string();
    EXPECT_EQ(r.doc.error().message, "the document expands past 1 MiB when unpacked; refused as a likely ZIP bomb");
    // The entry read so far is held in one string: at most the limit, doubled by its growth.
    EXPECT_LE(r.largest_allocation, 2 * kLimit + (64u << 10));
    EXPECT_GT(r.largest_allocation, 0u);
    std::printf("largest allocation while reading: %zu bytes (limit %llu, entry %u)\n", r.largest_allocation,
                static_cast<unsigned long long>(kLimit), kReal);

    // The control: with a limit above the entry's real size nothing stops the inflating and
    // the whole entry is held (libzip does not compare what it inflates with the declared
    // size). This is what the count above prevents.
    const Refusal unbounded = read_watched(path, std::uint64_t{256} << 20);
    EXPECT_TRUE(unbounded.doc.ok());
    EXPECT_GE(unbounded.largest_allocation, std::size_t{kReal});
}

TEST(OfficeZipLimits, StreamedSheetLargerThanItsDirectorySaysIsRefusedAtTheLimit) {
    TempDir dir;
    const std::string path = dir.file("liar.xlsx");
    testing::XlsxMaker m;
    const int s = m.sheet("Data");
    m.text(s, "A1", "first");
    m.empty_rows(s, 2, 1'000'000);  // tens of MiB of <row> elements, streamed, never held
    ASSERT_TRUE(m.write(path).ok());
    std::string zip = read_bytes(path);
    const std::string part = "xl/worksheets/sheet1.xml";
    const std::uint32_t real = get_u32(zip, size_fields(zip, part).at(0));
    ASSERT_GT(real, 8 * kLimit);
    ASSERT_LT(zip.size(), real / 4);
    patch_declared_size(zip, part, kDeclared);
    ASSERT_FALSE(HasFatalFailure());
    dir.write("liar.xlsx", zip);

    const Refusal r = read_watched(path, kLimit);
    ASSERT_FALSE(r.doc.ok());
    EXPECT_EQ(r.doc.error().code, ErrorCode::Unsupported) << r.doc.error().to_string();
    EXPECT_EQ(r.doc.error().message, "the document expands past 1 MiB when unpacked; refused as a likely ZIP bomb");
    // The file itself is read once whole (its type and hash); nothing is near the sheet's size.
    EXPECT_LE(r.largest_allocation, 2 * zip.size() + kLimit);
    EXPECT_LT(r.largest_allocation, real / 4);
    std::printf("largest allocation while reading: %zu bytes (limit %llu, sheet %u)\n", r.largest_allocation,
                static_cast<unsigned long long>(kLimit), real);
}

// The same files with their honest sizes are refused before inflating (the declared check).
TEST(OfficeZipLimits, HonestDirectoryIsRefusedBeforeInflating) {
    TempDir dir;
    const std::string path = dir.file("big.docx");
    ASSERT_TRUE(testing::write_zip(path, {{"[Content_Types].xml", "<Types/>"},
                                          {"word/document.xml", std::string(4u << 20, ' ')}}).ok());
    const Refusal r = read_watched(path, kLimit);
    ASSERT_FALSE(r.doc.ok());
    EXPECT_EQ(r.doc.error().code, ErrorCode::Unsupported);
    EXPECT_LT(r.largest_allocation, 256u << 10);  // nothing of the part was read
}

}  // namespace
}  // namespace lectern::ingest
