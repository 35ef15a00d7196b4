"""Citation formats for a report page: plain text, BibTeX, RIS and CSL-JSON.

Pure functions over `Metadata`, so the CLI, the web app and the quote finder share one
implementation. The locator is the *printed* page label a reader sees on the page ("p.
xii", "p. 17"); the physical PDF page goes into the link (`…/file#page=23`, which PDF
viewers open at that page) and, where the format has room, into a note.

Pages: pass `page_label`/`page_number` for one page, or `page_labels`/`page_numbers` (which
take precedence) for a quote that runs across a page break; a range prints as
"pp. 17–18" (BibTeX "17--18", RIS SP/EP, CSL "17-18"). A single label is never parsed, so
labels such as "A-3" stay intact. Missing values are omitted from the structured formats
rather than invented; only the text form says "n.d." and "Unknown publisher".
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from .errors import UsageError
from .models import Metadata, QuoteMatch
from .normalize import strip_accents

FORMATS = ("text", "bibtex", "ris", "csl-json")

_BIBTEX_ESCAPES = str.maketrans({
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
})
_KEY_STOPWORDS = frozenset({"a", "an", "the", "of", "on", "in", "and", "for", "to"})


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


def bibtex_escape(value: str) -> str:
    """Escape BibTeX/LaTeX specials; braces become commands so brace counting stays balanced."""
    return _one_line(value).translate(_BIBTEX_ESCAPES)


def _pages(page_label: str | None, page_number: int | None, page_labels: Sequence[str] | None,
           page_numbers: Sequence[int] | None) -> tuple[list[str], list[int]]:
    labels = [str(x).strip() for x in (page_labels if page_labels is not None else [page_label])
              if x is not None and str(x).strip()]
    numbers = list(page_numbers if page_numbers is not None else
                   ([page_number] if page_number is not None else []))
    if not labels:  # no printed label known: the physical page is the best locator left
        labels = [str(n) for n in numbers]
    if len(labels) > 1 and labels[0] == labels[-1]:
        labels = labels[:1]
    return labels, numbers


def _page_url(url: str | None, numbers: list[int]) -> str | None:
    """The PDF link opened at the first cited physical page (unless it already has a fragment)."""
    if not url:
        return None
    return f"{url}#page={numbers[0]}" if numbers and "#" not in url else url


def _pdf_note(labels: list[str], numbers: list[int]) -> str:
    """'PDF p. 23' when the physical page differs from the printed label (or it is unknown)."""
    if not numbers or [str(n) for n in numbers[:1]] == labels[:1]:
        return ""
    if len(numbers) > 1 and numbers[-1] != numbers[0]:
        return f"PDF pp. {numbers[0]}–{numbers[-1]}"
    return f"PDF p. {numbers[0]}"


def format_citation(meta: Metadata, *, report_id: str, page_label: str | None = None,
                    page_number: int | None = None, url: str | None = None, fmt: str = "text",
                    page_labels: Sequence[str] | None = None,
                    page_numbers: Sequence[int] | None = None) -> str:
    """Cite a report (optionally at a page) in one of `FORMATS`.

    `url` is the link to the report's PDF (e.g. ``https://host/reports/<id>/file``); the
    physical page is appended as ``#page=N``. Raises UsageError for an unknown `fmt`.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown citation format {fmt!r}", f"use one of: {', '.join(FORMATS)}")
    labels, numbers = _pages(page_label, page_number, page_labels, page_numbers)
    link = _page_url(url, numbers)
    writer = {"text": _text, "bibtex": _bibtex, "ris": _ris, "csl-json": _csl}[fmt]
    return writer(meta, report_id, labels, numbers, link)


def format_quote_citation(match: QuoteMatch, *, url: str | None = None, fmt: str = "text") -> str:
    """Cite the page(s) a quote was found on (`indexer.cite.find_quote`)."""
    return format_citation(match.metadata, report_id=match.report_id, url=url, fmt=fmt,
                           page_labels=match.labels, page_numbers=match.pages)


def _text(meta: Metadata, report_id: str, labels: list[str], numbers: list[int],
          link: str | None) -> str:
    publisher = _one_line(meta.publisher) or "Unknown publisher"
    year = str(meta.year) if meta.year is not None else "n.d."
    title = _one_line(meta.title) or report_id
    parts = [f"{publisher} ({year}).", f"*{title}*" + ("" if title[-1] in ".?!" else ".")]
    if labels:
        locator = f"pp. {labels[0]}–{labels[-1]}" if len(labels) > 1 else f"p. {labels[0]}"
        note = _pdf_note(labels, numbers)
        parts.append(f"{locator} ({note})." if note else f"{locator}.")
    if link:
        parts.append(link)
    return " ".join(parts)


