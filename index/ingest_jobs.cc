#include "index/ingest_jobs.h"

#include <xapian.h>

#include <vector>

namespace diar {
namespace {

WorkResult Failed(const Error& error) {
  return {error.kind == ErrorKind::kConfig ? WorkResult::Status::kConfigError
                                           : WorkResult::Status::kInputError,
          error.message, {}};
}

// A change to the worker's shards: kOk with no fields, or its error.
WorkResult Done(const Result<bool>& changed) {
  if (!changed) return Failed(changed.error());
  return {WorkResult::Status::kOk, "", {}};
}

// The OCR notes of `doc`'s pages, one a line, each naming the file and page.
std::string Warnings(const ProcessedDocument& doc, const std::string& path) {
  std::string warnings;
  for (const ExtractedPage& page : doc.source.pages) {
    if (page.ocr_note.empty()) continue;
    if (!warnings.empty()) warnings += '\n';
    warnings += path + ": page " + std::to_string(page.number) + ": " + page.ocr_note;
  }
  return warnings;
}

}  // namespace

WorkResult BuildJob(const Pipeline& pipeline, const DocumentBuilder& builder, const std::string& path) {
  Result<ProcessedDocument> doc = pipeline.Process(path);
  if (!doc) return Failed(doc.error());
  try {
    const Xapian::Document built = builder.Build(*doc, path);
    return {WorkResult::Status::kOk,
            "",
            {doc->source.sha256, std::to_string(doc->source.pages.size()), Warnings(*doc, path),
             built.serialise()}};
  } catch (const Xapian::Error& e) {
    return {WorkResult::Status::kInputError,
            path + ": cannot build its index entry: " + e.get_description(), {}};
  }
}

// Fields joined by NUL, which neither paths nor the other fields hold.
std::string EncodeShardJob(const ShardJob& job) {
  std::string out(1, static_cast<char>(job.kind));
  for (const std::string& field :
       {std::to_string(job.slot), std::to_string(job.slots), std::to_string(job.shard_count),
        job.sha, job.path, job.reason, std::string(job.reindex ? "1" : "0")}) {
    out += '\0';
    out += field;
  }
  return out;
}

std::optional<ShardJob> DecodeShardJob(const std::string& bytes) {
  if (bytes.empty()) return std::nullopt;
  // The kind byte, then NUL and the fields.
  std::vector<std::string> fields;
  std::size_t start = 2;
  if (bytes.size() < 2 || bytes[1] != '\0') return std::nullopt;
  for (;;) {
    const std::size_t end = bytes.find('\0', start);
    fields.push_back(bytes.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (fields.size() != 7) return std::nullopt;
  ShardJob job;
  job.kind = static_cast<ShardJob::Kind>(bytes[0]);
  try {
    job.slot = std::stoi(fields[0]);
    job.slots = std::stoi(fields[1]);
    job.shard_count = static_cast<std::size_t>(std::stoul(fields[2]));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  job.sha = std::move(fields[3]);
  job.path = std::move(fields[4]);
  job.reason = std::move(fields[5]);
  job.reindex = fields[6] == "1";
  return job;
}

WorkResult ShardWorker::Add(const ShardJob& job) {
  Result<ProcessedDocument> doc = pipeline_.Process(job.path);
  if (!doc) return Failed(doc.error());
  if (doc->source.sha256 != job.sha) {
    // Its document would belong to another worker's shard.
    return {WorkResult::Status::kInputError,
            job.path + ": the file changed while it was being read; run the same command again", {}};
  }
  Xapian::Document built;
  try {
    built = builder_.Build(*doc, job.path);
  } catch (const Xapian::Error& e) {
    return {WorkResult::Status::kInputError,
            job.path + ": cannot build its index entry: " + e.get_description(), {}};
  }
  Result<AddOutcome> added = job.reindex ? writer_->ReplaceBuilt(job.sha, built, job.path)
                                         : writer_->AddBuilt(job.sha, built, job.path);
  if (!added) return Failed(added.error());
  return {WorkResult::Status::kOk,
          "",
          {std::to_string(doc->source.pages.size()), Warnings(*doc, job.path),
           std::to_string(static_cast<int>(*added))}};
}

WorkResult ShardWorker::Run(const std::string& encoded_job) {
  const std::optional<ShardJob> job = DecodeShardJob(encoded_job);
  if (!job) return {WorkResult::Status::kConfigError, "an ingest worker got a garbled job", {}};
  if (!writer_) {
    std::vector<std::size_t> shards;
    for (std::size_t s = 0; s < job->shard_count; ++s) {
      if (SlotOfShard(s, job->slots) == job->slot) shards.push_back(s);
    }
    Result<IndexWriter> opened = IndexWriter::OpenPart(index_dir_, shards);
    if (!opened) return Failed(opened.error());
    writer_.emplace(std::move(opened).value());
  }
  switch (job->kind) {
    case ShardJob::Kind::kAdd:
      return Add(*job);
    case ShardJob::Kind::kAddPath: {
      Result<bool> contains = writer_->Contains(job->sha);
      if (!contains) return Failed(contains.error());
      if (!*contains) {
        return {WorkResult::Status::kInputError,
                job->path + ": same content as another input of this run, which failed (see its "
                            "reason)", {}};
      }
      Result<AddOutcome> added = writer_->AddPath(job->sha, job->path);
      if (!added) return Failed(added.error());
      return {WorkResult::Status::kOk, "", {std::to_string(static_cast<int>(*added))}};
    }
    case ShardJob::Kind::kDropPath:
      return Done(writer_->DropPath(job->path, job->sha));
    case ShardJob::Kind::kRecordFailure:
      return Done(writer_->RecordFailure(job->path, job->reason));
    case ShardJob::Kind::kClearFailure:
      return Done(writer_->ClearFailure(job->path));
    case ShardJob::Kind::kCommit:
      return Done(writer_->Commit());
  }
  return {WorkResult::Status::kConfigError, "an ingest worker got a job of unknown kind", {}};
}

}  // namespace diar
