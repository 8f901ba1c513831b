// load_model picks the loader by what the path is; rope scaling factors and memory sizes.
#include "lectern/engine/model_loader.h"

#include <cmath>
#include <filesystem>
#include <system_error>

#include "model/loaders.h"

namespace lectern {

Result<ModelWeights> load_model(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path p(path);
    if (!fs::exists(p, ec)) return make_error(ErrorCode::NotFound, "no such file or folder", path);
    if (fs::is_directory(p, ec)) return model::load_hf_model(path);
    // A file of a Hugging Face folder stands for the folder.
    if (p.filename() == "config.json" || p.filename() == "model.safetensors.index.json" ||
        p.extension() == ".safetensors")
        return model::load_hf_model(p.parent_path().string());
    return model::load_gguf_model(path);
}

// Llama 3.1's rope scaling: wavelengths shorter than original/high_freq_factor keep their
// frequency, longer than original/low_freq_factor are divided by `factor`, and the band in
// between blends the two linearly in original/wavelen. Computed in double and rounded once.
std::vector<float> llama3_rope_freq_factors(const RopeScaling& s, float rope_theta,
                                            int64_t head_dim) {
    std::vector<float> out;
    if (s.factor == 0.0f || head_dim <= 0) return out;
    const double orig = static_cast<double>(s.original_max_position);
    const double low = s.low_freq_factor, high = s.high_freq_factor, factor = s.factor;
    const double pi = 3.14159265358979323846;
    for (int64_t i = 0; i < head_dim / 2; ++i) {
        const double freq = std::pow(static_cast<double>(rope_theta),
                                     -2.0 * static_cast<double>(i) / static_cast<double>(head_dim));
        const double wavelen = 2.0 * pi / freq;
        double divisor;
        if (wavelen < orig / high) {
            divisor = 1.0;
        } else if (wavelen > orig / low) {
            divisor = factor;
        } else {
            const double smooth = (orig / wavelen - low) / (high - low);
            divisor = freq / ((1.0 - smooth) * freq / factor + smooth * freq);
        }
        out.push_back(static_cast<float>(divisor));
    }
    return out;
}

}  // namespace lectern
