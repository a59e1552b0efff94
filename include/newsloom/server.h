// `newsloom serve`: the HTTP JSON API and the embedded web page over one store.
//
// Routes (JSON everywhere, errors as {"error": {"status": 404, "message": "..."}}):
//   GET  /api/stories?offset=&limit=     stories, newest first; X-Total-Count gives the total
//   GET  /api/stories/{id}               one story in full (store::StoryToJson); 404 unknown
//   GET  /api/articles/{id}              article with body, paragraphs, entities, dates, quotes
//   GET  /api/search?q=&from=&to=&outlet=&entity=&limit=&window=  (window: see kSearchWindow)
//   GET  /api/entities/{id}              one entity across the stories that name it
//   POST /api/ingest                     JSONL pages; needs "Authorization: Bearer TOKEN"
//   GET  /healthz, /metrics (Prometheus text), and the page's embedded files ("/" is index.html)
// No CORS headers are sent. Every span in the JSON is a byte range into the article body.
#ifndef NEWSLOOM_SERVER_H_
#define NEWSLOOM_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "newsloom/status.h"

namespace newsloom::server {

struct ServerLimits {
  size_t max_body_bytes = 64u << 20;  // a larger request body: 413
  size_t max_target_bytes = 4096;     // path and query; a longer one: 414
  size_t max_query_bytes = 512;       // one query parameter's value; a longer one: 400
  int max_page_size = 100;            // the largest `limit` a listing or search accepts
  // A client that sends or reads nothing for this long is disconnected, so a slow client holds
  // one worker for at most this long.
  int read_timeout_seconds = 5;
  int write_timeout_seconds = 5;
  // HTTP workers. Each serves one connection at a time (keep-alive included), so this bounds the
  // connections served at once; later ones wait in the accept queue.
  int threads = 128;
  // Read connections to the store shared by the workers (SQLite WAL: readers run in parallel).
  int stores = 6;
  // Full-text searches run on connections of their own, at most this many at once: a burst of
  // costly searches waits for these and never holds up stories and articles.
  int search_stores = 2;
};

struct ServerOptions {
  std::string db = "newsloom.db";  // Store::Open target; must exist already
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port, see Server::port()
  // Required by POST /api/ingest as "Authorization: Bearer <token>"; empty: ingest is refused.
  std::string token;
  ServerLimits limits;
};

class Server {
 public:
  // Opens the store (kNotFound when a file target does not exist) and sets up the routes.
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();

  // Binds the listening socket; kIoError when the address is taken or not local.
  Status Bind();
  // The bound port (after Bind).
  int port() const;
  // Serves until Stop(); returns once the listening socket is closed. Call after Bind.
  Status Listen();
  // Thread-safe; makes Listen return.
  void Stop();
  // Thread-safe: the next request reads the store again. For a writer in the same process (the
  // watcher of `serve --watch`), whose stories may change without the article count changing.
  void Refresh();

  class Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsloom::server

#endif  // NEWSLOOM_SERVER_H_
