"""Language identification for pages and reports; the only module that imports langdetect.

Thai, Lao, Khmer and Burmese are recognised by Unicode block: exact, deterministic and free,
and langdetect cannot do Khmer, Lao or Burmese anyway. Only Latin-script text (English,
Vietnamese, Indonesian, Malay, Tagalog...) goes to langdetect, seeded so the same page always
gets the same answer, on a bounded sample so thousands of pages stay cheap. Vietnamese is
also recognised by its own letters, and Malay, which langdetect does not know (it calls it
"id"), is told from Indonesian by spelling differences (see docs/metadata.md).

Plain English prose skips langdetect (~2 ms a page, the largest cost of extraction after
pypdf): a sample where English function words are at least a fifth of 30+ words and words of
other languages (their function words, accented words) are at most 1% is English, which is
what langdetect answered on every such page of the real and sample PDFs (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from indexer import function_words
from indexer.models import Page

DetectorFactory.seed = 0  # langdetect is random without a seed (libeval.md section 3)

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "th": "ไทย",
    "km": "ខ្មែរ",
    "lo": "ລາວ",
    "my": "မြန်မာ",
    "vi": "Tiếng Việt",
    "id": "Bahasa Indonesia",
    "ms": "Bahasa Melayu",
    "tl": "Filipino",
}
LANGUAGE_NAMES_EN: dict[str, str] = {
    "en": "English",
    "th": "Thai",
    "km": "Khmer",
    "lo": "Lao",
    "my": "Burmese",
    "vi": "Vietnamese",
    "id": "Indonesian",
    "ms": "Malay",
    "tl": "Filipino",
    "ar": "Arabic",
    "fr": "French",
    "zh-cn": "Chinese",
    "zh-tw": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
}

MIN_LETTERS = 40  # below this, a script's letters are too few for a statistical guess
MIN_SHARE = 0.10  # a script under this share of a page's letters needs MIN_LETTERS to count
MIN_SCRIPT_LETTERS = 3  # a stray Thai or Khmer character is not a language
SAMPLE_CHARS = 2000  # langdetect cost grows with length; a sample decides as well
_TARGET_LATIN = {"en", "vi", "id", "tl"}  # langdetect codes we trust at a modest probability

# The English shortcut (module docstring): thresholds measured on the real PDFs, where
# English pages run at 20-45% function words and Indonesian/Vietnamese ones at 0-4%.
_ENGLISH_MIN_WORDS = 30
_ENGLISH_MIN_SHARE = 0.20
_FOREIGN_MAX_SHARE = 0.01
_WORD = re.compile(r"[^\W\d_]+")

_SCRIPTS: dict[str, re.Pattern[str]] = {
    "th": re.compile(r"[\u0e01-\u0e4f]"),
    "lo": re.compile(r"[\u0e81-\u0ecf\u0edc-\u0eff]"),
    "my": re.compile(r"[\u1000-\u103f\u1050-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f]"),
    "km": re.compile(r"[\u1780-\u17dd\u19e0-\u19ff]"),
}
_LATIN_RANGES = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LATIN = re.compile(f"[{_LATIN_RANGES}]")
_NOT_LATIN = re.compile(f"[^{_LATIN_RANGES}\\s'-]+")
_OTHER_LETTER = re.compile(
    f"[^\\W\\d_{_LATIN_RANGES}\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff"
    "\ua9e0-\ua9ff\uaa60-\uaa7f]"
)
_NOT_OTHER = re.compile(
    f"[{_LATIN_RANGES}\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff"
    "\ua9e0-\ua9ff\uaa60-\uaa7f\\d]+"
)
# Letters only Vietnamese uses among our languages: horn/breve vowels, d-stroke, and the
# precomposed tone-marked vowels of Latin Extended Additional (U+1EA0-U+1EF9).
_VIETNAMESE = re.compile("[ơưăđƠƯĂĐ\u1ea0-\u1ef9]")
_VI_DENSITY = 0.03  # Vietnamese prose runs at ~10-20% of letters; "Việt Nam" in English ~0.1%

# Spelling pairs that separate Malay from Indonesian (docs/metadata.md explains the choice).
_MALAY_MARKERS = re.compile(
    r"\b(bahawa|kerana|sahaja|iaitu|mangsa|pemerdagangan|antarabangsa|selepas|kanak-kanak"
    r"|syarikat|maklumat|bahagian|percuma|sebarang|cukai|pasport|nombor|walau bagaimanapun"
    r"|kerajaan malaysia|wang ringgit)\b",
    re.IGNORECASE,
)
_INDONESIAN_MARKERS = re.compile(
    r"\b(bahwa|karena|saja|uang|pemerintah|pengadilan|yaitu|korban|perdagangan orang"
    r"|internasional|setelah|anak-anak|perusahaan|informasi|bagian|gratis|pajak|paspor"
    r"|polisi|nomor|dinas|bisa|namun|undang-undang)\b",
    re.IGNORECASE,
)


def _letter_counts(text: str) -> dict[str, int]:
    """Letters per script: the script languages by code, plus "latin" and "other"."""
    counts = {code: len(rx.findall(text)) for code, rx in _SCRIPTS.items()}
    counts["latin"] = len(_LATIN.findall(text))
    counts["other"] = len(_OTHER_LETTER.findall(text))
    return counts


def _sample(text: str) -> str:
    """At most SAMPLE_CHARS from the start, middle and end, so long pages cost the same."""
    if len(text) <= SAMPLE_CHARS:
        return text
    third = SAMPLE_CHARS // 3
    mid = len(text) // 2
    return " ".join((text[:third], text[mid - third // 2 : mid + third // 2], text[-third:]))


def _detect(text: str) -> list[tuple[str, float]]:
    """langdetect's (code, probability) list for `text`, or [] when it has nothing to say."""
    try:
        return [(str(r.lang), float(r.prob)) for r in detect_langs(_sample(text))]
    except LangDetectException:
        return []


