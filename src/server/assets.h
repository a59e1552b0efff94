// The web page's files (web/), embedded into the binary at build time by embed_assets.cmake.
// Nothing is ever served from the file system.
#ifndef NEWSLOOM_SERVER_ASSETS_H_
#define NEWSLOOM_SERVER_ASSETS_H_

#include <cstddef>
#include <string_view>

namespace newsloom::server {

struct Asset {
  std::string_view path;          // "/index.html", "/app.js", ...
  std::string_view content_type;  // with charset for text
  std::string_view bytes;
};

// The embedded file at exactly `path`, or null. Paths are compared as bytes: no normalisation,
// so "/../x" or "/%2e%2e/x" find nothing.
const Asset* FindAsset(std::string_view path);

// Defined by the generated file: every embedded asset.
extern const Asset kEmbeddedAssets[];
extern const size_t kEmbeddedAssetCount;

}  // namespace newsloom::server

#endif  // NEWSLOOM_SERVER_ASSETS_H_
