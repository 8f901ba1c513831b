// Tests of the job runner: events in order, cancellation of a running job keeps its
// partial answer, a queued job cancelled never runs, failures carry the partial text, a
// job that throws does not take the worker down.
#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "job_runner.h"

namespace lectern::app {
namespace {

using namespace std::chrono_literals;

// Collects events until the final one of `job`.
std::vector<JobEvent> eventsUntilFinal(JobEventQueue& queue, JobId job) {
    std::vector<JobEvent> events;
    for (;;) {
        auto event = queue.pop(10s);
        if (!event) {
            ADD_FAILURE() << "no final event for job " << job;
            return events;
        }
        events.push_back(*event);
        if (event->job == job && event->isFinal()) return events;
    }
}

TEST(JobRunner, DeliversProgressTokensAndResultInOrder) {
    JobEventQueue queue;
    JobRunner runner(queue.listener());
    JobId id = runner.submit([](JobContext& ctx) -> Result<std::any> {
        ctx.progress(Phase::Prefill, ProgressUnit::Tokens, 0, 2);
        ctx.progress(Phase::Prefill, ProgressUnit::Tokens, 1, 2);
        ctx.token("Hel");
        ctx.token("lo");
        return std::any(std::string("Hello"));
    });
    auto events = eventsUntilFinal(queue, id);
    ASSERT_EQ(events.size(), 5u);
    EXPECT_EQ(std::get<JobProgress>(events[0].payload).done, 0);
    EXPECT_FALSE(std::get<JobProgress>(events[0].payload).etaSeconds.has_value());
    const auto& half = std::get<JobProgress>(events[1].payload);
    EXPECT_EQ(half.phase, Phase::Prefill);
    EXPECT_EQ(half.unit, ProgressUnit::Tokens);
    EXPECT_STREQ(phaseName(half.phase), "prefill");
    ASSERT_TRUE(half.etaSeconds.has_value());
    EXPECT_GE(*half.etaSeconds, 0.0);
    EXPECT_EQ(std::get<JobToken>(events[2].payload).text, "Hel");
    EXPECT_EQ(*finishedValue<std::string>(events[4]), "Hello");
    for (const JobEvent& event : events) EXPECT_EQ(event.job, id);
}

TEST(JobRunner, CancellingARunningJobKeepsThePartialAnswer) {
    JobEventQueue queue;
    JobRunner runner(queue.listener());
    std::atomic<int> produced{0};
    JobId id = runner.submit([&](JobContext& ctx) -> Result<std::any> {
        for (int i = 0;; ++i) {
            LECTERN_TRY(ctx.checkCancelled());
            ctx.token("t" + std::to_string(i) + " ");
            ++produced;
            std::this_thread::sleep_for(1ms);
        }
    });
    while (produced.load() < 10) std::this_thread::sleep_for(1ms);
    runner.cancel(id);
    auto events = eventsUntilFinal(queue, id);
    std::string streamed;
    for (const JobEvent& event : events) {
        if (auto* token = std::get_if<JobToken>(&event.payload)) streamed += token->text;
    }
    const auto* cancelled = std::get_if<JobCancelled>(&events.back().payload);
    ASSERT_NE(cancelled, nullptr);
    EXPECT_EQ(cancelled->partial, streamed);
    EXPECT_EQ(cancelled->partial.rfind("t0 t1 t2 t3 t4 t5 t6 t7 t8 t9 ", 0), 0u);
}

TEST(JobRunner, CancelledQueuedJobNeverRunsAndTheNextOneDoes) {
    JobEventQueue queue;
    JobRunner runner(queue.listener());
    std::atomic<bool> release{false};
    std::atomic<bool> secondRan{false};
    JobId first = runner.submit([&](JobContext&) -> Result<std::any> {
        while (!release.load()) std::this_thread::sleep_for(1ms);
        return std::any(std::string("first"));
    });
    JobId second = runner.submit([&](JobContext&) -> Result<std::any> {
        secondRan = true;
        return std::any(std::string("second"));
    });
    JobId third =
        runner.submit([](JobContext&) -> Result<std::any> { return std::any(std::string("third")); });
    runner.cancel(second);
    release = true;
    runner.waitIdle();
    EXPECT_FALSE(secondRan.load());
    auto events = queue.drain();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].job, first);
    EXPECT_EQ(*finishedValue<std::string>(events[0]), "first");
    EXPECT_EQ(events[1].job, second);
    EXPECT_EQ(std::get<JobCancelled>(events[1].payload).partial, "");
    EXPECT_EQ(events[2].job, third);
    EXPECT_EQ(*finishedValue<std::string>(events[2]), "third");
}

