// tokenizer.json -> BpeSpec. Only the Llama 3 pipeline is accepted: model BPE, no
// normalizer, a Split pre-tokenizer with the Llama 3 pattern followed by ByteLevel without
// its own regex. Added tokens are special (matched whole when parse_special is asked).
#include <nlohmann/json.hpp>

#include "vocab_sources.h"

namespace lectern::tokenizer {

const char* const kLlama3Pattern =
    "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| "
    "?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

namespace {

using nlohmann::json;

bool has_llama3_split(const json& pre) {
    if (!pre.is_object()) return false;
    const std::string type = pre.value("type", "");
    if (type == "Sequence" && pre.contains("pretokenizers")) {
        for (const json& p : pre["pretokenizers"])
            if (has_llama3_split(p)) return true;
        return false;
    }
    if (type != "Split" || !pre.contains("pattern")) return false;
    const json& pat = pre["pattern"];
    return pat.is_object() && pat.value("Regex", "") == kLlama3Pattern;
}

// A token named in tokenizer_config.json: a string or {"content": ...}.
std::string config_token(const json& config, const char* key) {
    if (!config.is_object() || !config.contains(key)) return {};
    const json& v = config[key];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object()) return v.value("content", "");
    return {};
}

std::string config_template(const json& config) {
    if (!config.is_object() || !config.contains("chat_template")) return {};
    const json& t = config["chat_template"];
    if (t.is_string()) return t.get<std::string>();
    if (t.is_array()) {  // [{"name": "default", "template": ...}, ...]
        for (const json& e : t)
            if (e.is_object() && e.value("name", "") == "default") return e.value("template", "");
        if (!t.empty() && t[0].is_object()) return t[0].value("template", "");
    }
    return {};
}

Status read_vocab(const json& model, const json& added, BpeSpec& spec) {
    size_t n = 0;
    for (const auto& [piece, id] : model["vocab"].items()) {
        if (!id.is_number_integer() || id.get<int64_t>() < 0 || id.get<int64_t>() > (1 << 24))
            return make_error(ErrorCode::Corrupt, "vocab id of \"" + piece + "\" is invalid",
                              spec.context);
        n = std::max(n, static_cast<size_t>(id.get<int64_t>()) + 1);
    }
    for (const json& a : added) {
        const int64_t id = a.value("id", int64_t{-1});
        if (id < 0 || id > (1 << 24))
            return make_error(ErrorCode::Corrupt, "an added token has an invalid id", spec.context);
        n = std::max(n, static_cast<size_t>(id) + 1);
    }
    spec.pieces.assign(n, {});
    spec.special.assign(n, false);
    for (const auto& [piece, id] : model["vocab"].items())
        spec.pieces[static_cast<size_t>(id.get<int64_t>())] = piece;
    for (const json& a : added) {
        const int64_t id = a.value("id", int64_t{-1});
        const std::string content = a.value("content", "");
        if (id < 0 || content.empty())
            return make_error(ErrorCode::Corrupt, "an added token has no id or content", spec.context);
        spec.pieces[static_cast<size_t>(id)] = content;
        spec.special[static_cast<size_t>(id)] = true;
    }
    return {};
}

Status read_merges(const json& merges, BpeSpec& spec) {
    spec.merges.reserve(merges.size());
    for (const json& m : merges) {
        if (m.is_string()) {  // "a b"
            const std::string& s = m.get_ref<const std::string&>();
            const size_t sp = s.find(' ');
            if (sp == std::string::npos || sp == 0 || sp + 1 == s.size())
                return make_error(ErrorCode::Corrupt, "malformed merge \"" + s + "\"", spec.context);
            spec.merges.emplace_back(s.substr(0, sp), s.substr(sp + 1));
        } else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
            spec.merges.emplace_back(m[0].get<std::string>(), m[1].get<std::string>());
        } else {
            return make_error(ErrorCode::Corrupt, "malformed merge entry", spec.context);
        }
    }
    return {};
}

int32_t id_of(const BpeSpec& spec, const std::string& text) {
    if (text.empty()) return -1;
    for (size_t id = 0; id < spec.pieces.size(); ++id)
        if (spec.special[id] && spec.pieces[id] == text) return static_cast<int32_t>(id);
    return -1;
}

void read_roles(const json& config, BpeSpec& spec) {
    spec.bos_id = id_of(spec, config_token(config, "bos_token"));
    if (spec.bos_id < 0) spec.bos_id = id_of(spec, "<|begin_of_text|>");
    spec.eos_id = id_of(spec, config_token(config, "eos_token"));
    if (spec.eos_id < 0) spec.eos_id = id_of(spec, "<|end_of_text|>");
    spec.stop_ids.push_back(spec.eos_id);
    for (const char* t : {"<|eot_id|>", "<|eom_id|>", "<|end_of_text|>"})
        spec.stop_ids.push_back(id_of(spec, t));
    spec.chat_template = config_template(config);
}

Result<BpeSpec> parse(const json& root, const json& config, const std::string& context) {
    BpeSpec spec;
    spec.context = context;
    if (!root.is_object() || !root.contains("model") || !root["model"].is_object())
        return make_error(ErrorCode::Corrupt, "tokenizer.json has no model", context);
    const json& model = root["model"];
    if (model.value("type", "") != "BPE")
        return make_error(ErrorCode::UnsupportedModel,
                          "tokenizer.json model is not BPE (" + model.value("type", "?") + ")", context);
    if (root.contains("normalizer") && !root["normalizer"].is_null())
        return make_error(ErrorCode::UnsupportedModel, "tokenizer.json has a normalizer; "
                          "only the Llama 3 pipeline is supported", context);
    if (!root.contains("pre_tokenizer") || !has_llama3_split(root["pre_tokenizer"]))
        return make_error(ErrorCode::UnsupportedModel,
                          "tokenizer.json pre-tokenizer is not Llama 3's", context);
    if (!model.contains("vocab") || !model["vocab"].is_object() || !model.contains("merges") ||
        !model["merges"].is_array())
        return make_error(ErrorCode::Corrupt, "tokenizer.json model lacks vocab or merges", context);
    const json empty = json::array();
    const json& added = root.contains("added_tokens") && root["added_tokens"].is_array()
                            ? root["added_tokens"] : empty;
    LECTERN_TRY(read_vocab(model, added, spec));
    LECTERN_TRY(read_merges(model["merges"], spec));
    spec.ignore_merges = model.value("ignore_merges", false);
    read_roles(config, spec);
    return spec;
}

}  // namespace

std::string chat_template_from_config(std::string_view config_json) {
    const json config = json::parse(config_json, nullptr, false);
    if (config.is_discarded()) return {};
    try {
        return config_template(config);
    } catch (const json::exception&) {
        return {};
    }
}

Result<BpeSpec> parse_tokenizer_json(std::string_view json_text, std::string_view config_json,
                                     const std::string& context) {
    const json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded())
        return make_error(ErrorCode::Corrupt, "tokenizer.json is not valid JSON", context);
    json config = json::object();
    if (!config_json.empty()) {
        config = json::parse(config_json, nullptr, false);
        if (config.is_discarded())
            return make_error(ErrorCode::Corrupt, "tokenizer_config.json is not valid JSON", context);
    }
    try {
        return parse(root, config, context);
    } catch (const json::exception& e) {
        return make_error(ErrorCode::Corrupt, std::string("tokenizer.json: ") + e.what(), context);
    }
}

}  // namespace lectern::tokenizer
