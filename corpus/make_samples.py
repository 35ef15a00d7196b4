"""Regenerate the fictional sample corpus shipped in ``corpus/``.

Usage (from the project root)::

    .venv/bin/python corpus/make_samples.py

Needs the ``samples`` extra (fpdf2) plus pypdf and Pillow, and the Debian
``fonts-noto-core`` package (fonts under /usr/share/fonts/truetype/noto).
The document texts live in ``sample_texts.py`` (English) and
``sample_texts_i18n.py`` (Thai, Khmer, Indonesian, Vietnamese, mixed).

Output is deterministic: creation dates are fixed, fpdf2 derives the file
/ID from the content, and pypdf post-processing keeps that /ID, so two runs
produce byte-identical PDFs.

Thai and Khmer are written WITHOUT HarfBuzz text shaping on purpose: with
shaping enabled, fpdf2 emits glyphs (e.g. the decomposed Thai SARA AM, Khmer
subscript forms) that have no Unicode mapping, so extracted text contains
control characters; unshaped text round-trips verbatim through pypdf.
"""

from __future__ import annotations

import io
import random
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from sample_texts import DOCS as DOCS_EN  # noqa: E402
from sample_texts_i18n import DOCS as DOCS_I18N  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
SAMPLE_NOTICE = "Sample document generated for Report Search \u2014 fictional content"
FONTS = {
    ("sans", ""): "NotoSans-Regular.ttf",
    ("sans", "B"): "NotoSans-Bold.ttf",
    ("thai", ""): "NotoSansThai-Regular.ttf",
    ("thai", "B"): "NotoSansThai-Bold.ttf",
    ("khmer", ""): "NotoSansKhmer-Regular.ttf",
    ("khmer", "B"): "NotoSansKhmer-Bold.ttf",
}
SUMMARY_HEADING = {
    "en": "Executive summary",
    "th": "บทสรุปผู้บริหาร",
    "km": "សេចក្តីសង្ខេប",
    "id": "Ringkasan eksekutif",
    "vi": "Tóm tắt",
}
BODY_SIZE = 10.5
LINE_H = 5.6


def family_for(text: str) -> str:
    """Pick the primary font family from the script of a text."""
    if any("\u1780" <= ch <= "\u17ff" for ch in text):
        return "khmer"
    if any("\u0e00" <= ch <= "\u0e7f" for ch in text):
        return "thai"
    return "sans"


