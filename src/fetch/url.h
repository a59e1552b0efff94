// URLs of live sources: resolving links, the canonical form that identifies a page however a feed
// or a link spells it, and the host and origin that politeness and robots.txt are kept per.
#ifndef NEWSLOOM_FETCH_URL_H_
#define NEWSLOOM_FETCH_URL_H_

#include <string>
#include <string_view>

#include "newsloom/status.h"

namespace newsloom::fetch {

// `reference` (absolute, or relative to `base`) as an absolute http or https URL without its
// fragment. Whitespace around the reference and tabs or newlines inside it are dropped, as browsers
// do. InvalidArgument for other schemes (mailto:, javascript:, ftp:) and for unparseable input.
Result<std::string> ResolveUrl(std::string_view base, std::string_view reference);

// The form that identifies a page: scheme and host in lower case, no default port, no user info,
// no fragment, dot segments resolved, percent-encoding normalised (unreserved characters decoded,
// hex digits in upper case, other bytes encoded), no trailing slash except on the root path,
// tracking parameters (utm_*, fbclid, gclid, mc_cid, ...) removed and the remaining query
// parameters sorted. InvalidArgument unless `url` is an absolute http or https URL.
Result<std::string> CanonicalUrl(std::string_view url);

// Unreserved characters decoded (but for '.'), other escapes with upper-case hex digits, bytes
// that may not appear in a URL (controls, space, non-ASCII, a lone '%') escaped: one spelling for
// each URL.
std::string NormalizePercentEncoding(std::string_view s);

// True for query parameters that only say where a reader came from.
bool IsTrackingParameter(std::string_view name);

// The lower-cased host name of an absolute URL ("" when it has none). Politeness is kept per host.
std::string HostOf(std::string_view url);

// "scheme://host[:port]" with the port only when it is not the scheme's default: robots.txt rules
// apply per origin (RFC 9309, section 2.3).
std::string OriginOf(std::string_view url);

// The path and query of an absolute URL as sent on the request line ("/a/b?c=d"; "/" for none).
std::string PathAndQueryOf(std::string_view url);

// True when two hosts belong to the same site: the same registrable domain by the public suffix
// list ("www.example.co.uk" and "news.example.co.uk"), or the same host when either has none (an IP
// address, "localhost").
bool SameSite(std::string_view host_a, std::string_view host_b);

}  // namespace newsloom::fetch

#endif  // NEWSLOOM_FETCH_URL_H_
