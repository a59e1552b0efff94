// Country names of the iso-codes package's ISO 3166-1 list, compiled into the program at build time
// (embed_countries.cmake) so that entity resolution needs no data files where it runs.
#ifndef NEWSLOOM_STORY_COUNTRY_NAMES_H_
#define NEWSLOOM_STORY_COUNTRY_NAMES_H_

#include <cstddef>

namespace newsloom::story {

struct CountryName {
  int country;       // position in the list, from 1: the names of one country share it
  const char* name;  // as listed: "Korea, Republic of", "Bolivia, Plurinational State of"
};

extern const CountryName kCountryNames[];
extern const size_t kCountryNameCount;

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_COUNTRY_NAMES_H_
