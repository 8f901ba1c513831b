// Test program for store_sigkill_test: opens the store at argv[1], writes a finished user
// turn, then streams a reply ("w0 w1 w2 ...") committed every 10 ms, forever, until it is
// killed. It prints the session and message ids on stdout once the first piece is
// committed, so the test knows what to look for.
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "store.h"

using namespace lectern::app;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DATABASE\n", argv[0]);
        return 2;
    }
    auto store = Store::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().to_string().c_str());
        return 1;
    }
    auto session = store->sessions().create("killed mid-reply", "test.gguf");
    if (!session) return 1;
    if (!store->messages().add(makeMessage(*session, "user", "Tell me everything."))) return 1;
    auto stream = store->messages().beginStream(*session, "assistant", 5);
    if (!stream) return 1;
    stream->setFlushInterval(std::chrono::milliseconds(10));
    bool announced = false;
    for (long i = 0;; ++i) {
        auto status = stream->append("w" + std::to_string(i) + " ", i + 1);
        if (!status) {
            std::fprintf(stderr, "%s\n", status.error().to_string().c_str());
            return 1;
        }
        if (!announced && i == 0) {
            if (!stream->flush()) return 1;
            std::printf("%lld %lld\n", static_cast<long long>(*session),
                        static_cast<long long>(stream->messageId()));
            std::fflush(stdout);
            announced = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}
