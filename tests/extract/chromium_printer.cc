#include "tests/extract/chromium_printer.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

extern char** environ;

namespace diar::testing {

namespace fs = std::filesystem;

std::string PrintWithChromium(const std::string& html, const std::string& pdf_path) {
  // A profile directory per call: tests run in parallel, and Chromium locks
  // its profile.
  const fs::path dir = fs::temp_directory_path() /
                       ("diar_chromium_" + std::to_string(getpid()) + "_" +
                        fs::path(pdf_path).stem().string());
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path page = dir / "page.html";
  std::ofstream(page, std::ios::binary) << html;
  fs::remove(pdf_path);
  std::vector<std::string> args = {"chromium",
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--no-pdf-header-footer",
                                   "--user-data-dir=" + (dir / "profile").string(),
                                   "--print-to-pdf=" + pdf_path,
                                   "file://" + page.string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "chromium", &files, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  if (spawned != 0) {
    fs::remove_all(dir);
    return "cannot run chromium; install it (scripts/deps, or apt-get install chromium)";
  }
  int status = 0;
  waitpid(pid, &status, 0);
  fs::remove_all(dir);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !fs::exists(pdf_path)) {
    return "chromium did not print " + pdf_path;
  }
  return "";
}

std::string Html(const std::string& style, const std::string& body) {
  return "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><style>"
         "body{font-family:'Liberation Serif';font-size:12pt;margin:0}" + style +
         "</style></head><body>" + body + "</body></html>";
}

Result<ExtractedDocument> PrintAndExtract(const std::string& name, const std::string& html) {
  const fs::path pdf = fs::temp_directory_path() /
                       ("diar_chromium_" + std::to_string(getpid()) + "_" + name + ".pdf");
  const std::string error = PrintWithChromium(html, pdf.string());
  if (!error.empty()) return InputError(error);
  ExtractOptions options;
  options.ocr = OcrMode::kAuto;
  options.tessdata_dir = (fs::temp_directory_path() / "diar_no_tessdata_here").string();
  Result<ExtractedDocument> doc = ExtractFile(pdf.string(), options);
  if (std::getenv("DIAR_KEEP_TEST_PDFS") == nullptr) fs::remove(pdf);
  return doc;
}

}  // namespace diar::testing
