// Whole-model queries over ModelWeights.
#include "lectern/engine/model_weights.h"

namespace lectern {

std::vector<const TensorView*> ModelWeights::all_tensors() const {
    std::vector<const TensorView*> out{&tok_embd};
    for (const LayerWeights& l : layers) {
        for (const TensorView* t : {&l.attn_norm, &l.wq, &l.wk, &l.wv, &l.wo, &l.ffn_norm,
                                    &l.w_gate, &l.w_up, &l.w_down})
            out.push_back(t);
    }
    out.push_back(&output_norm);
    if (!config.tied_embeddings) out.push_back(&output);
    return out;
}

int64_t ModelWeights::parameter_count() const {
    int64_t n = 0;
    for (const TensorView* t : all_tensors()) n += t->n_cols * t->n_rows;
    return n;
}

size_t ModelWeights::weight_bytes() const {
    size_t n = 0;
    for (const TensorView* t : all_tensors()) n += t->bytes();
    return n;
}

}  // namespace lectern
