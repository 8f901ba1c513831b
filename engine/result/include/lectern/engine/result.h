// Result<T> and Error: how everything in Lectern that can fail on input or environment
// reports it. Error codes name what the user can do about the failure. Exceptions may be
// used inside a parser but never cross a module's public API.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace lectern {

enum class ErrorCode {
    Io,                 // a file could not be read or written
    NotFound,           // a path, tensor, key or record does not exist
    Corrupt,            // the bytes are malformed (truncated file, bad offsets, bad JSON)
    UnsupportedModel,   // a well-formed model Lectern cannot run (architecture, tensor type)
    Unsupported,        // a well-formed input of a kind Lectern does not handle
    InvalidArgument,    // the caller asked for something impossible
    OutOfMemory,        // host memory does not suffice
    OutOfDeviceMemory,  // GPU memory does not suffice
    NeedsPassword,      // an encrypted document
    Cancelled,          // the user or caller stopped the work
    DiskFull,           // no space left to write
    Database,           // SQLite reported an error
    Device,             // a CUDA / device failure
    Internal,           // a bug: an invariant did not hold
};

const char* error_code_name(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;  // for the user: what went wrong
    std::string context;  // where: a path, a tensor name, a byte offset

    // "message (context)" or just "message".
    std::string to_string() const;
};

inline Error make_error(ErrorCode code, std::string message, std::string context = {}) {
    return Error{code, std::move(message), std::move(context)};
}

// A value or an Error. Access to the wrong alternative is a bug (asserted).
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<0>(v_); }
    const T& value() const& { assert(ok()); return std::get<0>(v_); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { assert(!ok()); return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), ok_(false) {}
    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const { assert(!ok_); return error_; }

private:
    Error error_;
    bool ok_ = true;
};

using Status = Result<void>;

}  // namespace lectern

// Propagates an error from an expression returning Result<T>/Status.
#define LECTERN_TRY(expr)                                      \
    do {                                                       \
        auto lectern_try_result_ = (expr);                     \
        if (!lectern_try_result_.ok()) return lectern_try_result_.error(); \
    } while (0)
