// FakeHub's routes: /api/models/{org}/{name}/revision/{rev}, /{org}/{name}/resolve/{rev}/{file}
// and /cdn/{sha256}. Bodies go through a content provider so that httplib applies Range
// requests itself (206 with Content-Range) and every byte sent can be counted or cut.
#include "fake_hub.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "blob_hash.h"

namespace lectern::hub::testing {

FakeFile FakeFile::read(const std::filesystem::path& path, std::string name, bool lfs) {
    FakeFile f;
    f.name = std::move(name);
    f.bytes = readAll(path);
    f.lfs = lfs;
    return f;
}

FakeHub::FakeHub() : m_server(std::make_unique<httplib::Server>()) {
    routes();
    m_port = m_server->bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    for (int i = 0; i < 500 && !m_server->is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

FakeHub::~FakeHub() {
    m_server->stop();
    if (m_thread.joinable()) m_thread.join();
}

std::string FakeHub::endpoint() const {
    return "http://127.0.0.1:" + std::to_string(m_port);
}

void FakeHub::addRepo(FakeRepo repo) {
    for (FakeFile& f : repo.files) {
        f.sha256 = sha256Of(f.bytes);
        f.blobId = gitBlobIdOf(f.bytes);
    }
    std::lock_guard lock(m_mutex);
    m_repos[repo.id] = std::move(repo);
}

const FakeFile& FakeHub::file(const std::string& repo, const std::string& name) const {
    std::lock_guard lock(m_mutex);
    for (const FakeFile& f : m_repos.at(repo).files)
        if (f.name == name) return f;
    std::abort();  // a test asked for a file it never added
}

void FakeHub::setToken(std::string token) {
    std::lock_guard lock(m_mutex);
    m_token = std::move(token);
}

void FakeHub::cutNextTransferAfter(const std::string& name, std::uint64_t bytes) {
    std::lock_guard lock(m_mutex);
    m_faults[name].cutAfter = bytes;
}

void FakeHub::setChunkDelay(std::chrono::milliseconds delay) {
    std::lock_guard lock(m_mutex);
    m_chunkDelay = delay;
}

void FakeHub::serveWrongBytes(const std::string& name, bool wrong) {
    std::lock_guard lock(m_mutex);
    m_faults[name].wrong = wrong;
}

void FakeHub::serveExtraBytes(const std::string& name, std::uint64_t extra) {
    std::lock_guard lock(m_mutex);
    m_faults[name].extra = extra;
}

std::uint64_t FakeHub::bytesServed(const std::string& name) const {
    std::lock_guard lock(m_mutex);
    auto it = m_counts.find(name);
    return it == m_counts.end() ? 0 : it->second.bytes;
}

int FakeHub::transfers(const std::string& name) const {
    std::lock_guard lock(m_mutex);
    auto it = m_counts.find(name);
    return it == m_counts.end() ? 0 : it->second.transfers;
}

std::string FakeHub::lastRange(const std::string& name) const {
    std::lock_guard lock(m_mutex);
    auto it = m_counts.find(name);
    return it == m_counts.end() ? "" : it->second.lastRange;
}

void FakeHub::failNextTransfer(const std::string& name, int status, std::string body) {
    std::lock_guard lock(m_mutex);
    m_faults[name].failStatus = status;
    m_faults[name].failBody = std::move(body);
}

void FakeHub::resetCounts() {
    std::lock_guard lock(m_mutex);
    m_counts.clear();
}

// The repository the request's first two path parts name; a missing one is answered as the
// Hub answers it (401, RepoNotFound: it does not tell a private repository from none).
// The caller holds m_mutex.
const FakeRepo* FakeHub::repoOf(const httplib::Request& req, httplib::Response& res) const {
    auto it = m_repos.find(req.matches[1].str() + "/" + req.matches[2].str());
    if (it != m_repos.end()) return &it->second;
    res.status = 401;
    res.set_header("X-Error-Code", "RepoNotFound");
    return nullptr;
}

void FakeHub::routes() {
    m_server->Get(R"(/api/models/([^/]+)/([^/]+)/revision/(.+))", [this](const httplib::Request& req,
                                                                         httplib::Response& res) {
        std::lock_guard lock(m_mutex);
        const FakeRepo* found = repoOf(req, res);
        if (!found) return;
        const FakeRepo& repo = *found;
        if (req.matches[3] != "main" && req.matches[3] != repo.commit) {
            res.status = 404;
            res.set_header("X-Error-Code", "RevisionNotFound");
            return;
        }
        nlohmann::json siblings = nlohmann::json::array();
        for (const FakeFile& f : repo.files) {
            nlohmann::json s = {{"rfilename", f.name}, {"size", f.bytes.size()}};
            if (repo.listBlobIds) s["blobId"] = f.lfs ? "0123abcd" : f.blobId;
            if (f.lfs) s["lfs"] = {{"sha256", f.sha256}, {"size", f.bytes.size()}, {"pointerSize", 134}};
            siblings.push_back(s);
        }
        const nlohmann::json body = {{"id", repo.id}, {"sha", repo.commit}, {"gated", repo.gated}, {"siblings", siblings}};
        res.set_content(body.dump(), "application/json");
    });

    // The bytes of `f` (LFS files at the CDN, others at resolve itself).
    auto serve = [this](const FakeFile& f, const httplib::Request& req, httplib::Response& res) {
        Fault fault = m_faults[f.name];  // a cut stays armed until a transfer gets that far
        if (fault.failStatus != 0) {
            m_faults[f.name].failStatus = 0;
            res.status = fault.failStatus;
            res.set_content(fault.failBody, "text/plain");
            return;
        }
        Count& count = m_counts[f.name];
        ++count.transfers;
        count.lastRange = req.has_header("Range") ? req.get_header_value("Range") : "";
        std::string bytes = f.bytes;
        if (fault.wrong)
            for (char& c : bytes) c = static_cast<char>(~c);
        bytes.append(fault.extra, 'x');
        res.set_header("ETag", "\"" + (f.lfs ? f.sha256 : f.blobId) + "\"");
        const std::string name = f.name;
        const auto delay = m_chunkDelay;
        res.set_content_provider(bytes.size(), "application/octet-stream",
                                 [this, bytes, name, fault, delay](size_t offset, size_t length, httplib::DataSink& sink) {
                                     if (delay.count() > 0) std::this_thread::sleep_for(delay);
                                     size_t n = std::min<size_t>(length, 16384);
                                     if (fault.cutAfter > 0) {
                                         if (offset >= fault.cutAfter) {  // the connection drops
                                             std::lock_guard lock(m_mutex);
                                             m_faults[name].cutAfter = 0;
                                             return false;
                                         }
                                         n = std::min<size_t>(n, fault.cutAfter - offset);
                                     }
                                     {
                                         std::lock_guard lock(m_mutex);
                                         m_counts[name].bytes += n;
                                     }
                                     return sink.write(bytes.data() + offset, n);
                                 });
    };

    m_server->Get(R"(/([^/]+)/([^/]+)/resolve/([^/]+)/(.+))", [this, serve](const httplib::Request& req,
                                                                           httplib::Response& res) {
        std::lock_guard lock(m_mutex);
        const FakeRepo* found = repoOf(req, res);
        if (!found) return;
        const FakeRepo& repo = *found;
        if (repo.gated && req.get_header_value("Authorization") != "Bearer " + m_token) {
            res.status = req.has_header("Authorization") ? 403 : 401;
            res.set_header("X-Error-Code", "GatedRepo");
            res.set_content("Access to model " + repo.id + " is restricted.", "text/plain");
            return;
        }
        for (const FakeFile& f : repo.files) {
            if (f.name != req.matches[4].str()) continue;
            res.set_header("X-Repo-Commit", repo.commit);
            if (!f.lfs) return serve(f, req, res);
            res.status = 302;
            res.set_header("Location", "/cdn/" + f.sha256);
            res.set_header("X-Linked-Etag", "\"" + f.sha256 + "\"");
            res.set_header("X-Linked-Size", std::to_string(f.bytes.size()));
            return;
        }
        res.status = 404;
        res.set_header("X-Error-Code", "EntryNotFound");
    });

    m_server->Get(R"(/cdn/([0-9a-f]+))", [this, serve](const httplib::Request& req, httplib::Response& res) {
        std::lock_guard lock(m_mutex);
        for (const auto& [id, repo] : m_repos)
            for (const FakeFile& f : repo.files)
                if (f.lfs && f.sha256 == req.matches[1].str()) return serve(f, req, res);
        res.status = 404;
    });
}

TempFolder::TempFolder() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "lectern-hub-XXXXXX").string();
    if (char* made = ::mkdtemp(tmpl.data())) m_path = made;
}

TempFolder::~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace lectern::hub::testing
