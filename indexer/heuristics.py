"""Guesses at a report's title, publisher, year, type and summary from its text and PDF info.

Each function returns "" or None when it has no good answer, so `metadata.derive_metadata`
can fall through to the next source and record where each value came from. They read only
the first pages: that is where reports put what a catalogue needs, and it keeps the cost
flat for thousand-page volumes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import PurePosixPath

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|januari|februari|maret|mei|juni|juli|agustus|oktober|desember|tháng|มกราคม|กุมภาพันธ์"
    "|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม"
)
_YEAR = re.compile(r"(?<![\d.,/])(?:พ\.ศ\.\s*|B\.E\.\s*)?((?:19|20|25)\d\d)(?![\d,]|\.\d)")
_STRONG_YEAR = re.compile(
    r"(?:©|\(c\)|copyright|published|publication|first edition|printed|diterbitkan|xuất bản"
    r"|จัดพิมพ์|พิมพ์ครั้ง)[^\n]{0,25}$",
    re.IGNORECASE,
)
# A line that is only a date ("September 2017", "12 May 2020") is a title-page date; a
# date inside a sentence ("On February 1, 2021, ...") is narrative and says nothing.
_DATE_LINE = re.compile(
    rf"^\W*(\d{{1,2}}\s+)?({_MONTHS})\.?\s+(\d{{1,2}},?\s+)?(พ\.ศ\.\s*)?\d{{4}}\W*$",
    re.IGNORECASE,
)
_JUNK_TITLE = re.compile(
    r"^(microsoft\s+(word|powerpoint|excel)\b|untitled|document\d*$|slide\s*\d|presentation\d*$"
    r"|title$|new document|pdf\s*document|print|scan|img[_ ]?\d|dsc\d)"
    r"|\.(docx?|pdf|pptx?|xlsx?|indd|rtf|odt|qxp|pub)\b",
    re.IGNORECASE,
)
_TRIVIAL_LINE = re.compile(
    r"^(page\s*\d+(\s*of\s*\d+)?|\d+|[ivxlc]+|sample document.*|draft|confidential"
    r"|for official use only|unofficial translation|lembaran negara|table of contents|contents"
    r"|www\.\S+|https?://\S+|\S+@\S+|chapter\s+\w+|bab\s+\w+|part\s+\w+)$",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
SENTENCE_END = re.compile(r"(?<=[.!?។။])\s+|(?<=[.!?]['\"”’)])\s+")
_ORG_WORDS = re.compile(
    r"\b(department|ministry|office|organi[sz]ation|agency|bureau|commission|council|foundation"
    r"|institute|association|campaign|network|government|united nations|secretariat|cent(re|er)"
    r"|programme|program|university|fund|coalition|alliance|society|project|unodc|unicef|ilo"
    r"|iom|asean|kementerian|badan|lembaga|yayasan|bộ|cục|viện|tổ chức)\b|กระทรวง|กรม|สำนักงาน"
    r"|มูลนิธิ|ក្រសួង|អង្គការ",
    re.IGNORECASE,
)
# A line that opens with an organisation ("U.S. Department of Labor", "Office of ...") is a
# masthead, not a title; "Women Migrant Workers in ASEAN" is a title.
_ORG_LINE = re.compile(
    r"^(the\s+)?([\w.&'-]+\s+){0,3}(department|ministry|office|bureau|organi[sz]ation|agency"
    r"|commission|council|foundation|institute|association|secretariat|government|unodc|unicef"
    r"|ilo|iom|kementerian|badan|lembaga|yayasan)\b|^(กระทรวง|กรม|สำนักงาน|มูลนิธิ|ក្រសួង|អង្គការ)",
    re.IGNORECASE,
)
_PUBLISHED_BY = re.compile(
    r"^\W{0,3}(?:published by|publisher:|diterbitkan oleh|prepared by|produced by|©\s*(?:\d{4},?\s*)?"
    r"|copyright\s*(?:©\s*)?(?:\d{4},?\s*)?)([^\n©]{3,100})",
    re.IGNORECASE | re.MULTILINE,
)
# (doc type, pattern) in priority order: the first that matches the title, else page 1, wins.
DOC_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("policy brief", r"\bpolicy\s+brief|\bbriefing\s+paper|ringkasan\s+kebijakan|kertas\s+kebijakan"
         r"|tóm tắt chính sách|khuyến nghị chính sách|សេចក្តីសង្ខេបគោលនយោបាយ"),
        ("factsheet", r"\bfact\s*sheet|lembar\s+fakta|เอกสารข้อเท็จจริง"),
        ("toolkit", r"\btool\s*kit"),
        ("training manual", r"\btraining\s+(manual|module|curriculum|package)|\bcurriculum\b"
         r"|trainer'?s\s+guide|modul\s+pelatihan|tài liệu tập huấn|หลักสูตร"),
        ("guide", r"\bguide(book)?\b|\bhandbook|\bguidelines?\b|\bmanual\b|panduan|pedoman"
         r"|buku\s+saku|sổ tay|hướng dẫn|คู่มือ|សៀវភៅណែនាំ"),
        ("annual report", r"\b(annual|progress)\s+report|laporan\s+tahunan|báo cáo thường niên"
         r"|รายงานประจำปี"),
        ("work plan", r"\bwork\s*plan|rencana\s+kerja|แผนปฏิบัติการ"),
        ("case analysis", r"\b(court|case)\s+analysis|\bjudg(e)?ment\b|\bcase\s+law|\bverdict"
         r"|\bputusan\b|bản án|คำพิพากษา"),
        ("journal article", r"\bjournal\s+(article|of)\b|\bdoi:\s*10\.|\bdoi\.org/10\."),
        ("legislation", r"^(undang-undang|act\s+no|law\s+on|พระราชบัญญัติ|luật)\b"),
    )
)


def lines_of(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n")]


def letters(text: str) -> int:
    return len(_LETTER.findall(text))


def humanize_filename(rel_path: str) -> str:
    """"reports/ilab_findings-2021_thailand.pdf" -> "Ilab findings 2021 thailand"."""
    stem = PurePosixPath(rel_path.replace("\\", "/")).stem
    words = " ".join(re.sub(r"[_\-.+]+", " ", stem).split())
    return (words[:1].upper() + words[1:]) if words else rel_path


def clean_title(title: str) -> str:
    """One line, no stray quotes, a space after a colon ("Labor:Burma" -> "Labor: Burma")."""
    title = " ".join(title.split()).strip(" \"'“”‘’«»-–—:;,")
    return re.sub(r"(?<=\w):(?=[^\W\d])", ": ", title)[:300]


def meaningful_pdf_title(title: str, rel_path: str) -> bool:
    """False for the junk PDF producers write: "Microsoft Word - x.docx", "untitled", a file
    name, or something too short to tell reports apart."""
    title = clean_title(title)
    if letters(title) < 6 or _JUNK_TITLE.search(title):
        return False
    if " " not in title and title.isascii():  # "habibi", "imagemagick-CCITTFaxDecode"
        return False
    squash = re.sub(r"\W+", "", title.casefold())
    return squash != re.sub(r"\W+", "", PurePosixPath(rel_path).stem.casefold())


def _trivial(line: str) -> bool:
    if letters(line) < 4 or _TRIVIAL_LINE.match(line):
        return True
    if re.fullmatch(rf"[\W\d]*({_MONTHS})?[\W\d]*", line, re.IGNORECASE):
        return True  # dates such as "April 2026", "12/03/2021"
    return bool(_ORG_LINE.match(line) and len(line) < 90 and not line.endswith(":"))


def title_from_text(first_page: str) -> str:
    """The first title-like block of page 1: leading trivial lines (page numbers, dates,
    banners, organisation names) are skipped, and a block that opens with prose or a list of
    phrases ("No. 39, 2003. TENAGA KERJA. Upah.") is passed over; then its first short lines."""
    for block in re.split(r"\n\s*\n", first_page[:4000]):
        lines = [ln for ln in lines_of(block) if ln]
        while lines and _trivial(lines[0]):
            lines.pop(0)
        if not lines or prose_like(lines[0]):
            continue
        parts = [lines[0]]
        for line in lines[1:]:
            joined = " ".join(parts)
            if _trivial(line) or len(line) > 70 or re.search(r"[.!?]$", joined):
                break
            if len(joined) + len(line) > 200:
                break
            parts.append(line)
        return clean_title(" ".join(parts))
    return ""


def prose_like(line: str) -> bool:
    """Too long, too many sentence breaks or commas for a title line."""
    return len(line) > 120 or len(re.findall(r"[.;]\s", line)) >= 2 or line.count(", ") >= 3


def year_candidates(
    pages_text: list[str], not_after: int | None = None
) -> tuple[int | None, int | None]:
    """(strong, weak) years from the first two pages: strong when next to ©, "published" or
    a month name; weak is the most frequent plausible year. Buddhist-era years (พ.ศ. 2561)
    are converted to the common era. Weak years after `not_after` (the PDF's own creation
    year) and range ends ("2021–2025") are plans, not publication dates."""
    latest = min(dt.date.today().year + 1, not_after or 9999)
    strong: list[int] = []
    weak: Counter[int] = Counter()
    for page_no, text in enumerate(pages_text[:2]):
        for line in lines_of(text):
            for match in _YEAR.finditer(line):
                year = int(match.group(1))
                year = year - 543 if year > 2400 else year
                if _STRONG_YEAR.search(line[: match.start()]) or _DATE_LINE.match(line):
                    strong.append(year)
                elif 1990 <= year <= latest and not re.search(r"[–—-]\s*$", line[: match.start()]):
                    weak[year] += 2 if page_no == 0 else 1
    strong = [y for y in strong if 1990 <= y <= dt.date.today().year + 1]
    best_weak = max(weak, key=lambda y: (weak[y], y)) if weak else None
    return (strong[0] if strong else None), best_weak


def pdf_year(creation_date: str) -> int | None:
    """Year of an ISO or raw "D:YYYYMMDD..." PDF date, if plausible."""
    match = re.search(r"(?:^|D:)((?:19|20)\d\d)", creation_date.strip())
    year = int(match.group(1)) if match else None
    return year if year and 1990 <= year <= dt.date.today().year + 1 else None


def organisation_name(author: str) -> str:
    """The PDF Author when it names an organisation; people's names are not publishers."""
    author = " ".join(author.split()).strip(" ,;")
    author = re.sub(r"\bU\.\s+S\.", "U.S.", author)
    if author.isupper() and len(author) > 12:  # "BUREAU OF INTERNATIONAL LABOR AFFAIRS"
        small = {"of", "and", "the", "for", "on", "in", "to"}
        words = author.lower().split()
        author = " ".join(w if i and w in small else w.capitalize() for i, w in enumerate(words))
    return author if _ORG_WORDS.search(author) and len(author) <= 150 else ""


