// `lectern-cli generate`: runs a backend (the CPU unless --backend says otherwise) on a
// prompt given as token ids and prints the generated ids on one line, space-separated.
// Scripts rely on this interface:
//
//   lectern-cli generate --model MODEL --prompt-ids 12,7,300 -n 24 --greedy
//   lectern-cli generate --model MODEL --prompt "Once upon a time" -n 24 [--text]
//       [--temperature T --top-k K --top-p P --min-p M --repeat-penalty R --seed S]
//       [--threads N --ctx N --stop-ids A,B] [--logits-out FILE] [--backend cpu|cuda|auto]
//       [--activations auto|exact|int8] [--kv f32|f16|bf16|q8_0]
//
// Sampling is greedy unless --temperature > 0 is given (--greedy forces greedy). Generation
// stops after -n tokens, or at one of --stop-ids (printed); no end-of-turn ids are implied.
// --logits-out writes, per generated token, the n_vocab logits that chose it (the first
// row comes from the last prompt position) as little-endian float32 rows.
// --prompt TEXT is tokenized with the model's own tokenizer (BOS first; special-token text
// stays plain text unless --parse-special); --text prints the generated text instead of ids.
// Ctrl-C stops generation (exit code 130). --backend defaults to cpu; the backend chosen is
// named on stderr.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "backend_option.h"
#include "command.h"
#include "lectern/engine/backend.h"
#include "lectern/engine/memory_plan.h"
#include "lectern/engine/model_info.h"
#include "lectern/engine/generate.h"
#include "lectern/engine/model_loader.h"
#include "lectern/engine/session.h"
#include "lectern/engine/tokenizer.h"

namespace lectern::cli {
namespace {

struct Args {
    std::string model;
    std::string prompt_ids;
    std::string prompt_text;
    bool parse_special = false;
    bool print_text = false;
    std::string stop_ids;
    std::string logits_out;
    int64_t n_tokens = 24;
    bool greedy = false;
    SamplerOptions sampling;
    int threads = 0;
    std::string activations = "exact";
    std::string kv = "f32";
    int64_t ctx = 0;
    bool ctx_beyond_training = false;
    std::string backend = "cpu";
};

std::atomic<bool> g_interrupted{false};

extern "C" void on_sigint(int) { g_interrupted.store(true); }

Result<std::vector<int32_t>> parse_ids(const std::string& text, const char* option) {
    std::vector<int32_t> ids;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        size_t used = 0;
        long long v = -1;
        try {
            v = std::stoll(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != item.size() || v < 0 || v > INT32_MAX)
            return make_error(ErrorCode::InvalidArgument,
                              std::string(option) + " takes comma-separated token ids", item);
        ids.push_back(static_cast<int32_t>(v));
    }
    return ids;
}

// The prompt's token ids: --prompt-ids as given, or --prompt TEXT through `tokenizer`.
Result<std::vector<int32_t>> prompt_tokens(const Args& a, const Tokenizer* tokenizer) {
    if (tokenizer) {
        auto ids = tokenizer->encode(a.prompt_text, tokenizer->bos_id() >= 0, a.parse_special);
        if (ids.empty()) return make_error(ErrorCode::InvalidArgument, "--prompt is empty");
        return ids;
    }
    auto ids = parse_ids(a.prompt_ids, "--prompt-ids");
    if (ids && ids->empty())
        return make_error(ErrorCode::InvalidArgument, "--prompt-ids needs at least one token id");
    return ids;
}

// Runs generation; on success prints the ids and returns the exit code.
Result<int> run_generate(const Args& a) {
    std::unique_ptr<Tokenizer> tokenizer;
    if (!a.prompt_text.empty() || a.print_text) {
        auto t = Tokenizer::load(a.model);
        if (!t) return t.error();
        tokenizer = std::move(t.value());
    }
    auto prompt = prompt_tokens(a, a.prompt_text.empty() ? nullptr : tokenizer.get());
    if (!prompt) return prompt.error();
    auto stop = parse_ids(a.stop_ids, "--stop-ids");
    if (!stop) return stop.error();
    if (a.n_tokens < 0) return make_error(ErrorCode::InvalidArgument, "-n must not be negative");
    const int64_t n_ctx = a.ctx > 0 ? a.ctx : static_cast<int64_t>(prompt->size()) + a.n_tokens;
    const KvType kv = parse_kv_type(a.kv).value_or(KvType::F32);
    {
        // Planned from the header, before the weights are mapped (memory_plan.h).
        auto header = inspect_model_header(a.model);
        if (!header) return header.error();
        LECTERN_TRY(check_context_size(header->config, n_ctx, a.ctx_beyond_training));
        const bool device = resolve_backend_name(a.backend) == "cuda";
        MemoryRequest r{n_ctx, 512, kv, header->weights_bytes, device ? MemoryKind::Device : MemoryKind::Host,
                        a.threads > 0 ? a.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))};
        const size_t available = device ? cuda_free_memory(0) : available_host_memory();
        if (available > 0) LECTERN_TRY(plan_memory(header->config, r, available));
    }
    auto weights = load_model(a.model);
    if (!weights) return weights.error();
    const CpuActivations activations = parse_activations(a.activations)
                                           .value_or(default_cpu_activations(weights->layers.at(0).w_gate.type));
    auto backend = open_backend(a.backend, std::make_shared<ModelWeights>(std::move(weights.value())),
                                {.cpu = {.n_threads = a.threads, .activations = activations}});
    if (!backend) return backend.error();
    auto session = Session::create(**backend, {.n_ctx = n_ctx, .kv_type = kv});
    if (!session) return session.error();

