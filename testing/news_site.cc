#include "testing/news_site.h"

namespace newsloom::testing {

namespace {

std::string Html(const Report& r) {
  std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + r.title +
      "</title><meta property=\"article:published_time\" content=\"" + r.published +
      "\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>" + r.title + "</h1>";
  size_t start = 0;
  while (start < r.body.size()) {
    size_t end = r.body.find("\n\n", start);
    if (end == std::string::npos) end = r.body.size();
    html += "<p>" + r.body.substr(start, end - start) + "</p>";
    start = end + 2;
  }
  return html + "</article><footer>All rights reserved.</footer></body></html>";
}

// RFC 822 dates for the feed, from the ISO dates of the reports ("2024-06-14T09:30:00Z").
std::string FeedDate(const std::string& iso) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int month = std::stoi(iso.substr(5, 2));
  return iso.substr(8, 2) + " " + kMonths[month - 1] + " " + iso.substr(0, 4) + " " +
         iso.substr(11, 8) + " GMT";
}

}  // namespace

NewsSite::NewsSite(TestSite* site) : site_(site) {
  for (const char* host : kHosts) {
    Response robots;
    robots.content_type = "text/plain";
    robots.body = "User-agent: *\nDisallow: /private/\n";
    site_->Set(host, "/robots.txt", robots);
    ServeFeed(host);
  }
}

std::vector<std::string> NewsSite::ResolveEntries() const {
  std::vector<std::string> out;
  for (const char* host : kHosts) out.push_back(site_->ResolveEntry(host));
  return out;
}

void NewsSite::Publish(const Report& report) {
  Response page;
  page.body = Html(report);
  site_->Set(report.host, report.path, page);
  feeds_[report.host].insert(feeds_[report.host].begin(),
                             {report.path, report.title, report.published});
  ServeFeed(report.host);
}

void NewsSite::PublishFault(const std::string& host, const std::string& path,
                            const std::string& title, Response response) {
  site_->Set(host, path, std::move(response));
  feeds_[host].insert(feeds_[host].begin(), {path, title, "2024-06-14T08:00:00Z"});
  ServeFeed(host);
}

void NewsSite::ServeFeed(const std::string& host) {
  std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + host +
                    "</title><link>" + site_->Url(host, "/") + "</link>";
  for (const Item& item : feeds_[host]) {
    // A title-only item is an item too: the date and summary are left out of every third.
    xml +=
        "<item><title>" + item.title + "</title><link>" + site_->Url(host, item.path) + "</link>";
    if (item.path.size() % 3 != 0) {
      xml += "<pubDate>" + FeedDate(item.published) + "</pubDate><description>" + item.title +
             ": the report.</description>";
    }
    xml += "</item>";
  }
  Response feed;
  feed.content_type = "application/rss+xml";
  feed.body = xml + "</channel></rss>";
  feed.etag = "\"" + host + "-" + std::to_string(++versions_[host]) + "\"";
  site_->Set(host, "/feed.xml", feed);
}

std::vector<Report> NewsSite::Reports(int round) {
  const std::string flood_a =
      "The river Severn burst its banks at Shrewsbury on Thursday night after three days of "
      "heavy rain, flooding more than 400 homes in the town centre.\n\n"
      "The Environment Agency issued 12 severe flood warnings along the Severn and said water "
      "levels at the Welsh Bridge reached 5.2 metres, the highest since 2000.\n\n"
      "\"We have never seen the water rise this fast,\" said Mark Hughes, who runs a bakery on "
      "Frankwell Quay. Firefighters used boats to rescue 35 residents from flooded streets.";
  const std::string flood_b =
      "Hundreds of homes were flooded in Shrewsbury when the river Severn burst its banks after "
      "days of rain, and firefighters rescued 35 people by boat.\n\n"
      "Water levels at the Welsh Bridge reached 5.2 metres on Friday morning, the Environment "
      "Agency said, as 12 severe flood warnings stayed in place along the Severn.\n\n"
      "Shropshire Council opened a rest centre at the Shrewsbury sports village for families "
      "forced out of their homes by the flood.";
  const std::string rates_a =
      "The Bank of England raised its main interest rate to 5.25 percent on Thursday, the "
      "fourteenth increase in a row, as inflation stayed far above its 2 percent target.\n\n"
      "Governor Andrew Bailey said the Monetary Policy Committee voted six to three for the "
      "rise, with three members preferring to hold rates at 5 percent.\n\n"
      "Mortgage lenders said the decision would add about 30 pounds a month to a typical "
      "tracker mortgage.";
  const std::string rates_b =
      "Interest rates rose to 5.25 percent after the Bank of England's Monetary Policy "
      "Committee voted six to three for a fourteenth consecutive increase.\n\n"
      "Andrew Bailey, the governor, said inflation of 7.9 percent was still too high and that "
      "the bank would do what was needed to bring it back to its 2 percent target.\n\n"
      "Economists said the rise would push up mortgage payments for more than a million "
      "households on tracker deals.";
  if (round == 0) {
    return {
        {kHosts[0], "/news/severn-floods-shrewsbury", "flood",
         "Severn floods hundreds of homes in Shrewsbury", "2024-06-14T07:30:00Z", flood_a},
        {kHosts[1], "/uk/shrewsbury-flood-rescue", "flood",
         "Firefighters rescue 35 as Shrewsbury floods", "2024-06-14T08:10:00Z", flood_b},
        {kHosts[0], "/business/bank-raises-rates", "rates",
         "Bank of England raises interest rate to 5.25%", "2024-06-14T12:05:00Z", rates_a},
        {kHosts[1], "/money/rates-rise-again", "rates",
         "Interest rates rise for fourteenth time in a row", "2024-06-14T12:20:00Z", rates_b},
    };
  }
  const std::string flood_c =
      "Clean-up began in Shrewsbury on Saturday as the river Severn fell back from its peak of "
      "5.2 metres at the Welsh Bridge, leaving more than 400 flooded homes.\n\n"
      "The Environment Agency lifted 8 of its 12 severe flood warnings along the Severn, and "
      "Shropshire Council said the rest centre would stay open for the families flooded out.\n\n"
      "Residents on Frankwell Quay pumped water from cellars after firefighters rescued 35 "
      "people by boat during the flood.";
  const std::string rates_c =
      "Homeowners face higher mortgage bills after the Bank of England raised interest rates "
      "to 5.25 percent, its fourteenth increase in a row.\n\n"
      "Lenders including the largest high street banks said tracker mortgage payments would "
      "rise by about 30 pounds a month from next week.\n\n"
      "Governor Andrew Bailey defended the six to three vote of the Monetary Policy Committee, "
      "saying inflation had to return to the 2 percent target.";
  return {
      {kHosts[1], "/uk/shrewsbury-clean-up", "flood",
       "Shrewsbury begins clean-up as Severn flood falls", "2024-06-15T09:00:00Z", flood_c},
      {kHosts[0], "/business/mortgage-bills-rise", "rates",
       "Mortgage bills rise after Bank of England rate increase", "2024-06-15T10:00:00Z", rates_c},
  };
}

}  // namespace newsloom::testing
