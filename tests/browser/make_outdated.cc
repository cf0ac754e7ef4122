// make_outdated INDEX: makes every document of INDEX look as an older diar,
// from before schema::kDerivedRevision, wrote it (its revision term taken
// away), so the browser test can see what the status page says of such an
// index. A test tool; exit 1 with Xapian's message on any error.
#include <xapian.h>

#include <iostream>
#include <string>
#include <vector>

#include "index/schema.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_outdated INDEX\n";
    return 2;
  }
  try {
    Xapian::WritableDatabase db(argv[1]);
    const std::string term = std::string(diar::schema::kDerived) + std::to_string(diar::schema::kDerivedRevision);
    const std::vector<Xapian::docid> ids(db.postlist_begin(""), db.postlist_end(""));
    for (Xapian::docid id : ids) {
      Xapian::Document doc = db.get_document(id);
      doc.remove_term(term);
      db.replace_document(id, doc);
    }
    db.commit();
    std::cout << ids.size() << " documents made outdated\n";
    return 0;
  } catch (const Xapian::Error& e) {
    std::cerr << argv[1] << ": " << e.get_description() << "\n";
    return 1;
  }
}
