// HubClient on libcurl: one easy handle per request, TLS verified, no compression asked for
// (byte counts and Range offsets are those of the file itself). The headers kept are the
// first response's (the Hub's own, before any redirect to its CDN): X-Error-Code,
// X-Linked-Etag and ETag live there.
#include "hub_client.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <optional>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

namespace lectern::hub {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxApiBody = 64u << 20;  // a listing of ~100k files
constexpr std::size_t kMaxErrorBody = 4096;

const char* nonEmptyEnv(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

std::string trim(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
}

fs::path tokenFile() {
    if (const char* v = nonEmptyEnv("HF_TOKEN_PATH")) return v;
    if (const char* v = nonEmptyEnv("HF_HOME")) return fs::path(v) / "token";
    if (const char* v = nonEmptyEnv("XDG_CACHE_HOME")) return fs::path(v) / "huggingface" / "token";
    if (const char* v = nonEmptyEnv("HOME")) return fs::path(v) / ".cache" / "huggingface" / "token";
    return {};
}

// "W/\"abc\"" -> "abc", as huggingface_hub normalizes an etag.
std::string normalizeEtag(std::string etag) {
    etag = trim(std::move(etag));
    if (etag.rfind("W/", 0) == 0) etag = etag.substr(2);
    etag.erase(std::remove(etag.begin(), etag.end(), '"'), etag.end());
    return etag;
}

struct CurlFree {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistFree {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using Easy = std::unique_ptr<CURL, CurlFree>;
using Headers = std::unique_ptr<curl_slist, SlistFree>;

Easy newEasy() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    return Easy(curl_easy_init());
}

// The first response's headers, by lowercase name.
struct HeaderCapture {
    int responses = 0;
    std::map<std::string, std::string> first;
};

size_t onHeader(char* data, size_t size, size_t n, void* user) {
    auto* capture = static_cast<HeaderCapture*>(user);
    const std::string line(data, size * n);
    if (line.rfind("HTTP/", 0) == 0) {
        ++capture->responses;
    } else if (capture->responses == 1) {
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
            capture->first[name] = trim(line.substr(colon + 1));
        }
    }
    return size * n;
}

size_t onBody(char* data, size_t size, size_t n, void* user) {
    auto* body = static_cast<std::string*>(user);
    if (body->size() + size * n > kMaxApiBody) return 0;
    body->append(data, size * n);
    return size * n;
}

std::string escapeSegments(CURL* curl, const std::string& text, bool keepSlashes) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        const auto slash = keepSlashes ? text.find('/', start) : std::string::npos;
        const std::string part = text.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        char* escaped = curl_easy_escape(curl, part.data(), static_cast<int>(part.size()));
        out += escaped ? escaped : "";
        curl_free(escaped);
        if (slash == std::string::npos) return out;
        out += '/';
        start = slash + 1;
    }
}

// What every request shares: redirects, TLS verification, a stall timeout, the token.
Headers configure(CURL* curl, const std::string& url, const HubConfig& config, HeaderCapture* capture) {
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
    // Redirects stay on HTTPS (plain HTTP only for an http:// endpoint, a mirror or a test's).
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, config.endpoint.rfind("http://", 0) == 0 ? "http,https" : "https");
    // A proxy's CONNECT answer is not the Hub's: its headers would hide X-Error-Code.
    curl_easy_setopt(curl, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);  // under 1 byte/s for 60 s: stalled
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, 60L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "lectern");
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, capture);
    Headers headers;
    if (!config.token.empty())
        headers.reset(curl_slist_append(headers.release(), ("Authorization: Bearer " + config.token).c_str()));
    return headers;
}

// The start of an error answer's body, as one line of printable text (at most 200 bytes):
// what a server says of a failure, for the message. A JSON {"error": "..."} gives its text.
std::string bodyText(const std::string& body) {
    std::string text = body;
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_object() && j.contains("error") && j["error"].is_string()) text = j["error"].get<std::string>();
    std::string out;
    for (char c : text) {
        if (out.size() >= 200) break;
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u == 0x7f) ? ' ' : c;
    }
    return trim(out);
}