TEST(JobRunner, FailureCarriesTheErrorAndPartialText) {
    JobEventQueue queue;
    JobRunner runner(queue.listener());
    JobId id = runner.submit([](JobContext& ctx) -> Result<std::any> {
        ctx.token("half an ");
        return make_error(ErrorCode::OutOfDeviceMemory, "KV cache does not fit");
    });
    auto events = eventsUntilFinal(queue, id);
    const auto& failed = std::get<JobFailed>(events.back().payload);
    EXPECT_EQ(failed.error.code, ErrorCode::OutOfDeviceMemory);
    EXPECT_EQ(failed.partial, "half an ");
}

TEST(JobRunner, ThrowingJobFailsAndTheWorkerGoesOn) {
    JobEventQueue queue;
    JobRunner runner(queue.listener());
    JobId bad =
        runner.submit([](JobContext&) -> Result<std::any> { throw std::runtime_error("boom"); });
    JobId good =
        runner.submit([](JobContext&) -> Result<std::any> { return std::any(std::string("ok")); });
    auto events = eventsUntilFinal(queue, good);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].job, bad);
    EXPECT_NE(std::get<JobFailed>(events[0].payload).error.message.find("boom"), std::string::npos);
    EXPECT_EQ(*finishedValue<std::string>(events[1]), "ok");
}

// A job may throw anything; the runner reports what is not a std::exception too.
TEST(JobRunner, NonStdExceptionIsReported) {
    JobEventQueue queue;
    JobRunner runner(queue.listener());
    JobId bad = runner.submit([](JobContext&) -> Result<std::any> { throw 42; });
    auto events = eventsUntilFinal(queue, bad);
    const auto* failed = std::get_if<JobFailed>(&events.back().payload);
    ASSERT_NE(failed, nullptr);
    EXPECT_EQ(failed->error.code, ErrorCode::Internal);
    EXPECT_NE(failed->error.message.find("not a std::exception"), std::string::npos);
}

// The flag a job hands to the engine is the one JobRunner::cancel sets.
TEST(JobRunner, CancelSetsTheFlagTheJobHandsOn) {
    JobEventQueue queue;
    JobRunner runner(queue.listener());
    std::atomic<const std::atomic<bool>*> flag{nullptr};
    JobId id = runner.submit([&](JobContext& ctx) -> Result<std::any> {
        flag = ctx.cancelFlag();
        while (!ctx.cancelFlag()->load()) std::this_thread::sleep_for(1ms);
        return make_error(ErrorCode::Cancelled, "stopped");
    });
    while (!flag.load()) std::this_thread::sleep_for(1ms);
    EXPECT_FALSE(flag.load()->load());
    runner.cancel(id);
    auto events = eventsUntilFinal(queue, id);
    EXPECT_NE(std::get_if<JobCancelled>(&events.back().payload), nullptr);
}

TEST(JobRunner, DestructionCancelsRunningAndQueuedJobs) {
    JobEventQueue queue;
    std::atomic<bool> started{false};
    {
        JobRunner runner(queue.listener());
        runner.submit([&](JobContext& ctx) -> Result<std::any> {
            started = true;
            ctx.token("so far");
            while (!ctx.cancelled()) std::this_thread::sleep_for(1ms);
            return make_error(ErrorCode::Cancelled, "cancelled");
        });
        runner.submit([](JobContext&) -> Result<std::any> { return std::any(std::string("never")); });
        while (!started.load()) std::this_thread::sleep_for(1ms);
    }
    auto events = queue.drain();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(std::get<JobCancelled>(events[1].payload).partial, "so far");
    EXPECT_EQ(std::get<JobCancelled>(events[2].payload).partial, "");
}

}  // namespace
}  // namespace lectern::app
