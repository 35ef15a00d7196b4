"""Page quality: is a page's text searchable, missing (needs OCR) or garbled?

Pure functions over normalised text, shared by extraction and tests; no PDF library here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace

from .models import Page, Quality

_CID = re.compile(r"\(cid:\d+\)")
# A one-letter word between spaces (a superset of what the word rule counts; it only decides
# whether the exact count is needed).
_SINGLE = re.compile(r"(?<!\S)[^\W\d_](?!\S)")


def page_quality(text: str) -> Quality:
    """Classify normalised page text as OK, NO_TEXT (needs OCR) or GARBLED (unsearchable).

    Garbled: over 30% of the non-space characters are U+FFFD, private-use, control, surrogate
    or unassigned code points or `(cid:NN)` placeholders (fonts without a Unicode map), or the
    letters come out as isolated characters separated by spaces ("T h i s  i s"), or its Thai
    or Khmer text breaks spelling rules too often (`script_garbled`).
    """
    # Counted per distinct character (Counter counts in C): the per-character Python loops
    # this replaces were ~0.5 ms a page, a few percent of extraction.
    cid_chars = sum(len(m) for m in _CID.findall(text))
    rest = _CID.sub("", text) if cid_chars else text
    visible = junk = alnum = 0
    for ch, n in Counter(rest).items():
        if ch.isspace():
            continue
        visible += n
        if ch.isalnum():
            alnum += n
        elif _is_junk(ch):
            junk += n
    total = visible + cid_chars
    if total == 0:
        return Quality.NO_TEXT
    bad = cid_chars + junk
    if bad >= 3 and bad > 0.3 * total:
        return Quality.GARBLED
    if alnum < 3:
        return Quality.NO_TEXT
    if len(_SINGLE.findall(rest)) > 16 and _spaced_letters(rest):
        return Quality.GARBLED
    if script_garbled(text):
        return Quality.GARBLED
    return Quality.OK


def _spaced_letters(text: str) -> bool:
    """Letters come out as isolated characters separated by spaces ("T h i s  i s")."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    singles = sum(1 for w in words if len(w) == 1)
    return len(words) >= 20 and singles > 0.8 * len(words)


# Spelling rules that no correctly encoded Thai or Khmer text breaks; fonts whose glyphs map
# to the wrong code points (or extractors that reorder marks) break them constantly.
# See docs/languages.md ("Extraction quality per script") for the measurements.
_THAI_MARK = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_KHMER_MARK = "\u17b6-\u17d1\u17d3\u17dd"
_INVALID: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    # (script characters, invalid sequences)
    "th": (
        re.compile("[\u0e01-\u0e5b]"),
        re.compile(
            f"(?<![\u0e01-\u0e2e{_THAI_MARK}])[{_THAI_MARK}]"  # a mark with no consonant
            # a leading vowel before no consonant ("เเ" typed for "แ" is a habit, not garbling)
            "|(?:[\u0e41-\u0e44]|\u0e40(?!\u0e40))(?![\u0e01-\u0e2e])"
        ),
    ),
    "km": (
        re.compile("[\u1780-\u17ff\u19e0-\u19ff]"),
        re.compile(
            "[\u17b6-\u17c5][\u17b6-\u17c5]"  # a dependent vowel after a dependent vowel
            "|\u17d2(?![\u1780-\u17a2])"  # coeng (subscript sign) before no consonant
            f"|(?<![\u1780-\u17d3\u17dd\u200b-\u200d])[{_KHMER_MARK}]"  # a mark with no base
        ),
    ),
}
# Invalid sequences per script character. Measured: clean Thai/Khmer <= 0.01% per document
# and 0.0% on every page; the Khmer file with a broken font 1.5-4.5% per page.
GARBLED_SCRIPT_RATE = 0.01
MIN_SCRIPT_CHARS = 30  # too little text for a rate to mean anything


def invalid_sequences(text: str, script: str) -> tuple[int, int]:
    """(invalid sequences, characters) of `script` ("th" or "km") in `text`."""
    chars, invalid = _INVALID[script]
    return len(invalid.findall(text)), len(chars.findall(text))


def script_garbled(text: str) -> bool:
    """True when the Thai or Khmer text of a page breaks spelling rules at an abnormal rate.

    Catches text that looks like Thai or Khmer but is not what the page shows, e.g. a Khmer
    font whose subscript ro glyph extracts as vowel e ("ស្រុក" -> "សេុក").
    """
    return bool(_garbled_scripts(text))


def _garbled_scripts(text: str) -> list[str]:
    found = []
    for script in _INVALID:
        bad, total = invalid_sequences(text, script)
        if total >= MIN_SCRIPT_CHARS and bad > GARBLED_SCRIPT_RATE * total:
            found.append(script)
    return found


def has_script_text(text: str) -> bool:
    return any(len(chars.findall(text)) >= MIN_SCRIPT_CHARS for chars, _ in _INVALID.values())


def spread_script_garbling(pages: list[Page]) -> list[Page]:
    """Flag every page in a script that is garbled on most pages of the file.

    The cause is the font's Unicode map, which is the same on every page; a page that happens
    to have few telltale sequences (swapped glyphs that still spell validly) is just as wrong.
    """
    with_text: dict[str, list[int]] = {s: [] for s in _INVALID}
    garbled: dict[str, int] = {s: 0 for s in _INVALID}
    for i, page in enumerate(pages):
        for script, (chars, _) in _INVALID.items():
            if len(chars.findall(page.text)) >= MIN_SCRIPT_CHARS:
                with_text[script].append(i)
        for script in _garbled_scripts(page.text) if page.quality is Quality.GARBLED else ():
            garbled[script] += 1
    pages = list(pages)
    for script, indexes in with_text.items():
        if garbled[script] >= 3 and garbled[script] * 2 > len(indexes):
            for i in indexes:
                if pages[i].quality is Quality.OK:
                    pages[i] = replace(pages[i], quality=Quality.GARBLED)
    return pages


def _is_junk(ch: str) -> bool:
    # Control, private-use, surrogate and unassigned: what fonts without a ToUnicode map give.
    return ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn")
