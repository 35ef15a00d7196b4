"""JSON API: the same parameters as the pages, plain data out, errors always JSON.

Snippets are HTML (text escaped first, then <mark> added) in `snippet`; `snippet_text` has
the same passage as plain text for clients that do not render HTML.
"""

from __future__ import annotations

import html
import re

from flask import Blueprint, jsonify, request

from indexer.errors import IndexCorrupt, IndexMissing
from indexer.models import Metadata, PageHit, QuoteMatch, ReportHit, SearchResults

from . import params, present
from .searcher import get_searcher

bp = Blueprint("api", __name__)
_TAG = re.compile(r"</?mark>")


def page_json(hit: PageHit) -> dict:
    return {"page": hit.page, "label": hit.label, "snippet": hit.snippet,
            "snippet_text": html.unescape(_TAG.sub("", hit.snippet))}


def meta_json(meta: Metadata) -> dict:
    return {"title": meta.title, "year": meta.year, "publisher": meta.publisher,
            "type": meta.doc_type, "countries": list(meta.countries),
            "themes": list(meta.themes), "languages": list(meta.languages)}


def hit_json(hit: ReportHit) -> dict:
    return {"report_id": hit.report_id, **meta_json(hit.metadata), "file": hit.file,
            "score": round(hit.score, 4), "matching_pages": hit.matching_pages,
            "pages": [page_json(p) for p in hit.pages]}


def results_json(r: SearchResults) -> dict:
    return {"query": r.query, "total": r.total, "page": r.page, "per_page": r.per_page,
            "suggestion": r.suggestion, "notice": r.notice,
            "results": [hit_json(h) for h in r.results], "facets": r.facets}


def quote_json(m: QuoteMatch) -> dict:
    label = "–".join(m.labels)
    return {"report_id": m.report_id, "file": m.file, "title": m.title,
            "page": m.pages[0] if m.pages else None, "label": label, "exact": m.exact,
            "similarity": round(m.similarity, 3), "passage": m.passage,
            "citation": present.citation(m.metadata, m.report_id, page_numbers=m.pages,
                                         page_labels=m.labels)}


@bp.get("/api/search")
def search():
    p = params.parse_search()
    return jsonify(results_json(get_searcher().search(p.q, **p.kwargs())))


@bp.get("/api/reports/<report_id>")
def report(report_id: str):
    searcher = get_searcher()
    rep = searcher.report(report_id)
    q = params.query_text(request.args)
    out = {"report_id": rep.id, "file": rep.path, **meta_json(rep.metadata),
           "summary": rep.metadata.summary, "sources": dict(rep.metadata.sources),
           "pages": [{"page": pg.number, "label": pg.label, "quality": pg.quality.value,
                      "languages": list(pg.languages)} for pg in rep.pages],
           "sha256": rep.file.sha256, "size": rep.file.size}
    if q:
        out["query"] = q
        out["matching_pages"] = [page_json(h) for h in searcher.report_pages(report_id, q)]
    return jsonify(out)


@bp.get("/api/cite")
def cite():
    q = params.quote_text(request.args)
    matches = get_searcher().quote(q) if q else ()
    return jsonify(quote=q, matches=[quote_json(m) for m in matches])


@bp.get("/healthz")
def healthz():
    try:
        stats = get_searcher().stats()
    except (IndexMissing, IndexCorrupt) as exc:
        return jsonify(status="unavailable",
                       error={"code": exc.code, "message": exc.message}), exc.http_status
    return jsonify(status="ok", reports=stats.get("reports"), pages=stats.get("pages"),
                   generation=stats.get("generation"))
