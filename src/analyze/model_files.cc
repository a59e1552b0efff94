#include "analyze/model_files.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace newsloom::analyze {
namespace {

// The directory of the running binary, or "" where /proc does not say.
std::filesystem::path ExecutableDir() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

}  // namespace

bool IsLanguageCode(std::string_view language) {
  return (language.size() == 2 || language.size() == 3) &&
         std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::vector<std::string> ModelCandidates(std::string_view file) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  if (const char* dir = std::getenv("NEWSLOOM_MODEL_DIR"); dir && *dir) {
    out.push_back((fs::path(dir) / file).string());
    return out;
  }
  std::vector<fs::path> dirs;
  if (fs::path exe_dir = ExecutableDir(); !exe_dir.empty()) {
    dirs.push_back(exe_dir.parent_path() / "share" / "newsloom");
    dirs.push_back(exe_dir / "models");
  }
  dirs.push_back(NEWSLOOM_INSTALL_MODEL_DIR);
  dirs.push_back(NEWSLOOM_SOURCE_MODEL_DIR);
  for (const fs::path& dir : dirs) {
    std::string path = (dir / file).lexically_normal().string();
    if (std::find(out.begin(), out.end(), path) == out.end()) out.push_back(std::move(path));
  }
  return out;
}

Result<std::string> FindModelFile(std::string_view file, std::string_view what) {
  std::string tried;
  for (const std::string& path : ModelCandidates(file)) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path;
    tried += (tried.empty() ? "" : ", ") + path;
  }
  return Status::NotFound("no " + std::string(what) + "; tried " + tried +
                          " (NEWSLOOM_MODEL_DIR names the folder to look in)");
}

}  // namespace newsloom::analyze
