// The tagger in each language with a table, and without one: rows of {sentence, anchor, language,
// expected expression, type, value}.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "timex/timex.h"

namespace newsloom::timex {
namespace {

struct Row {
  const char* sentence;
  const char* anchor;  // nullptr: no anchor
  const char* lang;
  const char* text;  // the expected expression
  const char* type;
  const char* value;
};

std::string Found(const std::vector<TemporalExpression>& found) {
  std::string out;
  for (const TemporalExpression& e : found) out += "[" + e.text + "=" + e.value + "] ";
  return out;
}

void ExpectTagged(const Row& row) {
  std::optional<Date> anchor;
  if (row.anchor != nullptr) anchor = Date::FromIso(row.anchor);
  const auto found = TagTemporalExpressions(row.sentence, anchor, row.lang);
  for (const TemporalExpression& e : found) {
    if (e.text != row.text) continue;
    EXPECT_EQ(e.type, row.type) << row.sentence;
    EXPECT_EQ(e.value, row.value) << row.sentence;
    EXPECT_EQ(std::string_view(row.sentence).substr(e.span.begin, e.span.size()), e.text);
    return;
  }
  ADD_FAILURE() << "no \"" << row.text << "\" in: " << row.sentence << "\n got: " << Found(found);
}

// 2024-06-19 is a Wednesday.
TEST(LanguagesTest, German) {
  const Row rows[] = {
      {"Der Vertrag wurde am 3. Oktober 2024 unterzeichnet.", nullptr, "de", "3. Oktober 2024",
       "DATE", "2024-10-03"},
      {"Er kam letzten Dienstag an.", "2024-06-19", "de", "letzten Dienstag", "DATE", "2024-06-18"},
      {"Sie heirateten vor drei Jahren.", "2024-06-19", "de", "vor drei Jahren", "DATE", "2021"},
      {"Die Wahl findet nächste Woche statt.", "2024-06-19", "de", "nächste Woche", "DATE",
       "2024-W26"},
      {"Gestern Abend brannte es.", "2024-06-19", "de", "Gestern Abend", "TIME", "2024-06-18TEV"},
      {"Das Treffen beginnt um 14.00 Uhr.", "2024-06-19", "de", "14.00 Uhr", "TIME",
       "2024-06-19T14:00"},
      {"Die Verhandlungen dauerten drei Monate.", "2024-06-19", "de", "drei Monate", "DURATION",
       "P3M"},
      {"Nach einem achtjährigen Krieg kam der Frieden.", "2024-06-19", "de", "achtjährigen",
       "DURATION", "P8Y"},
      {"Die Zeitung erscheint täglich.", "2024-06-19", "de", "täglich", "SET", "P1D"},
      {"Der Krieg endete im Jahr 490 v. Chr. in Marathon.", nullptr, "de", "Jahr 490 v. Chr.",
       "DATE", "BC0490"},
      {"Das geschah im 4. Jh. v. Chr. in Athen.", nullptr, "de", "4. Jh. v. Chr.", "DATE", "BC03"},
      {"Die Gespräche fanden vom 8. bis 9. Mai 1865 statt.", nullptr, "de", "8.", "DATE",
       "1865-05-08"},
      {"Die Preise stiegen in den 1920er Jahren.", nullptr, "de", "1920er Jahren", "DATE", "192"},
      {"Gegen Ende des Jahres wurde es kalt.", "2024-06-19", "de", "Ende des Jahres", "DATE",
       "2024"},
  };
  for (const Row& row : rows) ExpectTagged(row);
}

TEST(LanguagesTest, French) {
  const Row rows[] = {
      {"Le traité a été signé le 3 octobre 2024.", nullptr, "fr", "3 octobre 2024", "DATE",
       "2024-10-03"},
      {"Il est arrivé mardi dernier.", "2024-06-19", "fr", "mardi dernier", "DATE", "2024-06-18"},
      {"Elle est partie il y a deux jours.", "2024-06-19", "fr", "il y a deux jours", "DATE",
       "2024-06-17"},
      {"Ils se sont mariés l'an dernier.", "2024-06-19", "fr", "l'an dernier", "DATE", "2023"},
      {"Aujourd'hui, le marché est calme.", "2024-06-19", "fr", "Aujourd'hui", "DATE",
       "2024-06-19"},
      {"Il a appelé hier soir.", "2024-06-19", "fr", "hier soir", "TIME", "2024-06-18TEV"},
      {"La réunion commence à 14 h 30.", "2024-06-19", "fr", "14 h 30", "TIME", "2024-06-19T14:30"},
      {"Les travaux ont duré quelques mois.", "2024-06-19", "fr", "quelques mois", "DURATION",
       "PXM"},
      {"Le club se réunit tous les ans.", "2024-06-19", "fr", "tous les ans", "SET", "P1Y"},
      {"Il est né le 1er mai 1962.", nullptr, "fr", "le 1er mai 1962", "DATE", "1962-05-01"},
      {"C'était à la fin de l'année dernière.", "2024-06-19", "fr", "la fin de l'année dernière",
       "DATE", "2023"},
      {"Les canalisations datent du XIXe siècle.", nullptr, "fr", "XIXe siècle", "DATE", "18"},
      {"Pour l'instant, rien ne change.", "2024-06-19", "fr", "Pour l'instant", "DATE",
       "PRESENT_REF"},
  };
  for (const Row& row : rows) ExpectTagged(row);
}

TEST(LanguagesTest, Spanish) {
  const Row rows[] = {
      {"El tratado se firmó el 3 de octubre de 2024.", nullptr, "es", "3 de octubre de 2024",
       "DATE", "2024-10-03"},
      {"Llegó el martes pasado.", "2024-06-19", "es", "martes pasado", "DATE", "2024-06-18"},
      {"Se casaron hace una semana.", "2024-06-19", "es", "hace una semana", "DATE", "2024-W24"},
      {"El año pasado las ventas cayeron.", "2024-06-19", "es", "El año pasado", "DATE", "2023"},
      {"La reunión será el próximo lunes.", "2024-06-19", "es", "próximo lunes", "DATE",
       "2024-06-24"},
      {"Ayer, miércoles, hubo huelga.", "2024-06-20", "es", "Ayer, miércoles", "DATE",
       "2024-06-19"},
      {"El vuelo sale a las 11.30 horas.", "2024-06-19", "es", "11.30 horas", "TIME",
       "2024-06-19T11:30"},
      {"La guerra duró dos años y tres meses.", "2024-06-19", "es", "dos años y tres meses",
       "DURATION", "P2Y3M"},
      {"Los precios suben en los últimos meses.", "2024-06-19", "es", "los últimos meses",
       "DURATION", "PXM"},
      {"La revista es mensual.", "2024-06-19", "es", "mensual", "SET", "P1M"},
      {"Fue construido en el siglo XIX.", nullptr, "es", "el siglo XIX", "DATE", "18"},
      {"La música de los años 30 vuelve.", nullptr, "es", "los años 30", "DATE", "193"},
      {"Lo dijo el pasado 5 de octubre.", "2024-06-19", "es", "el pasado 5 de octubre", "DATE",
       "2023-10-05"},
      {"Ahora el mercado está tranquilo.", "2024-06-19", "es", "Ahora", "DATE", "PRESENT_REF"},
      {"La sesión cerró a las 13:30 GMT.", "2024-06-19", "es", "13:30 GMT", "TIME",
       "2024-06-19T13:30Z"},
  };
  for (const Row& row : rows) ExpectTagged(row);
}

// A history resolves its relative expressions against the dates it tells, not its anchor.
TEST(LanguagesTest, HistoriesFollowTheNarrative) {
  const char* text =
      "1861 trat South Carolina aus. 1862 folgten weitere Staaten. 1863 kam es zur Schlacht. "
      "1864 fiel Atlanta. 1865 endete der Krieg. 1866 begann der Wiederaufbau. 1867 wurde "
      "Alaska gekauft. 1868 wurde Johnson angeklagt. 1869 war die Eisenbahn fertig. 1870 "
      "kehrten die letzten Staaten zurück. Im Jahr 1863 siegte die Union bei Gettysburg. Im "
      "Oktober fielen die ersten Schneeflocken. Am 19. November sprach Lincoln. Einen Tag "
      "später reiste er ab. Heute erinnert ein Denkmal daran.";
  const auto found = TagTemporalExpressions(text, Date::FromIso("2011-02-16"), "de");
  auto value_of = [&](std::string_view expression) -> std::string {
    for (const TemporalExpression& e : found) {
      if (e.text == expression) return e.value;
    }
    return "missing; got " + Found(found);
  };
  EXPECT_EQ(value_of("Oktober"), "1863-10");
  EXPECT_EQ(value_of("19. November"), "1863-11-19");
  EXPECT_EQ(value_of("Einen Tag später"), "1863-11-20");
  EXPECT_EQ(value_of("Heute"), "PRESENT_REF");
  // The same text in a news article of 1863 is read against its anchor.
  const auto news = TagTemporalExpressions("Im Oktober fielen die ersten Schneeflocken.",
                                           Date::FromIso("1863-12-01"), "de");
  ASSERT_EQ(news.size(), 1u);
  EXPECT_EQ(news[0].value, "1863-10");
}

// A language without a table gets the rules that need no words, and no English words; none given
// is English.
TEST(LanguagesTest, WithoutATableOnlyNumbers) {
  const Row rows[] = {
      {"Podpisano 2024-06-19 w Warszawie.", "2024-06-20", "pl", "2024-06-19", "DATE", "2024-06-19"},
      {"Podpisano 19.06.2024 w Warszawie.", nullptr, "pl", "19.06.2024", "DATE", "2024-06-19"},
      {"Spotkanie o 15:30 w Warszawie.", "2024-06-19", "pl", "15:30", "TIME", "2024-06-19T15:30"},
      {"W roku 2024 wybory.", nullptr, "pl", "2024", "DATE", "2024"},
  };
  for (const Row& row : rows) ExpectTagged(row);
  for (const char* lang : {"pl", "un"}) {
    const auto found =
        TagTemporalExpressions("He left yesterday and will return next week, on Tuesday.",
                               Date::FromIso("2024-06-19"), lang);
    EXPECT_TRUE(found.empty()) << lang << ": " << Found(found);
  }
  EXPECT_EQ(TagTemporalExpressions("He left yesterday.", Date::FromIso("2024-06-19"), "").size(),
            1u);
}

}  // namespace
}  // namespace newsloom::timex
