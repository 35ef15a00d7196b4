"""HTML pages through the Flask test client: every route, its status codes and content."""

from __future__ import annotations

import re

import pytest

from .conftest import THAI_WORD


def text(resp) -> str:
    return resp.get_data(as_text=True)


def test_browse_lists_all_reports_newest_first(client, reports):
    resp = client.get("/")
    assert resp.status_code == 200
    body = text(resp)
    assert "Browse: 5 reports, newest first" in body
    order = [body.index(reports[k].id) for k in ("thai", "fishing", "hostile", "vietnam")]
    assert order == sorted(order)
    assert "How debt bondage traps fishers." in body  # summaries when browsing
    assert 'data-facet="type" data-value="policy brief"' in body


def test_search_keeps_query_and_shows_pages_with_labels(client, reports):
    resp = client.get("/?q=debt+bondage")
    body = text(resp)
    assert resp.status_code == 200
    assert 'value="debt bondage"' in body
    assert "1 report for “debt bondage”" in body
    rid = reports["fishing"].id
    assert f'href="/reports/{rid}/file#page=3">p. 1 (PDF p. 3)</a>' in body
    assert re.search(r"<mark>[^<]*debt", body)
    assert "3 more matching pages" in body
    assert f'href="/reports/{rid}?q=debt+bondage#matches"' in body


def test_label_equal_to_number_is_shown_once(client, reports):
    body = text(client.get("/?q=recruiters"))
    assert ">p. 2</a>" in body and "PDF p. 2" not in body


def test_cite_control_has_text_and_downloads(client, reports):
    rid = reports["fishing"].id
    body = text(client.get("/?q=debt+bondage"))
    assert '<details class="cite">' in body
    assert "Mekong Labour Watch (2021)" in body
    assert 'class="copy-button"' in body
    for ext in ("bib", "ris", "json"):
        assert f"/reports/{rid}/cite.{ext}?page=3" in body


def test_facet_links_toggle_filters_and_counts(client):
    body = text(client.get("/?q=trafficking"))
    assert 'href="/?q=trafficking&amp;country=Cambodia"' in body
    filtered = client.get("/?q=trafficking&country=Cambodia")
    fbody = text(filtered)
    assert "1 report for" in fbody
    assert 'aria-current="true" data-facet="country" data-value="Cambodia"' in fbody
    assert 'class="chip" href="/?q=trafficking"' in fbody  # removable chip
    both = text(client.get("/?q=trafficking&country=Cambodia&country=Viet+Nam"))
    assert "2 reports for" in both


def test_language_facet_uses_native_names(client):
    body = text(client.get("/"))
    assert 'lang="th">ไทย</span>' in body


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest", "title"])
def test_sorts(client, sort):
    resp = client.get(f"/?q=trafficking&sort={sort}")
    assert resp.status_code == 200
    assert f'<option value="{sort}" selected>' in text(resp)


def test_pagination_marks_current_page(client):
    body = text(client.get("/?per_page=2&page=2"))
    assert 'aria-current="page">2</a>' in body
    assert 'rel="prev"' in body and 'rel="next"' in body
    assert '<ol class="results" start="3">' in body


def test_thai_query_finds_thai_report_with_highlight(client, reports):
    body = text(client.get(f"/?q={THAI_WORD}"))
    assert reports["thai"].id in body
    assert f"<mark>{THAI_WORD}</mark>" in body or "<mark>" in body
    assert 'class="snippet" lang="th"' in body


def test_did_you_mean_link(client):
    body = text(client.get("/?q=traficking"))
    assert "Did you mean" in body
    assert 'href="/?q=trafficking"' in body


def test_report_page(client, reports):
    rep = reports["fishing"]
    resp = client.get(f"/reports/{rep.id}?q=boats")
    body = text(resp)
    assert resp.status_code == 200
    assert "Forced labour in the Thai fishing industry" in body
    assert "6 matching pages for “boats”" in body
    assert body.index("#page=3") < body.index("#page=8")  # page order
    assert "pages 9–10 have no text layer" in body
    assert "<td>metadata.csv</td>" in body
    assert f'href="/reports/{rep.id}/file"' in body
    assert 'id="rq" name="q" value="boats"' in body
    assert "Similar reports" in body


def test_report_page_garbled_note(client, reports):
    body = text(client.get(f"/reports/{reports['vietnam'].id}"))
    assert "page 2 text is garbled" in body


def test_report_not_found(client):
    resp = client.get("/reports/doesnotexist")
    assert resp.status_code == 404
    assert "Not found" in text(resp)


def test_unknown_route_404(client):
    assert client.get("/no/such/page").status_code == 404


def test_quote_lookup_page(client, reports):
    resp = client.get("/cite?q=debt+bondage+on+fishing+boats+and+human+trafficking")
    body = text(resp)
    assert resp.status_code == 200
    assert "Exact match" in body
    assert reports["fishing"].id in body
    assert "Mekong Labour Watch (2021)" in body
    assert client.get("/cite").status_code == 200