def _key_word(text: str) -> str:
    for word in re.findall(r"[a-z0-9]+", strip_accents(text).casefold()):
        if word not in _KEY_STOPWORDS:
            return word
    return ""


def bibtex_key(meta: Metadata, report_id: str) -> str:
    """Stable ASCII key: first publisher word + year + first significant title word."""
    publisher = _key_word(meta.publisher) or "report"
    year = str(meta.year) if meta.year is not None else "nd"
    title = _key_word(meta.title) or re.sub(r"[^a-z0-9]", "", report_id.lower())[:8]
    return f"{publisher}{year}{title}"


def _bibtex(meta: Metadata, report_id: str, labels: list[str], numbers: list[int],
            link: str | None) -> str:
    fields: list[tuple[str, str]] = [("title", bibtex_escape(meta.title or report_id))]
    if meta.publisher.strip():
        fields.append(("institution", bibtex_escape(meta.publisher)))
    if meta.year is not None:
        fields.append(("year", str(meta.year)))
    if meta.doc_type.strip():
        doc_type = _one_line(meta.doc_type)
        fields.append(("type", bibtex_escape(doc_type[:1].upper() + doc_type[1:])))
    if labels:
        last = "--" + bibtex_escape(labels[-1]) if len(labels) > 1 else ""
        fields.append(("pages", bibtex_escape(labels[0]) + last))
    if meta.languages:
        fields.append(("language", bibtex_escape(", ".join(meta.languages))))
    if meta.themes:
        fields.append(("keywords", bibtex_escape(", ".join(meta.themes))))
    if link:
        # url is verbatim in biblatex/hyperref: only braces, backslashes and spaces would break it.
        fields.append(("url", re.sub(r"[{}\\ ]", lambda m: f"%{ord(m.group()):02X}", link)))
    note = _pdf_note(labels, numbers)
    if note:
        fields.append(("note", bibtex_escape(note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@techreport{{{bibtex_key(meta, report_id)},\n{body}\n}}\n"


def _ris(meta: Metadata, report_id: str, labels: list[str], numbers: list[int],
         link: str | None) -> str:
    """RIS with CRLF line ends, as the format specifies; one tag per line."""
    lines = [("TY", "RPRT"), ("TI", meta.title or report_id)]
    if meta.publisher.strip():
        lines.append(("PB", meta.publisher))
    if meta.year is not None:
        lines.append(("PY", str(meta.year)))
    if labels:
        lines.append(("SP", labels[0]))
        if len(labels) > 1:
            lines.append(("EP", labels[-1]))
    if meta.doc_type.strip():
        lines.append(("M3", meta.doc_type))
    lines += [("LA", lang) for lang in meta.languages]
    lines += [("KW", theme) for theme in meta.themes]
    lines += [("CY", country) for country in meta.countries]
    if link:
        lines.append(("UR", link))
    note = _pdf_note(labels, numbers)
    if note:
        lines.append(("N1", note))
    lines.append(("ID", report_id))
    out = [f"{tag}  - {_one_line(value)}" for tag, value in lines if _one_line(value)]
    return "\r\n".join([*out, "ER  - ", ""])


def _csl(meta: Metadata, report_id: str, labels: list[str], numbers: list[int],
         link: str | None) -> str:
    item: dict[str, object] = {"id": report_id, "type": "report",
                               "title": _one_line(meta.title) or report_id}
    if meta.publisher.strip():
        item["publisher"] = _one_line(meta.publisher)
    if meta.year is not None:
        item["issued"] = {"date-parts": [[meta.year]]}
    if meta.doc_type.strip():
        item["genre"] = _one_line(meta.doc_type)
    if labels:
        item["page"] = f"{labels[0]}-{labels[-1]}" if len(labels) > 1 else labels[0]
    if link:
        item["URL"] = link
    if meta.languages:
        item["language"] = meta.languages[0]
    if meta.themes:
        item["keyword"] = ", ".join(meta.themes)
    note = _pdf_note(labels, numbers)
    if note:
        item["note"] = note
    return json.dumps([item], ensure_ascii=False, indent=2)


def page_ref(number: int, label: str | None) -> str:
    """"p. 17 (PDF p. 23)", or "p. 5" when the printed label is the physical page number."""
    if not label or label == str(number):
        return f"p. {number}"
    return f"p. {label} (PDF p. {number})"