// `redirected`: the answer came from where the Hub sent the request (a CDN), not the Hub.
// `body`: the answer's body, when it was kept.
Error httpError(long status, const HeaderCapture& capture, const HubConfig& config, const std::string& repo,
                const std::string& what, bool redirected = false, const std::string& body = {}) {
    const auto code = capture.first.find("x-error-code");
    const std::string errorCode = code == capture.first.end() ? "" : code->second;
    if (errorCode == "RepoNotFound" || (status == 404 && errorCode.empty() && what.empty()))
        return make_error(ErrorCode::NotFound,
                          "no such repository on the Hub (a private one needs HF_TOKEN)", config.endpoint + "/" + repo);
    if ((status == 401 || status == 403) && errorCode != "GatedRepo" && redirected)
        return make_error(ErrorCode::Io, "the download server refused the file (HTTP " + std::to_string(status) +
                                             "); pull again", repo + (what.empty() ? "" : ": " + what));
    if (status == 401 || status == 403) {
        std::string message = "the repository is gated: accept its license at " + config.endpoint + "/" + repo +
                              " and set HF_TOKEN (or log in with huggingface-cli)";
        if (!config.token.empty()) message += "; the token given was refused";
        return make_error(ErrorCode::NeedsPassword, message, repo);
    }
    if (status == 404)
        return make_error(ErrorCode::NotFound, errorCode == "RevisionNotFound" ? "no such revision on the Hub"
                                                                               : "no such file on the Hub",
                          repo + (what.empty() ? "" : ": " + what));
    const std::string said = bodyText(body);
    return make_error(ErrorCode::Io, "the Hub answered HTTP " + std::to_string(status) + (said.empty() ? "" : ": " + said),
                      repo + (what.empty() ? "" : ": " + what));
}

Error transferError(CURLcode rc, const std::string& url) {
    return make_error(ErrorCode::Io, std::string("the Hub could not be reached: ") + curl_easy_strerror(rc), url);
}

// Where download()'s bytes go; the file opens at the first byte, once the status says
// whether the range was honoured (206: append) or not (200: start over).
struct Sink {
    CURL* curl = nullptr;
    fs::path path;
    std::uint64_t offset = 0;
    std::FILE* out = nullptr;
    std::uint64_t written = 0;
    std::uint64_t size = 0;  // the listed size: more than this is refused (0: unknown)
    bool tooLong = false;
    bool diskFull = false;
    bool openFailed = false;
    std::string errorBody;
    const std::atomic<bool>* cancel = nullptr;
    const TransferProgress* progress = nullptr;
};

size_t onFileBytes(char* data, size_t size, size_t n, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const size_t bytes = size * n;
    if (!sink->out) {
        long status = 0;
        curl_easy_getinfo(sink->curl, CURLINFO_RESPONSE_CODE, &status);
        if (status != 200 && status != 206) {
            if (sink->errorBody.size() < kMaxErrorBody) sink->errorBody.append(data, bytes);
            return bytes;
        }
        if (status == 200) sink->offset = 0;
        sink->out = std::fopen(sink->path.c_str(), status == 206 ? "ab" : "wb");
        if (!sink->out) {
            sink->openFailed = true;
            return 0;
        }
    }
    if (sink->size > 0 && sink->offset + sink->written + bytes > sink->size) {
        sink->tooLong = true;
        return 0;
    }
    if (std::fwrite(data, 1, bytes, sink->out) != bytes) {
        sink->diskFull = errno == ENOSPC;
        return 0;
    }
    sink->written += bytes;
    return bytes;
}

int onTransfer(void* user, curl_off_t dltotal, curl_off_t, curl_off_t, curl_off_t) {
    auto* sink = static_cast<Sink*>(user);
    if (sink->cancel && sink->cancel->load()) return 1;
    if (sink->progress && *sink->progress && sink->out)
        (*sink->progress)(sink->offset + sink->written,
                          dltotal > 0 ? sink->offset + static_cast<std::uint64_t>(dltotal) : 0);
    return 0;
}

// Where fetchHead's bytes go: at most `limit`, whether or not the server honoured the range;
// an answer other than 200/206 is kept (briefly) as the error's body.
struct HeadSink {
    CURL* curl = nullptr;
    std::string bytes;
    std::uint64_t limit = 0;
    bool full = false;
    std::string errorBody;
    const std::atomic<bool>* cancel = nullptr;
};

size_t onHeadBytes(char* data, size_t size, size_t n, void* user) {
    auto* sink = static_cast<HeadSink*>(user);
    const size_t bytes = size * n;
    long status = 0;
    curl_easy_getinfo(sink->curl, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200 && status != 206) {
        if (sink->errorBody.size() < kMaxErrorBody) sink->errorBody.append(data, bytes);
        return bytes;
    }
    const std::uint64_t room = sink->limit - sink->bytes.size();
    sink->bytes.append(data, static_cast<size_t>(std::min<std::uint64_t>(room, bytes)));
    if (sink->bytes.size() < sink->limit) return bytes;
    sink->full = true;
    return 0;  // enough: stop a server that sends the whole file
}