    std::unique_ptr<std::FILE, int (*)(std::FILE*)> logits_file(nullptr, &std::fclose);
    if (!a.logits_out.empty()) {
        logits_file.reset(std::fopen(a.logits_out.c_str(), "wb"));
        if (!logits_file) return make_error(ErrorCode::Io, "cannot write the logits file", a.logits_out);
    }
    bool write_failed = false;
    GenerateOptions o;
    o.max_tokens = a.n_tokens;
    o.stop_ids = *stop;
    o.cancel = &g_interrupted;
    o.on_token = [&](int32_t, std::span<const float> logits) {
        if (logits_file && std::fwrite(logits.data(), sizeof(float), logits.size(), logits_file.get()) != logits.size())
            write_failed = true;
        return !write_failed;
    };
    SamplerOptions so = a.sampling;
    if (a.greedy) so.temperature = 0.0f;
    Sampler sampler(so);
    auto g = generate(*session, *prompt, sampler, o);
    if (!g) return g.error();
    if (write_failed || (logits_file && std::fclose(logits_file.release()) != 0))
        return make_error(ErrorCode::Io, "writing the logits file failed", a.logits_out);
    std::string line;
    if (a.print_text) {
        line = tokenizer->decode(g->tokens);
    } else {
        for (size_t i = 0; i < g->tokens.size(); ++i) line += (i ? " " : "") + std::to_string(g->tokens[i]);
    }
    std::printf("%s\n", line.c_str());
    return kExitOk;
}

Run setup(CLI::App& root) {
    auto a = std::make_shared<Args>();
    CLI::App* cmd = root.add_subcommand("generate", "Generate tokens from a prompt (token ids or text)");
    cmd->add_option("--model", a->model, "A GGUF file or Hugging Face folder")->required();
    CLI::Option* ids = cmd->add_option("--prompt-ids", a->prompt_ids, "Prompt token ids, comma-separated");
    CLI::Option* text = cmd->add_option("--prompt", a->prompt_text,
                                        "Prompt text, tokenized with the model's tokenizer (BOS first)");
    ids->excludes(text);
    cmd->add_flag("--parse-special", a->parse_special, "In --prompt, read special-token text as those tokens");
    cmd->add_flag("--text", a->print_text, "Print the generated text instead of token ids");
    cmd->add_option("-n,--n-tokens", a->n_tokens, "Tokens to generate")->capture_default_str();
    cmd->add_flag("--greedy", a->greedy, "Pick the most likely token (the default without --temperature)");
    cmd->add_option("--temperature", a->sampling.temperature, "Sampling temperature; 0: greedy");
    cmd->add_option("--top-k", a->sampling.top_k, "Keep the k most likely tokens; 0: off");
    cmd->add_option("--top-p", a->sampling.top_p, "Keep the most likely tokens up to this mass");
    cmd->add_option("--min-p", a->sampling.min_p, "Keep tokens at least this fraction of the top one");
    cmd->add_option("--repeat-penalty", a->sampling.repeat_penalty, "Penalty for tokens of the last 64");
    cmd->add_option("--seed", a->sampling.seed, "Random seed of the sampler");
    cmd->add_option("--threads", a->threads, "CPU threads; 0: all");
    add_activations_option(cmd, a->activations);
    cmd->add_option("--kv", a->kv, "KV cache element type: f32, f16, bf16 or q8_0")
        ->check(CLI::IsMember({"f32", "f16", "bf16", "q8_0"}))
        ->capture_default_str();
    cmd->add_option("--ctx", a->ctx, "Context size; default: prompt + n");
    cmd->add_flag("--ctx-beyond-training", a->ctx_beyond_training,
                  "Accept a --ctx larger than the context the model was trained for");
    cmd->add_option("--stop-ids", a->stop_ids, "Token ids that end generation, comma-separated");
    cmd->add_option("--logits-out", a->logits_out, "Write each generated token's logits (f32 rows)");
    add_backend_option(cmd, a->backend);
    return [a] {
        if (a->prompt_ids.empty() && a->prompt_text.empty())
            return report("generate", make_error(ErrorCode::InvalidArgument, "give --prompt-ids or --prompt"));
        g_interrupted.store(false);
        auto previous = std::signal(SIGINT, on_sigint);
        auto r = run_generate(*a);
        std::signal(SIGINT, previous);
        return r ? *r : report("generate", r.error());
    };
}

const Registrar registrar("generate", 30, setup);

}  // namespace
}  // namespace lectern::cli
