// Shared set-up of the task end-to-end tests: a temporary folder with a store and a KV
// snapshot folder, the tiny Llama 3.1 fixture model (F16 GGUF) on the CPU, and a context
// small enough that a few pages overflow it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "job_runner.h"
#include "kv_snapshot_cache.h"
#include "local_engine.h"
#include "store.h"
#include "summarize_task.h"
#include "task_context.h"
#include "translate_task.h"
#include "testing/temp_dir.h"

namespace lectern::app::e2e {

inline std::string tinyModel() { return std::string(LECTERN_TEST_DATA) + "/gguf/llama31-tiny-F16.gguf"; }
inline std::string otherTinyModel() { return std::string(LECTERN_TEST_DATA) + "/gguf/llama31-tiny-BF16.gguf"; }

inline std::unique_ptr<LocalEngine> openTiny(std::int64_t nCtx, const std::string& model = tinyModel()) {
    EngineOptions o;
    o.modelPath = model;
    o.nCtx = nCtx;
    o.threads = 2;
    o.chunk = 128;
    auto e = LocalEngine::open(o);
    EXPECT_TRUE(e.ok()) << e.error().to_string();
    return e ? std::move(e.value()) : nullptr;
}

// Progress events recorded by phase, text streamed, and an optional hook to cancel.
struct Recorder {
    std::atomic<bool> cancel{false};
    std::vector<std::pair<std::string, std::int64_t>> progress;  // (phase, done)
    std::string streamed;
    std::function<void(const std::string&, std::int64_t)> onProgress;

    TaskContext context() {
        TaskContext t;
        t.cancel = &cancel;
        t.progress = [this](Phase phase, ProgressUnit, std::int64_t done, std::int64_t) {
            progress.push_back({phaseName(phase), done});
            if (onProgress) onProgress(phaseName(phase), done);
        };
        t.token = [this](std::string_view s) { streamed += s; };
        return t;
    }
    int count(const std::string& phase) const {
        int n = 0;
        for (const auto& p : progress) n += p.first == phase;
        return n;
    }
    // The `done` of the first event of `phase`, or -1.
    std::int64_t first(const std::string& phase) const {
        for (const auto& p : progress)
            if (p.first == phase) return p.second;
        return -1;
    }
    // Cancels the task when `phase` reports `done`.
    void cancelAt(const std::string& phase, std::int64_t done) {
        onProgress = [this, phase, done](const std::string& ph, std::int64_t d) {
            if (ph == phase && d == done) cancel = true;
        };
    }
};

class TaskTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto s = Store::open(dir.path() / "lectern.db");
        ASSERT_TRUE(s.ok()) << s.error().to_string();
        store = std::make_unique<Store>(std::move(s.value()));
    }

    // The session has one task run, and it completed.
    void expectOneCompleteRun(std::int64_t sessionId) {
        auto runs = store->taskRuns().list(sessionId);
        ASSERT_TRUE(runs.ok());
        ASSERT_EQ(runs->size(), 1u);
        EXPECT_EQ((*runs)[0].status, TaskRunStatus::Complete);
    }

    // Defined by the tests that use them.
    Result<SummarizeResult> summarizeEightPages();
    Result<TranslateResult> translateOnNewEngine(const TranslateRequest& request, std::int64_t stopAt = -1,
                                                 const std::string& model = tinyModel());

    ingest::testing::TempDir dir;
    std::unique_ptr<Store> store;
};

// Paragraphs of plain English sentences, distinct per index.
inline std::string paragraph(int i) {
    return "Paragraph " + std::to_string(i) + " reports that the northern warehouse shipped " +
           std::to_string(100 + i * 7) + " crates in quarter " + std::to_string(i % 4 + 1) +
           ", while the auditors noted delays at the harbour and asked for a second inspection.";
}

}  // namespace lectern::app::e2e
