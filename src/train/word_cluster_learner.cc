#include "train/word_cluster_learner.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <numeric>
#include <sstream>
#include <unordered_map>

#include "analyze/ner_io.h"
#include "text/chars.h"

namespace newsloom::train {
namespace {

bool IsOpenPunct(unsigned char c) {
  return c == '"' || c == '(' || c == '[' || c == '{' || c == '`';
}
bool IsClosePunct(unsigned char c) {
  return c == '"' || c == ')' || c == ']' || c == '}' || c == ',' || c == ';' || c == ':' ||
         c == '!' || c == '?';
}

// k-means with cosine similarity over unit vectors; returns each point's cluster. Initial centres
// are evenly spaced through `points` (ordered by frequency), so the result is deterministic.
std::vector<int> KMeans(const std::vector<float>& vecs, int dims, const std::vector<int>& points,
                        int k, int iterations) {
  const int n = static_cast<int>(points.size());
  std::vector<int> assign(n, 0);
  if (n == 0) return assign;
  k = std::min(k, n);
  std::vector<float> centres(static_cast<size_t>(k) * dims);
  for (int c = 0; c < k; ++c) {
    const float* v = &vecs[static_cast<size_t>(points[static_cast<size_t>(c) * n / k]) * dims];
    std::copy(v, v + dims, &centres[static_cast<size_t>(c) * dims]);
  }
  for (int it = 0; it < iterations; ++it) {
    for (int i = 0; i < n; ++i) {
      const float* v = &vecs[static_cast<size_t>(points[i]) * dims];
      float best = -1e30f;
      for (int c = 0; c < k; ++c) {
        const float* m = &centres[static_cast<size_t>(c) * dims];
        float dot = 0;
        for (int d = 0; d < dims; ++d) dot += v[d] * m[d];
        if (dot > best) {
          best = dot;
          assign[i] = c;
        }
      }
    }
    std::vector<float> sums(centres.size(), 0.0f);
    std::vector<int> sizes(k, 0);
    for (int i = 0; i < n; ++i) {
      const float* v = &vecs[static_cast<size_t>(points[i]) * dims];
      float* s = &sums[static_cast<size_t>(assign[i]) * dims];
      for (int d = 0; d < dims; ++d) s[d] += v[d];
      ++sizes[assign[i]];
    }
    for (int c = 0; c < k; ++c) {
      if (sizes[c] == 0) continue;  // keep the old centre
      float* s = &sums[static_cast<size_t>(c) * dims];
      float norm = 0;
      for (int d = 0; d < dims; ++d) norm += s[d] * s[d];
      norm = std::sqrt(norm);
      if (norm <= 0) continue;
      for (int d = 0; d < dims; ++d) centres[static_cast<size_t>(c) * dims + d] = s[d] / norm;
    }
  }
  return assign;
}

}  // namespace

void TokenizeForClusters(std::string_view text, std::vector<std::string_view>* tokens) {
  tokens->clear();
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t j = i;
    while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    std::string_view w = text.substr(i, j - i);
    i = j;
    while (!w.empty() && IsOpenPunct(w.front())) {
      tokens->push_back(w.substr(0, 1));
      w.remove_prefix(1);
    }
    std::vector<std::string_view> tail;
    while (!w.empty()) {
      unsigned char last = w.back();
      if (IsClosePunct(last)) {
        tail.push_back(w.substr(w.size() - 1));
        w.remove_suffix(1);
      } else if (last == '.') {
        // "U.S." and "Mr." stay whole; a sentence-final period goes apart.
        bool abbrev = w.substr(0, w.size() - 1).find('.') != std::string_view::npos ||
                      (w.size() <= 4 && std::isupper(static_cast<unsigned char>(w[0])));
        if (abbrev) break;
        tail.push_back(w.substr(w.size() - 1));
        w.remove_suffix(1);
      } else {
        break;
      }
    }
    if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) {
      tail.push_back(w.substr(w.size() - 2));
      w.remove_suffix(2);
    }
    if (!w.empty()) tokens->push_back(w);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) tokens->push_back(*it);
  }
}

