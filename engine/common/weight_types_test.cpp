// The weight-type parser every tool's --type goes through: each type's name in either case,
// the accepted set enforced, and an unknown name refused with the accepted names.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

#include "lectern/engine/weight_types.h"

namespace lectern {
namespace {

TEST(WeightTypes, ListsEveryTypeLecternKnows) {
    const auto all = all_weight_types();
    for (uint32_t id = 0; id < 64; ++id) {
        const bool known = dtype_info(id).has_value();
        const bool listed = std::find(all.begin(), all.end(), static_cast<DType>(id)) != all.end();
        EXPECT_EQ(known, listed) << "ggml type " << id;
    }
}

TEST(WeightTypes, ParsesEveryNameInEitherCase) {
    const struct { const char* name; DType type; } cases[] = {
        {"f32", DType::F32},   {"f16", DType::F16},   {"bf16", DType::BF16},
        {"q8_0", DType::Q8_0}, {"q4_0", DType::Q4_0}, {"q4_k", DType::Q4_K},
        {"q5_k", DType::Q5_K}, {"q6_k", DType::Q6_K}, {"Q4_K", DType::Q4_K},
        {"q6_K", DType::Q6_K}, {"BF16", DType::BF16},
    };
    for (const auto& c : cases) {
        auto t = parse_weight_type(c.name);
        ASSERT_TRUE(t.ok()) << c.name << ": " << t.error().to_string();
        EXPECT_EQ(*t, c.type) << c.name;
    }
    for (DType t : all_weight_types()) {
        auto back = parse_weight_type(weight_type_name(t));
        ASSERT_TRUE(back.ok()) << weight_type_name(t);
        EXPECT_EQ(*back, t);
    }
}

TEST(WeightTypes, RefusesUnknownNamesWithTheAcceptedOnes) {
    for (const char* name : {"q9_0", "", "q4", "f32 ", "q4_k_m", "int8"}) {
        auto t = parse_weight_type(name);
        ASSERT_FALSE(t.ok()) << "'" << name << "'";
        EXPECT_EQ(t.error().code, ErrorCode::InvalidArgument);
        EXPECT_NE(t.error().message.find("q4_k"), std::string::npos) << t.error().message;
    }
}

TEST(WeightTypes, AcceptsOnlyTheGivenTypes) {
    const DType plain[] = {DType::F32, DType::BF16};
    EXPECT_EQ(*parse_weight_type("bf16", plain), DType::BF16);
    auto refused = parse_weight_type("q8_0", plain);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(refused.error().message, "weight type 'q8_0' is not accepted here (accepted: f32, bf16)");
    EXPECT_EQ(weight_type_names(plain), "f32, bf16");
}

}  // namespace
}  // namespace lectern
