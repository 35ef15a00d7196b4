"""The cross-lingual expansion checkbox on the search page and in the API."""

from __future__ import annotations


def test_checkbox_expands_and_names_languages(client):
    plain = client.get("/?q=human+trafficking").get_data(as_text=True)
    assert 'name="expand"' in plain and "Also searched" not in plain
    page = client.get("/?q=human+trafficking&expand=1").get_data(as_text=True)
    assert "Also searched “human trafficking” as:" in page
    assert 'id="expand" name="expand" value="1" checked' in page
    assert 'class="page-lang"' in page


def test_api_reports_expansions(client):
    data = client.get("/api/search?q=human+trafficking&expand=1").get_json()
    assert "th" in data["expansions"]["human trafficking"]
    assert client.get("/api/search?q=human+trafficking").get_json()["expansions"] == {}
