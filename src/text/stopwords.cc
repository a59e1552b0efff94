#include "text/stopwords.h"

#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "text/snowball_stop_lists.h"

namespace newsloom::text {
namespace {

// clang-format off
// One union of the languages: pages are classified before their language is known, and the
// shared words ("a", "in", "de") count for every language anyway.
constexpr std::string_view kMultilingual[] = {
    // English
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even",
    "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "it's", "its", "itself",
    "just", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor", "not", "now",
    "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "said",
    "same", "she", "should", "since", "so", "some", "such", "than", "that", "the", "their",
    "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "upon", "very", "was", "we", "were", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
    "without", "would", "you", "your", "yet", "while", "already", "still", "though", "although",
    "many", "several", "who's", "that's", "there's", "he's", "she's", "they're", "we're", "isn't",
    "wasn't", "don't", "doesn't", "didn't", "won't", "can't", "one", "two", "new", "according",
    // German
    "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bin", "bis", "bist", "da", "damit",
    "dann", "das", "dass", "daß", "dem", "den", "denn", "der", "des", "die", "dies", "diese",
    "diesem", "diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein", "eine", "einem",
    "einen", "einer", "eines", "er", "es", "etwa", "für", "gegen", "hat", "hatte", "hatten",
    "ich", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "ist", "ja", "jedoch", "kann",
    "kein", "keine", "können", "man", "mehr", "mit", "muss", "nach", "nicht", "noch", "nun",
    "nur", "ob", "oder", "ohne", "schon", "sehr", "sein", "seine", "seinem", "seinen", "seiner",
    "sich", "sie", "sind", "so", "soll", "sowie", "um", "und", "uns", "unter", "vom", "von",
    "vor", "war", "waren", "was", "weil", "wenn", "werden", "wie", "wieder", "wir", "wird",
    "wurde", "wurden", "zu", "zum", "zur", "zwischen", "über", "immer", "hier", "alle", "diese",
    // French
    "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "elles", "en",
    "est", "et", "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "mais",
    "même", "nous", "ont", "ou", "où", "par", "pas", "pour", "qu'il", "que", "qui", "sa", "sans",
    "se", "ses", "son", "sont", "sur", "un", "une", "vous", "été", "être", "fait", "comme",
    "plus", "aussi", "entre", "c'est", "l'on", "d'un", "d'une",
    // Spanish and Portuguese
    "al", "como", "con", "del", "el", "ella", "ellos", "entre", "era", "es", "esta", "este",
    "fue", "ha", "han", "hay", "las", "lo", "los", "más", "muy", "para", "pero", "por", "porque",
    "se", "ser", "si", "sin", "sobre", "son", "su", "sus", "también", "una", "uno", "y", "ya",
    "à", "ao", "aos", "com", "da", "das", "do", "dos", "ela", "ele", "em", "foi", "isso", "mais",
    "mas", "na", "nas", "no", "nos", "não", "o", "os", "ou", "pela", "pelo", "que", "são", "seu",
    "sua", "um", "uma",
    // Italian
    "che", "come", "con", "degli", "dei", "della", "delle", "dello", "gli", "ha", "hanno", "il",
    "io", "loro", "ma", "nel", "nella", "non", "per", "più", "questo", "questa", "sono", "tra",
    "gli", "è", "anche", "alla", "alle",
    // Dutch
    "aan", "bij", "dat", "deze", "dit", "een", "geen", "het", "hij", "hoe", "ik", "is", "je",
    "kan", "maar", "met", "naar", "niet", "nog", "om", "ook", "op", "over", "te", "tot", "uit",
    "van", "veel", "voor", "was", "wat", "we", "wel", "werd", "wordt", "zal", "ze", "zich", "zijn",
    "zo",
};

constexpr std::string_view kEnglish[] = {
    "a",         "about",   "above",   "after",  "again",     "against", "all",      "also",
    "am",        "an",      "and",     "any",    "are",       "as",      "at",       "be",
    "because",   "been",    "before",  "being",  "below",     "between", "both",     "but",
    "by",        "can",     "could",   "did",    "do",        "does",    "doing",    "down",
    "during",    "each",    "even",    "few",    "for",       "from",    "further",  "had",
    "has",       "have",    "having",  "he",     "her",       "here",    "hers",     "herself",
    "him",       "himself", "his",     "how",    "i",         "if",      "in",       "into",
    "is",        "it",      "it's",    "its",    "itself",    "just",    "me",       "more",
    "most",      "mr",      "mrs",     "ms",     "dr",        "my",      "myself",   "no",
    "nor",       "not",     "now",     "of",     "off",       "on",      "once",     "only",
    "or",        "other",   "our",     "ours",   "ourselves", "out",     "over",     "own",
    "said",      "same",    "says",    "she",    "should",    "so",      "some",     "such",
    "than",      "that",    "that's",  "the",    "their",     "theirs",  "them",     "themselves",
    "then",      "there",   "these",   "they",   "this",      "those",   "through",  "to",
    "too",       "under",   "until",   "up",     "very",      "was",     "we",       "were",
    "what",      "when",    "where",   "which",  "while",     "who",     "whom",     "why",
    "will",      "with",    "would",   "you",    "your",      "yours",   "yourself", "yourselves",
    "s",         "t",       "'s",      "told",   "say",       "may",     "might",    "must",
    "shall",     "us",      "one",     "new",    "like",      "many",    "much",     "however",
    "according", "since",   "still",   "yet",    "another",   "around",  "though",   "although",
    "whether",   "within",  "without", "across", "among",     "along",   "per",      "via",
    "upon",      "onto",    "would've"};

constexpr std::string_view kNotCounted[] = {
    "a",     "an",     "the",   "of",    "in",   "on",    "at",    "to",    "for",     "with",
    "by",    "from",   "and",   "or",    "but",  "that",  "this",  "these", "those",   "is",
    "was",   "were",   "are",   "be",    "been", "has",   "have",  "had",   "it",      "its",
    "as",    "than",   "more",  "less",  "per",  "each",  "who",   "which", "while",   "when",
    "after", "before", "since", "into",  "over", "under", "about", "if",    "so",      "not",
    "no",    "he",     "she",   "they",  "we",   "i",     "you",   "his",   "her",     "their",
    "our",   "my",     "all",   "also",  "will", "would", "could", "can",   "may",     "did",
    "do",    "does",   "other", "times", "out",  "up",    "down",  "off",   "am",      "pm",
    "a.m",   "p.m",    "st",    "nd",    "rd",   "th",    "or",    "among", "between", "said"};

// Added to kEnglish for kFigureContext.
constexpr std::string_view kNearFigures[] = {
    "last", "year", "years", "least", "less", "nearly", "almost"};
// clang-format on

using WordSet = std::unordered_set<std::string_view>;

template <size_t N>
void Insert(const std::string_view (&words)[N], WordSet* set) {
  set->insert(std::begin(words), std::end(words));
}

const WordSet& Set(StopList list) {
  static const auto* sets = [] {
    auto* s = new WordSet[4];
    Insert(kMultilingual, &s[static_cast<int>(StopList::kMultilingual)]);
    Insert(kEnglish, &s[static_cast<int>(StopList::kEnglish)]);
    Insert(kNotCounted, &s[static_cast<int>(StopList::kNotCounted)]);
    Insert(kEnglish, &s[static_cast<int>(StopList::kFigureContext)]);
    Insert(kNearFigures, &s[static_cast<int>(StopList::kFigureContext)]);
    return s;
  }();
  return sets[static_cast<int>(list)];
}

}  // namespace

bool IsStopword(std::string_view word, StopList list) { return Set(list).count(word) > 0; }

bool IsFunctionWord(std::string_view word, std::string_view language) {
  // "un": CLD2 could not tell, which happens mostly to short English text (headlines).
  if (language.empty() || language == "en" || language == "un") {
    return IsStopword(word, StopList::kEnglish);
  }
  static const auto* by_language = [] {
    auto* m = new std::unordered_map<std::string_view, WordSet>;
    for (size_t i = 0; i < kSnowballStopListCount; ++i) {
      const SnowballStopList& list = kSnowballStopLists[i];
      (*m)[list.language].insert(list.words, list.words + list.size);
    }
    return m;
  }();
  auto it = by_language->find(language);
  return it != by_language->end() && it->second.count(word) > 0;
}

}  // namespace newsloom::text
