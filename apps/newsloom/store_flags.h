// Opening the store for the read-only commands (stories, story, search).
#ifndef NEWSLOOM_APPS_STORE_FLAGS_H_
#define NEWSLOOM_APPS_STORE_FLAGS_H_

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "newsloom/store.h"

namespace newsloom::cli {

inline bool IsPostgresTarget(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

// The store at `db`, or null after printing why not. A missing file is not created: reading
// commands say so instead of showing an empty store.
inline std::unique_ptr<Store> OpenExistingStore(const std::string& db, const char* command) {
  if (db.find("://") == std::string::npos && !std::filesystem::exists(db)) {
    std::fprintf(stderr, "newsloom %s: no store at %s (run newsloom ingest first)\n", command,
                 db.c_str());
    return nullptr;
  }
  auto store = Store::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "newsloom %s: %s\n", command, store.status().ToString().c_str());
    return nullptr;
  }
  return std::move(*store);
}

}  // namespace newsloom::cli

#endif  // NEWSLOOM_APPS_STORE_FLAGS_H_
