"""Highlighted, sentence-bounded snippets.

The page text is HTML-escaped first and `<mark>` is added afterwards, so nothing from a PDF
can become markup (the SearXNG rule). Matching runs the index's own tokenizer over the page,
so a highlighted word is exactly a word the query matched; consecutive marked words (a
phrase) and Thai/Khmer matches (found as whole typed strings, not bigram fragments) are
marked as one unit.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache

from .tokens import SEA_CHARS, SPELLING, TOKEN, normalize_word, word_spans

# A sentence ends after . ! ? (or the Khmer/Burmese full stops) and whitespace, at a blank
# line, or at a line break before a capital, digit or bullet. The punctuation is matched
# (not looked behind for) so the regex engine can skip ahead to candidates quickly.
_SENTENCE_END = re.compile(r"[.!?។៕။]\s+|\n\n+|\n(?=[A-Z0-9•\-–])")
_GAP = re.compile(r"^[\s\-–—'\"’,]*$")
TARGET_CHARS = 280
MAX_CHARS = 420


def match_spans(text: str, plain: frozenset[str], stems: frozenset[str],
                sea_strings: tuple[str, ...], stem: Callable[[str], str]) -> list[tuple[int, int]]:
    """Character spans of `text` to highlight, merged where only spaces separate them."""
    spans: list[tuple[int, int]] = []
    if plain or stems:
        words = (word_spans(text) if _NEEDS_FULL_SCAN.search(text)
                 else _candidate_words(text, _prefix_pattern(plain, stems)))
        for word, start, end in words:
            if word in plain or (stems and stem(word) in stems):
                spans.append((start, end))
    for s in sea_strings:
        start = text.find(s)
        while start != -1:
            spans.append((start, start + len(s)))
            start = text.find(s, start + len(s))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and (a <= merged[-1][1] or _GAP.match(text[merged[-1][1] : a])):
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


# Pages where a word's first letters may differ from its index form's (accented Latin,
# combining marks) or where a word can start right after a Thai/Khmer letter: scan them
# word by word.
_NEEDS_FULL_SCAN = re.compile(rf"[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f{SEA_CHARS}]")


@lru_cache(maxsize=256)
def _prefix_pattern(plain: frozenset[str], stems: frozenset[str]) -> re.Pattern[str]:
    """Word starts whose first letters can belong to a matched word (a cheap pre-filter).

    Tokenising a whole page to mark three words was most of a search page's cost. An index
    form keeps the first three letters of the word it came from, except for British
    spellings (added from the spelling table) and apostrophes (allowed between letters);
    a Porter stem keeps them when it has at least four letters ("toys" -> "toi"), so
    shorter stems use one letter less. Candidates are then checked exactly.
    """
    heads = {w[:3] for w in plain} | {t[:3] if len(t) >= 4 else t[: max(1, len(t) - 1)]
                                      for t in stems}
    heads |= {uk[:3] for uk, us in SPELLING.items() if us[:3] in heads}
    parts = sorted("['\u2019]?".join(re.escape(c) for c in h) for h in heads if h)
    return re.compile(r"(?<![^\W_])(?<![^\W_]['\u2019])(?:" + "|".join(parts) + ")",
                      re.IGNORECASE)


def _candidate_words(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[str, int, int]]:
    for m in pattern.finditer(text):
        tok = TOKEN.match(text, m.start())
        if tok is not None and tok.lastgroup == "word":
            word = normalize_word(tok.group())
            if word:
                yield word, tok.start(), tok.end()


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() if text[m.start()] == "\n" else m.start() + 1  # keep the full stop
        if end > start:
            bounds.append((start, end))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def render(text: str, spans: list[tuple[int, int]]) -> str:
    """Escape, then mark: the only way markup enters a snippet."""
    out, pos = [], 0
    for a, b in spans:
        out.append(html.escape(text[pos:a], quote=False))
        out.append("<mark>" + html.escape(text[a:b], quote=False) + "</mark>")
        pos = b
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


def snippet(text: str, spans: list[tuple[int, int]]) -> str:
    """1–3 sentences around the best match, escaped and highlighted."""
    text = text.strip()
    if not text:
        return ""
    sentences = _sentences(text) or [(0, len(text))]
    if not spans:
        a, b = sentences[0]
        return _clip(text, a, b, [])
    # The sentence with the most distinct matched words wins; ties go to the earliest.
    starts = [a for a, _ in sentences]
    words: dict[int, set[str]] = {}
    for x, y in spans:
        i = bisect_right(starts, x) - 1
        if i >= 0 and x < sentences[i][1]:
            words.setdefault(i, set()).add(text[x:y].lower())
    best = min(words, key=lambda i: (-len(words[i]), i)) if words else 0
    a, b = sentences[best]
    i, j = best, best
    while b - a < TARGET_CHARS and (i > 0 or j < len(sentences) - 1):
        if j < len(sentences) - 1:
            j += 1
            b = sentences[j][1]
        elif i > 0:
            i -= 1
            a = sentences[i][0]
        if j - i >= 2:
            break
    inside = [(x, y) for x, y in spans if x >= a and y <= b]
    return _clip(text, a, b, inside)


def _clip(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> str:
    """Cut an over-long window around its first match at word boundaries."""
    if b - a > MAX_CHARS:
        centre = spans[0][0] if spans else a
        lo = max(a, centre - MAX_CHARS // 3)
        hi = min(b, lo + MAX_CHARS)
        if lo > a:
            space = text.find(" ", lo, lo + 30)
            lo = space + 1 if space != -1 else lo
        if hi < b:
            space = text.rfind(" ", hi - 30, hi)
            hi = space if space != -1 else hi
        spans = [(x, y) for x, y in spans if x >= lo and y <= hi]
        return ("… " if lo > a else "") + _shift(text, lo, hi, spans) + (" …" if hi < b else "")
    return _shift(text, a, b, spans)


def _shift(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> str:
    piece = " ".join(text[a:b].split("\n"))
    return render(piece, [(x - a, y - a) for x, y in spans])