int onHeadTransfer(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* sink = static_cast<HeadSink*>(user);
    return sink->cancel && sink->cancel->load() ? 1 : 0;
}

}  // namespace

HubConfig HubConfig::fromEnvironment() {
    HubConfig config;
    if (const char* v = nonEmptyEnv("HF_ENDPOINT")) config.endpoint = v;
    while (!config.endpoint.empty() && config.endpoint.back() == '/') config.endpoint.pop_back();
    if (const char* v = nonEmptyEnv("HF_TOKEN")) {
        config.token = trim(v);
    } else if (const fs::path file = tokenFile(); !file.empty()) {
        std::ifstream in(file);
        std::string token;
        if (in && std::getline(in, token)) config.token = trim(token);
    }
    return config;
}

HubClient::HubClient(HubConfig config) : m_config(std::move(config)) {}

std::string HubClient::resolveUrl(const std::string& repo, const std::string& revision,
                                  const std::string& file) const {
    Easy curl = newEasy();
    return m_config.endpoint + "/" + repo + "/resolve/" + escapeSegments(curl.get(), revision, false) + "/" +
           escapeSegments(curl.get(), file, true);
}

Result<RepoListing> HubClient::listFiles(const std::string& repo, const std::string& revision) const {
    Easy curl = newEasy();
    if (!curl) return make_error(ErrorCode::Internal, "libcurl could not start a request");
    const std::string url = m_config.endpoint + "/api/models/" + repo + "/revision/" +
                            escapeSegments(curl.get(), revision, false) + "?blobs=true";
    HeaderCapture capture;
    Headers headers = configure(curl.get(), url, m_config, &capture);
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    std::string body;
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
    const CURLcode rc = curl_easy_perform(curl.get());
    if (rc != CURLE_OK) return transferError(rc, url);
    long status = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
    if (status == 404 && capture.first.count("x-error-code") && capture.first.at("x-error-code") == "RevisionNotFound")
        return make_error(ErrorCode::NotFound, "no such revision on the Hub", repo + "@" + revision);
    if (status != 200) return httpError(status, capture, m_config, repo, {}, false, body);
    return parseListing(repo, body);
}

Result<std::string> HubClient::fileEtag(const std::string& repo, const std::string& commit,
                                        const std::string& file) const {
    Easy curl = newEasy();
    if (!curl) return make_error(ErrorCode::Internal, "libcurl could not start a request");
    const std::string url = resolveUrl(repo, commit, file);
    HeaderCapture capture;
    Headers headers = configure(curl.get(), url, m_config, &capture);
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(curl.get(), CURLOPT_NOBODY, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 0L);  // the Hub's answer, not the CDN's
    const CURLcode rc = curl_easy_perform(curl.get());
    if (rc != CURLE_OK) return transferError(rc, url);
    long status = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
    if (status >= 400) return httpError(status, capture, m_config, repo, file);
    for (const char* name : {"x-linked-etag", "etag"}) {
        auto it = capture.first.find(name);
        if (it != capture.first.end() && !normalizeEtag(it->second).empty()) return normalizeEtag(it->second);
    }
    return make_error(ErrorCode::Corrupt, "the Hub gave no ETag for the file", repo + ": " + file);
}

