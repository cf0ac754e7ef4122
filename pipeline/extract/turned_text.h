// turned_text: words set a quarter or half turn from the page's text, into
// lines. Private to extract; pure geometry.
//
// E-signing services (Scrive, Assently, Visma Addo, Comfact) stamp every
// page along its edge, turned 90 degrees: "Transaktion 0922... Signerat med
// BankID". Poppler gives such words one by one, each turned; read as the
// page's rows, a stamp of eight words became eight one-word lines. Here
// the words of one turned baseline are joined in their own reading order,
// so a stamp is one line that normalise can recognise as running from page
// to page, or keep as a line of its own. These lines follow the page's
// other lines (they stand beside the body, never inside a sentence).
#ifndef DIAR_PIPELINE_EXTRACT_TURNED_TEXT_H_
#define DIAR_PIPELINE_EXTRACT_TURNED_TEXT_H_

#include <string>
#include <vector>

#include "pipeline/extract/extract.h"
#include "pipeline/extract/layout.h"

namespace diar::extract_internal {

struct TurnedWord {
  std::string text;                       // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points, top-left origin, as drawn
  // Quarter turns clockwise, as poppler's TextWord::getRotation: 1 reads
  // top to bottom, 2 upside down, 3 bottom to top.
  int rotation = 1;
  // The baseline's coordinate across the reading direction: x for 1 and 3,
  // y for 2 (TextWord::getBaseline).
  double baseline = 0;
  double em = 0;  // font size in points (TextWord::getFontSize)
};

// The words joined into lines: words of one rotation whose baselines lie
// within a third of their size of each other, in reading order, parted
// where the gap along the line is wider than three times that size (two
// stamps on one edge). TextLine::vertical is set for rotations 1 and 3;
// font_size is the size across the line, as for upright lines. Lines come
// in the order of their first word in `words`.
std::vector<TextLine> JoinTurnedWords(std::vector<TurnedWord> words);

// The page's words, as the text layer gives them: upright words with
// their baselines and font sizes (parallel vectors), turned words apart.
// Rules and dots (layout.h) are the page's drawing, in the same
// coordinates.
struct PageWords {
  std::vector<Word> words;
  std::vector<double> bases, em_sizes;
  std::vector<TurnedWord> turned;
  std::vector<Rule> rules;
  std::vector<Dot> dots;
};

// Quarter turns clockwise (1-3) that most of the page's text is set in,
// or 0 when most is upright. A page scanned sideways or upside down, whose
// OCR layer reads along the image, and a landscape table turned onto a
// portrait page without /Rotate have most of their letters in one turn;
// a stamp or a note up the margin is a line or two among many.
int TurnOfText(const PageWords& page);

// Turns the page `turn` quarter turns back, so its text reads upright:
// every box, baseline, rule and dot is moved into the turned page's
// coordinates (width and height swap for 1 and 3), words that read upright
// there go to `words` and the rest (the page's own upright stamps and
// headers, now turned) to `turned`. `width` and `height` are the page's
// size as displayed, in points.
void TurnUpright(int turn, double width, double height, PageWords& page);

}  // namespace diar::extract_internal

#endif  // DIAR_PIPELINE_EXTRACT_TURNED_TEXT_H_
