// The code-folder walk: sorted and deterministic, pruning ignored and skipped folders before
// descending, following symbolic links to folders once (a link back to a folder being
// walked is a loop and is reported, not followed), and turning every text file into a unit.
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <utility>

#include "code/ignore_rules.h"
#include "common/content_type.h"
#include "common/read_file.h"
#include "common/sha256.h"
#include "lectern/ingest/code_folder.h"
#include "lectern/ingest/text_file.h"

namespace fs = std::filesystem;

namespace lectern::ingest {
namespace {

// The rule read_path refuses binary files by (sniff_content): known magic numbers (images,
// archives, office containers, executables), else git's rule of a NUL byte in the first
// 8000 bytes. UTF-16 text has NULs, so a BOM marks it as text first.
bool looks_binary(std::string_view bytes) { return is_binary_content(bytes.substr(0, 8192)); }

std::string normalize_line_ends(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') out += text[i];
        else if (i + 1 >= text.size() || text[i + 1] != '\n') out += '\n';
    }
    return out;
}

using FileId = std::pair<dev_t, ino_t>;

struct Walk {
    Walk(const CodeFolderOptions& o, const IgnoreRules* i, Document& d)
        : options(o), ignore(i), doc(d) {}

    const CodeFolderOptions& options;
    const IgnoreRules* ignore;
    Document& doc;
    std::vector<std::pair<std::string, std::string>> files;  // (relative path, bytes)
    std::set<FileId> active;    // folders on the current path (loop detection)
    std::set<FileId> walked;    // every folder walked (a second link is not walked again)
    std::vector<std::string> skipped_dirs, too_large, binary, loops;
    std::vector<std::string> uncertain;  // read, but their encoding could not be decided
    std::size_t n_ignored = 0;

    bool skip_dir_name(const std::string& name) const {
        return name == ".git" || std::find(options.skip_dirs.begin(), options.skip_dirs.end(),
                                           name) != options.skip_dirs.end();
    }
    bool ignored(const std::string& relative) const {
        return ignore && ignore->is_ignored(relative);
    }
    void fail(const std::string& relative, Error error) {
        doc.file_errors.push_back(FileError{relative, std::move(error)});
    }
    void walk_dir(const fs::path& dir, const std::string& relative);
    void visit(const fs::path& path, const std::string& relative);
    void add_file(const fs::path& path, const std::string& relative, std::uintmax_t size);
};

void Walk::walk_dir(const fs::path& dir, const std::string& relative) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return fail(relative, make_error(ErrorCode::Io,
                                                   "cannot read the folder", dir.string()));
    const FileId id{st.st_dev, st.st_ino};
    if (active.count(id)) { loops.push_back(relative); return; }
    if (!walked.insert(id).second) return;
    active.insert(id);
    std::error_code ec;
    std::vector<fs::path> children;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        children.push_back(it->path());
    if (ec) fail(relative.empty() ? "." : relative,
                 make_error(ErrorCode::Io, "cannot list the folder: " + ec.message()));
    std::sort(children.begin(), children.end());
    for (const fs::path& child : children) {
        const std::string name = child.filename().string();
        visit(child, relative.empty() ? name : relative + "/" + name);
    }
    active.erase(id);
}

void Walk::visit(const fs::path& path, const std::string& relative) {
    if (options.control.cancelled()) return;  // read_code_folder reports Cancelled
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);  // follows symbolic links
    if (ec || !fs::exists(status)) {
        const bool link = fs::is_symlink(fs::symlink_status(path, ec));
        return fail(relative, make_error(ErrorCode::NotFound,
                                         link ? "broken symbolic link" : "vanished"));
    }
    if (fs::is_directory(status)) {
        const std::string name = path.filename().string();
        if (skip_dir_name(name)) {
            if (name != ".git") skipped_dirs.push_back(relative);
            return;
        }
        if (ignored(relative + "/")) { ++n_ignored; return; }
        return walk_dir(path, relative);
    }
    if (!fs::is_regular_file(status)) return;  // sockets, FIFOs, devices
    if (ignored(relative)) { ++n_ignored; return; }
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return fail(relative, make_error(ErrorCode::Io, "cannot stat: " + ec.message()));
    add_file(path, relative, size);
}

