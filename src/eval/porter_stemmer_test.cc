#include "eval/porter_stemmer.h"

#include <gtest/gtest.h>

namespace newsloom::eval {
namespace {

TEST(PorterStemmerTest, ExamplesOfThePaper) {
  const std::pair<const char*, const char*> rows[] = {
      {"caresses", "caress"},
      {"ponies", "poni"},
      {"ties", "ti"},
      {"caress", "caress"},
      {"cats", "cat"},
      {"feed", "feed"},
      {"agreed", "agre"},
      {"plastered", "plaster"},
      {"bled", "bled"},
      {"motoring", "motor"},
      {"sing", "sing"},
      {"conflated", "conflat"},
      {"troubled", "troubl"},
      {"sized", "size"},
      {"hopping", "hop"},
      {"tanned", "tan"},
      {"falling", "fall"},
      {"hissing", "hiss"},
      {"fizzed", "fizz"},
      {"failing", "fail"},
      {"filing", "file"},
      {"happy", "happi"},
      {"sky", "sky"},
      {"relational", "relat"},
      {"conditional", "condit"},
      {"rational", "ration"},
      {"valenci", "valenc"},
      {"digitizer", "digit"},
      {"operator", "oper"},
      {"feudalism", "feudal"},
      {"decisiveness", "decis"},
      {"hopefulness", "hope"},
      {"formaliti", "formal"},
      {"triplicate", "triplic"},
      {"formative", "form"},
      {"electrical", "electr"},
      {"goodness", "good"},
      {"revival", "reviv"},
      {"allowance", "allow"},
      {"inference", "infer"},
      {"airliner", "airlin"},
      {"adjustable", "adjust"},
      {"replacement", "replac"},
      {"adoption", "adopt"},
      {"controll", "control"},
      {"roll", "roll"},
      {"probate", "probat"},
      {"rate", "rate"},
      {"cease", "ceas"},
      {"generalizations", "gener"},
      {"oscillators", "oscil"},
      {"killed", "kill"},
      {"exploded", "explod"},
      {"is", "is"},
      {"5,000", "5,000"},
      {"Oil", "Oil"},
  };
  for (const auto& [word, stem] : rows) EXPECT_EQ(PorterStem(word), stem) << word;
}

}  // namespace
}  // namespace newsloom::eval
