"""Quote lookup: a remembered or pasted quote -> the report and page(s) it comes from.

Pasted PDF text differs from indexed text in ways a reader does not see: curly quotes,
ligatures ("ﬁ"), words hyphenated at a line end ("traf-\\nficking", or "traf- ficking" once
the line break became a space), case, accents, spacing, and page breaks inside a sentence.
So a match is decided on a *comparison key*: the page's index tokens (folded words, and
the letters of Thai/Lao/Khmer/Burmese runs, vowel signs included) concatenated without
separators. Hyphenation and punctuation then vanish on both sides, and British/American
spellings agree because the tokens are the index's own. A quote is an exact match when its
key is a substring of a page's key, or of page n's key followed by page n+1's (optionally
without a short footer/header line at the break) — then both pages are cited.

When nothing matches exactly, the closest passages are returned with a token-level
similarity in [0, 1] (difflib over a window as long as the quote), so a misremembered or
paraphrased quote still finds its page. Candidate pages come from `index.quotes`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from .errors import QueryError, UsageError
from .index.quotes import phrase_candidates, rare_word_candidates
from .index.reader import IndexReader, Snapshot
from .index.records import record_to_report
from .models import QuoteMatch, Report
from .normalize import normalize_page_text
from .tokens import Tok, normalize_word, tokenize

MAX_QUOTE_CHARS = 5000
MIN_TOKENS = 3
MIN_SIMILARITY = 0.5
PASSAGE_CHARS = 400
_SHORT_LINE = 60  # a last/first line this short may be a running footer/header or page number
# "traf- ficking": a line-end hyphen whose line break was pasted as a space.
_SPACED_HYPHEN = re.compile(r"(\w)[-\u2010\u2011] +(?=[a-z\u00e0-\u024f])")


@dataclass(frozen=True)
class _Key:
    """A page's comparison key; `starts[i]`/`ends[i]` is the token span of key char i."""

    text: str
    key: str
    starts: list[int]
    ends: list[int]

    def cut(self, offset: int) -> int:
        """Number of key chars that come from text before `offset`."""
        return bisect_left(self.starts, offset)


