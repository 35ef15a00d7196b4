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
    r"|www\.\S+|https?://\S+|\S+@\S+|chapter\s+\w+|bab\s+\w+|part\s+\w+"
    r"|dokumen contoh.*|tài liệu mẫu.*|เอกสารตัวอย่าง.*|ឯកសារគំរូ.*)$",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
SENTENCE_END = re.compile(r"(?<=[.!?។။])\s+|(?<=[.!?]['\"”’)])\s+")
# Words that make a name an organisation's. Latin ones match whole words; Thai and Khmer
# have no spaces, so their words (network, foundation, group, association, ministry,
# department, centre, office, organisation) match at the start of a word run.
_ORG_WORD_LIST = (
    r"department|ministry|office|organi[sz]ation|agency|bureau|commission|council|foundation"
    r"|institute|institution|association|campaign|network|government|united nations|secretariat"
    r"|cent(re|er)|programme|program|university|fund|coalition|alliance|society|project|clinic"
    r"|trust|initiative|observatory|collective|watch|forum|union|federation|authority|committee"
    r"|taskforce|task force|consortium|college|academy|corporation|ltd|inc|ngo|unodc|unicef"
    r"|undp|unhcr|ilo|iom|un women|ilab|kementerian|badan|lembaga|yayasan|jaringan|serikat|perkumpulan"
    r"|komisi|dinas|pusat|direktorat|bộ|cục|viện|tổ chức|trung tâm|mạng lưới|hội|ủy ban|quỹ"
)
_ORG_WORDS = re.compile(
    rf"(?<![\w-])({_ORG_WORD_LIST})\b|เครือข่าย|มูลนิธิ|กลุ่ม|สมาคม|กระทรวง|กรม|ศูนย์|สำนักงาน|สํานักงาน"
    r"|องค์กร|បណ្តាញ|អង្គការ|ក្រសួង|មជ្ឈមណ្ឌល|សមាគម",
    re.IGNORECASE,
)
# Non-Latin names open with the organisation word.
_ORG_OPENER = re.compile(
    r"^(เครือข่าย|มูลนิธิ|กลุ่ม|สมาคม|กระทรวง|กรม|ศูนย์|สำนักงาน|สํานักงาน|องค์กร|បណ្តាញ|អង្គការ"
    r"|ក្រសួង|មជ្ឈមណ្ឌល|សមាគម|Bộ |Cục |Viện |Trung tâm |Mạng lưới |Tổ chức |Hội |Ủy ban |Quỹ "
    r"|Kementerian |Badan |Lembaga |Yayasan |Jaringan |Serikat |Perkumpulan |Komisi |Pusat )"
)
# PDF Author values written by software or for a person's account, not by a publisher.
_SOFTWARE_AUTHOR = re.compile(
    r"^(microsoft|adobe|windows|office|user|admin|administrator|owner|author|unknown)\b"
    r"|\b(user|owner)$", re.IGNORECASE)
