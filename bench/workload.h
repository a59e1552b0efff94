// A reproducible synthetic workload for the dedup and clustering benchmarks, made from the
// development articles (ECB+ dev and the Timeline17 dev topics under the shared data folder) by
// perturbation: exact copies, copies with edited words, dropped or reordered paragraphs, added
// boilerplate, shifted years and publication dates, and prefix copies at a known share of the
// words. Generated one article at a time; the same seed always gives the same articles.
#ifndef NEWSLOOM_BENCH_WORKLOAD_H_
#define NEWSLOOM_BENCH_WORKLOAD_H_

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "newsloom/date.h"
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
  int base = 0;     // index of the development article it was made from
  long family = 0;  // articles of one family derive from one original
  std::optional<Date> published;
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

// Synthetic articles made one at a time, so that a stream of any length takes constant memory:
// every `family` consecutive ones derive from one development article (the first unchanged, the
// others perturbed in turn by each kind). Edited copies change a share of their words, which puts
// their Jaccard similarity around the 0.8 boundary; prefix copies keep a known share of the words
// (their shingle Jaccard to the original is close to that share). Publication dates, when the
// development article has one, are shifted by up to two days within a family.
class WorkloadStream {
 public:
  WorkloadStream(const std::vector<DevArticle>& dev, int family = 6, uint64_t seed = 1)
      : dev_(dev), family_(std::max(1, family)), seed_(seed), rng_(seed) {}

  SyntheticArticle Next() {
    using internal::Blocks;
    using internal::Join;
    using internal::Split;
    static const char* kBoilerplate[] = {
        "Sign up for our daily newsletter to get the latest headlines in your inbox.",
        "Copyright. All rights reserved. This material may not be published, broadcast or "
        "redistributed.",
        "Follow us on social media for more updates. Share this article with your friends.",
    };
    static const char* kKinds[] = {"exact",        "edited",      "dropped",       "reordered",
                                   "edited-heavy", "boilerplate", "shifted-years", "prefix"};
    constexpr int kKindCount = 8;
    auto pick = [&](size_t n) { return static_cast<size_t>(rng_() % std::max<size_t>(1, n)); };
    const long i = next_++;
    const long fam = i / family_;
    const int member = static_cast<int>(i % family_);
    const int base = static_cast<int>(static_cast<size_t>(fam) % dev_.size());
    SyntheticArticle a;
    a.id = "s" + std::to_string(i);
    a.base = base;
    a.family = fam;
    const DevArticle& source = dev_[static_cast<size_t>(base)];
    std::string text = source.text;
    // Families past the first round over the development set start from an edited original, so
    // that they are not copies of the earlier rounds.
    const long round = fam / static_cast<long>(dev_.size());
    auto edit_words = [&](std::string t, double rate) {
      std::vector<std::string> words = Split(t, " ");
      for (std::string& w : words) {
        if (static_cast<double>(rng_() % 10000) < rate * 10000)
          w = "w" + std::to_string(rng_() % 100000);
      }
      return Join(words, " ");
    };
    if (round > 0) {
      // One edit per family, from the family's own seed, so that its members stay copies.
      std::mt19937_64 family_rng(seed_ ^ (static_cast<uint64_t>(fam) * 0x9E3779B97F4A7C15ull));
      std::vector<std::string> words = Split(text, " ");
      for (std::string& w : words) {
        if (family_rng() % 2 == 0) w = "w" + std::to_string(family_rng() % 100000);
      }
      text = Join(words, " ");
    }
    if (member == 0) {
      a.kind = "original";
    } else {
      const std::string kind = kKinds[(member - 1 + fam) % kKindCount];
      a.kind = kind;
      if (kind == "edited") {
        text = edit_words(text, 0.01 + 0.04 * static_cast<double>(rng_() % 100) / 100.0);
      } else if (kind == "edited-heavy") {
        text = edit_words(text, 0.05 + 0.15 * static_cast<double>(rng_() % 100) / 100.0);
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
      } else if (kind == "prefix") {
        // The leading share of the words, 0.65 to 0.95.
        std::vector<std::string> words = Split(text, " ");
        const double share = 0.65 + 0.30 * static_cast<double>(rng_() % 100) / 100.0;
        words.resize(
            std::max<size_t>(1, static_cast<size_t>(share * static_cast<double>(words.size()))));
        text = Join(words, " ");
      }
    }
    if (std::optional<Date> d = Date::FromIso(source.published.substr(0, 10))) {
      a.published = d->AddDays(member == 0 ? 0 : static_cast<long>(pick(3)));
    }
    a.text = std::move(text);
    return a;
  }

 private:
  const std::vector<DevArticle>& dev_;
  int family_;
  uint64_t seed_;
  std::mt19937_64 rng_;
  long next_ = 0;
};

// The first `count` articles of a WorkloadStream, for benchmarks small enough to hold.
inline std::vector<SyntheticArticle> MakeWorkload(const std::vector<DevArticle>& dev, int count,
                                                  int family = 6, uint64_t seed = 1) {
  WorkloadStream stream(dev, family, seed);
  std::vector<SyntheticArticle> out;
  out.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) out.push_back(stream.Next());
  return out;
}

}  // namespace newsloom::bench

#endif  // NEWSLOOM_BENCH_WORKLOAD_H_
