// Programming language from a file name: well-known names first (Makefile, CMakeLists.txt),
// then the extension, case-insensitively.
#include <algorithm>
#include <filesystem>
#include <string_view>
#include <utility>

#include "lectern/ingest/code_folder.h"

namespace lectern::ingest {
namespace {

constexpr std::pair<std::string_view, std::string_view> kNames[] = {
    {"makefile", "make"},     {"gnumakefile", "make"}, {"cmakelists.txt", "cmake"},
    {"dockerfile", "dockerfile"}, {"meson.build", "meson"}, {"build.gradle", "groovy"},
    {"cargo.toml", "toml"},   {"go.mod", "go-module"},  {"gemfile", "ruby"},
    {"rakefile", "ruby"},     {"vagrantfile", "ruby"},  {".gitignore", "gitignore"}};

constexpr std::pair<std::string_view, std::string_view> kExtensions[] = {
    {".c", "c"},       {".h", "c"},          {".cc", "cpp"},      {".cpp", "cpp"},
    {".cxx", "cpp"},   {".hpp", "cpp"},      {".hh", "cpp"},      {".hxx", "cpp"},
    {".ipp", "cpp"},   {".inl", "cpp"},      {".cu", "cuda"},     {".cuh", "cuda"},
    {".m", "objective-c"}, {".mm", "objective-cpp"}, {".rs", "rust"}, {".go", "go"},
    {".py", "python"}, {".pyi", "python"},   {".java", "java"},   {".kt", "kotlin"},
    {".kts", "kotlin"}, {".scala", "scala"}, {".swift", "swift"}, {".cs", "csharp"},
    {".fs", "fsharp"}, {".js", "javascript"}, {".mjs", "javascript"}, {".cjs", "javascript"},
    {".jsx", "javascript"}, {".ts", "typescript"}, {".tsx", "typescript"}, {".rb", "ruby"},
    {".php", "php"},   {".pl", "perl"},      {".pm", "perl"},     {".lua", "lua"},
    {".sh", "shell"},  {".bash", "shell"},   {".zsh", "shell"},   {".fish", "fish"},
    {".ps1", "powershell"}, {".sql", "sql"}, {".r", "r"},         {".jl", "julia"},
    {".hs", "haskell"}, {".ml", "ocaml"},    {".mli", "ocaml"},   {".ex", "elixir"},
    {".exs", "elixir"}, {".erl", "erlang"},  {".clj", "clojure"}, {".dart", "dart"},
    {".zig", "zig"},   {".nim", "nim"},      {".v", "verilog"},   {".sv", "systemverilog"},
    {".vhd", "vhdl"},  {".asm", "assembly"}, {".s", "assembly"},  {".cmake", "cmake"},
    {".html", "html"}, {".htm", "html"},     {".css", "css"},     {".scss", "scss"},
    {".vue", "vue"},   {".svelte", "svelte"}, {".json", "json"},  {".yaml", "yaml"},
    {".yml", "yaml"},  {".toml", "toml"},    {".xml", "xml"},     {".ini", "ini"},
    {".cfg", "ini"},   {".proto", "protobuf"}, {".graphql", "graphql"}, {".tex", "latex"},
    {".md", "markdown"}, {".markdown", "markdown"}, {".rst", "restructuredtext"},
    {".txt", "text"},  {".glsl", "glsl"},    {".hlsl", "hlsl"},   {".qml", "qml"},
    {".el", "elisp"},  {".vim", "vim"},      {".tf", "terraform"}, {".gradle", "groovy"},
    {".groovy", "groovy"}, {".bzl", "starlark"}, {".mk", "make"}};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

std::string language_from_path(const std::string& path) {
    const std::filesystem::path p(path);
    const std::string name = lower(p.filename().string());
    for (const auto& [known, language] : kNames)
        if (name == known) return std::string(language);
    const std::string ext = lower(p.extension().string());
    for (const auto& [known, language] : kExtensions)
        if (ext == known) return std::string(language);
    return {};
}

}  // namespace lectern::ingest
