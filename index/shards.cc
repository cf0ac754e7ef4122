#include "index/shards.h"

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace diar {
namespace {

namespace fs = std::filesystem;

// Connections give up after this long, so a shard that is down is reported,
// not waited for.
constexpr unsigned kConnectTimeoutMs = 5000;
constexpr unsigned kTimeoutMs = 60000;

bool ParsePort(const std::string& text, int* port) {
  if (text.empty() || text.size() > 5) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  *port = std::stoi(text);
  return *port > 0 && *port < 65536;
}

}  // namespace

std::string ShardSpec::Name() const {
  return "shard " + std::to_string(number) + " (" +
         (remote ? "remote " + host + ":" + std::to_string(port) : path) + ")";
}

std::string ShardSpec::StubLine(const std::string& stub_dir) const {
  if (remote) return "remote " + host + ":" + std::to_string(port);
  std::error_code ec;
  const fs::path relative = fs::relative(path, stub_dir, ec);
  return "auto " + (ec || relative.empty() ? path : relative.string());
}

std::string StubOf(const std::string& index) {
  std::error_code ec;
  if (fs::is_regular_file(index, ec)) return index;
  const fs::path inside = fs::path(index) / kStubFile;
  if (fs::is_regular_file(inside, ec)) return inside.string();
  return "";
}

Result<std::vector<ShardSpec>> ReadStub(const std::string& stub_path) {
  std::ifstream in(stub_path);
  if (!in) return ConfigError(stub_path + ": cannot read the stub file; check the path");
  const fs::path dir = fs::absolute(stub_path).parent_path();
  std::vector<ShardSpec> shards;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    const std::string where = stub_path + ":" + std::to_string(line_number) + ": ";
    std::istringstream words(line);
    std::string kind, first, second, extra;
    if (!(words >> kind) || kind[0] == '#') continue;
    words >> first >> second >> extra;
    ShardSpec shard;
    shard.number = static_cast<int>(shards.size()) + 1;
    if (kind == "auto" || kind == "glass") {
      if (first.empty() || !second.empty()) {
        return ConfigError(where + "write `auto PATH` (one database folder)");
      }
      shard.path = (fs::path(first).is_absolute() ? fs::path(first) : dir / first).lexically_normal();
    } else if (kind == "remote" || kind == "tcp") {
      std::string host = first, port = second;
      if (kind == "remote") {
        const std::size_t colon = first.rfind(':');
        if (colon == std::string::npos || !second.empty()) {
          return ConfigError(where + "write `remote HOST:PORT` (a xapian-tcpsrv)");
        }
        host = first.substr(0, colon);
        port = first.substr(colon + 1);
      } else if (!extra.empty()) {
        return ConfigError(where + "write `tcp HOST PORT` (a xapian-tcpsrv)");
      }
      if (host.empty() || !ParsePort(port, &shard.port)) {
        return ConfigError(where + "'" + line + "' has no valid host and port (1-65535)");
      }
      shard.remote = true;
      shard.host = host;
    } else {
      return ConfigError(where + "unknown kind '" + kind + "'; use `auto PATH` or `remote HOST:PORT`");
    }
    shards.push_back(shard);
  }
  if (shards.empty()) return ConfigError(stub_path + ": the stub lists no shard");
  return shards;
}

Result<bool> WriteStub(const std::string& stub_path, const std::vector<ShardSpec>& shards) {
  const std::string dir = fs::absolute(stub_path).parent_path().string();
  const std::string temporary = stub_path + ".new";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << "# diar: the shards of this index, one a line (Xapian stub database file)\n";
    for (const ShardSpec& shard : shards) out << shard.StubLine(dir) << "\n";
    if (!out.flush()) return ConfigError(stub_path + ": cannot write the stub file");
  }
  std::error_code ec;
  fs::rename(temporary, stub_path, ec);
  if (ec) return ConfigError(stub_path + ": cannot write the stub file: " + ec.message());
  return true;
}

std::size_t ShardOf(const std::string& sha256, std::size_t shards) {
  if (shards <= 1) return 0;
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < 16 && i < sha256.size(); ++i) {
    const char c = sha256[i];
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : 0;
    value = value * 16 + static_cast<std::uint64_t>(digit);
  }
  return static_cast<std::size_t>(value % shards);
}

std::optional<Error> UnreadableIndex(const std::string& index) {
  std::error_code ec;
  const bool exists = fs::exists(index, ec);
  const bool directory = exists && fs::is_directory(index, ec);
  if (ec == std::errc::permission_denied ||
      (exists && ::access(index.c_str(), directory ? R_OK | X_OK : R_OK) != 0 && errno == EACCES)) {
    return ConfigError(index + ": index cannot be read (permission denied); check that this user may "
                               "read the index folder and enter every folder above it");
  }
  return std::nullopt;
}

Result<ReadableIndex> OpenForReading(const std::string& index, const ReadOptions& options) {
  if (std::optional<Error> unreadable = UnreadableIndex(index)) return *unreadable;
  std::error_code ec;
  if (!fs::exists(index, ec)) {
    return ConfigError(index + ": no index here; run `diar ingest PATH...` first or pass --index DIR");
  }
  ReadableIndex out;
  const std::string stub = StubOf(index);
  if (stub.empty()) {
    try {
      out.db = Xapian::Database(index);
      return out;
    } catch (const Xapian::DatabaseCorruptError& e) {
      return ConfigError(index + ": index is damaged: " + e.get_description() +
                         "; restore it from a backup, or ingest again into a new --index folder");
    } catch (const Xapian::Error& e) {
      return ConfigError(index + ": cannot open index: " + e.get_description());
    }
  }
  Result<std::vector<ShardSpec>> shards = ReadStub(stub);
  if (!shards) return shards.error();
  std::string first_error;
  for (const ShardSpec& shard : *shards) {
    try {
      out.db.add_database(shard.remote ? Xapian::Remote::open(shard.host, shard.port, kTimeoutMs,
                                                              kConnectTimeoutMs)
                                       : Xapian::Database(shard.path));
      out.has_remote = out.has_remote || shard.remote;
    } catch (const Xapian::Error& e) {
      const std::string problem = index + ": " + shard.Name() + " cannot be opened: " +
                                  e.get_description();
      if (!options.allow_partial) {
        return ConfigError(problem + "; start it (scripts/cluster start), or search the other "
                                     "shards with --allow-partial");
      }
      if (first_error.empty()) first_error = problem;
      out.unavailable.push_back(shard.Name());
    }
  }
  if (out.unavailable.size() == shards->size()) return ConfigError(first_error + "; no shard answers");
  return out;
}

Xapian::WritableDatabase OpenShardForWriting(const ShardSpec& shard, bool create) {
  if (shard.remote) {
    return Xapian::Remote::open_writable(shard.host, shard.port, kTimeoutMs, kConnectTimeoutMs);
  }
  if (!create) return Xapian::WritableDatabase(shard.path, Xapian::DB_OPEN);
  fs::create_directories(shard.path);
  // No version file: a new database, or what a writer killed while creating
  // it left (its lock and some tables). Xapian would try to open those
  // tables; overwrite them instead. It takes the lock first, so a writer
  // creating the database right now is not disturbed.
  std::error_code ec;
  const bool fresh = !fs::exists(fs::path(shard.path) / "iamglass", ec);
  return Xapian::WritableDatabase(shard.path,
                                  fresh ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN);
}

}  // namespace diar
