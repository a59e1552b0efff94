#include "analyze/ner_model.h"

#include <algorithm>

#include "analyze/ner_io.h"

namespace newsloom::analyze {
namespace {

constexpr int L = kNumNerLabels;
constexpr char kMagic[8] = {'N', 'L', 'N', 'E', 'R', '0', '0', '1'};
constexpr uint32_t kVersion = 1;

}  // namespace

uint32_t NerFeatureGroups::Bits() const {
  return shape | affix << 1 | context << 2 | tags << 3 | gazetteer << 4 | clusters << 5 |
         nonlocal << 6;
}

NerFeatureGroups NerFeatureGroups::FromBits(uint32_t b) {
  NerFeatureGroups g;
  g.shape = b & 1;
  g.affix = b & 2;
  g.context = b & 4;
  g.tags = b & 8;
  g.gazetteer = b & 16;
  g.clusters = b & 32;
  g.nonlocal = b & 64;
  return g;
}

void NerModel::SetWeights(const std::vector<float>& dense) {
  const size_t rows = size_t{1} << hash_bits;
  slot.assign(rows, 0);
  weights.assign(L, 0.0f);
  nonzero_rows = 0;
  for (size_t r = 0; r < rows; ++r) {
    const float* wr = &dense[r * L];
    if (std::all_of(wr, wr + L, [](float v) { return v == 0; })) continue;
    slot[r] = static_cast<uint32_t>(weights.size() / L);
    weights.insert(weights.end(), wr, wr + L);
    ++nonzero_rows;
  }
}

std::string SerializeNerModel(const NerModel& m) {
  std::string out(kMagic, sizeof(kMagic));
  PutU32(&out, kVersion);
  PutU32(&out, static_cast<uint32_t>(m.hash_bits));
  PutU32(&out, L);
  PutU32(&out, m.groups.Bits());
  m.gazetteer.Serialize(&out);
  m.clusters.Serialize(&out);
  const size_t rows = size_t{1} << m.hash_bits;
  PutU32(&out, static_cast<uint32_t>(m.nonzero_rows));
  for (size_t r = 0; r < rows; ++r) {
    if (m.slot[r] == 0) continue;
    const float* wr = &m.weights[static_cast<size_t>(m.slot[r]) * L];
    PutU32(&out, static_cast<uint32_t>(r));
    for (int l = 0; l < L; ++l) PutF32(&out, wr[l]);
  }
  return out;
}

Result<NerModel> ParseNerModel(std::string_view data, const std::string& path) {
  auto corrupt = [&](const std::string& why) { return Status::Corrupt(path + ": " + why); };
  if (data.size() < sizeof(kMagic) ||
      data.compare(0, sizeof(kMagic), std::string_view(kMagic, sizeof(kMagic))) != 0) {
    return corrupt("not an entity tagger model");
  }
  size_t pos = sizeof(kMagic);
  uint32_t version, hash_bits, labels, groups;
  if (!GetU32(data, &pos, &version) || !GetU32(data, &pos, &hash_bits) ||
      !GetU32(data, &pos, &labels) || !GetU32(data, &pos, &groups)) {
    return corrupt("truncated header");
  }
  if (version != kVersion) return corrupt("unsupported model version " + std::to_string(version));
  if (labels != L || hash_bits < 10 || hash_bits > 26) return corrupt("bad header");
  NerModel m;
  m.hash_bits = static_cast<int>(hash_bits);
  m.mask = (1ULL << hash_bits) - 1;
  m.groups = NerFeatureGroups::FromBits(groups);
  Status st = m.gazetteer.Deserialize(data, &pos);
  if (!st.ok()) return corrupt(st.message());
  st = m.clusters.Deserialize(data, &pos);
  if (!st.ok()) return corrupt(st.message());
  uint32_t count;
  if (!GetU32(data, &pos, &count)) return corrupt("truncated weights");
  const size_t rows = size_t{1} << hash_bits;
  if (count >= rows) return corrupt("bad weight count");
  // Each row takes its number and L weights: a count the bytes cannot hold is a truncated file,
  // found before allocating for it.
  if (count > (data.size() - pos) / (4 * (L + 1))) return corrupt("truncated weights");
  m.slot.assign(rows, 0);
  m.weights.assign(static_cast<size_t>(count + 1) * L, 0.0f);
  for (uint32_t k = 0; k < count; ++k) {
    uint32_t r;
    if (!GetU32(data, &pos, &r) || r >= rows) return corrupt("truncated weights");
    m.slot[r] = k + 1;
    for (int l = 0; l < L; ++l) {
      if (!GetF32(data, &pos, &m.weights[static_cast<size_t>(k + 1) * L + l]))
        return corrupt("truncated weights");
    }
  }
  m.nonzero_rows = count;
  return m;
}

}  // namespace newsloom::analyze
