// Running out of real disk space: a child process mounts a 1 MiB tmpfs in a private mount
// namespace (nothing is visible outside it), keeps the store there and writes until the
// filesystem is full. The write that does not fit fails with DiskFull; every message saved
// before it is intact, integrity_check passes, and the database reopens. Skipped where
// the system allows neither a mount namespace nor a user namespace.
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "private_mount.h"
#include "store.h"
#include "store_test_support.h"

namespace lectern::app {
namespace {

using testing::TempDir;

constexpr int kSavedMessages = 20;

// Checks that the saved messages of `session` are all there and the file is sound.
std::string checkSaved(Store& store, std::int64_t session, size_t expected) {
    if (std::string check = testing::integrityCheck(store.database()); check != "ok") {
        return "integrity_check: " + check;
    }
    auto messages = store.messages().list(session);
    if (!messages) return "list: " + messages.error().to_string();
    if (messages->size() != expected) {
        return "expected " + std::to_string(expected) + " messages, found " +
               std::to_string(messages->size());
    }
    for (size_t i = 0; i < kSavedMessages; ++i) {
        if ((*messages)[i].text != "saved " + std::to_string(i)) return "message changed";
    }
    return {};
}

// The scenario, run inside the child; "" on success, else what went wrong.
std::string fillTmpfs(const std::string& mountPoint) {
    if (mount("tmpfs", mountPoint.c_str(), "tmpfs", 0, "size=1m") != 0) return lectern::testing::kNoPrivateMount;
    std::string path = mountPoint + "/lectern.db";
    std::int64_t session = 0;
    size_t stored = kSavedMessages;
    {
        auto store = Store::open(path);
        if (!store) return "open: " + store.error().to_string();
        session = *store->sessions().create("full disk", "m");
        for (int i = 0; i < kSavedMessages; ++i) {
            if (!store->messages().add(makeMessage(session, "user", "saved " + std::to_string(i)))) {
                return "could not save the first messages";
            }
        }
        Error error;
        for (int i = 0;; ++i) {
            if (i == 100) return "the 1 MiB filesystem never filled up";
            auto added = store->messages().add(makeMessage(session, "assistant", std::string(64 << 10, 'x')));
            if (!added) { error = added.error(); break; }
            ++stored;
        }
        if (error.code != ErrorCode::DiskFull) return "expected DiskFull, got " + error.to_string();
        if (std::string saved = checkSaved(*store, session, stored); !saved.empty()) return saved;
    }
    auto reopened = Store::open(path);
    if (!reopened) return "reopen: " + reopened.error().to_string();
    return checkSaved(*reopened, session, stored);
}

TEST(StoreTmpfs, FullFilesystemGivesDiskFullAndLosesNothing) {
    TempDir dir;
    std::string mountPoint = dir.file("mnt").string();
    ASSERT_EQ(mkdir(mountPoint.c_str(), 0700), 0);
    const std::string outcome = lectern::testing::inPrivateMountNamespace([&] { return fillTmpfs(mountPoint); });
    if (outcome == lectern::testing::kNoPrivateMount) GTEST_SKIP() << outcome;
    EXPECT_EQ(outcome, "");
}

}  // namespace
}  // namespace lectern::app
