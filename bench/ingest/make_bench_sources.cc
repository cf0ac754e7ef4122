// make_bench_sources: the source files of the ingest benchmark's corpus,
// drawn from a seed, for scripts/corpus-generator's make_corpus to render.
//
//   make_bench_sources --seed 1 --short 300 --long 60 --sources SRC_DIR --out DIR
//
// Writes DIR/short-NNNN.src (memos and letters of 1-3 pages) and
// DIR/long-NNNN.src (plans of 30-80 pages: cover, headed chapters, bullet
// lists, a two-column section now and then, running header and footer).
// Text blocks (paragraphs, bullet runs, headings) are drawn from the
// marked-up corpus sources in SRC_DIR, the same Swedish authority prose the
// extraction tests use; years in them are redrawn so documents differ in
// their numbers. The same seed and counts give the same files (one
// std::mt19937_64 drives every choice).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// Characters of body text per page, measured on make_corpus's output: its
// memo and letter layouts hold about 2,600, the report layout (larger type,
// wider margins, headings and columns) about 1,450.
constexpr std::size_t kPageChars = 2600;
constexpr std::size_t kReportPageChars = 1450;

struct Blocks {
  std::vector<std::string> paragraphs;
  std::vector<std::vector<std::string>> bullet_runs;
  std::vector<std::string> headings;
};

Blocks ReadBlocks(const fs::path& dir) {
  Blocks b;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".src") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());  // directory order is not stable
  for (const fs::path& f : files) {
    std::ifstream in(f);
    std::vector<std::string> run;
    bool skip = false;  // inside @cover / @image-page ... @end
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("@cover", 0) == 0 || line.rfind("@image-page", 0) == 0) skip = true;
      if (line.rfind("@end", 0) == 0) {
        skip = false;
        continue;
      }
      if (skip) continue;
      if (line.rfind("- ", 0) == 0) {
        run.push_back(line.substr(2));
        continue;
      }
      if (!run.empty()) {
        b.bullet_runs.push_back(run);
        run.clear();
      }
      if (line.empty() || line[0] == '@' || line[0] == '%' || line[0] == '|') continue;
      if (line[0] == '#') {
        const std::size_t text = line.find_first_not_of("# ");
        if (text != std::string::npos && line.size() - text < 70) b.headings.push_back(line.substr(text));
      } else if (line.size() >= 80) {
        b.paragraphs.push_back(line);
      }
    }
    if (!run.empty()) b.bullet_runs.push_back(run);
  }
  return b;
}

class Writer {
 public:
  Writer(const Blocks& blocks, std::uint64_t seed) : blocks_(blocks), rng_(seed) {}

  std::string ShortDoc() {
    std::ostringstream out;
    const bool letter = Pick(2) == 0;
    const int year = 2018 + Pick(8);
    const std::string date = std::to_string(year) + "-" + Two(1 + Pick(12)) + "-" + Two(1 + Pick(28));
    const std::string title = Heading();
    const std::string body = Body();
    out << "@layout " << (letter ? "letter" : "memo") << "\n@title " << title
        << "\n@author " << body << (letter ? "\n@letterhead " + body : std::string())
        << "\n@date " << date << "\n@doctype "
        << (letter ? "Tjänsteskrivelse" : "PM") << "\n@field Datum | " << date
        << "\n@field Dnr | RS " << year << "/" << 100 + Pick(900) << "\n@footer-center Sida {page} av {pages}\n\n";
    out << "# " << title << "\n\n";
    const std::size_t target = kPageChars * static_cast<std::size_t>(1 + Pick(3)) - kPageChars / 2;
    Body(out, target, false);
    return out.str();
  }

  std::string LongDoc(int index) {
    std::ostringstream out;
    const int year = 2018 + Pick(8);
    const std::string body = Body();
    const std::string title = "Verksamhetsplan " + std::to_string(year) + "-" + std::to_string(year + 2);
    out << "@layout report\n@title " << title << "\n@author " << body << "\n@date " << year
        << "-0" << 1 + Pick(9) << "-1" << Pick(10) << "\n@header-left " << body
        << "\n@header-right " << title << "\n@footer-outer {page}\n\n";
    out << "@cover\nlogo " << body << "\ntitle " << title << "\nsubtitle Plan nummer " << index
        << "\nbottom Fastställd av regionfullmäktige\n@end\n\n";
    const int pages = 30 + Pick(51);
    const int chapters = 6 + Pick(6);
    const std::size_t per_chapter = kReportPageChars * static_cast<std::size_t>(pages) / chapters;
    for (int c = 0; c < chapters; ++c) {
      out << "# " << c + 1 << " " << Heading() << "\n\n";
      Body(out, per_chapter, Pick(4) == 0);
    }
    return out.str();
  }

