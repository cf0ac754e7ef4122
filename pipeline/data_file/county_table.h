// county_table: the one reader of dictionaries/counties.tsv, the 21 län with
// their code, letter, region organisation, residence city and the name stem
// body names use ("Västmanland" for Västmanlands län).
//
//   std::vector<std::string> errors;
//   for (const diar::CountyRow& c : diar::ReadCountyTable("dictionaries/counties.tsv", &errors))
//     use(c.name, c.region);
//
// The header row must name the columns lan_kod, lan, bokstav, region,
// residensstad, stem, and every row must fill them. Every problem goes to
// `errors` as "path:line: ..."; a bad row is left out. Thread safety: pure.
#ifndef DIAR_PIPELINE_DATA_FILE_COUNTY_TABLE_H_
#define DIAR_PIPELINE_DATA_FILE_COUNTY_TABLE_H_

#include <string>
#include <vector>

namespace diar {

struct CountyRow {
  int line = 0;        // 1-based, for messages
  std::string code;    // "19"
  std::string name;    // "Västmanlands län"
  std::string letter;  // "U"
  std::string region;  // "Region Västmanland"
  std::string seat;    // the residence city, "Västerås"
  std::string stem;    // "Västmanland"
};

std::vector<CountyRow> ReadCountyTable(const std::string& path, std::vector<std::string>* errors);

}  // namespace diar

#endif  // DIAR_PIPELINE_DATA_FILE_COUNTY_TABLE_H_