def _keep(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def _key(text: str) -> _Key:
    key: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    prev: Tok | None = None
    for tok in tokenize(text):
        if tok.sea:
            # Bigrams overlap: a run's first bigram gives two letters, the others one each.
            first = not (prev and prev.sea and prev.start + 1 == tok.start)
            offsets = range(tok.start if first else tok.start + 1, tok.end)
            for i in offsets:
                for ch in unicodedata.normalize("NFKC", text[i]):
                    if _keep(ch):
                        key.append(ch)
                        starts.append(i)
                        ends.append(i + 1)
        else:
            span = text[tok.start : tok.end]
            word = tok.text if span.isascii() else normalize_word(unicodedata.normalize("NFKC", span))
            for ch in word:
                if _keep(ch):
                    key.append(ch)
                    starts.append(tok.start)
                    ends.append(tok.end)
        prev = tok
    return _Key(text, "".join(key), starts, ends)


def _clip(text: str) -> str:
    """One line of plain text, at most PASSAGE_CHARS, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= PASSAGE_CHARS:
        return text
    cut = text.rfind(" ", 0, PASSAGE_CHARS)
    return text[: cut if cut > 0 else PASSAGE_CHARS].rstrip() + " …"


def _footer_start(text: str) -> int | None:
    """Offset of a short last line (page number, running footer) worth trying without."""
    body = text.rstrip()
    nl = body.rfind("\n")
    return nl if nl > 0 and len(body) - nl <= _SHORT_LINE else None


def _header_end(text: str) -> int | None:
    """Offset just past a short first line (running header) worth trying without."""
    body = text.lstrip()
    nl = body.find("\n")
    return len(text) - len(body) + nl if 0 < nl <= _SHORT_LINE else None


def _tail_cuts(page: _Key) -> list[int]:
    """Key lengths to try for the end of a page: all of it, or without a short last line."""
    cut = _footer_start(page.text)
    return [len(page.key)] + ([page.cut(cut)] if cut is not None else [])


def _head_cuts(page: _Key) -> list[int]:
    """Key offsets to try for the start of a page: 0, or after a short first line."""
    cut = _header_end(page.text)
    return [0] + ([page.cut(cut)] if cut is not None else [])


def _exact(quote: str, page: _Key, nxt: _Key | None) -> tuple[int, str] | None:
    """(pages spanned, passage) if the quote key occurs in `page`, or runs on into `nxt`."""
    pos = page.key.find(quote)
    if pos >= 0:
        end = pos + len(quote) - 1
        return 1, page.text[page.starts[pos] : page.ends[end]]
    if nxt is None:
        return None
    for tail in _tail_cuts(page):
        for head in _head_cuts(nxt):
            joined = page.key[:tail] + nxt.key[head:]
            pos = joined.find(quote, max(0, tail - len(quote) + 1))
            if 0 <= pos < tail < pos + len(quote):
                last = head + pos + len(quote) - tail - 1
                return 2, (page.text[page.starts[pos] : page.ends[tail - 1]] + " "
                           + nxt.text[nxt.starts[head] : nxt.ends[last]])
    return None


def _fuzzy(quote: list[str], page: list[Tok], nxt: list[Tok], text: str,
           next_text: str) -> tuple[float, int, str]:
    """(similarity, pages spanned, passage) of the best quote-long window starting on `page`."""
    seq = page + nxt[: len(quote)]
    words = [t.text for t in seq]
    m = len(quote)
    sm = SequenceMatcher(None, autojunk=False)
    sm.set_seq2(quote)

    def score(start: int, length: int = m, quick: bool = False) -> float:
        sm.set_seq1(words[start : start + length])
        return sm.quick_ratio() if quick else sm.ratio()

    last = max(0, min(len(page) - 1, len(seq) - m))
    coarse = max(1, m // 4)
    # Locate by shared words (cheap), then refine with the real, order-aware ratio, letting
    # the window's length vary as a paraphrase's does.
    start = max([*range(0, last + 1, coarse), last], key=lambda s: (score(s, quick=True), -s))
    fine = max(1, coarse // 4)
    tries = [(s, n) for s in range(max(0, start - coarse), min(last, start + coarse) + 1, fine)
             for n in sorted({max(1, m - m // 5), m, m + m // 4 + 1})]
    start, length = max(tries, key=lambda t: (score(*t), -t[0], -t[1]))
    similarity = score(start, length)
    # Trim the passage to the first and last quoted word inside the window.
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if blocks:
        length = blocks[-1].a + blocks[-1].size - blocks[0].a
        start += blocks[0].a
    window = seq[start : start + length]
    on_page = window[: max(0, len(page) - start)]
    spill = window[len(on_page) :]
    if not on_page:  # every quoted word is on the next page: that page's own turn covers it
        return 0.0, 1, ""
    passage = text[on_page[0].start : on_page[-1].end]
    if spill:
        passage += " " + next_text[spill[0].start : spill[-1].end]
    return similarity, 2 if spill else 1, passage


def _check_quote(quote: str, limit: int) -> tuple[str, list[str]]:
    """The quote's key and its query tokens, or a QueryError saying what is wrong."""
    if not isinstance(quote, str) or not quote.strip():
        raise QueryError("the quote is empty", "paste a sentence or a phrase from a report")
    if len(quote) > MAX_QUOTE_CHARS:
        raise QueryError(f"the quote is too long ({len(quote)} characters, at most "
                         f"{MAX_QUOTE_CHARS})", "paste one or two sentences")
    if limit < 1:
        raise UsageError(f"limit must be at least 1, not {limit}")
    text = normalize_page_text(quote)
    key = _key(text).key
    tokens = [t.text for t in tokenize(_SPACED_HYPHEN.sub(r"\1", text))]
    if len(tokens) < MIN_TOKENS or len(key) < 8:
        raise QueryError("the quote is too short to tell where it comes from",
                         f"paste at least {MIN_TOKENS} words or a longer phrase")
    return key, tokens


def find_quote(reader: IndexReader, quote: str, limit: int = 5) -> tuple[QuoteMatch, ...]:
    """Where `quote` comes from: exact matches first, else passages with similarity ≥ 0.5.

    Ordered exact first, then by similarity, then report id and page; at most one match
    per page. A quote spanning a page break cites both pages.
    """
    qkey, tokens = _check_quote(quote, limit)
    with reader.snapshot() as snap:
        found = _search(snap, qkey, tokens)
    found.sort(key=lambda m: (not m.exact, -m.similarity, m.report_id, m.pages))
    out: list[QuoteMatch] = []
    used: set[tuple[str, int]] = set()
    for m in found:
        if any((m.report_id, p) in used for p in m.pages):
            continue
        used.update((m.report_id, p) for p in m.pages)
        out.append(m)
    return tuple(out[:limit])


def _match(report: Report, first: int, span: int, exact: bool, similarity: float,
           passage: str) -> QuoteMatch:
    pages = (first, first + 1)[:span]
    labels = {p.number: p.label for p in report.pages}
    return QuoteMatch(report_id=report.id, file=report.display_path, title=report.metadata.title,
                      pages=pages, labels=tuple(labels.get(p, str(p)) for p in pages),
                      exact=exact, similarity=similarity, passage=_clip(passage),
                      metadata=report.metadata)


def _search(snap: Snapshot, qkey: str, tokens: list[str]) -> list[QuoteMatch]:
    """Exact matches on the phrase hits first (the common, cheap case); then on the
    rare-word candidates; only if there are none, the closest passages."""
    exact, _ = _compare(snap, qkey, tokens, phrase_candidates(snap, tokens), fuzzy=False)
    if exact:
        return exact
    exact, fuzzy = _compare(snap, qkey, tokens, rare_word_candidates(snap, tokens), fuzzy=True)
    return exact or fuzzy


def _compare(snap: Snapshot, qkey: str, tokens: list[str], candidates: dict[str, dict[int, int]],
             *, fuzzy: bool) -> tuple[list[QuoteMatch], list[QuoteMatch]]:
    exact: list[QuoteMatch] = []
    close: list[QuoteMatch] = []
    for report_id, docnums in candidates.items():
        report = record_to_report(snap.records[report_id])
        texts = {n: t for n, d in docnums.items() if (t := snap.text_of(d)).strip()}
        keys = {n: _key(t) for n, t in texts.items()}
        for n in sorted(keys):
            hit = _exact(qkey, keys[n], keys.get(n + 1))
            if hit:
                exact.append(_match(report, n, hit[0], True, 1.0, hit[1]))
        if exact or not fuzzy:
            continue
        for n in sorted(texts):
            sim, span, passage = max(_fuzzy_variants(tokens, texts[n], texts.get(n + 1)))
            if sim >= MIN_SIMILARITY:
                close.append(_match(report, n, span, False, round(sim, 4), passage))
    return exact, close


def _fuzzy_variants(quote: list[str], text: str, next_text: str | None) -> list[tuple[float, int, str]]:
    """Best window with the page break as is, and without a short footer/header around it."""
    page = list(tokenize(text))
    nxt = list(tokenize(next_text)) if next_text else []
    # No window can beat twice the shared words over the shortest lengths compared: skip.
    m = len(quote)
    shared = sum((Counter(quote) & Counter(t.text for t in page + nxt[:m])).values())
    if 2 * shared / (m + min(len(page) + len(nxt[:m]), m - m // 5)) < MIN_SIMILARITY:
        return [(0.0, 1, "")]
    variants = [_fuzzy(quote, page, nxt, text, next_text or "")]
    foot = _footer_start(text)
    head = _header_end(next_text) if next_text else None
    if nxt and (foot is not None or head is not None):
        page_body = [t for t in page if foot is None or t.start < foot]
        next_body = [t for t in nxt if head is None or t.start >= head]
        if page_body:
            variants.append(_fuzzy(quote, page_body, next_body, text, next_text or ""))
    return variants