 private:
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  static std::string Two(int v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
  }

  std::string Heading() { return blocks_.headings[Pick(static_cast<int>(blocks_.headings.size()))]; }
  std::string Body() {
    static const char* kBodies[] = {"Region Västmanland", "Region Västerbotten", "Umeå kommun",
                                    "Region Gävleborg", "Västerås stad", "Länsstyrelsen i Dalarnas län",
                                    "Region Örebro län", "Luleå kommun"};
    return kBodies[Pick(8)];
  }
  // Years in a drawn paragraph are redrawn, shifted together, so the same
  // paragraph differs from one document to the next.
  std::string Shift(const std::string& text) {
    static const std::regex kYear("\\b20[12][0-9]\\b");
    const int shift = Pick(7) - 3;
    std::string out;
    auto last = text.cbegin();
    for (std::sregex_iterator it(text.begin(), text.end(), kYear), end; it != end; ++it) {
      out.append(last, text.cbegin() + it->position());
      out += std::to_string(std::stoi(it->str()) + shift);
      last = text.cbegin() + it->position() + it->length();
    }
    out.append(last, text.cend());
    return out;
  }

  // Blocks until `chars` characters are written; `columns` sets a part in two.
  void Body(std::ostringstream& out, std::size_t chars, bool columns) {
    std::size_t written = 0;
    const std::size_t columns_at = columns ? chars / 3 : chars + 1;
    bool in_columns = false, had_columns = false;
    while (written < chars) {
      if (!had_columns && written >= columns_at) {
        out << "@columns 2\n\n";
        in_columns = had_columns = true;
      }
      const int kind = Pick(10);
      if (kind == 0 && !blocks_.bullet_runs.empty()) {
        for (const std::string& item : blocks_.bullet_runs[Pick(static_cast<int>(blocks_.bullet_runs.size()))]) {
          out << "- " << Shift(item) << "\n";
          written += item.size();
        }
        out << "\n";
      } else if (kind == 1 && !in_columns) {
        out << "## " << Heading() << "\n\n";
      } else {
        const std::string& p = blocks_.paragraphs[Pick(static_cast<int>(blocks_.paragraphs.size()))];
        out << Shift(p) << "\n\n";
        written += p.size();
      }
      if (in_columns && written >= columns_at + kReportPageChars * 2) {
        out << "@columns 1\n\n";
        in_columns = false;
      }
    }
    if (in_columns) out << "@columns 1\n\n";
  }

  const Blocks& blocks_;
  std::mt19937_64 rng_;
};

int Usage() {
  std::cerr << "usage: make_bench_sources --seed N --short K --long L --sources SRC_DIR --out DIR\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t seed = 1;
  int shorts = 0, longs = 0;
  std::string sources, out;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--seed") {
      seed = std::stoull(value);
    } else if (flag == "--short") {
      shorts = std::stoi(value);
    } else if (flag == "--long") {
      longs = std::stoi(value);
    } else if (flag == "--sources") {
      sources = value;
    } else if (flag == "--out") {
      out = value;
    } else {
      return Usage();
    }
  }
  if (sources.empty() || out.empty() || argc % 2 == 0) return Usage();
  const Blocks blocks = ReadBlocks(sources);
  if (blocks.paragraphs.empty() || blocks.headings.empty()) {
    std::cerr << "make_bench_sources: " << sources << ": no paragraphs or headings in its .src files\n";
    return 1;
  }
  fs::create_directories(out);
  Writer writer(blocks, seed);
  char name[32];
  for (int i = 0; i < shorts; ++i) {
    std::snprintf(name, sizeof name, "short-%04d.src", i);
    std::ofstream(fs::path(out) / name) << writer.ShortDoc();
  }
  for (int i = 0; i < longs; ++i) {
    std::snprintf(name, sizeof name, "long-%04d.src", i);
    std::ofstream(fs::path(out) / name) << writer.LongDoc(i);
  }
  return 0;
}