class Report(FPDF):
    def __init__(self, doc: dict):
        super().__init__(format="A4")
        self.doc = doc
        self.roman_pages = doc.get("roman_pages", 0)
        self.silent_pages: set[int] = set()  # pages without header/footer text
        for (fam, style), name in FONTS.items():
            self.add_font(fam, style, str(FONT_DIR / name))
        self.set_fallback_fonts(["sans", "thai", "khmer"])
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=20)
        self.set_creation_date(datetime(*doc["date"], 9, 0, 0, tzinfo=UTC))
        self.set_creator("")
        self.set_producer("")
        if doc.get("info", True):
            self.set_title(doc["title"])
            self.set_author(doc["publisher"])
            self.set_subject(
                f"{doc['type'].capitalize()} \u2014 sample document, fictional content"
            )
            self.set_keywords("sample document; Report Search; " + "; ".join(doc["themes"]))
            self.set_creator("Report Search sample generator")
        else:
            # No document-information dictionary at all; the sample marker
            # is carried by XMP (description/keywords only, no title).
            self.set_xmp_metadata(
                '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
                'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
                '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
                'xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
                f"<pdf:Keywords>sample document</pdf:Keywords>"
                f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{SAMPLE_NOTICE}'
                "</rdf:li></rdf:Alt></dc:description>"
                "</rdf:Description></rdf:RDF></x:xmpmeta>"
            )

    # -- page furniture -------------------------------------------------
    def label(self, page: int) -> str:
        if page <= self.roman_pages:
            return roman(page)
        return str(page - self.roman_pages)

    def footer(self):
        if self.page in self.silent_pages or (self.page == 1 and not self.roman_pages):
            return
        self.set_y(-13)
        self.set_font("sans", "", 8)
        self.set_text_color(110)
        self.cell(0, 5, self.doc["short"], align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, self.label(self.page), align="R")
        self.set_text_color(0)

    # -- text helpers ---------------------------------------------------
    def para(self, text: str, size: float = BODY_SIZE, style: str = "", gap: float = 2.2):
        self.set_font(family_for(text), style, size)
        lh = LINE_H * size / BODY_SIZE * (1.25 if family_for(text) != "sans" else 1)
        self.multi_cell(0, lh, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)

    def heading(self, text: str, size: float = 13):
        if self.get_y() > self.h - 45:
            self.add_page()
        self.ln(2)
        self.set_font(family_for(text), "B", size)
        self.set_text_color(20, 60, 110)
        self.multi_cell(0, size * 0.6, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0)
        self.ln(2)

    def bullets(self, items):
        for item in items:
            self.set_font(family_for(item), "", BODY_SIZE)
            self.set_x(self.l_margin + 3)
            self.cell(5, LINE_H, "\u2022")
            lh = LINE_H * (1.25 if family_for(item) != "sans" else 1)
            self.multi_cell(0, lh, item, align="L", new_x="LMARGIN", new_y="NEXT")
            self.ln(1)
        self.ln(1.5)

    def notes(self, notes):
        """Footnotes at the bottom of the current page."""
        self.set_font("sans", "", 8)
        needed = 6 + sum(4.2 * (1 + len(n) // 120) for n in notes)
        target = self.h - self.b_margin - needed
        if self.get_y() < target:
            self.set_y(target)
        self.line(self.l_margin, self.get_y(), self.l_margin + 50, self.get_y())
        self.ln(1.5)
        for i, note in enumerate(notes, 1):
            self.set_font(family_for(note), "", 8)
            self.multi_cell(0, 4.2, f"{i}  {note}", align="L", new_x="LMARGIN", new_y="NEXT")

    def table_block(self, header, rows):
        self.set_font("sans", "", 9)
        with self.table(
            col_widths=header[1], text_align="LEFT", line_height=5, padding=1.5
        ) as table:
            for row in [header[0], *rows]:
                r = table.row()
                for c in row:
                    r.cell(c)
        self.ln(3)

    def columns(self, paragraphs):
        self.set_font("sans", "", BODY_SIZE - 0.5)
        with self.text_columns(
            ncols=2, gutter=8, line_height=1.2, text_align="LEFT", balance=True
        ) as cols:
            for p in paragraphs:
                cols.write(p)
                cols.ln()
                cols.ln()

    def scanned_page(self, heading, paragraphs):
        """An image-only page: a raster 'scan' with no text operators."""
        self.add_page()
        self.silent_pages.add(self.page)
        img = render_scan(heading, paragraphs, self.label(self.page))
        self.image(img, x=0, y=0, w=self.w, h=self.h)
        self.add_page()

    # -- document structure ---------------------------------------------
    def title_page(self):
        d = self.doc
        self.add_page()
        self.set_font("sans", "", 9)
        self.set_text_color(150, 30, 30)
        self.multi_cell(0, 5, SAMPLE_NOTICE, align="C", new_x="LMARGIN", new_y="NEXT")
        if d.get("notice_local"):
            self.set_font(family_for(d["notice_local"]), "", 9)
            self.multi_cell(0, 5.5, d["notice_local"], align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0)
        if d.get("title_page", True):
            self.ln(45)
        else:
            self.ln(4)
        self.set_font(family_for(d["publisher"]), "", 11)
        self.multi_cell(0, 6, d["publisher"], align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(3)
        fam = family_for(d["title"])
        size = 20 if d.get("title_page", True) else 17
        self.set_font(fam, "B", size)
        self.set_text_color(20, 60, 110)
        self.multi_cell(
            0,
            size * (0.6 if fam == "sans" else 0.75),
            d["title"],
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        self.set_text_color(0)
        if d.get("subtitle"):
            self.ln(2)
            self.para(d["subtitle"], size=12.5)
        self.set_font("sans", "", 11)
        self.multi_cell(
            0, 6, f"{d['genre_label']} \u00b7 {d['year']}", align="L", new_x="LMARGIN", new_y="NEXT"
        )
        if d.get("title_page", True):
            self.set_y(self.h - 60)
            for line in d.get("imprint", []):
                self.para(line, size=8.5, gap=1)
            self.add_page()
        else:
            self.ln(4)

    def body(self):
        d = self.doc
        for page in d.get("front_matter", []):
            self.heading(page["heading"])
            self.blocks(page["body"])
            self.add_page()
        if d.get("summary"):
            self.heading(SUMMARY_HEADING[d["lang"] if d["lang"] in SUMMARY_HEADING else "en"])
            self.blocks(d["summary"])
        for sec in d["sections"]:
            if sec.get("newpage") and self.get_y() > self.t_margin + 1:
                self.add_page()
            self.heading(sec["heading"])
            self.blocks(sec.get("body", []))
            if sec.get("notes"):
                self.notes(sec["notes"])

    def blocks(self, blocks):
        for b in blocks:
            if isinstance(b, str):
                self.para(b)
                continue
            kind = b[0]
            if kind == "bullets":
                self.bullets(b[1])
            elif kind == "sub":
                self.heading(b[1], size=11)
            elif kind == "lines":  # explicit line breaks (forced hyphenation)
                self.set_font("sans", "", BODY_SIZE)
                self.multi_cell(
                    0, LINE_H, "\n".join(b[1]), align="L", new_x="LMARGIN", new_y="NEXT"
                )
                self.ln(2.2)
            elif kind == "break":  # a sentence that runs across a page break
                self.para(b[1], gap=0)
                self.add_page()
                self.para(b[2])
            elif kind == "columns":
                self.columns(b[1])
            elif kind == "table":
                self.table_block(b[1], b[2])
            elif kind == "scan":
                self.scanned_page(b[1], b[2])
            elif kind == "small":
                self.para(b[1], size=8.5)
            else:
                raise ValueError(kind)

    def build(self) -> bytes:
        self.title_page()
        self.body()
        return bytes(self.output())


def roman(n: int) -> str:
    vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def render_scan(heading: str, paragraphs: list[str], label: str) -> io.BytesIO:
    """Draw a slightly skewed, speckled greyscale 'scan' of a typed page."""
    w, h = 992, 1403  # A4 at 120 dpi
    img = Image.new("L", (w, h), 250)
    draw = ImageDraw.Draw(img)
    f_head = ImageFont.truetype(str(FONT_DIR / "NotoSerif-Bold.ttf"), 26)
    f_body = ImageFont.truetype(str(FONT_DIR / "NotoSerif-Regular.ttf"), 19)
    y = 110
    draw.text((100, y), heading, font=f_head, fill=35)
    y += 60
    for p in paragraphs:
        for line in textwrap.wrap(p, 78):
            draw.text((100, y), line, font=f_body, fill=40)
            y += 29
        y += 16
    draw.text((w // 2 - 8, h - 90), label, font=f_body, fill=60)
    rng = random.Random(2022)
    for _ in range(900):
        x0, y0 = rng.randrange(w), rng.randrange(h)
        draw.point((x0, y0), fill=rng.randrange(90, 200))
    img = img.rotate(0.7, resample=Image.Resampling.BICUBIC, fillcolor=250)
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=55, optimize=True)
    buf.seek(0)
    return buf


def postprocess(doc: dict, data: bytes) -> bytes:
    """Page labels and Info-dictionary removal, done with pypdf."""
    if doc.get("info", True) and not doc.get("roman_pages"):
        return data
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    if doc.get("roman_pages"):
        n = len(writer.pages)
        writer.set_page_label(0, doc["roman_pages"] - 1, style="/r")
        writer.set_page_label(doc["roman_pages"], n - 1, style="/D", start=1)
    if not doc.get("info", True):
        writer.metadata = None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main() -> None:
    for doc in DOCS_EN + DOCS_I18N:
        data = postprocess(doc, Report(doc).build())
        path = HERE / doc["file"]
        path.write_bytes(data)
        pages = len(PdfReader(io.BytesIO(data)).pages)
        print(f"{doc['file']:55s} {pages:3d} pages {len(data) // 1024:5d} KiB")


if __name__ == "__main__":
    main()
