"""The JSON shapes of search results and quote matches: one definition for the CLI's
`--json` and the web API, which are contracts other tools rely on (extend, never rename).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .citations import format_quote_citation
from .models import Failure, Metadata, PageHit, QuoteMatch, ReportHit, SearchResults, display_name

_TAG = re.compile(r"</?mark>")


def page_json(hit: PageHit) -> dict:
    return {"page": hit.page, "label": hit.label, "snippet": hit.snippet,
            "snippet_text": html.unescape(_TAG.sub("", hit.snippet)),
            "languages": list(hit.languages)}


def meta_json(meta: Metadata) -> dict:
    return {"title": meta.title, "year": meta.year, "publisher": meta.publisher,
            "type": meta.doc_type, "countries": list(meta.countries),
            "themes": list(meta.themes), "languages": list(meta.languages)}


def hit_json(hit: ReportHit) -> dict:
    return {"report_id": hit.report_id, **meta_json(hit.metadata), "file": hit.file,
            "summary": hit.metadata.summary, "score": round(hit.score, 4),
            "matching_pages": hit.matching_pages, "pages": [page_json(p) for p in hit.pages]}


def results_json(r: SearchResults) -> dict:
    return {"query": r.query, "total": r.total, "page": r.page, "per_page": r.per_page,
            "suggestion": r.suggestion, "notice": r.notice,
            "expansions": {term: {lang: list(t) for lang, t in langs.items()}
                           for term, langs in r.expansions.items()},
            "results": [hit_json(h) for h in r.results], "facets": r.facets}


def quote_json(m: QuoteMatch, fmt: str = "text",
               url_for_pdf: Callable[[str], str | None] = lambda _id: None) -> dict:
    """`page`/`label` are where the quote starts; `pages`/`labels` list both pages of a
    quote that spans a page break."""
    return {"report_id": m.report_id, "file": m.file, "title": m.title,
            "page": m.pages[0], "label": m.labels[0], "pages": list(m.pages),
            "labels": list(m.labels), "exact": m.exact, "similarity": round(m.similarity, 3),
            "passage": m.passage,
            "citation": format_quote_citation(m, url=url_for_pdf(m.report_id), fmt=fmt)}


def failure_json(f: Failure) -> dict:
    """A file that could not be indexed, as `index --json`, `status` and the web show it."""
    return {"file": display_name(f.path), "reason": f.reason.value, "message": f.message}
