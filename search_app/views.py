"""HTML pages: parse the request, call the library, render. Work without JavaScript."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request, send_file

from indexer.errors import UsageError

from . import params, present
from .searcher import get_searcher

bp = Blueprint("web", __name__)

CITE_FORMATS = {"bib": ("bibtex", "application/x-bibtex"),
                "ris": ("ris", "application/x-research-info-systems"),
                "json": ("csl-json", "application/vnd.citationstyles.csl+json")}


@bp.get("/")
def search():
    p = params.parse_search()
    searcher = get_searcher()
    try:
        results = searcher.search(p.q, **p.kwargs())
    except UsageError as exc:
        return render_template("search.html", p=p, results=None, error=exc), exc.http_status
    return render_template("search.html", p=p, results=results, error=None)


@bp.get("/reports/<report_id>")
def report(report_id: str):
    q = params.query_text(request.args)
    searcher = get_searcher()
    rep = searcher.report(report_id)
    error = None
    matches: tuple = ()
    if q:
        try:
            matches = searcher.report_pages(report_id, q)
        except UsageError as exc:
            error = exc
    similar = searcher.similar(report_id, limit=5)
    return render_template("report.html", report=rep, q=q, matches=matches, error=error,
                           similar=similar), (error.http_status if error else 200)


@bp.get("/reports/<report_id>/file")
def pdf(report_id: str):
    path = get_searcher().pdf_path(report_id)  # by id only; checked to stay in the corpus
    response = send_file(path, mimetype="application/pdf", as_attachment=False,
                         download_name=path.name, conditional=True)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/reports/<report_id>/cite.<ext>")
def cite_download(report_id: str, ext: str):
    if ext not in CITE_FORMATS:
        abort(404)
    fmt, mimetype = CITE_FORMATS[ext]
    rep = get_searcher().report(report_id)
    number = request.args.get("page", type=int)
    page = next((pg for pg in rep.pages if pg.number == number), None)
    text = present.citation(rep.metadata, rep.id, page.number if page else None,
                            page.label if page else None, fmt=fmt)
    name = f"{rep.id}{'-p' + str(page.number) if page else ''}.{ext}"
    return Response(text, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.get("/cite")
def quote():
    q = params.quote_text(request.args)
    matches: tuple = ()
    error = None
    if q:
        try:
            matches = get_searcher().quote(q)
        except UsageError as exc:
            error = exc
    return render_template("cite.html", q=q, matches=matches, error=error), (
        error.http_status if error else 200)


@bp.get("/status")
def status():
    return render_template("status.html", stats=get_searcher().stats())


@bp.get("/opensearch.xml")
def opensearch():
    body = render_template("opensearch.xml")
    return Response(body, mimetype="application/opensearchdescription+xml")