def malay_or_indonesian(text: str) -> str:
    """"ms" when Malay-only spellings outnumber Indonesian-only ones (at least two), else "id"."""
    malay = len(_MALAY_MARKERS.findall(text))
    indonesian = len(_INDONESIAN_MARKERS.findall(text))
    return "ms" if malay >= 2 and malay > indonesian else "id"


def clearly_english(text: str) -> bool:
    """True when the sample langdetect would see is plain English prose (module docstring)."""
    words = _WORD.findall(_sample(text).lower())
    if len(words) < _ENGLISH_MIN_WORDS:
        return False
    english = foreign = 0
    for w in words:
        if w in function_words.ENGLISH:
            english += 1
        elif w in function_words.OTHER or not w.isascii():
            foreign += 1
    return english >= _ENGLISH_MIN_SHARE * len(words) and foreign <= _FOREIGN_MAX_SHARE * len(words)


def _latin_weights(text: str, letters: int) -> dict[str, float]:
    """Split a page's Latin letters among its Latin-script languages."""
    latin_text = _NOT_LATIN.sub(" ", unicodedata.normalize("NFC", text))
    vi_share = len(_VIETNAMESE.findall(latin_text)) / max(letters, 1)
    probs: dict[str, float] = {}
    detected = [("en", 1.0)] if clearly_english(latin_text) else _detect(latin_text)
    for code, prob in detected:
        threshold = 0.2 if code in _TARGET_LATIN else 0.8  # others only when clear
        if prob >= threshold:
            if code == "id":
                code = malay_or_indonesian(latin_text)
            probs[code] = probs.get(code, 0.0) + prob
    if vi_share >= _VI_DENSITY:
        probs["vi"] = max(probs.get("vi", 0.0), min(1.0, vi_share * 5))
    total = sum(probs.values())
    return {code: letters * p / total for code, p in probs.items()} if total else {}


