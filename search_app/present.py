"""Presentation helpers for templates: labels, language names, page-quality notes, citations.

Everything here returns plain text; templates autoescape it. Nothing is marked safe.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from flask import Flask, current_app, url_for

from indexer.citations import format_citation, page_ref
from indexer.lang import LANGUAGE_NAMES
from indexer.models import Metadata, Page, Quality

from . import params

SOURCE_NAMES = {"metadata.csv": "metadata.csv", "pdf": "PDF properties", "text": "report text",
                "filename": "file name", "default": "default"}
FIELD_NAMES = (("title", "Title"), ("publisher", "Publisher"), ("year", "Year"),
               ("doc_type", "Type"), ("countries", "Countries"), ("themes", "Themes"),
               ("languages", "Languages"))
FACET_TITLES = {"country": "Country", "theme": "Theme", "year": "Year",
                "language": "Language", "type": "Type"}
DOWNLOADS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def facet_label(facet: str, value: str) -> str:
    return language_name(value) if facet == "language" else value


def meta_line(meta: Metadata) -> str:
    """'type · publisher · year · countries · languages', skipping empty parts."""
    parts = [meta.doc_type, meta.publisher, str(meta.year) if meta.year else "",
             ", ".join(meta.countries), ", ".join(language_name(c) for c in meta.languages)]
    return " · ".join(p for p in parts if p)


def field_value(meta: Metadata, name: str) -> str:
    value = getattr(meta, name)
    if name == "languages":
        return ", ".join(language_name(c) for c in value)
    if isinstance(value, tuple):
        return ", ".join(value)
    return "" if value is None else str(value)


def source_name(meta: Metadata, name: str) -> str:
    src = meta.sources.get(name, "default")
    return SOURCE_NAMES.get(src, src)


def _ranges(numbers: Sequence[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def quality_notes(pages: Iterable[Page]) -> list[str]:
    """'pages 4–5 have no text layer', 'page 7 text is garbled'."""
    pages = list(pages)
    notes = []
    for quality, single, plural in ((Quality.NO_TEXT, "page {} has no text layer",
                                     "pages {} have no text layer"),
                                    (Quality.GARBLED, "page {} text is garbled",
                                     "pages {} text is garbled")):
        for a, b in _ranges([p.number for p in pages if p.quality == quality]):
            notes.append(single.format(a) if a == b else plural.format(f"{a}–{b}"))
    return notes


def snippet_lang(hit_languages: Sequence[str], meta: Metadata) -> str:
    langs = tuple(hit_languages) or meta.languages
    return langs[0] if langs else "und"


def pdf_url(report_id: str) -> str | None:
    """The public link to a report's PDF, or None when PUBLIC_URL is not configured."""
    base = current_app.config.get("PUBLIC_URL")
    return base.rstrip("/") + url_for("web.pdf", report_id=report_id) if base else None


def citation(meta: Metadata, report_id: str, page_number: int | None = None,
             page_label: str | None = None, fmt: str = "text", *,
             page_numbers: Sequence[int] | None = None,
             page_labels: Sequence[str] | None = None) -> str:
    """A formatted citation. It links to the PDF only when PUBLIC_URL is configured: a
    localhost address in a shared citation would be useless to its readers."""
    return format_citation(meta, report_id=report_id, page_label=page_label,
                           page_number=page_number, url=pdf_url(report_id), fmt=fmt,
                           page_numbers=page_numbers, page_labels=page_labels)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        language_name=language_name, facet_label=facet_label, page_ref=page_ref,
        meta_line=meta_line, field_value=field_value, source_name=source_name,
        quality_notes=quality_notes, snippet_lang=snippet_lang, citation=citation,
        FIELD_NAMES=FIELD_NAMES, FACET_TITLES=FACET_TITLES, DOWNLOADS=DOWNLOADS,
        search_url=params.search_url, toggle_url=params.toggle_url,
        page_window=params.page_window, max_page=params.max_page,
    )
    app.jinja_env.filters["language_name"] = language_name