def test_quote_lookup_close_match_shows_similarity(client):
    body = text(client.get("/cite?q=debt+bondage+on+fishing+ships+and+human+trafficking+of+migrants"))
    assert "similar" in body or "Exact match" in body


def test_quote_too_short_is_400(client):
    resp = client.get("/cite?q=debt")
    assert resp.status_code == 400
    assert "too short" in text(resp)


def test_status_page(client):
    resp = client.get("/status")
    body = text(resp)
    assert resp.status_code == 200
    assert "Reports</th><td>5</td>" in body
    assert "Files with problems" in body


def test_citation_downloads(client, reports):
    rid = reports["fishing"].id
    bib = client.get(f"/reports/{rid}/cite.bib?page=3")
    assert bib.status_code == 200
    assert bib.mimetype == "application/x-bibtex"
    assert "attachment" in bib.headers["Content-Disposition"]
    assert "@" in text(bib)
    ris = client.get(f"/reports/{rid}/cite.ris")
    assert ris.status_code == 200 and "TY  -" in text(ris)
    csl = client.get(f"/reports/{rid}/cite.json?page=4")
    assert csl.status_code == 200 and csl.mimetype == "application/vnd.citationstyles.csl+json"
    assert client.get(f"/reports/{rid}/cite.exe").status_code == 404
    assert client.get("/reports/nope/cite.bib").status_code == 404


def test_pdf_is_served_inline(client, reports):
    resp = client.get(f"/reports/{reports['fishing'].id}/file")
    assert resp.status_code == 200
    assert resp.mimetype == "application/pdf"
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["Content-Disposition"].startswith("inline")
    assert resp.data.startswith(b"%PDF")


def test_opensearch(client):
    resp = client.get("/opensearch.xml")
    assert resp.status_code == 200
    assert resp.mimetype == "application/opensearchdescription+xml"
    assert "http://localhost/?q={searchTerms}" in text(resp)
    assert 'rel="search"' in text(client.get("/"))


@pytest.mark.parametrize("query", ["page=abc", "per_page=x", "sort=sideways", "year=soon",
                                   "q=" + "a" * 1200, "q=year:abc", "q=nosuchfield:x", "q=a*"])
def test_bad_parameters_are_400_not_500(client, query):
    resp = client.get("/?" + query)
    assert resp.status_code == 400, query
    assert "Traceback" not in text(resp)


@pytest.mark.parametrize("query", ["per_page=0", "per_page=-5", "per_page=100000",
                                   "page=0", "page=-1", f"page={10**9}", f"page={10**40}"])
def test_out_of_range_numbers_are_clamped(client, query):
    resp = client.get("/?" + query)
    assert resp.status_code == 200, query


def test_missing_index_is_503_with_command(missing_client):
    for url in ("/", "/status", "/cite?q=a+b+c+d", "/reports/abc"):
        resp = missing_client.get(url)
        assert resp.status_code == 503, url
        assert "reportsearch index" in text(resp)


def test_unexpected_error_is_generic_500_with_request_id(app, monkeypatch):
    from indexer.search import Searcher

    def boom(*args, **kwargs):
        raise RuntimeError("secret internal detail /etc/shadow")

    monkeypatch.setattr(Searcher, "search", boom)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    resp = app.test_client().get("/?q=x")
    body = text(resp)
    assert resp.status_code == 500
    assert "Request id" in body or "request id" in body
    assert "secret internal detail" not in body and "Traceback" not in body


def test_undecodable_file_name_is_shown_readably(tmp_path):
    """A corpus file whose name is not UTF-8 is stored surrogate-escaped (so it reopens);
    every page and API answer shows it with U+FFFD instead of failing to encode it."""
    from conftest import build_index, make_report

    from search_app import create_app

    name = b"caf\xe9-report.pdf".decode("utf-8", "surrogateescape")
    rep = make_report(name, ["Debt bondage on fishing boats was reported by the crews."])
    index = build_index(tmp_path / "ix", [rep])
    app = create_app({"TESTING": True, "INDEX_PATH": str(index), "CORPUS_PATH": str(tmp_path)})
    client = app.test_client()
    for url in ("/?q=bondage", "/cite?q=Debt+bondage+on+fishing+boats"):
        assert client.get(url).status_code == 200, url
    assert "caf\ufffd-report.pdf" in client.get(f"/reports/{rep.id}").get_data(as_text=True)
    assert client.get(f"/api/reports/{rep.id}").get_json()["file"] == "caf\ufffd-report.pdf"
    assert client.get("/api/search?q=bondage").get_json()["results"][0]["file"] == \
        "caf\ufffd-report.pdf"
    cite = client.get("/api/cite?q=Debt+bondage+on+fishing+boats").get_json()
    assert cite["matches"][0]["file"] == "caf\ufffd-report.pdf"
