"""The JSON API: shapes, parameters shared with the pages, and JSON errors everywhere."""

from __future__ import annotations

import pytest

from search_app import create_app

from .conftest import THAI_WORD, XSS

RESULT_KEYS = ["report_id", "title", "year", "publisher", "type", "countries", "themes",
               "languages", "file", "score", "matching_pages", "pages"]


def test_search_shape(client, reports):
    resp = client.get("/api/search?q=debt+bondage")
    assert resp.status_code == 200
    data = resp.get_json()
    # The contract's keys (issue 3); extensions may follow but nothing is renamed.
    assert {"query", "total", "page", "per_page", "suggestion", "notice", "expansions",
            "results", "facets"} <= set(data)
    assert data["total"] == 1 and data["page"] == 1 and data["per_page"] == 10
    hit = data["results"][0]
    assert set(RESULT_KEYS) <= set(hit)
    assert hit["report_id"] == reports["fishing"].id
    assert hit["matching_pages"] == 6
    assert hit["pages"][0]["page"] == 3 and hit["pages"][0]["label"] == "1"
    assert "<mark>" in hit["pages"][0]["snippet"]
    assert "<mark>" not in hit["pages"][0]["snippet_text"]
    assert set(data["facets"]) == {"country", "theme", "year", "language", "type"}


def test_search_filters_and_paging(client):
    data = client.get("/api/search?country=Cambodia&country=Thailand&per_page=1&page=2").get_json()
    assert data["total"] == 3 and data["page"] == 2 and len(data["results"]) == 1
    years = client.get("/api/search?year=2018..2019").get_json()
    assert {r["year"] for r in years["results"]} == {2018, 2019}


def test_search_thai(client, reports):
    data = client.get(f"/api/search?q={THAI_WORD}").get_json()
    assert [r["report_id"] for r in data["results"]] == [reports["thai"].id]


def test_snippets_escape_hostile_text(client):
    data = client.get("/api/search?q=victims+recruited").get_json()
    snippet = data["results"][0]["pages"][0]["snippet"]
    assert XSS not in snippet and "&lt;script&gt;" in snippet
    assert XSS in data["results"][0]["pages"][0]["snippet_text"]  # plain text is plain
    assert data["results"][0]["title"].startswith(XSS)  # JSON carries the raw string


def test_report(client, reports):
    rep = reports["fishing"]
    data = client.get(f"/api/reports/{rep.id}?q=boats").get_json()
    assert data["report_id"] == rep.id and data["file"] == rep.file.path
    assert data["sources"]["title"] == "metadata.csv"
    assert [p["quality"] for p in data["pages"]][-2:] == ["no_text", "no_text"]
    assert [p["page"] for p in data["matching_pages"]] == [3, 4, 5, 6, 7, 8]


def test_cite(client, reports):
    data = client.get("/api/cite?q=debt+bondage+on+fishing+boats+and+human+trafficking").get_json()
    assert data["quote"].startswith("debt bondage")
    m = data["matches"][0]
    assert {"report_id", "file", "title", "page", "label", "exact", "similarity",
            "passage", "citation", "pages", "labels"} <= set(m)
    assert m["report_id"] == reports["fishing"].id and m["exact"] is True
    assert m["citation"].startswith("Mekong Labour Watch (2021).")
    assert client.get("/api/cite").get_json() == {"quote": "", "matches": []}


def test_healthz(client):
    data = client.get("/healthz").get_json()
    assert data["status"] == "ok" and data["reports"] == 5 and data["pages"] > 5
    assert data["generation"]


def test_healthz_missing_index(missing_client):
    resp = missing_client.get("/healthz")
    assert resp.status_code == 503
    data = resp.get_json()
    assert data["status"] != "ok" and data["error"]["code"] == "index_unavailable"


@pytest.mark.parametrize("url,status,code", [
    ("/api/search?q=year:abc", 400, "bad_query"),
    ("/api/search?page=abc", 400, "bad_request"),
    ("/api/search?sort=up", 400, "bad_request"),
    ("/api/search?q=" + "x" * 1200, 400, "bad_request"),
    ("/api/cite?q=hi", 400, "bad_query"),
    ("/api/reports/nope", 404, "not_found"),
    ("/api/nothing-here", 404, "not_found"),
])
def test_errors_are_json(client, url, status, code):
    resp = client.get(url)
    assert resp.status_code == status
    assert resp.mimetype == "application/json"
    err = resp.get_json()["error"]
    assert err["code"] == code and err["message"]


def test_method_not_allowed_is_json(client):
    resp = client.post("/api/search")
    assert resp.status_code == 405 and resp.get_json()["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize("url", ["/api/search", "/api/reports/abc", "/api/cite?q=a+b+c"])
def test_missing_index_is_json_503(missing_client, url):
    resp = missing_client.get(url)
    assert resp.status_code == 503
    assert resp.get_json()["error"]["code"] == "index_unavailable"


@pytest.mark.parametrize("query,page,per_page", [("per_page=0", 1, 1), ("per_page=999", 1, 50),
                                                 (f"page={10**9}", 100, 10), ("page=-3", 1, 10),
                                                 (f"page={10**9}&per_page=50", 20, 50)])
def test_clamping(client, query, page, per_page):
    data = client.get("/api/search?" + query).get_json()
    assert (data["page"], data["per_page"]) == (page, per_page)
    assert data["page"] * data["per_page"] <= 1000


def test_internal_error_is_json_without_details(app, monkeypatch):
    from indexer.search import Searcher

    monkeypatch.setattr(Searcher, "search", lambda *a, **k: 1 / 0)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    resp = app.test_client().get("/api/search?q=x")
    assert resp.status_code == 500
    err = resp.get_json()["error"]
    assert err["code"] == "internal_error" and "Request id" in err["message"]
    assert "ZeroDivision" not in resp.get_data(as_text=True)


def test_new_index_generation_is_picked_up(tmp_path, reports):
    from tests.conftest import build_index

    index = build_index(tmp_path / "index", [reports["fishing"]])
    app = create_app({"TESTING": True, "INDEX_PATH": str(index), "CORPUS_PATH": str(tmp_path)})
    c = app.test_client()
    assert c.get("/healthz").get_json()["reports"] == 1
    first = c.get("/healthz").get_json()["generation"]
    build_index(index, [reports["fishing"], reports["thai"]])  # a full rebuild swaps in
    data = c.get("/healthz").get_json()
    assert data["reports"] == 2 and data["generation"] != first
