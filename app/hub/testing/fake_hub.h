// A Hugging Face Hub on loopback for tests (cpp-httplib): the revision API with blob
// metadata, the resolve route (LFS files redirect to a /cdn/ route, as the Hub sends them to
// its CDN), ETags, Content-Length and Range requests. It can cut a transfer after N bytes,
// serve wrong bytes, send slowly, and refuse a gated repository without the right Bearer
// token; it counts the body bytes it sends per file.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
}

namespace lectern::hub::testing {

struct FakeFile {
    std::string name;   // the path in the repository
    std::string bytes;
    bool lfs = true;    // LFS: listed with lfs.sha256, served through the CDN redirect
    std::string sha256; // filled by addRepo
    std::string blobId; // the git blob id, filled by addRepo

    // The file at `path`, named `name` in the repository.
    static FakeFile read(const std::filesystem::path& path, std::string name, bool lfs);
};

struct FakeRepo {
    std::string id;      // "org/name"
    std::string commit;  // 40 hex digits
    std::vector<FakeFile> files;
    bool gated = false;  // resolve needs "Authorization: Bearer <token>"
    bool listBlobIds = true;  // false: the listing gives no blobId (a HEAD request's ETag must)
};

class FakeHub {
public:
    FakeHub();   // listening on 127.0.0.1, a free port
    ~FakeHub();
    FakeHub(const FakeHub&) = delete;
    FakeHub& operator=(const FakeHub&) = delete;

    std::string endpoint() const;  // "http://127.0.0.1:<port>"
    void addRepo(FakeRepo repo);
    const FakeFile& file(const std::string& repo, const std::string& name) const;
    void setToken(std::string token);

    // The next transfer of `name` that gets past byte `bytes` of the file stops there (the
    // connection closes); a shorter one (a header's range) leaves the cut for the next.
    void cutNextTransferAfter(const std::string& name, std::uint64_t bytes);
    // The next transfer of `name` is answered with `status` and `body` instead of the bytes.
    void failNextTransfer(const std::string& name, int status, std::string body);
    // A pause before every 16 KiB piece of a body, so that a transfer lasts long enough to be
    // watched or stopped (0: none).
    void setChunkDelay(std::chrono::milliseconds delay);
    // Whether `name` is served with every byte flipped (same length, same headers).
    void serveWrongBytes(const std::string& name, bool wrong);
    // Whether `name` is served with `extra` bytes more than the listing says (0: none).
    void serveExtraBytes(const std::string& name, std::uint64_t extra);

    std::uint64_t bytesServed(const std::string& name) const;  // body bytes since reset
    int transfers(const std::string& name) const;               // body requests since reset
    std::string lastRange(const std::string& name) const;       // its last Range header, or ""
    void resetCounts();

private:
    struct Fault {
        std::uint64_t cutAfter = 0;  // 0: none
        bool wrong = false;
        std::uint64_t extra = 0;
        int failStatus = 0;  // 0: none
        std::string failBody;
    };
    struct Count {
        std::uint64_t bytes = 0;
        int transfers = 0;
        std::string lastRange;
    };
    void routes();
    const FakeRepo* repoOf(const httplib::Request& req, httplib::Response& res) const;

    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
    mutable std::mutex m_mutex;
    std::map<std::string, FakeRepo> m_repos;
    std::map<std::string, Fault> m_faults;
    std::map<std::string, Count> m_counts;
    std::string m_token;
    std::chrono::milliseconds m_chunkDelay{0};
};

// A fresh folder under the temporary directory, removed with everything in it.
class TempFolder {
public:
    TempFolder();
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// Every byte of a file ("" when it cannot be read).
std::string readAll(const std::filesystem::path& path);

}  // namespace lectern::hub::testing
