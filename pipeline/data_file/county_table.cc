#include "pipeline/data_file/county_table.h"

#include "pipeline/data_file/data_file.h"

namespace diar {

std::vector<CountyRow> ReadCountyTable(const std::string& path, std::vector<std::string>* errors) {
  std::vector<CountyRow> counties;
  for (const DataLine& row :
       ReadTable(path, {"lan_kod", "lan", "bokstav", "region", "residensstad", "stem"}, errors)) {
    const std::vector<std::string>& f = row.fields;
    counties.push_back({row.number, f[0], f[1], f[2], f[3], f[4], f[5]});
  }
  return counties;
}

}  // namespace diar
