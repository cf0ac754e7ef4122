#!/usr/bin/python3
"""Writes tests/data/features/{word-justified,aspose-runs,page-geometry}.pdf
and the text each should read as (*.txt), by writing the PDF objects and
content streams directly: what MS Word's "Save as PDF" and Aspose.Words (the
PDF engine of case-management systems such as Public 360, Ciceron and W3D3)
put in authority PDFs, and what our other fixtures lack:

  word-justified: justified paragraphs where each word is placed on its own
    (TJ arrays with large displacements, no space glyphs) in a Type0
    Identity-H font with a ToUnicode map; paragraphs justified with Tw over
    space glyphs in a simple WinAnsi TrueType font without ToUnicode, as
    Word writes Latin text; a heading expanded with Tc; a word made of runs
    in two fonts; a table of rules whose cells are each a positioned run;
    running header and footer.
  aspose-runs: each glyph run placed with its own Tm (Aspose), kerning
    inside words as small TJ displacements, word gaps as separate space
    glyphs that are each positioned.
  page-geometry: a portrait page whose letterhead and footer are a Form
    XObject; a page with /Rotate 90 holding a landscape table; a page with
    a landscape MediaBox; a page whose CropBox is offset from the
    MediaBox's origin, with printer's slug text outside the CropBox, which
    no reader sees and which must not be read.

and, from sources beside them:
  tex-artikel.tex, tex-rapport.tex -> PDF with pdfTeX (T1 encoding, Latin
    Modern Type 1 fonts, Swedish hyphenation): a two-column article with a
    ruled table in the right column and footnotes; a one-column report
    with a running head, footnotes and a table;
  tex-bitmap.tex -> PDF with pdfTeX in T1 encoding without lmodern: with
    cm-super not installed, pdfTeX has the EC fonts only as bitmaps
    (mktexpk runs Metafont on texlive-base's EC sources) and writes them as
    Type 3 fonts; a two-page memo with ligatures, dashes, quotation marks,
    a section sign and a running head. The step stops if the fonts are not
    Type 3 (pdffonts, from poppler-utils).
  groff-memo.ms -> PostScript with groff -ms -> PDF with Ghostscript's
    ps2pdf: a memo with a running head from page 2 and page numbers.

Needs /usr/bin/python3 with Debian's python3-fonttools (to subset Liberation
fonts, package fonts-liberation2, keeping glyph ids so CID = GID);
texlive-latex-base, lmodern, texlive-lang-european (babel's Swedish and its
hyphenation patterns); groff and ghostscript. None of them is in
scripts/deps: the PDFs are committed and the tests read only them.
The expected text (*.txt) of the pdfTeX and groff documents is written by
hand beside them; check it after remaking them with
build/tests/extract/extract_features_test.
Usage: scripts/make-feature-pdfs.py [python] [tex] [groff] (default: all)
"""
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zlib

from fontTools import subset as ft_subset
from fontTools.ttLib import TTFont

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OUT = os.path.join(ROOT, "tests", "data", "features")
FONTS = "/usr/share/fonts/truetype/liberation2"


class Font:
    """A TrueType font: metrics from the file; embedded as a subset."""

    def __init__(self, name, file, type0, tag):
        self.name, self.type0, self.tag = name, type0, tag
        self.path = os.path.join(FONTS, file)
        self.tt = TTFont(self.path)
        self.cmap = self.tt.getBestCmap()
        self.upem = self.tt["head"].unitsPerEm
        self.hmtx = self.tt["hmtx"]
        self.order = self.tt.getGlyphOrder()
        self.used = set()
        self.ref = None

    def gid(self, ch):
        return self.order.index(self.cmap[ord(ch)])

    def width(self, ch):  # in 1/1000 em
        return self.hmtx[self.cmap[ord(ch)]][0] * 1000.0 / self.upem

    def text_width(self, s, size):
        return sum(self.width(c) for c in s) * size / 1000.0

    def encode(self, s):
        """Hex string operand for `s`: 2-byte GIDs (Identity-H) or WinAnsi."""
        self.used.update(s)
        if self.type0:
            return "<" + "".join("%04X" % self.gid(c) for c in s) + ">"
        return "<" + s.encode("cp1252").hex().upper() + ">"


