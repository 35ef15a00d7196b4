"""JSON API: the same parameters as the pages, plain data out, errors always JSON.

Snippets are HTML (text escaped first, then <mark> added) in `snippet`; `snippet_text` has
the same passage as plain text for clients that do not render HTML.
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from indexer.errors import IndexCorrupt, IndexMissing
from indexer.serialize import meta_json, page_json, quote_json, results_json

from . import params, present
from .searcher import get_searcher

bp = Blueprint("api", __name__)
@bp.get("/api/search")
def search():
    p = params.parse_search()
    return jsonify(results_json(get_searcher().search(p.q, **p.kwargs())))


@bp.get("/api/reports/<report_id>")
def report(report_id: str):
    searcher = get_searcher()
    rep = searcher.report(report_id)
    q = params.query_text(request.args)
    out = {"report_id": rep.id, "file": rep.display_path, **meta_json(rep.metadata),
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
    return jsonify(quote=q, matches=[quote_json(m, url_for_pdf=present.pdf_url) for m in matches])


@bp.get("/healthz")
def healthz():
    try:
        stats = get_searcher().stats()
    except (IndexMissing, IndexCorrupt) as exc:
        return jsonify(status="unavailable",
                       error={"code": exc.code, "message": exc.message}), exc.http_status
    return jsonify(status="ok", reports=stats.get("reports"), pages=stats.get("pages"),
                   generation=stats.get("generation"))
