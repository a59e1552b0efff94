// A reproducible synthetic workload for the dedup and clustering benchmarks, made from the
// development articles (ECB+ dev and the Timeline17 dev topics under the shared data folder) by
// perturbation: exact copies, copies with edited words, dropped or reordered paragraphs, added
// boilerplate and shifted years. The same seed always gives the same articles.
#ifndef NEWSLOOM_BENCH_WORKLOAD_H_
#define NEWSLOOM_BENCH_WORKLOAD_H_

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::bench {

struct DevArticle {
  std::string text;
  std::string published;  // ISO date or empty
};

// Reads the development articles; NotFound (with the path) when the data is absent.
inline Result<std::vector<DevArticle>> LoadDevArticles(const std::string& shared_dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> files = {shared_dir + "/data/clustering/ecbplus-dev.jsonl"};
  const fs::path t17 = fs::path(shared_dir) / "data/timeline/t17-dev";
  std::error_code ec;
  if (fs::is_directory(t17, ec)) {
    std::vector<std::string> topics;
    for (const auto& entry : fs::directory_iterator(t17, ec)) {
      if (fs::exists(entry.path() / "articles.jsonl")) {
        topics.push_back((entry.path() / "articles.jsonl").string());
      }
    }
    std::sort(topics.begin(), topics.end());
    files.insert(files.end(), topics.begin(), topics.end());
  }
  std::vector<DevArticle> out;
  for (const std::string& file : files) {
    std::ifstream in(file);
    if (!in) return Status::NotFound("development data not found: " + file);
    std::string line;
    while (std::getline(in, line)) {
      auto row = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!row.is_object() || !row.contains("text") || !row["text"].is_string()) continue;
      DevArticle a;
      a.text = row["text"].get<std::string>();
      if (row.contains("published") && row["published"].is_string()) {
        a.published = row["published"].get<std::string>();
      }
      if (a.text.size() > 200) out.push_back(std::move(a));
    }
  }
  if (out.empty()) return Status::NotFound("no development articles under " + shared_dir);
  return out;
}

struct SyntheticArticle {
  std::string id;
  std::string text;
  int base = 0;      // index of the development article it was made from
  std::string kind;  // "original", "exact", "edited", "dropped", "reordered", "boilerplate", ...
};

namespace internal {

inline std::vector<std::string> Split(const std::string& text, const std::string& sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(sep, start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + sep.size();
  }
  return out;
}

inline std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

// Paragraphs, or sentences when the text is one paragraph.
inline std::vector<std::string> Blocks(const std::string& text) {
  std::vector<std::string> blocks = Split(text, "\n");
  if (blocks.size() < 3) blocks = Split(text, ". ");
  return blocks;
}

}  // namespace internal

// `count` articles: every `family` consecutive ones derive from one development article (the
// first unchanged, the others perturbed in turn by each kind). Edited copies change
// `edit_rate` of their words, which puts their Jaccard similarity near the 0.8 boundary.
inline std::vector<SyntheticArticle> MakeWorkload(const std::vector<DevArticle>& dev, int count,
                                                  int family = 6, uint64_t seed = 1) {
  using internal::Blocks;
  using internal::Join;
  using internal::Split;
  std::mt19937_64 rng(seed);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % std::max<size_t>(1, n)); };
  static const char* kBoilerplate[] = {
      "Sign up for our daily newsletter to get the latest headlines in your inbox.",
      "Copyright. All rights reserved. This material may not be published, broadcast or "
      "redistributed.",
      "Follow us on social media for more updates. Share this article with your friends.",
  };
  static const char* kKinds[] = {"exact",        "edited",      "dropped",      "reordered",
                                 "edited-heavy", "boilerplate", "shifted-years"};
  std::vector<SyntheticArticle> out;
  out.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    const int fam = i / family;
    const int member = i % family;
    const int base = static_cast<int>(static_cast<size_t>(fam) % dev.size());
    SyntheticArticle a;
    a.id = "s" + std::to_string(i);
    a.base = base;
    std::string text = dev[static_cast<size_t>(base)].text;
    // Families past the first round over the development set start from an edited original, so
    // that they are not copies of the earlier rounds.
    int round = fam / static_cast<int>(dev.size());
    auto edit_words = [&](std::string t, double rate) {
      std::vector<std::string> words = Split(t, " ");
      for (std::string& w : words) {
        if (static_cast<double>(rng() % 10000) < rate * 10000)
          w = "w" + std::to_string(rng() % 100000);
      }
      return Join(words, " ");
    };
    if (round > 0) text = edit_words(text, 0.5);
    if (member == 0) {
      a.kind = "original";
    } else {
      const std::string kind = kKinds[(member - 1 + fam) % 7];
      a.kind = kind;
      if (kind == "edited") {
        text = edit_words(text, 0.01 + 0.04 * static_cast<double>(rng() % 100) / 100.0);
      } else if (kind == "edited-heavy") {
        text = edit_words(text, 0.05 + 0.15 * static_cast<double>(rng() % 100) / 100.0);
      } else if (kind == "dropped") {
        std::vector<std::string> blocks = Blocks(text);
        if (blocks.size() > 2)
          blocks.erase(blocks.begin() + static_cast<long>(pick(blocks.size())));
        text = Join(blocks, "\n");
      } else if (kind == "reordered") {
        std::vector<std::string> blocks = Blocks(text);
        if (blocks.size() > 2) std::swap(blocks[pick(blocks.size())], blocks[pick(blocks.size())]);
        text = Join(blocks, "\n");
      } else if (kind == "boilerplate") {
        text = text + "\n" + kBoilerplate[pick(3)];
      } else if (kind == "shifted-years") {
        for (size_t p = 0; p + 4 <= text.size(); ++p) {
          if (text.compare(p, 2, "20") == 0 && isdigit(static_cast<unsigned char>(text[p + 2])) &&
              isdigit(static_cast<unsigned char>(text[p + 3]))) {
            text[p + 3] = static_cast<char>('0' + (text[p + 3] - '0' + 1) % 10);
          }
        }
      }
    }
    a.text = std::move(text);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace newsloom::bench

#endif  // NEWSLOOM_BENCH_WORKLOAD_H_
