#include "train/gazetteer_builder.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

namespace newsloom::train {

using analyze::Gazetteer;

void AddName(std::string_view name, Gazetteer::List list, Gazetteer* gazetteer) {
  std::vector<std::string> tokens;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) tokens.push_back(std::move(cur));
    cur.clear();
  };
  for (char c : name) {
    if (c == ' ' || c == '_' || c == '\t') {
      flush();
    } else if (c == ',' || c == '(' || c == ')') {
      flush();
      tokens.emplace_back(1, c);
    } else {
      cur += c;
    }
  }
  flush();
  gazetteer->Add(tokens, list);
}

Status AddIsoCodes(const std::string& json_dir, Gazetteer* gazetteer) {
  struct Source {
    const char* file;
    const char* key;
    Gazetteer::List list;
  };
  const Source sources[] = {{"iso_3166-1.json", "3166-1", Gazetteer::kCountry},
                            {"iso_3166-2.json", "3166-2", Gazetteer::kSubdivision},
                            {"iso_4217.json", "4217", Gazetteer::kCurrency}};
  for (const Source& s : sources) {
    std::string path = json_dir + "/" + s.file;
    std::ifstream in(path);
    if (!in) return Status::NotFound("cannot open " + path + " (Debian package iso-codes)");
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.contains(s.key) || !doc[s.key].is_array()) {
      return Status::Corrupt("unexpected content in " + path);
    }
    for (const auto& item : doc[s.key]) {
      for (const char* field : {"name", "common_name", "official_name"}) {
        if (item.contains(field) && item[field].is_string()) {
          AddName(item[field].get<std::string>(), s.list, gazetteer);
        }
      }
    }
  }
  return Status::Ok();
}

Result<std::vector<std::string>> ReadMoTranslations(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto u32 = [&](size_t at, uint32_t* v) {
    size_t pos = at;
    return analyze::GetU32(bytes, &pos, v);
  };
  // Header: magic, revision, string count, offset of the originals' table, of the translations'.
  uint32_t magic = 0, count = 0, table = 0;
  if (!u32(0, &magic) || magic != 0x950412de || !u32(8, &count) || !u32(16, &table) ||
      table > bytes.size() || count > (bytes.size() - table) / 8)
    return Status::Corrupt(path + ": not a little-endian gettext catalogue");
  std::vector<std::string> out;
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t length = 0, offset = 0;
    u32(table + 8 * i, &length);
    u32(table + 8 * i + 4, &offset);
    if (offset > bytes.size() || length > bytes.size() - offset)
      return Status::Corrupt(path + ": string " + std::to_string(i) + " outside the file");
    // Plural forms are separated by NUL; names have none, the header entry (empty msgid) is text.
    std::string text = bytes.substr(offset, length);
    if (text.find('\n') != std::string::npos) continue;
    out.push_back(text.substr(0, text.find('\0')));
  }
  return out;
}

Status AddIsoCodeTranslations(const std::string& locale_dir, std::string_view language,
                              Gazetteer* gazetteer) {
  struct Source {
    const char* domain;
    Gazetteer::List list;
    bool required;
  };
  const Source sources[] = {{"iso_3166-1", Gazetteer::kCountry, true},
                            {"iso_3166-2", Gazetteer::kSubdivision, false},
                            {"iso_4217", Gazetteer::kCurrency, false}};
  for (const Source& s : sources) {
    const std::string path =
        locale_dir + "/" + std::string(language) + "/LC_MESSAGES/" + s.domain + ".mo";
    Result<std::vector<std::string>> names = ReadMoTranslations(path);
    if (!names.ok()) {
      if (!s.required && names.status().code() == Status::Code::kNotFound) continue;
      return names.status();
    }
    for (const std::string& name : *names) AddName(name, s.list, gazetteer);
  }
  return Status::Ok();
}

Status AddZoneTab(const std::string& path, Gazetteer* gazetteer) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path + " (Debian package tzdata)");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream cols(line);
    std::string codes, coords, zone;
    if (!(cols >> codes >> coords >> zone)) continue;
    size_t slash = zone.rfind('/');
    if (slash == std::string::npos) continue;
    AddName(zone.substr(slash + 1), Gazetteer::kCity, gazetteer);
  }
  return Status::Ok();
}

std::vector<analyze::GazetteerExclusions> AddTrainingNames(
    const std::vector<analyze::ConllDocument>& docs, Gazetteer* gazetteer) {
  std::vector<analyze::GazetteerExclusions> excluded(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    // Phrase -> its tokens and the types it was tagged with in this document, in a sorted map so
    // that the gazetteer is filled in the same order on every run.
    std::map<std::string, std::pair<std::vector<std::string>, uint32_t>> phrases;
    for (const analyze::ConllSentence& s : docs[d].sentences) {
      for (const analyze::Chunk& c : analyze::ChunksFromTags(s.tags)) {
        int t = analyze::NerTypeIndex(c.type);
        if (t < 0) continue;
        std::vector<std::string> tokens(s.words.begin() + c.begin, s.words.begin() + c.end);
        std::string key;
        for (const auto& w : tokens) key += w + " ";
        auto& entry = phrases[key];
        entry.first = tokens;
        entry.second |= 1u << t;
      }
    }
    for (const auto& [key, entry] : phrases) {
      if (static_cast<int>(entry.first.size()) > Gazetteer::kMaxPhraseTokens) continue;
      std::vector<uint64_t> keys;
      for (const auto& w : entry.first) keys.push_back(Gazetteer::TokenKey(w));
      excluded[d][Gazetteer::PhraseKey(keys.data(), static_cast<int>(keys.size()))] = entry.second;
      if (!gazetteer) continue;
      for (int t = 0; t < analyze::kNumNerTypes; ++t) {
        if ((entry.second >> t) & 1) gazetteer->Add(entry.first, static_cast<Gazetteer::List>(t));
      }
    }
  }
  return excluded;
}

Result<Gazetteer> BuildNameLists(const NameListOptions& options) {
  Gazetteer names;
  NEWSLOOM_RETURN_IF_ERROR(AddIsoCodes(options.iso_codes_dir, &names));
  for (const std::string& language : options.languages)
    NEWSLOOM_RETURN_IF_ERROR(AddIsoCodeTranslations(options.locale_dir, language, &names));
  NEWSLOOM_RETURN_IF_ERROR(AddZoneTab(options.zone_tab, &names));
  for (const std::string& path : options.corpora) {
    Result<std::vector<analyze::ConllDocument>> docs = analyze::ReadNerData(path);
    if (!docs.ok()) return docs.status();
    AddTrainingNames(*docs, &names);
  }
  return names;
}

}  // namespace newsloom::train
