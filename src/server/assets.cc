#include "server/assets.h"

namespace newsloom::server {

const Asset* FindAsset(std::string_view path) {
  // A handful of files: a linear scan beats building an index.
  for (size_t i = 0; i < kEmbeddedAssetCount; ++i) {
    if (kEmbeddedAssets[i].path == path) return &kEmbeddedAssets[i];
  }
  return nullptr;
}

}  // namespace newsloom::server
