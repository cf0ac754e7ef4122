// The worker pool on its own: jobs run in other processes, and a job that
// crashes, hangs or runs out of memory comes back as a failure of that job
// only, from a worker that is then replaced.
#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <thread>
#include <vector>

#include "index/worker_pool.h"

namespace diar {
namespace {

using namespace std::chrono_literals;

// What a job does is named by its input.
WorkResult Job(const std::string& input) {
  if (input == "crash") ::raise(SIGSEGV);
  if (input == "hang") std::this_thread::sleep_for(1h);
  if (input == "hog") {
    std::vector<std::string> hoard;
    for (;;) hoard.emplace_back(std::size_t{16} << 20, 'x');  // until the limit stops it
  }
  if (input == "pid") return {WorkResult::Status::kOk, "", {std::to_string(::getpid())}};
  if (input == "slow") std::this_thread::sleep_for(50ms);
  return {WorkResult::Status::kOk, "", {"done " + input, std::string(200000, 'y')}};
}

std::map<std::size_t, WorkResult> RunAll(WorkerPool& pool, const std::vector<std::string>& inputs) {
  std::map<std::size_t, WorkResult> results;
  std::size_t next = 0;
  while (results.size() < inputs.size()) {
    while (next < inputs.size() && pool.HasIdle()) {
      pool.Submit(next, inputs[next]);
      ++next;
    }
    for (auto& [id, result] : pool.Wait(100ms)) results[id] = std::move(result);
  }
  return results;
}

TEST(WorkerPool, RunsJobsInOtherProcessesAndReturnsLargeResults) {
  WorkerPool pool(2, Job, {});
  const auto results = RunAll(pool, {"pid", "a", "b"});
  EXPECT_NE(results.at(0).fields.at(0), std::to_string(::getpid()));
  EXPECT_EQ(results.at(1).fields.at(0), "done a");
  EXPECT_EQ(results.at(2).fields.at(1).size(), 200000u);
}

TEST(WorkerPool, ACrashFailsOnlyThatJobAndTheWorkerIsReplaced) {
  WorkerPool pool(1, Job, {});
  const auto results = RunAll(pool, {"a", "crash", "b"});
  EXPECT_EQ(results.at(0).status, WorkResult::Status::kOk);
  EXPECT_EQ(results.at(1).status, WorkResult::Status::kInputError);
  EXPECT_NE(results.at(1).message.find("crashed (signal 11, SIGSEGV"), std::string::npos)
      << results.at(1).message;
  EXPECT_EQ(results.at(2).status, WorkResult::Status::kOk);
}

TEST(WorkerPool, AJobPastTheTimeLimitIsStopped) {
  WorkerPool pool(1, Job, {.timeout = 300ms});
  const auto started = std::chrono::steady_clock::now();
  const auto results = RunAll(pool, {"hang", "a"});
  EXPECT_LT(std::chrono::steady_clock::now() - started, 30s);
  EXPECT_NE(results.at(0).message.find("time limit of 0.3 s reached"), std::string::npos)
      << results.at(0).message;
  EXPECT_EQ(results.at(1).status, WorkResult::Status::kOk);
}

TEST(WorkerPool, AJobPastTheMemoryLimitFails) {
  WorkerPool pool(1, Job, {.memory_mb = 64});
  const auto results = RunAll(pool, {"hog", "a"});
  EXPECT_EQ(results.at(0).status, WorkResult::Status::kInputError);
  EXPECT_NE(results.at(0).message.find("memory limit of 64 MB reached"), std::string::npos)
      << results.at(0).message;
  EXPECT_EQ(results.at(1).status, WorkResult::Status::kOk);
}

// Jobs for one worker, each submitted as soon as it can take one (the one
// it is on and one behind it); results by job id.
std::map<std::size_t, WorkResult> RunOnOne(WorkerPool& pool, const std::vector<std::string>& inputs) {
  std::map<std::size_t, WorkResult> results;
  std::size_t next = 0;
  while (results.size() < inputs.size()) {
    while (next < inputs.size() && pool.CanTake(0)) {
      pool.SubmitTo(0, next, inputs[next]);
      ++next;
    }
    for (auto& [id, result] : pool.Wait(100ms)) {
      EXPECT_FALSE(results.contains(id)) << "job " << id << " came back twice";
      results[id] = std::move(result);
    }
  }
  return results;
}

TEST(WorkerPool, AWorkerTakesASecondJobAndAnswersBothInOrder) {
  WorkerPool pool(1, Job, {});
  pool.SubmitTo(0, 0, "a");
  EXPECT_TRUE(pool.CanTake(0));
  pool.SubmitTo(0, 1, "b");
  EXPECT_FALSE(pool.CanTake(0));
  std::vector<std::pair<std::size_t, WorkResult>> seen;
  while (seen.size() < 2) {
    for (auto& done : pool.Wait(100ms)) seen.push_back(std::move(done));
  }
  EXPECT_EQ(seen[0].first, 0u);
  EXPECT_EQ(seen[0].second.fields.at(0), "done a");
  EXPECT_EQ(seen[1].first, 1u);
  EXPECT_EQ(seen[1].second.fields.at(0), "done b");
  EXPECT_EQ(seen[1].second.fields.at(1).size(), 200000u);
}

// Runs `input` on worker 0 and waits for it.
void RunOne(WorkerPool& pool, std::size_t id, const std::string& input) {
  pool.SubmitTo(0, id, input);
  while (pool.Wait(100ms).empty()) {
  }
}

TEST(WorkerPool, AWorkerWhoseJobsAreShortHoldsTwoMoreInOrder) {
  WorkerLimits limits;
  limits.short_job = std::chrono::minutes(10);  // every job here is short
  WorkerPool pool(1, Job, limits);
  RunOne(pool, 0, "a");
  pool.SubmitTo(0, 1, "b");
  pool.SubmitTo(0, 2, "c");
  EXPECT_TRUE(pool.CanTake(0));
  pool.SubmitTo(0, 3, "d");
  EXPECT_FALSE(pool.CanTake(0));
  std::vector<std::size_t> order;
  while (order.size() < 3) {
    for (auto& [id, result] : pool.Wait(100ms)) {
      EXPECT_EQ(result.fields.at(0), std::string("done ") + static_cast<char>('a' + id));
      order.push_back(id);
    }
  }
  EXPECT_EQ(order, (std::vector<std::size_t>{1, 2, 3}));
}

TEST(WorkerPool, AWorkerWhoseLastJobWasLongHoldsOneMore) {
  WorkerPool pool(1, Job, {});  // short: under 10 ms; "slow" takes 50
  RunOne(pool, 0, "slow");
  pool.SubmitTo(0, 1, "a");
  pool.SubmitTo(0, 2, "b");
  EXPECT_FALSE(pool.CanTake(0));
}

TEST(WorkerPool, AJobWaitingBehindACrashComesBackUnstarted) {
  WorkerPool pool(1, Job, {});
  const auto results = RunOnOne(pool, {"crash", "a", "b"});
  EXPECT_TRUE(results.at(0).worker_lost);
  EXPECT_FALSE(results.at(0).unstarted);
  EXPECT_NE(results.at(0).message.find("crashed (signal 11, SIGSEGV"), std::string::npos);
  // "a" waited in the crashed worker's pipe: back, not run, not failed by it.
  EXPECT_TRUE(results.at(1).worker_lost);
  EXPECT_TRUE(results.at(1).unstarted);
  // The replacement worker runs what comes next.
  EXPECT_EQ(results.at(2).status, WorkResult::Status::kOk);
  EXPECT_EQ(results.at(2).fields.at(0), "done b");
}

TEST(WorkerPool, StopEndsEveryWorker) {
  WorkerPool pool(2, Job, {});
  pool.Submit(0, "hang");
  pool.Submit(1, "hang");
  const pid_t first = pool.PidOf(0), second = pool.PidOf(1);
  ASSERT_GT(first, 0);
  ASSERT_GT(second, 0);
  pool.Stop();
  EXPECT_NE(::kill(first, 0), 0);
  EXPECT_NE(::kill(second, 0), 0);
}

}  // namespace
}  // namespace diar