analyze::WordClusters LearnWordClusters(const std::vector<std::string>& texts,
                                        const WordClusterOptions& options) {
  // Pass 1: word and lower-cased context counts.
  std::unordered_map<std::string, long> counts, lower_counts;
  std::vector<std::string_view> tokens;
  for (const std::string& t : texts) {
    TokenizeForClusters(t, &tokens);
    for (std::string_view w : tokens) {
      ++counts[std::string(w)];
      ++lower_counts[text::AsciiLower(w)];
    }
  }
  auto by_count = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  std::vector<std::pair<std::string, long>> vocab(counts.begin(), counts.end());
  std::sort(vocab.begin(), vocab.end(), by_count);
  while (!vocab.empty() && vocab.back().second < options.min_count) vocab.pop_back();
  if (static_cast<int>(vocab.size()) > options.max_words) vocab.resize(options.max_words);
  std::vector<std::pair<std::string, long>> contexts(lower_counts.begin(), lower_counts.end());
  std::sort(contexts.begin(), contexts.end(), by_count);
  if (static_cast<int>(contexts.size()) > options.context_words) {
    contexts.resize(options.context_words);
  }
  std::unordered_map<std::string, int> word_id, context_id;
  for (size_t i = 0; i < vocab.size(); ++i) word_id[vocab[i].first] = static_cast<int>(i);
  for (size_t i = 0; i < contexts.size(); ++i) context_id[contexts[i].first] = static_cast<int>(i);

  // Pass 2: (word, context slot) co-occurrence counts; slots are left and right neighbours.
  const int num_slots = 2 * static_cast<int>(contexts.size());
  std::unordered_map<uint64_t, uint32_t> pairs;
  std::vector<double> slot_totals(num_slots, 0), word_totals(vocab.size(), 0);
  double total = 0;
  for (const std::string& t : texts) {
    TokenizeForClusters(t, &tokens);
    std::vector<int> ctx(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      auto it = context_id.find(text::AsciiLower(tokens[i]));
      ctx[i] = it == context_id.end() ? -1 : it->second;
    }
    for (size_t i = 0; i < tokens.size(); ++i) {
      auto it = word_id.find(std::string(tokens[i]));
      if (it == word_id.end()) continue;
      auto add = [&](int slot) {
        ++pairs[(static_cast<uint64_t>(it->second) << 20) | static_cast<uint64_t>(slot)];
        ++slot_totals[slot];
        ++word_totals[it->second];
        ++total;
      };
      if (i > 0 && ctx[i - 1] >= 0) add(ctx[i - 1]);
      if (i + 1 < tokens.size() && ctx[i + 1] >= 0)
        add(static_cast<int>(contexts.size()) + ctx[i + 1]);
    }
  }

  // PPMI-weighted context counts, unit length. (A random projection to fewer dimensions was tried
  // and its noise swamped the similarities between words.)
  const int dims = num_slots;
  std::vector<float> vecs(vocab.size() * dims, 0.0f);
  for (const auto& [key, count] : pairs) {  // each pair fills its own cell: order does not matter
    int w = static_cast<int>(key >> 20);
    int slot = static_cast<int>(key & 0xfffff);
    double pmi = std::log(count * total / (word_totals[w] * slot_totals[slot]));
    if (pmi <= 0) continue;
    vecs[static_cast<size_t>(w) * dims + slot] = static_cast<float>(pmi);
  }
  for (size_t w = 0; w < vocab.size(); ++w) {
    float* v = &vecs[w * dims];
    float norm = 0;
    for (int d = 0; d < dims; ++d) norm += v[d] * v[d];
    norm = std::sqrt(norm);
    if (norm > 0) {
      for (int d = 0; d < dims; ++d) v[d] /= norm;
    }
  }

  // Hierarchical k-means: split everything, then split each cluster, then split again.
  std::vector<int> path(vocab.size(), 0);
  std::vector<std::vector<int>> groups(1);
  groups[0].resize(vocab.size());
  std::iota(groups[0].begin(), groups[0].end(), 0);
  for (int level = 0; level < analyze::WordClusters::kLevels; ++level) {
    std::vector<std::vector<int>> next;
    for (const std::vector<int>& group : groups) {
      std::vector<int> assign =
          KMeans(vecs, dims, group, options.branching[level], options.iterations);
      std::vector<std::vector<int>> parts(options.branching[level]);
      for (size_t i = 0; i < group.size(); ++i) {
        path[group[i]] |= assign[i] << (8 * (2 - level));
        parts[assign[i]].push_back(group[i]);
      }
      for (auto& p : parts) {
        if (!p.empty()) next.push_back(std::move(p));
      }
    }
    groups = std::move(next);
  }

  analyze::WordClusters out;
  std::vector<std::pair<std::string, int>> words;
  for (size_t w = 0; w < vocab.size(); ++w) words.emplace_back(vocab[w].first, path[w]);
  std::sort(words.begin(), words.end());
  for (const auto& [word, p] : words) out.Add(word, p);
  return out;
}

Status CollectUnlabelledTexts(const std::string& path, std::vector<std::string>* texts) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
      if (entry.is_regular_file()) files.push_back(entry.path().string());
    }
    if (ec) return Status::IoError("cannot list " + path);
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
      if (f.ends_with(".jsonl") || f.ends_with(".txt"))
        NEWSLOOM_RETURN_IF_ERROR(CollectUnlabelledTexts(f, texts));
    }
    return Status::Ok();
  }
  std::string content;
  NEWSLOOM_RETURN_IF_ERROR(analyze::ReadFileBytes(path, &content));
  if (!path.ends_with(".jsonl")) {
    texts->push_back(std::move(content));
    return Status::Ok();
  }
  std::istringstream lines(content);
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string())
      continue;
    texts->push_back(j["text"].get<std::string>());
  }
  return Status::Ok();
}

}  // namespace newsloom::train