class Pdf:
    def __init__(self):
        self.objects = []

    def add(self, body):
        self.objects.append(body)
        return len(self.objects)

    def reserve(self):
        return self.add(None)

    def set(self, ref, body):
        self.objects[ref - 1] = body

    def stream(self, data, extra=""):
        if isinstance(data, str):
            data = data.encode("latin-1")
        packed = zlib.compress(data, 9)
        return self.add(("<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(packed), extra))
                        .encode() + packed + b"\nendstream")

    def write(self, path, root):
        out = io.BytesIO()
        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objects, 1):
            offsets.append(out.tell())
            if isinstance(body, str):
                body = body.encode("latin-1")
            out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1))
        for o in offsets:
            out.write(b"%010d 00000 n \n" % o)
        out.write(b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
                  % (len(self.objects) + 1, root, self.info, xref))
        with open(path, "wb") as f:
            f.write(out.getvalue())


def embed_fonts(pdf, fonts):
    for font in fonts:
        options = ft_subset.Options()
        options.retain_gids = True
        options.notdef_outline = True
        options.name_IDs = ["*"]
        tt = TTFont(font.path)
        sub = ft_subset.Subsetter(options)
        sub.populate(unicodes=[ord(c) for c in font.used | {" "}])
        sub.subset(tt)
        data = io.BytesIO()
        tt.save(data)
        file_ref = pdf.stream(data.getvalue(), "/Length1 %d" % len(data.getvalue()))
        head = font.tt["head"]
        scale = 1000.0 / font.upem
        bbox = "[%d %d %d %d]" % tuple(round(v * scale) for v in
                                        (head.xMin, head.yMin, head.xMax, head.yMax))
        base = font.tag + "+" + font.tt["name"].getDebugName(6)
        descriptor = pdf.add(
            "<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox %s /ItalicAngle 0 "
            "/Ascent 891 /Descent -216 /CapHeight 662 /StemV 80 /FontFile2 %d 0 R >>"
            % (base, bbox, file_ref))
        if font.type0:
            gids = sorted({font.gid(c): c for c in font.used}.items())
            widths = " ".join("%d [%d]" % (g, round(font.width(c))) for g, c in gids)
            cid = pdf.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s "
                          "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                          "/FontDescriptor %d 0 R /DW 1000 /W [%s] /CIDToGIDMap /Identity >>"
                          % (base, descriptor, widths))
            lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                     "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                     "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
                     "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
                     "%d beginbfchar" % len(gids)]
            lines += ["<%04X> <%04X>" % (g, ord(c)) for g, c in gids]
            lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop",
                      "end", "end"]
            to_unicode = pdf.stream("\n".join(lines))
            pdf.set(font.ref, "<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "
                    "/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (base, cid, to_unicode))
        else:
            # As Word writes Latin text: WinAnsi, no ToUnicode map.
            widths = []
            for code in range(32, 256):
                try:
                    ch = bytes([code]).decode("cp1252")
                    widths.append(str(round(font.width(ch))) if ord(ch) in font.cmap else "0")
                except (UnicodeDecodeError, KeyError):
                    widths.append("0")
            pdf.set(font.ref, "<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar 32 "
                    "/LastChar 255 /Widths [%s] /Encoding /WinAnsiEncoding /FontDescriptor %d 0 R >>"
                    % (base, " ".join(widths), descriptor))


def wrap(font, size, text, width):
    """Greedy line breaking: lists of words, each line within `width`."""
    lines, line = [], []
    space = font.width(" ") * size / 1000.0
    for word in text.split():
        trial = line + [word]
        w = sum(font.text_width(x, size) for x in trial) + space * (len(trial) - 1)
        if line and w > width:
            lines.append(line)
            line = [word]
        else:
            line = trial
    lines.append(line)
    return lines


class Page:
    def __init__(self, fonts):
        self.ops = []
        self.fonts = fonts

    def text_at(self, font, size, x, y, s, tc=0.0):
        self.ops.append("BT /%s %g Tf %g Tc 1 0 0 1 %.2f %.2f Tm %s Tj ET"
                        % (font.name, size, tc, x, y, font.encode(s)))

    def rule(self, x0, y0, x1, y1, w=0.5):
        self.ops.append("%g w %.2f %.2f m %.2f %.2f l S" % (w, x0, y0, x1, y1))

    def word_placed(self, font, size, x, y, width, text, last_line):
        """Justified line, every word moved by a TJ displacement, no spaces."""
        words = text
        natural = sum(font.text_width(w, size) for w in words)
        gaps = len(words) - 1
        space = font.width(" ") * size / 1000.0
        gap = space if last_line or gaps == 0 else (width - natural) / gaps
        parts = []
        for i, w in enumerate(words):
            if i:
                parts.append("%d" % round(-gap * 1000.0 / size))
            parts.append(font.encode(w))
        self.ops.append("BT /%s %g Tf 1 0 0 1 %.2f %.2f Tm [%s] TJ ET"
                        % (font.name, size, x, y, " ".join(parts)))

    def tw_justified(self, font, size, x, y, width, words, last_line):
        """Justified with Tw over space glyphs (simple font: Tw applies)."""
        line = " ".join(words)
        natural = font.text_width(line, size)
        gaps = len(words) - 1
        tw = 0 if last_line or gaps == 0 else (width - natural) / gaps
        self.ops.append("BT /%s %g Tf %.3f Tw 1 0 0 1 %.2f %.2f Tm %s Tj ET"
                        % (font.name, size, tw, x, y, font.encode(line)))

    def glyph_runs(self, font, size, x, y, width, words, last_line):
        """Aspose: each run of 2-4 glyphs with its own Tm; every space a
        positioned glyph of its own; kerning as small TJ numbers."""
        natural = sum(font.text_width(w, size) for w in words)
        space = font.width(" ") * size / 1000.0
        gaps = len(words) - 1
        gap = space if last_line or gaps == 0 else (width - natural) / gaps
        cx = x
        for i, w in enumerate(words):
            if i:
                self.ops.append("BT /%s %g Tf 1 0 0 1 %.3f %.2f Tm %s Tj ET"
                                % (font.name, size, cx, y, font.encode(" ")))
                cx += gap
            k = 0
            while k < len(w):
                n = 2 + (k + len(w)) % 3
                run = w[k:k + n]
                if len(run) >= 2:
                    body = "[%s -12 %s] TJ" % (font.encode(run[0]), font.encode(run[1:]))
                    adv = font.text_width(run, size) + 12 * size / 1000.0
                else:
                    body = "%s Tj" % font.encode(run)
                    adv = font.text_width(run, size)
                self.ops.append("BT /%s %g Tf 1 0 0 1 %.3f %.2f Tm %s ET"
                                % (font.name, size, cx, y, body))
                cx += adv
                k += n


def paragraph(page, style, font, size, x, y, width, text, leading):
    lines = wrap(font, size, text, width)
    for i, words in enumerate(lines):
        style(page, font, size, x, y, width, words, i == len(lines) - 1)
        y -= leading
    return y


def finish(pdf, pages, fonts, path, title, xobjects=None):
    embed_fonts(pdf, fonts)
    font_dict = " ".join("/%s %d 0 R" % (f.name, f.ref) for f in fonts)
    xobject_dict = ""
    if xobjects:
        xobject_dict = "/XObject << %s >>" % " ".join("/%s %d 0 R" % kv for kv in xobjects.items())
    resources = pdf.add("<< /Font << %s >> %s /ProcSet [/PDF /Text] >>" % (font_dict, xobject_dict))
    pages_ref = pdf.reserve()
    kids = []
    for content, extra in pages:
        c = pdf.stream(content)
        kids.append(pdf.add("<< /Type /Page /Parent %d 0 R /Resources %d 0 R /Contents %d 0 R %s >>"
                            % (pages_ref, resources, c, extra)))
    pdf.set(pages_ref, "<< /Type /Pages /Kids [%s] /Count %d >>"
            % (" ".join("%d 0 R" % k for k in kids), len(kids)))
    root = pdf.add("<< /Type /Catalog /Pages %d 0 R >>" % pages_ref)
    pdf.info = pdf.add("<< /Title <FEFF%s> /Producer (diar make-feature-pdfs) >>"
                       % title.encode("utf-16-be").hex().upper())
    pdf.write(path, root)


def make_fonts(pdf, specs):
    fonts = []
    for name, file, type0, tag in specs:
        f = Font(name, file, type0, tag)
        f.ref = pdf.reserve()
        fonts.append(f)
    return fonts


A4 = (595.28, 841.89)

WORD_PARAGRAPHS = [
    "Kommunstyrelsen föreslås besluta att godkänna den reviderade riktlinjen för "
    "medborgardialog och att uppdra åt kommundirektören att återrapportera arbetet "
    "till kommunstyrelsens arbetsutskott senast den 30 september 2024.",
    "Riktlinjen antogs av kommunfullmäktige år 2019 och har sedan dess tillämpats i "
    "översiktsplanearbetet, i budgetdialogen med föreningslivet och vid större "
    "investeringar i skolor och äldreboenden. Förvaltningen har under hösten följt upp "
    "hur riktlinjen fungerar och funnit att den behöver förtydligas på tre punkter.",
    "För det första ska det framgå när en dialog är obligatorisk. För det andra ska "
    "resultatet av varje dialog redovisas i beslutsunderlaget till nämnden. För det "
    "tredje ska barn och unga ges möjlighet att delta på ett sätt som är anpassat efter "
    "deras ålder och mognad, i enlighet med barnkonventionen.",
]

WORD_PARAGRAPHS_2 = [
    "Förslaget har remitterats till samtliga nämnder, till kommunens pensionärsråd och "
    "till rådet för funktionshinderfrågor. Remissvaren är i huvudsak positiva. "
    "Socialnämnden framhåller att dialogen med brukare och anhöriga behöver särskilda "
    "former, vilket har arbetats in i riktlinjens fjärde avsnitt.",
    "Kostnaderna för genomförandet ryms inom kommunstyrelsens befintliga budgetram. "
    "Utbildning av chefer och handläggare sker inom ramen för det ordinarie "
    "kompetensutvecklingsprogrammet under våren 2024.",
]


def word_justified():
    pdf = Pdf()
    serif, sans, bold, sans_bold = make_fonts(pdf, [
        ("F1", "LiberationSerif-Regular.ttf", True, "AAAAAA"),
        ("F2", "LiberationSans-Regular.ttf", False, "BAAAAA"),
        ("F3", "LiberationSerif-Bold.ttf", True, "CAAAAA"),
        ("F4", "LiberationSans-Bold.ttf", False, "DAAAAA"),
    ])
    left, width, size, leading = 70.9, 453.5, 11, 14.2
    texts, pages = [], []
    for number in (1, 2):
        page = Page(None)
        page.text_at(sans, 9, left, 800, "Österviks kommun")
        page.text_at(sans, 9, 440, 800, "Dnr KS 2024/0112")
        page.rule(left, 794, left + width, 794)
        page.text_at(sans, 9, 280, 40, "Sida %d av 2" % number)
        out = []
        y = 760
        if number == 1:
            # Word's "expanded by 1 pt" heading, and a word in two fonts.
            page.text_at(sans_bold, 14, left, y, "TJÄNSTESKRIVELSE", tc=1.0)
            out.append("TJÄNSTESKRIVELSE")
            y -= 20
            page.ops.append("BT /F4 9 Tf 1 0 0 1 %.2f %.2f Tm %s Tj /F2 9 Tf %s Tj ET"
                            % (left, y, sans_bold.encode("Datum:"), sans.encode(" 2024-02-14")))
            out.append("Datum: 2024-02-14")
            y -= 28
            page.text_at(bold, 13, left, y, "Revidering av riktlinje för medborgardialog")
            out.append("Revidering av riktlinje för medborgardialog")
            y -= 22
            page.text_at(bold, 11, left, y, "Förslag till beslut")
            out.append("Förslag till beslut")
            y -= 18
            y = paragraph(page, Page.word_placed, serif, size, left, y, width,
                          WORD_PARAGRAPHS[0], leading) - 8
            out.append(WORD_PARAGRAPHS[0])
            page.text_at(bold, 11, left, y, "Ärendet")
            out.append("Ärendet")
            y -= 18
            for text in WORD_PARAGRAPHS[1:]:
                y = paragraph(page, Page.word_placed, serif, size, left, y, width, text,
                              leading) - 8
                out.append(text)
            # A table of rules; each cell a run placed on its own.
            page.text_at(bold, 11, left, y, "Tidplan")
            out.append("Tidplan")
            y -= 10
            rows = [("Aktivitet", "Ansvarig", "Klart"),
                    ("Remiss till nämnderna", "Kommunledningskontoret", "2024-03-31"),
                    ("Utbildning av handläggare", "HR-avdelningen", "2024-05-15"),
                    ("Återrapport till arbetsutskottet", "Kommundirektören", "2024-09-30")]
            cols = [left, left + 200, left + 360, left + width]
            top = y
            for r, row in enumerate(rows):
                page.rule(cols[0], y, cols[-1], y)
                for c, cell in enumerate(row):
                    page.text_at(bold if r == 0 else serif, 10, cols[c] + 4, y - 13, cell)
                out.append(" | ".join(row))
                y -= 19
            page.rule(cols[0], y, cols[-1], y)
            for cx in cols:
                page.rule(cx, top, cx, y)
        else:
            page.text_at(bold, 11, left, y, "Remissvar")
            out.append("Remissvar")
            y -= 18
            y = paragraph(page, Page.tw_justified, sans, 10.5, left, y, width,
                          WORD_PARAGRAPHS_2[0], leading) - 8
            out.append(WORD_PARAGRAPHS_2[0])
            page.text_at(bold, 11, left, y, "Ekonomiska konsekvenser")
            out.append("Ekonomiska konsekvenser")
            y -= 18
            y = paragraph(page, Page.tw_justified, sans, 10.5, left, y, width,
                          WORD_PARAGRAPHS_2[1], leading) - 30
            out.append(WORD_PARAGRAPHS_2[1])
            page.text_at(serif, 11, left, y, "Anna Berglund")
            page.text_at(serif, 11, left, y - 14, "Kommundirektör")
            out += ["Anna Berglund", "Kommundirektör"]
        pages.append(("\n".join(page.ops), "/MediaBox [0 0 %.2f %.2f]" % A4))
        texts.append("\n".join(out))
    finish(pdf, pages, [serif, sans, bold, sans_bold], os.path.join(OUT, "word-justified.pdf"),
           "Tjänsteskrivelse: revidering av riktlinje för medborgardialog")
    return "\n\n".join(texts) + "\n"


ASPOSE_PARAGRAPHS = [
    "Överförmyndarnämnden har i tillsynen av ställföreträdarnas årsräkningar för 2023 "
    "granskat samtliga redovisningar som kommit in före den 1 mars. Granskningen visar att "
    "de flesta årsräkningar är fullständiga och väl underbyggda.",
    "I elva ärenden har kompletteringar begärts. Det gäller främst saknade kontoutdrag, "
    "uttag som inte styrkts med kvitton och arvoden som tagits ut utan nämndens beslut. "
    "Ställföreträdarna har fått skriftliga förelägganden med svarstid på fyra veckor.",
    "Nämnden bedömer att tillsynen i övrigt har fungerat väl och att handläggningstiderna "
    "har minskat jämfört med föregående år, från i genomsnitt 94 till 61 dagar.",
]


def aspose_runs():
    pdf = Pdf()
    serif, bold = make_fonts(pdf, [
        ("F1", "LiberationSerif-Regular.ttf", True, "EAAAAA"),
        ("F2", "LiberationSerif-Bold.ttf", True, "FAAAAA"),
    ])
    left, width, size, leading = 72, 451, 11.5, 15
    page = Page(None)
    out = []
    y = 770
    page.text_at(bold, 15, left, y, "Tillsyn av årsräkningar 2023")
    out.append("Tillsyn av årsräkningar 2023")
    y -= 26
    for text in ASPOSE_PARAGRAPHS:
        y = paragraph(page, Page.glyph_runs, serif, size, left, y, width, text, leading) - 9
        out.append(text)
    finish(pdf, [("\n".join(page.ops), "/MediaBox [0 0 %.2f %.2f]" % A4)], [serif, bold],
           os.path.join(OUT, "aspose-runs.pdf"), "Tillsyn av årsräkningar 2023")
    return "\n".join(out) + "\n"


GEOMETRY_BODY = [
    "Rapporten redovisar resultatet av kommunens medarbetarenkät 2023. Enkäten skickades "
    "till 2 418 medarbetare och besvarades av 1 877, en svarsfrekvens på 78 procent.",
    "Resultatet redovisas per förvaltning i tabellen på nästa sida. Jämfört med 2021 har "
    "det hållbara medarbetarengagemanget ökat i fyra av sex förvaltningar.",
]
GEOMETRY_TABLE = [
    ("Förvaltning", "Svar", "Andel", "Motivation", "Ledarskap", "Styrning", "HME totalt"),
    ("Barn- och utbildning", "812", "81 %", "80", "77", "74", "77"),
    ("Socialförvaltningen", "604", "74 %", "78", "75", "71", "75"),
    ("Samhällsbyggnad", "211", "83 %", "82", "79", "76", "79"),
    ("Kultur och fritid", "98", "86 %", "84", "81", "78", "81"),
]
GEOMETRY_TABLE_2 = [
    ("Fråga", "2019", "2021", "2023", "Förändring"),
    ("Jag ser fram emot att gå till arbetet", "3,9", "4,0", "4,1", "+0,1"),
    ("Min chef visar förtroende för mig", "4,2", "4,2", "4,3", "+0,1"),
    ("Jag vet vad som förväntas av mig", "4,1", "4,1", "4,2", "+0,1"),
]
GEOMETRY_LAST = [
    "Förvaltningarna ska senast den 31 mars 2024 ta fram handlingsplaner utifrån "
    "resultatet. Planerna följs upp i delårsrapporten och i årsredovisningen.",
]


def geometry():
    pdf = Pdf()
    serif, sans, sans_bold = make_fonts(pdf, [
        ("F1", "LiberationSerif-Regular.ttf", True, "GAAAAA"),
        ("F2", "LiberationSans-Regular.ttf", False, "HAAAAA"),
        ("F3", "LiberationSans-Bold.ttf", True, "IAAAAA"),
    ])
    # Letterhead and footer as Form XObjects drawn on every page (the
    # footer's page number is page text: Word's PAGE field).
    forms = {}
    pages, texts = [], []

    def form(name, ops, width, height):
        forms[name] = (ops, width, height)

    def table(page, rows, x, y, widths, size):
        out = []
        xs = [x]
        for w in widths:
            xs.append(xs[-1] + w)
        top = y
        for r, row in enumerate(rows):
            page.rule(xs[0], y, xs[-1], y)
            for c, cell in enumerate(row):
                page.text_at(sans_bold if r == 0 else sans, size, xs[c] + 4, y - size - 3, cell)
            out.append(" | ".join(row))
            y -= size + 8
        page.rule(xs[0], y, xs[-1], y)
        for cx in xs:
            page.rule(cx, top, cx, y)
        return y, out

    def head_foot(page, w, number, h=A4[1]):
        page.ops.append("q 1 0 0 1 0 %.2f cm /Head Do Q" % (h - A4[1]))
        page.ops.append("/Foot Do")
        page.text_at(sans, 9, w - 80, 30, "Sida %d av 4" % number)

    # Page 1: portrait.
    page = Page(None)
    head_foot(page, A4[0], 1)
    out = []
    y = 740
    page.text_at(sans_bold, 16, 70, y, "Medarbetarenkät 2023")
    out.append("Medarbetarenkät 2023")
    y -= 30
    for text in GEOMETRY_BODY:
        y = paragraph(page, Page.word_placed, serif, 11, 70, y, 455, text, 14.5) - 8
        out.append(text)
    pages.append(("\n".join(page.ops), "/MediaBox [0 0 %.2f %.2f]" % A4))
    texts.append(out)

    # Page 2: portrait MediaBox, /Rotate 90: drawn turned, so it reads as a
    # landscape page (an A3 table page turned in the viewer, a scanner's
    # landscape page). Everything on it is drawn in landscape coordinates
    # through one cm.
    page = Page(None)
    lw, lh = A4[1], A4[0]
    page.ops.append("q 0 1 -1 0 %.2f 0 cm" % A4[0])
    head_foot(page, lw, 2, lh)
    out = []
    y = lh - 90
    page.text_at(sans_bold, 12, 60, y, "Tabell 1. Resultat per förvaltning")
    out.append("Tabell 1. Resultat per förvaltning")
    y, rows = table(page, GEOMETRY_TABLE, 60, y - 12, [170, 60, 70, 95, 95, 95, 110], 10)
    out += rows
    page.ops.append("Q")
    pages.append(("\n".join(page.ops), "/MediaBox [0 0 %.2f %.2f] /Rotate 90" % A4))
    texts.append(out)

    # Page 3: landscape MediaBox, as Word writes a landscape section.
    page = Page(None)
    head_foot(page, lw, 3, lh)
    out = []
    y = lh - 90
    page.text_at(sans_bold, 12, 60, y, "Tabell 2. Utvalda frågor, medelvärde 1–5")
    out.append("Tabell 2. Utvalda frågor, medelvärde 1–5")
    y, rows = table(page, GEOMETRY_TABLE_2, 60, y - 12, [300, 80, 80, 80, 110], 10)
    out += rows
    pages.append(("\n".join(page.ops), "/MediaBox [0 0 %.2f %.2f]" % (lw, lh)))
    texts.append(out)

    # Page 4: a print-ready page: the MediaBox has bleed and slug, the
    # CropBox (what a reader shows) is A4 offset from the origin; the slug
    # outside it has the printer's job line.
    ox, oy = 36, 48
    page = Page(None)
    page.ops.append("q 1 0 0 1 %.2f %.2f cm" % (ox, oy))
    head_foot(page, A4[0], 4)
    out = []
    y = 740
    page.text_at(sans_bold, 13, 70, y, "Fortsatt arbete")
    out.append("Fortsatt arbete")
    y -= 24
    for text in GEOMETRY_LAST:
        y = paragraph(page, Page.word_placed, serif, 11, 70, y, 455, text, 14.5) - 8
        out.append(text)
    page.ops.append("Q")
    page.text_at(sans, 7, ox, oy - 24, "medarbetarenkat-2023-tryck.pdf  4  2024-01-18  10:42")
    page.rule(ox - 20, oy, ox - 6, oy, 0.25)
    pages.append(("\n".join(page.ops), "/MediaBox [0 0 %.2f %.2f] /CropBox [%.2f %.2f %.2f %.2f]"
                  % (A4[0] + 2 * ox, A4[1] + 2 * oy, ox, oy, ox + A4[0], oy + A4[1])))
    texts.append(out)

    head = Page(None)
    head.text_at(sans_bold, 10, 70, 800, "Österviks kommun")
    head.text_at(sans, 9, 70, 788, "HR-avdelningen")
    head.text_at(sans, 9, 420, 800, "Rapport 2024:3")
    head.rule(70, 780, 525, 780)
    foot = Page(None)
    foot.rule(70, 48, 525, 48)
    foot.text_at(sans, 8, 70, 30, "Österviks kommun, 123 80 Östervik, www.ostervik.se")
    # Fonts must know every glyph before they are embedded.
    embed_fonts_before = [serif, sans, sans_bold]
    xobjects = {}
    for name, p in (("Head", head), ("Foot", foot)):
        fonts = " ".join("/%s %d 0 R" % (f.name, f.ref) for f in embed_fonts_before)
        xobjects[name] = pdf.stream(
            "\n".join(p.ops),
            "/Type /XObject /Subtype /Form /BBox [0 0 595.28 841.89] /Resources << /Font << %s >> >>"
            % fonts)
    finish(pdf, pages, embed_fonts_before, os.path.join(OUT, "page-geometry.pdf"),
           "Medarbetarenkät 2023", xobjects)
    # The header and footer are running lines: removed, so not expected.
    return "\n\n".join("\n".join(t) for t in texts) + "\n"


def need(tool, package):
    if shutil.which(tool) is None:
        sys.exit("make-feature-pdfs: %s not found; install %s" % (tool, package))


def written():
    for name, make in (("word-justified", word_justified), ("aspose-runs", aspose_runs),
                       ("page-geometry", geometry)):
        text = make()
        with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote", os.path.join(OUT, name + ".pdf"))


def tex():
    need("pdflatex", "texlive-latex-base, lmodern and texlive-lang-european")
    for name in ("tex-artikel", "tex-rapport", "tex-bitmap"):
        with tempfile.TemporaryDirectory() as work:
            shutil.copy(os.path.join(OUT, name + ".tex"), work)
            for _ in range(2):  # the second run resolves references
                subprocess.run(["pdflatex", "-interaction=nonstopmode", name + ".tex"], cwd=work,
                               check=True, stdout=subprocess.DEVNULL)
            if name == "tex-bitmap":
                check_bitmap_fonts(os.path.join(work, name + ".pdf"))
            shutil.copy(os.path.join(work, name + ".pdf"), OUT)
        print("wrote", os.path.join(OUT, name + ".pdf"))


def check_bitmap_fonts(pdf):
    """tex-bitmap is only worth having with pdfTeX's Type 3 bitmap fonts."""
    need("pdffonts", "poppler-utils")
    listing = subprocess.run(["pdffonts", pdf], check=True, stdout=subprocess.PIPE,
                             text=True).stdout.splitlines()[2:]
    if not listing or any("Type 3" not in line for line in listing):
        sys.exit("make-feature-pdfs: tex-bitmap.pdf has fonts other than Type 3; pdfTeX found "
                 "Type 1 EC fonts (package cm-super): make it where cm-super is not installed")


def groff():
    need("groff", "groff")
    need("ps2pdf", "ghostscript")
    source = os.path.join(OUT, "groff-memo.ms")
    ps = subprocess.run(["groff", "-ms", "-Tps", source], check=True, stdout=subprocess.PIPE).stdout
    subprocess.run(["ps2pdf", "-", os.path.join(OUT, "groff-memo.pdf")], input=ps, check=True)
    print("wrote", os.path.join(OUT, "groff-memo.pdf"))


def main():
    os.makedirs(OUT, exist_ok=True)
    steps = {"python": written, "tex": tex, "groff": groff}
    for step in sys.argv[1:] or list(steps):
        if step not in steps:
            sys.exit("make-feature-pdfs: unknown step '%s' (python, tex, groff)" % step)
        steps[step]()


if __name__ == "__main__":
    main()
