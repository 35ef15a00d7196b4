"""A report's summary: the first real paragraph of prose, cut to a few sentences.

Reports open with covers, mastheads, tables of contents and headings; a summary that quotes
them is useless in a result list. So we skip to prose (capitalised lines of 40+ characters,
mostly letters, with sentences of 6+ words), prefer what follows an "Executive summary"-like
heading, and cut at a sentence end.
"""

from __future__ import annotations

import re

from indexer.heuristics import SENTENCE_END, letters, lines_of

_SUMMARY_HEADING = re.compile(
    r"^(executive\s+summary|summary|abstract|overview|key\s+findings|ringkasan(\s+eksekutif)?"
    r"|ikhtisar|abstrak|tóm tắt|บทสรุป(ผู้บริหาร)?|บทคัดย่อ|សេចក្តីសង្ខេប)\s*:?$",
    re.IGNORECASE,
)

_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")  # no "." ends

_TOC_LINE = re.compile(r"(\.{4,}|…{2,}|\s\d{1,4}$)")


def summarize(pages_text: list[str], limit: int = 400) -> str:
    """The first meaningful paragraph, preferring one after an "Executive summary"-like
    heading, cut to 1-3 sentences within `limit` characters."""
    lines = lines_of("\n".join(pages_text[:6])[:30000])
    if sum(1 for ln in lines if ln) > 60 and sum(len(ln) for ln in lines) / len(lines) < 12:
        lines = lines_of(re.sub(r"\s*\n\s*(?:\n\s*)?", " ", "\n".join(pages_text[:6])))  # one word a line
    starts = [i + 1 for i, ln in enumerate(lines) if _SUMMARY_HEADING.match(ln)]
    for start in [*starts, 0]:
        paragraph = _first_paragraph(lines[start:])
        if paragraph:
            return _cut(paragraph, limit)
    return ""


def _first_paragraph(lines: list[str]) -> str:
    """The first run of prose lines: it opens with a capitalised line of 40+ characters (not
    a heading, a TOC entry or the tail of a sentence), ends at a blank line or a short line
    after a sentence end, and holds 100+ characters of mostly letters."""
    parts: list[str] = []
    for line in [*lines, ""]:
        if line.isdigit():  # a page number inside a running header: start again
            parts = []
            continue
        if parts and (not line or (len(line) < 50 and re.search(r"[.!?:]$", parts[-1]))):
            text = " ".join(parts)
            sentences = SENTENCE_END.search(text + " ") or _UNSPACED_SCRIPT.search(text)
            words = len(text.split()) / max(1, len(SENTENCE_END.split(text)))
            if len(text) >= 100 and letters(text) > 0.6 * len(text) and sentences and words >= 6:
                return text
            parts = []
        if parts:
            parts.append(line)
        elif _starts_paragraph(line):
            parts = [line]
    return ""


def _starts_paragraph(line: str) -> bool:
    return (
        len(line) >= 40
        and not line[:1].islower()
        and not line.isupper()
        and not _TOC_LINE.search(line)
        and letters(line) > 0.6 * len(line)
    )


def _cut(paragraph: str, limit: int) -> str:
    """At most three sentences and `limit` characters, ending at a sentence end when one fits."""
    sentences = SENTENCE_END.split(paragraph)
    out = ""
    for sentence in sentences[:3]:
        candidate = f"{out} {sentence}".strip()
        if len(candidate) > limit:
            break
        out = candidate
    if out:
        return out
    cut = paragraph[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
