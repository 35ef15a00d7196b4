"""Text normalisation shared by indexing, snippets and quote lookup.

`normalize_page_text` turns raw extracted text into what we index and show: NFKC (so the
ligature "ﬁ" becomes "fi"), line-end hyphenation joined, whitespace tidied, paragraph breaks
kept. `fold_quotes` and `strip_accents` are the folding steps shared with tokenization and
quote lookup.
"""

from __future__ import annotations

import re
import unicodedata

_SOFT_HYPHEN = "\u00ad"
# A word broken at the end of a line: "traf-\nficking" -> "trafficking". Only lower-case
# continuations are joined so "Viet-\nNam" style proper-name compounds keep their hyphen.
_LINE_HYPHEN = re.compile(r"(\w)[-\u2010\u2011]\s*\n\s*(?=[a-z\u00e0-\u024f])")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

_QUOTE_MAP = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
    }
)


# NFKC splits Thai SARA AM (U+0E33) into NIKHAHIT + SARA AA, Lao AM (U+0EB3) likewise, and
# Lao HO NO / HO MO (U+0EDC/U+0EDD) into two letters. Keyboards type the single code points,
# so we put them back together (on page text and queries alike).
_DECOMPOSED_AM = (("\u0e4d\u0e32", "\u0e33"), ("\u0ecd\u0eb2", "\u0eb3"),
                  ("\u0eab\u0e99", "\u0edc"), ("\u0eab\u0ea1", "\u0edd"))


def nfkc(text: str) -> str:
    """NFKC (ligatures, full-width forms) without splitting Thai and Lao letters."""
    text = unicodedata.normalize("NFKC", text)
    for split, whole in _DECOMPOSED_AM:
        text = text.replace(split, whole)
    return text


def normalize_page_text(raw: str) -> str:
    """Clean extracted page text for indexing and display, keeping paragraph breaks."""
    text = nfkc(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace(_SOFT_HYPHEN + "\n", "")
    text = text.replace(_SOFT_HYPHEN, "")
    text = _CONTROL.sub(" ", text)
    text = _LINE_HYPHEN.sub(r"\1", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def strip_accents(text: str) -> str:
    """Remove combining marks from Latin letters ("Việt Nam" -> "Viet Nam", "đ" -> "d").

    Marks on Thai, Khmer, Lao and Burmese letters are part of the spelling and are kept.
    """
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and out[-1] < "\u0250":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).replace("đ", "d").replace("Đ", "D")


def fold_quotes(text: str) -> str:
    """Curly quotes, primes and dashes become their ASCII forms."""
    return text.translate(_QUOTE_MAP)
