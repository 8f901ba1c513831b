// Names and formatting for Error.
#include "lectern/engine/result.h"

namespace lectern {

const char* error_code_name(ErrorCode code) {
    switch (code) {
    case ErrorCode::Io: return "Io";
    case ErrorCode::NotFound: return "NotFound";
    case ErrorCode::Corrupt: return "Corrupt";
    case ErrorCode::UnsupportedModel: return "UnsupportedModel";
    case ErrorCode::Unsupported: return "Unsupported";
    case ErrorCode::InvalidArgument: return "InvalidArgument";
    case ErrorCode::OutOfMemory: return "OutOfMemory";
    case ErrorCode::OutOfDeviceMemory: return "OutOfDeviceMemory";
    case ErrorCode::NeedsPassword: return "NeedsPassword";
    case ErrorCode::Cancelled: return "Cancelled";
    case ErrorCode::DiskFull: return "DiskFull";
    case ErrorCode::Database: return "Database";
    case ErrorCode::Device: return "Device";
    case ErrorCode::Internal: return "Internal";
    }
    return "Unknown";
}

std::string Error::to_string() const {
    if (context.empty()) return message;
    return message + " (" + context + ")";
}

}  // namespace lectern