Result<std::uint64_t> HubClient::download(const std::string& repo, const std::string& commit, const std::string& file,
                                          const fs::path& dest, std::uint64_t size, const std::atomic<bool>* cancel,
                                          const TransferProgress& progress) const {
    Easy curl = newEasy();
    if (!curl) return make_error(ErrorCode::Internal, "libcurl could not start a request");
    const std::string url = resolveUrl(repo, commit, file);
    HeaderCapture capture;
    Headers headers = configure(curl.get(), url, m_config, &capture);
    Sink sink;
    sink.curl = curl.get();
    sink.path = dest;
    std::error_code ec;
    sink.offset = fs::exists(dest, ec) ? fs::file_size(dest, ec) : 0;
    if (sink.offset > 0)
        headers.reset(curl_slist_append(headers.release(), ("Range: bytes=" + std::to_string(sink.offset) + "-").c_str()));
    sink.cancel = cancel;
    sink.progress = &progress;
    sink.size = size;
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, onFileBytes);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(curl.get(), CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl.get(), CURLOPT_XFERINFOFUNCTION, onTransfer);
    curl_easy_setopt(curl.get(), CURLOPT_XFERINFODATA, &sink);
    const CURLcode rc = curl_easy_perform(curl.get());
    const bool closed = !sink.out || std::fclose(sink.out) == 0;
    if (rc == CURLE_ABORTED_BY_CALLBACK)
        return make_error(ErrorCode::Cancelled, "the download was stopped; pull again to continue it", file);
    if (sink.diskFull || (!closed && errno == ENOSPC))
        return make_error(ErrorCode::DiskFull, "the disk is full", dest.string());
    if (sink.openFailed || !closed) return make_error(ErrorCode::Io, "cannot write the download", dest.string());
    if (sink.tooLong) {
        fs::remove(dest, ec);
        return make_error(ErrorCode::Corrupt,
                          "the server sent more than the " + std::to_string(size) + " bytes the Hub lists for the file",
                          file);
    }
    long status = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
    if (status == 416) {
        // The partial file is not a prefix of this blob (it is as long or longer): start over.
        fs::remove(dest, ec);
        return make_error(ErrorCode::Io, "the partial download did not match the file and was removed; pull again",
                          file);
    }
    long redirects = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_REDIRECT_COUNT, &redirects);
    if (status != 200 && status != 206 && status != 0)
        return httpError(status, capture, m_config, repo, file, redirects > 0, sink.errorBody);
    if (rc != CURLE_OK)
        return make_error(ErrorCode::Io,
                          std::string("the download broke off (") + curl_easy_strerror(rc) + "); pull again to continue it",
                          file);
    return sink.written;
}

Result<std::string> HubClient::fetchHead(const std::string& repo, const std::string& commit, const std::string& file,
                                         std::uint64_t length, const std::atomic<bool>* cancel) const {
    if (length == 0) return std::string();
    Easy curl = newEasy();
    if (!curl) return make_error(ErrorCode::Internal, "libcurl could not start a request");
    const std::string url = resolveUrl(repo, commit, file);
    HeaderCapture capture;
    Headers headers = configure(curl.get(), url, m_config, &capture);
    headers.reset(curl_slist_append(headers.release(), ("Range: bytes=0-" + std::to_string(length - 1)).c_str()));
    HeadSink sink;
    sink.curl = curl.get();
    sink.limit = length;
    sink.cancel = cancel;
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, onHeadBytes);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(curl.get(), CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl.get(), CURLOPT_XFERINFOFUNCTION, onHeadTransfer);
    curl_easy_setopt(curl.get(), CURLOPT_XFERINFODATA, &sink);
    const CURLcode rc = curl_easy_perform(curl.get());
    if (rc == CURLE_ABORTED_BY_CALLBACK) return make_error(ErrorCode::Cancelled, "stopped", file);
    long status = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
    long redirects = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_REDIRECT_COUNT, &redirects);
    if (status != 200 && status != 206 && status != 0)
        return httpError(status, capture, m_config, repo, file, redirects > 0, sink.errorBody);
    if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && sink.full)) return transferError(rc, url);
    return std::move(sink.bytes);
}

Result<RepoListing> parseListing(const std::string& repo, const std::string& json) {
    const auto j = nlohmann::json::parse(json, nullptr, false);
    const auto corrupt = [&](const std::string& why) {
        return make_error(ErrorCode::Corrupt, "the Hub's file list is malformed: " + why, repo);
    };
    if (!j.is_object() || !j.contains("sha") || !j["sha"].is_string()) return corrupt("no commit (\"sha\")");
    if (!j.contains("siblings") || !j["siblings"].is_array()) return corrupt("no \"siblings\"");
    RepoListing listing;
    listing.repo = repo;
    listing.commit = j["sha"].get<std::string>();
    for (const auto& s : j["siblings"]) {
        if (!s.is_object() || !s.contains("rfilename") || !s["rfilename"].is_string()) return corrupt("a file without a name");
        RemoteFile f;
        f.name = s["rfilename"].get<std::string>();
        if (s.contains("size") && s["size"].is_number_unsigned()) f.size = s["size"].get<std::uint64_t>();
        if (s.contains("blobId") && s["blobId"].is_string()) f.blobId = s["blobId"].get<std::string>();
        if (s.contains("lfs") && s["lfs"].is_object()) {
            const auto& lfs = s["lfs"];
            if (lfs.contains("sha256") && lfs["sha256"].is_string()) f.sha256 = lfs["sha256"].get<std::string>();
            if (f.size == 0 && lfs.contains("size") && lfs["size"].is_number_unsigned())
                f.size = lfs["size"].get<std::uint64_t>();
        }
        listing.files.push_back(std::move(f));
    }
    return listing;
}

}  // namespace lectern::hub
