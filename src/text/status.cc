#include "newsloom/status.h"

namespace newsloom {

std::string Status::ToString() const {
  const char* name = "";
  switch (code_) {
    case Code::kOk:
      return "OK";
    case Code::kInvalidArgument:
      name = "invalid argument";
      break;
    case Code::kNotFound:
      name = "not found";
      break;
    case Code::kCorrupt:
      name = "corrupt input";
      break;
    case Code::kIoError:
      name = "I/O error";
      break;
    case Code::kUnsupported:
      name = "unsupported";
      break;
    case Code::kInternal:
      name = "internal error";
      break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace newsloom