# "(sample)", "(contoh)", "(ตัวอย่าง)"... after a name: not part of the check.
_TRAILING_PAREN = re.compile(r"\s*\([^()]{1,30}\)$")
# A line that opens with an organisation ("U.S. Department of Labor", "Office of ...") is a
# masthead, not a title; "Women Migrant Workers in ASEAN" is a title.
_ORG_LINE = re.compile(
    r"^(the\s+)?([\w.&'-]+\s+){0,3}(department|ministry|office|bureau|organi[sz]ation|agency"
    r"|commission|council|foundation|institute|association|secretariat|government|unodc|unicef"
    r"|ilo|iom|kementerian|badan|lembaga|yayasan|jaringan)\b|^(กระทรวง|กรม|สำนักงาน|มูลนิธิ|ក្រសួង|អង្គការ)",
    re.IGNORECASE,
)
# Title-page lines that close the title block: the genre and date ("Annual report · 2022",
# "Policy brief No. 3 · 2023", "Guide / คู่มือ (พ.ศ. 2563) · 2020").
_GENRE_LINE = re.compile(r"\s[·•|]\s*(\d{1,2}\s+)?(\w+\s+)?\d{4}\W*$|^\W*(พ\.ศ\.\s*)?\d{4}\W*$")
# A line ending in one of these continues on the next line.
_CONTINUES = re.compile(
    r"\b(of|the|and|for|in|on|to|a|an|at|by|with|from|into|dari|dan|untuk|di|ke|yang|pada"
    r"|của|và|cho|các|cơ|trong|về|với|des|de|la|et|du)$|[-–—:,&/]$",
    re.IGNORECASE,
)
_SMALL_WORDS = frozenset(
    "of and the for on in to a an at by with from into or as v. vs dan untuk dari di ke".split()
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
        ("court analysis", r"\b(court|case)[-\s]+(decision\s+)?(analysis|commentary|note|brief)"
         r"|\bdecision\s+analysis|\banaly[sz]is\s+of\s+(the\s+)?(judg(e)?ment|decision|ruling)"
         r"|\bjudg(e)?ment\b|\bcase\s+law|\bverdict|(?-i:\b[A-Z][\w.]*\s+v\.?\s+[A-Z][\w.]*)"
         r"|\bputusan\b|bản án|คำพิพากษา|คําพิพากษา|សាលក្រម"),
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
    stem = PurePosixPath(rel_path.replace("\\", "/")).stem
    if title.casefold() == stem.casefold():
        return False
    # "annual_progress-report" is a file name; "Annual Progress Report 2022", the same words
    # typed as a title, is a title even when the file was named after it.
    squash = re.sub(r"\W+", "", title.casefold())
    return squash != re.sub(r"\W+", "", stem.casefold()) or (" " in title and title != title.lower())


def _trivial(line: str) -> bool:
    if letters(line) < 4 or _TRIVIAL_LINE.match(line):
        return True
    if re.fullmatch(rf"[\W\d]*({_MONTHS})?[\W\d]*", line, re.IGNORECASE):
        return True  # dates such as "April 2026", "12/03/2021"
    if _ORG_LINE.match(line) and len(line) < 90 and not line.endswith(":"):
        return True
    return is_organisation_line(line)


def is_organisation_line(line: str) -> bool:
    """A line that is just an organisation's name: "Mekong Labour Rights Network (sample)",
    "Fair Hiring Initiative Asia", "เครือข่าย...", "Trung tâm ... (mẫu)". A bilingual
    "English name / ชื่อไทย" counts by its first half."""
    line = line.split(" / ")[0].strip()
    core = _TRAILING_PAREN.sub("", line)
    if not 4 <= len(core) <= 90 or ":" in core or not _ORG_WORDS.search(core):
        return False
    if _ORG_OPENER.match(core) or _ORG_LINE.match(core):
        return _is_name_like(core)
    words = core.split()
    if not 2 <= len(words) <= 9 or not _is_name_like(core):
        return False
    # The organisation word closes the name or nearly: "... Network", "... Initiative Asia";
    # in "Safe Migration Programme Evaluation Results" it does not.
    tail = " ".join(words[-2:])
    return bool(_ORG_WORDS.search(tail)) or bool(re.match(r"(the\s+)?[\w.]+\s+of\b", core, re.I))


def _title_case(line: str) -> bool:
    """Most words capitalised, as title lines are; subtitles are in sentence case."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", line) if w.casefold() not in _SMALL_WORDS]
    if not words:
        return False
    return sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _cased(line: str) -> bool:
    return any(ch.isupper() or ch.islower() for ch in line if ch.isalpha())


def _latin(line: str) -> bool:
    """Written in Latin letters (Vietnamese included) rather than Thai, Khmer..."""
    found = _LETTER.findall(line)
    return sum(ch < "\u0250" or "\u1e00" <= ch <= "\u1eff" for ch in found) * 2 >= len(found)


def _is_genre_line(line: str) -> bool:
    """"Annual report · 2022", "Research report · 2021", "2019": the line under a title."""
    return bool(_GENRE_LINE.search(line)) or (
        len(line) < 60 and any(p.search(line) for _, p in DOC_TYPES) and bool(_YEAR.search(line))
        and _cased(line) and not _title_case(line)
    )


def title_from_text(first_page: str) -> str:
    """The first title-like block of page 1: leading trivial lines (page numbers, dates,
    banners, organisation names) are skipped, and a block that opens with prose or a list of
    phrases ("No. 39, 2003. TENAGA KERJA. Upah.") is passed over; then its first lines, up to
    a genre or date line ("Annual report · 2022"), a subtitle in sentence case, a line in
    another script, or three lines."""
    for block in re.split(r"\n\s*\n", first_page[:4000]):
        lines = [ln for ln in lines_of(block) if ln]
        while lines and _trivial(lines[0]):
            lines.pop(0)
        if not lines or prose_like(lines[0]) or _is_genre_line(lines[0]):
            continue
        parts = [lines[0]]
        for line in lines[1:4]:
            joined = " ".join(parts)
            wrapped = bool(_CONTINUES.search(parts[-1])) or line[:1].islower()
            if _is_genre_line(line) or len(line) > 70 or (_trivial(line) and not wrapped):
                break
            if re.search(r"[.!?]$", joined) and not re.search(r"\b[A-Z]\.[A-Z]?\.?$", joined):
                break
            if len(joined) + len(line) > 200 or _latin(line) != _latin(parts[-1]):
                break  # too long, or the other language of a bilingual title page
            if not wrapped:
                if not _cased(line):  # Thai, Khmer: a second line is a subtitle
                    break
                if not (_title_case(parts[-1]) and _title_case(line)):
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
    if _SOFTWARE_AUTHOR.search(author) or len(author) > 150:
        return ""
    return author if _ORG_WORDS.search(_TRAILING_PAREN.sub("", author)) else ""


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
        if 6 <= len(line) <= 200 and is_organisation_line(line):
            name = organisation_name(line)
            if name:
                return name
    return ""


def _is_name_like(line: str) -> bool:
    """Capitalised words, as in "U.S. Department of Labor", not a sentence or a heading with
    digits; Thai and Khmer names must open with a word such as กระทรวง (ministry)."""
    line = _TRAILING_PAREN.sub("", line)
    if re.search(r"[\d(){}\[\]/.:;,]$|\d", line):
        return False
    if _ORG_OPENER.match(line):
        return len(line.split()) <= 12
    if not line.isascii() and not _cased(line):
        return False
    small = {"of", "and", "the", "for", "on", "in", "to", "&", "dan", "untuk", "và", "de", "des"}
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