def publisher_from_text(pages_text: list[str]) -> str:
    """"Published by X" or "© X" on the first two pages, else a line that is just an
    organisation's name (pages 1-2), else ""."""
    head = "\n".join(pages_text[:2])[:6000]
    for match in _PUBLISHED_BY.finditer(head):
        name = re.split(r"\s{2,}|[.;]\s|\s\d{4}\b|\s\(|,\s*\d", match.group(1).strip())[0]
        name = organisation_name(name.strip(" ,.:;[]"))
        if name and "copyright" not in name.casefold():
            return name
    for line in lines_of(head):
        line = re.sub(r"^\d+\s+", "", line)
        if 6 <= len(line) <= 90 and _ORG_LINE.match(line) and _is_name_like(line):
            name = organisation_name(line)
            if name:
                return name
    return ""


def _is_name_like(line: str) -> bool:
    """Capitalised words, as in "U.S. Department of Labor", not a sentence or a heading with
    digits; Thai and Khmer names must open with a word such as กระทรวง (ministry)."""
    if re.search(r"[\d(){}\[\]/.:;,]$|\d", line):
        return False
    if not line.isascii():
        return bool(re.match(r"(กระทรวง|กรม|สำนักงาน|มูลนิธิ|ក្រសួង|អង្គការ|Bộ |Cục |Kementerian )", line))
    small = {"of", "and", "the", "for", "on", "in", "to", "&", "dan", "untuk"}
    words = line.split()
    return all(w[:1].isupper() or w in small or not w[:1].isalpha() for w in words)


def doc_type(title: str, first_page: str) -> str:
    """The first DOC_TYPES entry found in the title, else at the top of the first page (the
    title zone: lower down, "National Action Plan" is narrative); "" if none."""
    for text in (title, first_page[:400]):
        for name, pattern in DOC_TYPES:
            if pattern.search(text):
                return name
    return ""


def real_sentence(text: str) -> bool:
    """A PDF Subject worth showing: long enough and reads like prose, not keywords."""
    text = " ".join(text.split())
    return len(text) > 60 and len(text.split()) >= 8 and not _JUNK_TITLE.search(text)