void Walk::add_file(const fs::path& path, const std::string& relative, std::uintmax_t size) {
    if (size > options.max_file_bytes) { too_large.push_back(relative); return; }
    auto bytes = read_file_bytes(path.string(), options.max_file_bytes + 1);
    if (!bytes) return fail(relative, bytes.error());
    if (looks_binary(*bytes)) { binary.push_back(relative); return; }
    auto decoded = decode_text(*bytes);
    if (!decoded) return fail(relative, decoded.error());
    if (decoded->encoding_uncertain) uncertain.push_back(relative);
    Unit unit;
    unit.locator = relative;
    unit.path = relative;
    unit.language = language_from_path(relative);
    unit.text = normalize_line_ends(decoded->text);
    doc.units.push_back(std::move(unit));
    doc.tree.push_back(relative);
    files.emplace_back(relative, std::move(*bytes));
    options.control.report(ReadUnit::Files, static_cast<std::int64_t>(files.size()), 0);
}

std::string list_some(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < 5; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > 5) out += ", and " + std::to_string(names.size() - 5) + " more";
    return out;
}

void summarize(const Walk& walk, const CodeFolderOptions& options, Document& doc) {
    auto& w = doc.warnings;
    if (!walk.skipped_dirs.empty())
        w.push_back("skipped vendored or build folders: " + list_some(walk.skipped_dirs));
    if (!walk.too_large.empty())
        w.push_back("skipped " + std::to_string(walk.too_large.size()) + " files over " +
                    std::to_string(options.max_file_bytes) + " bytes: " +
                    list_some(walk.too_large));
    if (!walk.uncertain.empty())
        w.push_back("the text encoding of " + std::to_string(walk.uncertain.size()) +
                    " files could not be decided; they were read as windows-1252 and may be wrong: " +
                    list_some(walk.uncertain));
    if (!walk.binary.empty())
        w.push_back("skipped " + std::to_string(walk.binary.size()) + " binary files: " +
                    list_some(walk.binary));
    for (const auto& loop : walk.loops)
        w.push_back("symbolic link loop not followed: " + loop);
    for (const auto& e : doc.file_errors)
        w.push_back(e.path + ": " + e.error.message);
}

}  // namespace

std::vector<std::string> CodeFolderOptions::default_skip_dirs() {
    return {"node_modules", "vendor", "third_party", "3rdparty", "external", "build",
            "dist", "target", "out", "bin", "obj", "__pycache__", ".venv", "venv",
            ".tox", ".mypy_cache", ".pytest_cache", ".gradle", ".idea", ".vscode",
            ".cache", "bower_components", "Pods", "DerivedData", ".next", "coverage"};
}

Result<Document> read_code_folder(const std::string& path, const CodeFolderOptions& options) {
    std::error_code ec;
    if (!fs::is_directory(path, ec))
        return make_error(ErrorCode::NotFound, "not a folder", path);
    Document doc;
    doc.kind = DocumentKind::CodeFolder;
    doc.path = path;
    doc.metadata.title = fs::absolute(path, ec).lexically_normal().filename().string();
    if (doc.metadata.title.empty())
        doc.metadata.title = fs::absolute(path, ec).lexically_normal().parent_path()
                                 .filename().string();
    std::unique_ptr<IgnoreRules> ignore;
    if (options.honor_gitignore) {
        auto rules = IgnoreRules::open(path);
        if (!rules) return rules.error();
        ignore = std::move(*rules);
    }
    Walk walk(options, ignore.get(), doc);
    walk.walk_dir(fs::path(path), "");
    if (options.control.cancelled()) return make_error(ErrorCode::Cancelled, "reading the folder was cancelled", path);
    summarize(walk, options, doc);

    // The id covers every included file's path and bytes, in path order.
    Sha256 hasher;
    for (const auto& [relative, bytes] : walk.files) {
        hasher.update(relative);
        hasher.update(std::string_view("\0", 1));
        hasher.update(std::to_string(bytes.size()));
        hasher.update(std::string_view("\0", 1));
        hasher.update(bytes);
    }
    doc.id = hasher.hex_digest();
    return doc;
}

}  // namespace lectern::ingest
