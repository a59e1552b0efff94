// For tests: a throwaway PostgreSQL server from the Debian `postgresql` package, in a temporary
// folder, on a free loopback port with its unix socket in that folder. Started on first use,
// stopped and removed when the test program exits; a watcher process stops it too when the
// program dies without exiting (a crash, kill -9), so no server outlives its test.
#ifndef NEWSLOOM_TESTING_POSTGRES_TEST_SERVER_H_
#define NEWSLOOM_TESTING_POSTGRES_TEST_SERVER_H_

#include <libpq-fe.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace newsloom::testing {

class PostgresTestServer {
 public:
  // The server of this program, started on first call; check error() before using it.
  static PostgresTestServer& Get() {
    static PostgresTestServer server;
    return server;
  }

  // Why the server could not be started; empty when it runs.
  const std::string& error() const { return error_; }

  // A URI to a new, empty database (a fresh one per call), or "" after setting error().
  std::string NewDatabase() {
    if (!error_.empty()) return "";
    static std::atomic<int> counter{0};
    const std::string name = "t" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    PGconn* admin = PQconnectdb(Uri("postgres").c_str());
    if (PQstatus(admin) != CONNECTION_OK) {
      error_ = std::string("cannot connect to the test server: ") + PQerrorMessage(admin);
      PQfinish(admin);
      return "";
    }
    PGresult* r = PQexec(admin, ("CREATE DATABASE " + name).c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) error_ = std::string("CREATE DATABASE failed: ") + PQerrorMessage(admin);
    PQclear(r);
    PQfinish(admin);
    return ok ? Uri(name) : "";
  }

  std::string Uri(const std::string& database) const {
    return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + database;
  }

  ~PostgresTestServer() { Stop(); }

 private:
  PostgresTestServer() { Start(); }

  // initdb refuses to run as root: then the server runs as the `postgres` user.
  std::string AsServerUser(const std::string& command) const {
    if (geteuid() != 0) return command;
    return "runuser -u postgres -- " + command;
  }

  static std::string FindBinDir() {
    namespace fs = std::filesystem;
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
      if (fs::exists(entry.path() / "bin" / "initdb")) found.push_back(entry.path() / "bin");
    }
    if (found.empty()) return "";
    std::sort(found.begin(), found.end());
    return found.back().string();  // the newest version
  }

  static int FreePort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
      port = ntohs(address.sin_port);
    }
    close(fd);
    return port;
  }

  bool Run(const std::string& command, const char* what) {
    if (std::system(command.c_str()) == 0) return true;
    error_ = std::string(what) + " failed: " + command + " (log: " + dir_ + "/server.log)";
    return false;
  }

  void Start() {
    bin_ = FindBinDir();
    if (bin_.empty()) {
      error_ =
          "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (install the "
          "Debian package `postgresql`; scripts/setup does)";
      return;
    }
    char pattern[] = "/tmp/newsloom_pg_XXXXXX";
    if (mkdtemp(pattern) == nullptr) {
      error_ = "cannot create a temporary folder";
      return;
    }
    dir_ = pattern;
    if (geteuid() == 0 && !Run("chown postgres: " + dir_, "chown")) return;
    port_ = FreePort();
    const std::string data = dir_ + "/data";
    if (!Run(AsServerUser(bin_ + "/initdb -D " + data +
                          " -U postgres -A trust -E UTF8 --locale=C --no-sync >" + dir_ +
                          "/initdb.log 2>&1"),
             "initdb")) {
      return;
    }
    if (!Run(AsServerUser(bin_ + "/pg_ctl -D " + data + " -l " + dir_ + "/server.log -w -o \"-p " +
                          std::to_string(port_) + " -k " + dir_ +
                          " -c listen_addresses=127.0.0.1 -c fsync=off -c "
                          "synchronous_commit=off -c full_page_writes=off\" start >/dev/null"),
             "pg_ctl start")) {
      return;
    }
    started_ = true;
    // The watcher: once this program is gone, however it ended, stop the server and remove it.
    const std::string watcher =
        "(while kill -0 " + std::to_string(getpid()) + " 2>/dev/null; do sleep 1; done; " +
        AsServerUser(bin_ + "/pg_ctl -D " + data + " -m immediate stop >/dev/null 2>&1") +
        "; rm -rf " + dir_ + ") </dev/null >/dev/null 2>&1 &";
    std::system(("setsid sh -c '" + watcher + "'").c_str());
  }

  void Stop() {
    if (started_) {
      std::system(
          AsServerUser(bin_ + "/pg_ctl -D " + dir_ + "/data -m immediate stop >/dev/null 2>&1")
              .c_str());
      started_ = false;
    }
    if (!dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }

  std::string bin_, dir_, error_;
  int port_ = 0;
  bool started_ = false;
};

}  // namespace newsloom::testing

#endif  // NEWSLOOM_TESTING_POSTGRES_TEST_SERVER_H_
