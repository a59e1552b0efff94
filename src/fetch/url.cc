#include "fetch/url.h"

#include <curl/curl.h>
#include <libpsl.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "text/chars.h"

namespace newsloom::fetch {
namespace {

struct UrlHandleDeleter {
  void operator()(CURLU* h) const { curl_url_cleanup(h); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlHandleDeleter>;

// One part of a parsed URL; nullopt-like "" with `found` false when the part is absent.
bool GetPart(CURLU* h, CURLUPart part, unsigned flags, std::string* out) {
  char* value = nullptr;
  if (curl_url_get(h, part, &value, flags) != CURLUE_OK) return false;
  out->assign(value);
  curl_free(value);
  return true;
}

// Drops surrounding whitespace and any tab, newline or carriage return inside (WHATWG URL rules).
std::string CleanReference(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

// Parses an absolute http(s) URL (spaces allowed and encoded); nullptr when it is not one.
UrlHandle ParseHttpUrl(std::string_view url) {
  UrlHandle h(curl_url());
  if (!h) return nullptr;
  const std::string text = CleanReference(url);
  if (curl_url_set(h.get(), CURLUPART_URL, text.c_str(), CURLU_ALLOW_SPACE) != CURLUE_OK) {
    return nullptr;
  }
  std::string scheme;
  if (!GetPart(h.get(), CURLUPART_SCHEME, 0, &scheme)) return nullptr;
  scheme = text::AsciiLower(scheme);
  if (scheme != "http" && scheme != "https") return nullptr;
  std::string host;
  if (!GetPart(h.get(), CURLUPART_HOST, 0, &host) || host.empty()) return nullptr;
  return h;
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string NormalizePercentEncoding(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      const auto decoded = static_cast<unsigned char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      // "%2E" stays: decoded, it could form a dot segment that a later parse would remove.
      if (IsUnreserved(decoded) && decoded != '.') {
        out += static_cast<char>(decoded);
      } else {
        out += '%';
        out += kHex[decoded >> 4];
        out += kHex[decoded & 15];
      }
      i += 2;
    } else if (c <= ' ' || c >= 0x7f || c == '%' || c == '"' || c == '<' || c == '>') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

namespace {

// The query without tracking parameters, each parameter normalised, sorted; "" when none is left.
std::string CanonicalQuery(std::string_view query) {
  std::vector<std::string> params;
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view param = query.substr(start, end - start);
    start = end + 1;
    if (param.empty()) continue;
    const std::string name = NormalizePercentEncoding(param.substr(0, param.find('=')));
    if (IsTrackingParameter(name)) continue;
    params.push_back(NormalizePercentEncoding(param));
  }
  // Stable: repeated names keep their order, which can matter to the site.
  std::stable_sort(params.begin(), params.end(), [](const std::string& a, const std::string& b) {
    return a.substr(0, a.find('=')) < b.substr(0, b.find('='));
  });
  std::string out;
  for (const std::string& p : params) {
    if (!out.empty()) out += '&';
    out += p;
  }
  return out;
}

// A host of dots alone ("..", "."), which curl accepts, names no site.
std::string HostWithoutTrailingDots(std::string host) {
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

const psl_ctx_t* PublicSuffixList() {
  // The system list (publicsuffix package) when present, else the one built into libpsl.
  static const psl_ctx_t* psl = psl_latest(nullptr);
  return psl ? psl : psl_builtin();
}

}  // namespace

Result<std::string> ResolveUrl(std::string_view base, std::string_view reference) {
  const std::string ref = CleanReference(reference);
  // Without a usable base, only an absolute reference resolves.
  UrlHandle h = ParseHttpUrl(base);
  if (!h) h.reset(curl_url());
  if (!h) return Status::Internal("out of memory");
  if (ref.empty()) {
    curl_url_set(h.get(), CURLUPART_FRAGMENT, nullptr, 0);
  } else if (curl_url_set(h.get(), CURLUPART_URL, ref.c_str(), CURLU_ALLOW_SPACE) != CURLUE_OK) {
    return Status::InvalidArgument("bad link: " + ref);
  }
  std::string scheme;
  std::string host;
  if (!GetPart(h.get(), CURLUPART_SCHEME, 0, &scheme) ||
      (text::AsciiLower(scheme) != "http" && text::AsciiLower(scheme) != "https") ||
      !GetPart(h.get(), CURLUPART_HOST, 0, &host) || HostWithoutTrailingDots(host).empty()) {
    return Status::InvalidArgument("not an http(s) link: " + ref);
  }
  curl_url_set(h.get(), CURLUPART_FRAGMENT, nullptr, 0);
  std::string out;
  if (!GetPart(h.get(), CURLUPART_URL, 0, &out)) {
    return Status::InvalidArgument("bad link: " + ref);
  }
  return out;
}

Result<std::string> CanonicalUrl(std::string_view url) {
  UrlHandle h = ParseHttpUrl(url);
  if (!h) return Status::InvalidArgument("not an http(s) URL: " + std::string(url));
  std::string scheme, host, port, path, query;
  GetPart(h.get(), CURLUPART_SCHEME, 0, &scheme);
  GetPart(h.get(), CURLUPART_HOST, 0, &host);
  host = HostWithoutTrailingDots(text::AsciiLower(host));
  if (host.empty()) return Status::InvalidArgument("no host in URL: " + std::string(url));
  const bool has_port = GetPart(h.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT, &port);
  GetPart(h.get(), CURLUPART_PATH, 0, &path);
  GetPart(h.get(), CURLUPART_QUERY, 0, &query);

  path = NormalizePercentEncoding(path);
  if (path.empty() || path[0] != '/') path.insert(path.begin(), '/');
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  std::string out = text::AsciiLower(scheme) + "://" + host;
  if (has_port) out += ":" + port;
  out += path;
  const std::string canonical_query = CanonicalQuery(query);
  if (!canonical_query.empty()) out += "?" + canonical_query;
  return out;
}

bool IsTrackingParameter(std::string_view name) {
  const std::string lower = text::AsciiLower(name);
  if (lower.rfind("utm_", 0) == 0 || lower.rfind("pk_", 0) == 0 || lower.rfind("mtm_", 0) == 0) {
    return true;  // Google Analytics, Piwik and Matomo campaign parameters
  }
  static constexpr std::string_view kNames[] = {
      "fbclid",      "gclid",   "gclsrc",      "dclid",      "msclkid", "yclid",    "twclid",
      "ttclid",      "igshid",  "mc_cid",      "mc_eid",     "_ga",     "_gl",      "_hsenc",
      "_hsmi",       "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wt.mc_id", "at_medium",
      "at_campaign", "ocid",    "cmpid",       "spm",
  };
  return std::find(std::begin(kNames), std::end(kNames), lower) != std::end(kNames);
}

std::string HostOf(std::string_view url) {
  UrlHandle h = ParseHttpUrl(url);
  std::string host;
  if (!h || !GetPart(h.get(), CURLUPART_HOST, 0, &host)) return "";
  host = text::AsciiLower(host);
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

std::string OriginOf(std::string_view url) {
  UrlHandle h = ParseHttpUrl(url);
  if (!h) return "";
  std::string scheme, host, port;
  GetPart(h.get(), CURLUPART_SCHEME, 0, &scheme);
  GetPart(h.get(), CURLUPART_HOST, 0, &host);
  std::string out = text::AsciiLower(scheme) + "://" + text::AsciiLower(host);
  if (GetPart(h.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT, &port)) out += ":" + port;
  return out;
}

std::string PathAndQueryOf(std::string_view url) {
  UrlHandle h = ParseHttpUrl(url);
  std::string path, query;
  if (!h) return "/";
  GetPart(h.get(), CURLUPART_PATH, 0, &path);
  if (path.empty()) path = "/";
  if (GetPart(h.get(), CURLUPART_QUERY, 0, &query)) path += "?" + query;
  return path;
}

bool SameSite(std::string_view host_a, std::string_view host_b) {
  const std::string a = text::AsciiLower(host_a);
  const std::string b = text::AsciiLower(host_b);
  if (a == b) return !a.empty();
  const char* domain_a = psl_registrable_domain(PublicSuffixList(), a.c_str());
  const char* domain_b = psl_registrable_domain(PublicSuffixList(), b.c_str());
  return domain_a != nullptr && domain_b != nullptr && std::string_view(domain_a) == domain_b;
}

}  // namespace newsloom::fetch
