// Dates as feeds and sitemaps write them, and the timestamps the watcher keeps.
#ifndef NEWSLOOM_FETCH_FEED_DATE_H_
#define NEWSLOOM_FETCH_FEED_DATE_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "newsloom/fetch.h"

namespace newsloom::fetch {

// "2024-06-14T09:30:00Z": a point in time in UTC, to the second.
std::string FormatUtc(TimePoint t);

// An RFC 3339 timestamp ("2024-06-14T09:30:00Z", "2024-06-14T11:30:00.25+02:00") as a point in
// time; a date alone is its midnight UTC. nullopt for anything else.
std::optional<TimePoint> ParseTimestamp(std::string_view s);

// A feed or sitemap date as ISO 8601, keeping the writer's own UTC offset so that the calendar day
// stays the one the outlet meant: RFC 822/1123 dates of RSS ("Fri, 14 Jun 2024 09:30:00 GMT",
// "14 June 2024 9:30 -0500", two-digit years, US zone names) and RFC 3339 / W3C dates of Atom,
// JSON Feed and sitemaps ("2024-06-14T09:30:00+02:00", "2024-06-14 09:30", "2024-06-14").
// Returns "2024-06-14T09:30:00+02:00", "2024-06-14T09:30:00Z" or a date alone "2024-06-14";
// nullopt when the text holds no valid date.
std::optional<std::string> NormalizeFeedDate(std::string_view s);

}  // namespace newsloom::fetch

#endif  // NEWSLOOM_FETCH_FEED_DATE_H_