def _other_weights(text: str, letters: int) -> dict[str, float]:
    """Arabic, Cyrillic, CJK... : langdetect on those letters alone, only when it is sure."""
    other_text = _NOT_OTHER.sub(" ", text)
    found = [(c, p) for c, p in _detect(other_text) if p >= 0.8 and c not in _TARGET_LATIN]
    return {found[0][0]: float(letters)} if found else {}


def language_weights(text: str) -> dict[str, float]:
    """Letters of `text` attributed to each language; scripts below the guards are dropped."""
    counts = _letter_counts(text)
    total = sum(counts.values())
    if not total:
        return {}

    def counts_as_language(n: int) -> bool:
        return n >= MIN_LETTERS or (n / total >= MIN_SHARE and n >= MIN_SCRIPT_LETTERS)

    weights: dict[str, float] = {}
    for code in _SCRIPTS:
        if counts_as_language(counts[code]):
            weights[code] = float(counts[code])
    if counts["latin"] >= MIN_LETTERS:  # a statistical guess needs enough letters
        weights.update(_latin_weights(text, counts["latin"]))
    if counts["other"] >= MIN_LETTERS:
        weights.update(_other_weights(text, counts["other"]))
    return weights


def _ranked(weights: dict[str, float]) -> tuple[str, ...]:
    total = sum(weights.values())
    kept = [c for c, w in weights.items() if w >= MIN_LETTERS or (total and w / total >= MIN_SHARE)]
    return tuple(sorted(kept, key=lambda c: (-weights[c], c)))


def detect_languages(text: str) -> tuple[str, ...]:
    """ISO 639-1 codes of the languages of `text`, most prevalent first; () when unsure."""
    return _ranked(language_weights(text))


def _page_weights(page: Page) -> dict[str, float]:
    """Reuse `page.languages` when the pipeline has set them: only the script counts are
    recomputed (cheap regexes), so langdetect does not run twice over a report."""
    if not page.languages:
        return language_weights(page.text)
    counts = _letter_counts(page.text)
    weights = {c: float(counts[c]) for c in page.languages if c in _SCRIPTS and counts[c]}
    rest = [c for c in page.languages if c not in _SCRIPTS]
    for code in rest:
        weights[code] = (counts["latin"] + counts["other"]) / len(rest)
    return weights


def with_page_languages(pages: Sequence[Page]) -> tuple[Page, ...]:
    """The pages with their languages detected where that means something.

    Garbled or empty text would only yield random language guesses, except that Thai or
    Khmer with misspelt marks is still certainly Thai or Khmer (script rule, no guessing).
    """
    from dataclasses import replace

    from indexer.models import Quality
    from indexer.quality import has_script_text

    return tuple(
        replace(p, languages=detect_languages(p.text))
        if p.quality is Quality.OK or (p.quality is Quality.GARBLED and has_script_text(p.text))
        else p
        for p in pages
    )


def report_languages(pages: Sequence[Page]) -> tuple[str, ...]:
    """A report's languages: letters summed over pages, kept at >= 10% share or as the main
    language of at least two pages, so a Thai report quoting English terms stays Thai."""
    totals: dict[str, float] = {}
    main_pages: dict[str, int] = {}
    for page in pages:
        weights = _page_weights(page)
        for code, weight in weights.items():
            totals[code] = totals.get(code, 0.0) + weight
        if weights:
            main = max(weights, key=lambda c: (weights[c], c))
            main_pages[main] = main_pages.get(main, 0) + 1
    grand = sum(totals.values())
    if not grand:
        return ()
    kept = [c for c, w in totals.items() if w / grand >= MIN_SHARE or main_pages.get(c, 0) >= 2]
    return tuple(sorted(kept, key=lambda c: (-totals[c], c)))


def language_label(code: str) -> str:
    """Native name with the English one, e.g. "ไทย (Thai)"; English is just "English"."""
    native = LANGUAGE_NAMES.get(code)
    english = LANGUAGE_NAMES_EN.get(code)
    if native and english and native != english:
        return f"{native} ({english})"
    return native or english or code
