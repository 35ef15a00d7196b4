"""Browser tests: a real waitress server in a thread, driven by Debian's chromium through
Playwright (never `playwright install`). Skipped only when /usr/bin/chromium is missing."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from urllib.parse import quote

import pytest

from search_app import create_app

from .conftest import THAI_WORD

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
CLIPBOARD_STUB = """
Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {
  writeText: function (text) { window.__copied = text; return Promise.resolve(); }
}});
"""

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's /usr/bin/chromium")]


@pytest.fixture(scope="module")
def server(web_index):
    import waitress

    index, corpus = web_index
    app = create_app({"INDEX_PATH": str(index), "CORPUS_PATH": str(corpus)})
    srv = waitress.create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    yield f"http://localhost:{srv.effective_port}"
    srv.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.add_init_script(CLIPBOARD_STUB)
    pg = context.new_page()
    pg.csp_errors = []
    pg.on("console", lambda m: "Content Security Policy" in m.text and pg.csp_errors.append(m.text))
    yield pg
    assert pg.csp_errors == []  # no inline script or style anywhere
    context.close()


def count(page) -> int:
    return int(re.search(r"(\d+) report", page.locator("#results-heading").inner_text()).group(1))


def test_search_facets_and_screenshot(page, server):
    page.goto(f"{server}/?q=trafficking")
    assert page.locator("#q").input_value() == "trafficking"
    assert count(page) == 4
    cambodia = page.locator('a.facet-link[data-facet="country"][data-value="Cambodia"]')
    assert cambodia.locator(".count").inner_text() == "1"
    type_counts = page.locator('.facet-link[data-facet="type"] .count').all_inner_texts()
    cambodia.click()
    page.wait_for_url(re.compile(r"country=Cambodia"))
    assert count(page) == 1
    assert page.locator('.facet-link[data-facet="type"] .count').all_inner_texts() != type_counts
    assert page.locator(".chip").first.inner_text().startswith("Country: Cambodia")
    page.locator(".chip").first.click()
    page.wait_for_url(re.compile(r"^[^?]*\?q=trafficking$"))
    assert count(page) == 4
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-page.png"), full_page=True)


def test_page_link_opens_pdf_at_page(page, server, reports):
    page.goto(f"{server}/?q=debt+bondage")
    link = page.locator("a.page-link").first
    href = link.get_attribute("href")
    assert href == f"/reports/{reports['fishing'].id}/file#page=3"
    assert link.inner_text() == "p. 1 (PDF p. 3)"
    with page.expect_response(re.compile(r"/file$")) as info:
        try:
            link.click()
        except Exception:  # headless chromium may turn a PDF into a download
            pass
    resp = info.value
    assert resp.status == 200 and resp.headers["content-type"] == "application/pdf"
    direct = page.request.get(server + href)
    assert direct.status == 200 and direct.headers["content-type"] == "application/pdf"
    assert direct.body().startswith(b"%PDF")


def test_copy_citation(page, server):
    page.goto(f"{server}/?q=debt+bondage")
    details = page.locator("details.cite").first
    details.locator("summary").click()
    button = details.locator("button.copy-button")
    assert button.is_visible()  # hidden without JS, shown by app.js
    button.click()
    page.wait_for_function("window.__copied !== undefined")
    copied = page.evaluate("window.__copied")
    assert copied == details.locator(".cite-text").inner_text()
    assert copied.startswith("Mekong Labour Watch (2021).")
    assert details.locator(".copy-status").inner_text() == "Copied."
    bib = details.locator("a", has_text="BibTeX").get_attribute("href")
    assert page.request.get(server + bib).status == 200


def test_quote_lookup(page, server, reports):
    page.goto(f"{server}/cite")
    page.fill("#quote-q", "debt bondage on fishing\nboats and human trafficking")
    page.click("button:has-text('Find source')")
    page.wait_for_url(re.compile(r"/cite\?q="))
    first = page.locator(".quote-matches > li").first
    assert "Exact match" in first.inner_text()
    assert reports["fishing"].id in first.locator("a").first.get_attribute("href")


def test_browse_and_report_page(page, server, reports):
    page.goto(server + "/")
    assert count(page) == 5
    titles = page.locator(".result-title a").all_inner_texts()
    assert titles[0] == reports["thai"].metadata.title  # newest first
    page.locator(".result-title a", has_text="Forced labour").click()
    page.wait_for_url(re.compile(r"/reports/"))
    assert page.locator("h1").inner_text() == "Forced labour in the Thai fishing industry"
    page.fill("#rq", "boats")
    page.click("button:has-text('Find pages')")
    assert page.locator("ol.in-report > li").count() == 6
    assert "pages 9–10 have no text layer" in page.locator(".quality-notes").inner_text()


def test_sort_selector_submits(page, server):
    page.goto(f"{server}/?q=trafficking")
    page.select_option("#sort", "oldest")
    page.wait_for_url(re.compile(r"sort=oldest"))
    assert page.locator(".result-title a").first.inner_text() == "Symlinked report"


def test_thai_query(page, server, reports):
    page.goto(f"{server}/?q={quote(THAI_WORD)}")
    assert count(page) == 1
    snippet = page.locator(".snippet").first
    assert snippet.get_attribute("lang") == "th"
    assert page.locator(".snippet mark").count() >= 1
    assert THAI_WORD in snippet.inner_text()


def test_phone_width_facets_below_results(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    pg = context.new_page()
    pg.goto(f"{server}/?q=trafficking")
    main_box = pg.locator("main").bounding_box()
    aside_box = pg.locator("aside.facets").bounding_box()
    assert aside_box["y"] >= main_box["y"] + main_box["height"] - 1
    assert pg.evaluate("document.documentElement.scrollWidth") <= 376
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.className") == "skip-link"
    context.close()
