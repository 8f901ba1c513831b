// Markdown and JSON renderings of sessions, messages and search hits (see session_export.h).
#include "session_export.h"

#include <cstdio>
#include <ctime>

namespace lectern::app {
namespace {

using nlohmann::json;

template <class T>
json optionalJson(const std::optional<T>& value) {
    return value ? json(*value) : json(nullptr);
}

std::string roleHeading(const std::string& role) {
    std::string heading = role;
    if (!heading.empty() && heading[0] >= 'a' && heading[0] <= 'z') {
        heading[0] = static_cast<char>(heading[0] - 'a' + 'A');
    }
    return heading;
}

// "1200 prompt tokens · 85 ms prefill · 41.2 tokens/s", or "" with no metrics.
std::string metricsLine(const MessageRecord& message) {
    std::string line;
    auto add = [&line](const std::string& part) {
        if (!line.empty()) line += " · ";
        line += part;
    };
    char buffer[64];
    if (message.promptTokens) add(std::to_string(*message.promptTokens) + " prompt tokens");
    if (message.completionTokens) add(std::to_string(*message.completionTokens) + " tokens");
    if (message.prefillMs) {
        std::snprintf(buffer, sizeof buffer, "%.0f ms prefill", *message.prefillMs);
        add(buffer);
    }
    if (message.tokensPerS) {
        std::snprintf(buffer, sizeof buffer, "%.1f tokens/s", *message.tokensPerS);
        add(buffer);
    }
    return line;
}

}  // namespace

Result<SessionTranscript> loadTranscript(Store& store, std::int64_t sessionId) {
    auto session = store.sessions().get(sessionId);
    if (!session) return session.error();
    SessionTranscript transcript{std::move(*session), {}, {}};
    for (std::int64_t id : transcript.session.documentIds) {
        auto document = store.documents().get(id);
        if (!document) return document.error();
        transcript.documents.push_back(std::move(*document));
    }
    auto messages = store.messages().list(sessionId);
    if (!messages) return messages.error();
    transcript.messages = std::move(*messages);
    return transcript;
}

std::string formatTimestamp(std::int64_t unixMs) {
    std::time_t seconds = static_cast<std::time_t>(unixMs / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &local);
    return buffer;
}

std::string transcriptMarkdown(const SessionTranscript& transcript) {
    const SessionRecord& session = transcript.session;
    std::string md = "# " + (session.title.empty() ? "Session " + std::to_string(session.id)
                                                    : session.title) + "\n\n";
    if (!session.model.empty()) md += "- Model: " + session.model + "\n";
    md += "- Created: " + formatTimestamp(session.created) + "\n";
    for (const DocumentRecord& document : transcript.documents) {
        md += "- Document: " + (document.title.empty() ? document.path : document.title) +
              " (" + document.path + ")\n";
    }
    for (const MessageRecord& message : transcript.messages) {
        md += "\n## " + roleHeading(message.role) + "\n\n" + message.text + "\n";
        if (message.status != MessageStatus::Complete) {
            md += std::string("\n*(") + messageStatusName(message.status) + ")*\n";
        }
        std::string metrics = metricsLine(message);
        if (!metrics.empty()) md += "\n*" + metrics + "*\n";
        if (!message.guard.empty()) {  // {"verdict": ..., "categories": [...]}
            const json guard = json::parse(message.guard, nullptr, false);
            if (guard.is_object()) {
                std::string line = "Guard: " + guard.value("verdict", std::string("?"));
                if (guard.contains("categories") && guard["categories"].is_array() && !guard["categories"].empty()) {
                    std::string codes;
                    for (const auto& c : guard["categories"]) codes += (codes.empty() ? "" : ", ") + c.get<std::string>();
                    line += " (" + codes + ")";
                }
                md += "\n*" + line + "*\n";
            }
        }
    }
    return md;
}

json sessionJson(const SessionRecord& session) {
    return json{{"id", session.id},           {"title", session.title},
                {"model", session.model},     {"created", session.created},
                {"updated", session.updated}, {"document_ids", session.documentIds}};
}

json documentJson(const DocumentRecord& document) {
    // Metadata is stored as JSON; a value that does not parse is passed on as a string.
    json metadata = json::parse(document.metadata, nullptr, false);
    if (metadata.is_discarded()) metadata = document.metadata;
    return json{{"id", document.id},         {"path", document.path},
                {"sha256", document.sha256}, {"kind", document.kind},
                {"title", document.title},   {"metadata", std::move(metadata)},
                {"created", document.created}};
}

json messageJson(const MessageRecord& message) {
    json out{{"id", message.id},
                {"role", message.role},
                {"text", message.text},
                {"status", messageStatusName(message.status)},
                {"prompt_tokens", optionalJson(message.promptTokens)},
                {"completion_tokens", optionalJson(message.completionTokens)},
                {"prefill_ms", optionalJson(message.prefillMs)},
                {"tokens_per_s", optionalJson(message.tokensPerS)},
                {"created", message.created},
                {"updated", message.updated}};
    if (!message.guard.empty()) {
        json guard = json::parse(message.guard, nullptr, false);
        out["guard"] = guard.is_discarded() ? json(message.guard) : std::move(guard);
    }
    return out;
}

json transcriptJson(const SessionTranscript& transcript) {
    json out = sessionJson(transcript.session);
    out["documents"] = json::array();
    for (const DocumentRecord& document : transcript.documents) {
        out["documents"].push_back(documentJson(document));
    }
    out["messages"] = json::array();
    for (const MessageRecord& message : transcript.messages) {
        out["messages"].push_back(messageJson(message));
    }
    return out;
}

json searchHitJson(const SearchHit& hit) {
    bool isMessage = hit.kind == SearchHit::Kind::Message;
    return json{{"kind", isMessage ? "message" : "unit"},
                {"id", hit.id},
                {isMessage ? "session_id" : "document_id", hit.ownerId},
                {"title", hit.ownerTitle},
                {isMessage ? "role" : "locator", hit.where},
                {"snippet", hit.snippet},
                {"rank", hit.rank}};
}

}  // namespace lectern::app
