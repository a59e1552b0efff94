// Building the entity tagger's name lists: entities of the training data by type, and names from
// lists Debian ships (iso-codes countries, subdivisions and currencies; tzdata cities).
#ifndef NEWSLOOM_TRAIN_GAZETTEER_BUILDER_H_
#define NEWSLOOM_TRAIN_GAZETTEER_BUILDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyze/gazetteer.h"
#include "analyze/ner_conll.h"
#include "analyze/ner_features.h"
#include "newsloom/status.h"

namespace newsloom::train {

// Splits `name` into tokens the way news text is tokenised (spaces and '_' separate; ',', '(' and
// ')' are tokens of their own) and adds it to `list`.
void AddName(std::string_view name, analyze::Gazetteer::List list, analyze::Gazetteer* gazetteer);

// Adds countries (iso_3166-1.json), subdivisions (iso_3166-2.json) and currencies (iso_4217.json)
// from an iso-codes JSON folder. kNotFound naming the file when one is missing, kCorrupt when its
// content is not what iso-codes writes.
Status AddIsoCodes(const std::string& json_dir, analyze::Gazetteer* gazetteer);

// Adds the names of countries, subdivisions and currencies in `language` (ISO 639-1), from the
// iso-codes translations: <locale_dir>/<language>/LC_MESSAGES/iso_3166-1.mo, iso_3166-2.mo and
// iso_4217.mo (GNU gettext catalogues). kNotFound naming the file when the countries' catalogue is
// missing (the others are optional), kCorrupt when a file is not a catalogue.
Status AddIsoCodeTranslations(const std::string& locale_dir, std::string_view language,
                              analyze::Gazetteer* gazetteer);

// The translated strings (msgstr) of a GNU gettext .mo catalogue, in catalogue order. kNotFound /
// kCorrupt naming the path.
Result<std::vector<std::string>> ReadMoTranslations(const std::string& path);

// Adds the city names of tzdata's zone1970.tab ("Europe/Paris" -> "Paris"). kNotFound naming the
// file when it is missing.
Status AddZoneTab(const std::string& path, analyze::Gazetteer* gazetteer);

// Adds every entity of the gold-tagged documents (phrases of up to kMaxPhraseTokens tokens) to
// the training list of its type, counted once per document; `gazetteer` may be null. Returns, for
// each document, its own phrases with their lists: training leaves them out of that document's
// lookups, as the tagger will meet unseen names in unseen text.
std::vector<analyze::GazetteerExclusions> AddTrainingNames(
    const std::vector<analyze::ConllDocument>& docs, analyze::Gazetteer* gazetteer);

// What the language-neutral name lists (analyze/ner_fallback.h) are built from.
struct NameListOptions {
  std::string iso_codes_dir = "/usr/share/iso-codes/json";
  std::string locale_dir = "/usr/share/locale";
  // The iso-codes names are added in English and in these languages.
  std::vector<std::string> languages = {"de", "es", "fr", "it", "nl", "pt"};
  std::string zone_tab = "/usr/share/zoneinfo/zone1970.tab";
  // Tagged corpora (ReadNerData) whose entities join the lists by type.
  std::vector<std::string> corpora;
};

// The name lists of the fallback tagger. Fails as AddIsoCodes, AddIsoCodeTranslations, AddZoneTab
// and ReadNerData fail.
Result<analyze::Gazetteer> BuildNameLists(const NameListOptions& options);

}  // namespace newsloom::train

#endif  // NEWSLOOM_TRAIN_GAZETTEER_BUILDER_H_
