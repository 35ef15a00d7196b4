"""`reportsearch search` and `cite` through the real entry point, on the sample corpus."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import PROJECT

PAGE_BREAK_QUOTE = ("their identity documents were held by the captain for the entire duration "
                    "of the voyage, which in several cases exceeded eighteen months")


def run(*args: str, index=None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(PROJECT / "cli.py"), *args]
    if index is not None:
        cmd += ["--index", str(index)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=PROJECT)


def test_search_json_contract(sample_index):
    out = run("search", "forced labour", "--json", index=sample_index)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"query", "total", "page", "per_page", "suggestion", "results", "facets"} <= set(data)
    assert set(data["facets"]) == {"country", "theme", "year", "language", "type"}
    hit = data["results"][0]
    assert {"report_id", "title", "year", "publisher", "type", "countries", "themes",
            "languages", "file", "score", "matching_pages", "pages"} <= set(hit)
    assert {"page", "label", "snippet"} <= set(hit["pages"][0])
    assert data["total"] >= len(data["results"]) > 0


def test_search_filters_and_printed_page_labels(sample_index):
    out = run("search", "debt", "--country", "Myanmar", "--year", "2019..2023", index=sample_index)
    assert out.returncode == 0, out.stderr
    assert "Hooks and Debts" in out.stdout
    # The research report has roman-numeral front matter: printed label differs from PDF page.
    assert "(PDF p. " in out.stdout


def test_browse_lists_every_report_newest_first(sample_index):
    data = json.loads(run("search", "--json", "--per-page", "50", index=sample_index).stdout)
    years = [r["year"] for r in data["results"] if r["year"]]
    assert data["total"] == 14 and years == sorted(years, reverse=True)


@pytest.mark.parametrize("query", ["*a*", "year:[a TO z]", "(" * 1000, "foo:bar"])
def test_bad_query_exits_2_with_a_message(sample_index, query):
    out = run("search", query, index=sample_index)
    assert out.returncode == 2
    assert out.stderr.startswith("Error: ") and "Traceback" not in out.stderr


def test_missing_index_exits_4_with_hint(tmp_path):
    out = run("search", "x", index=tmp_path / "nothing")
    assert out.returncode == 4 and "reportsearch index" in out.stderr


def test_cite_finds_quote_spanning_page_break(sample_index):
    out = run("cite", PAGE_BREAK_QUOTE, "--json", index=sample_index)
    assert out.returncode == 0, out.stderr
    match = json.loads(out.stdout)["matches"][0]
    assert match["exact"] is True
    assert match["pages"] == [4, 5] and match["labels"] == ["2", "3"]
    assert match["file"] == "fishing-forced-labour-research-2021.pdf"
    assert "pp. 2–3" in match["citation"]


@pytest.mark.parametrize("quote", [
    "few cases of human traf-\nficking at sea are identified",  # copied across the line break
    "few cases of human traf- ficking at sea are identified",
    "“FEW cases of  human trafficking at sea” are identified",
])
def test_cite_tolerates_hyphenation_quotes_and_case(sample_index, quote):
    out = run("cite", quote, "--json", "--format", "bibtex", index=sample_index)
    assert out.returncode == 0, out.stderr
    match = json.loads(out.stdout)["matches"][0]
    assert match["exact"] is True and match["page"] == 3 and match["label"] == "1"
    assert match["citation"].startswith("@techreport") and "pages = {1}" in match["citation"]


def test_cite_inexact_is_marked_not_exact(sample_index):
    out = run("cite", "Crew members interviewed for this study consistently said that their identity papers were held",
              "--json", index=sample_index)
    matches = json.loads(out.stdout)["matches"]
    assert matches and all(m["exact"] is False and 0 < m["similarity"] < 1 for m in matches)


def test_cite_json_exits_1_when_nothing_found(sample_index):
    out = run("cite", "zzzz qqqq xxxx yyyy wwww vvvv", "--json", index=sample_index)
    assert out.returncode == 1 and json.loads(out.stdout)["matches"] == []
