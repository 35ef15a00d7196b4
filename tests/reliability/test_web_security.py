"""Web security regression over the real server and the whole pipeline (reliability.md T10).

tests/web/test_security.py checks the Flask app with a synthetic index. Here PDFs with
hostile text, titles and file names go through extraction and indexing, and requests go
to waitress over a socket (raw, un-normalised paths): no byte from outside the corpus is
served, no payload comes back unescaped, foreign Host headers get 400, every HTML response
has the security headers, and the debugger is off. `pip-audit` runs in the slow suite.
"""

from __future__ import annotations

import http.client
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from indexer.pipeline import index_corpus
from indexer.search import Searcher

from .conftest import ROOT, Server, figure
from .hostile_pdfs import reportlab_pdf

SECRET = b"ZQ-OUTSIDE-SECRET-BYTES"
PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "\"><svg onload=alert(3)>",
            "javascript:alert(4)"]
UNESCAPED = re.compile(r"<script>alert|<img src=x|<svg onload|onerror=alert\(2\)>")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("websec")
    corpus, outside = root / "corpus", root / "outside"
    corpus.mkdir()
    outside.mkdir()
    (outside / "secret.pdf").write_bytes(b"%PDF-1.4\n" + SECRET + b"\n%%EOF\n")
    (outside / "passwd").write_bytes(SECRET)
    text = "Human trafficking zqxss " + " ".join(PAYLOADS)
    (corpus / "<img src=x onerror=alert(2)>.pdf").write_bytes(reportlab_pdf([text], title=PAYLOADS[0]))
    (corpus / "normal.pdf").write_bytes(reportlab_pdf(["Forced labour zqnormal in fishing"]))
    (corpus / "link.pdf").symlink_to(outside / "secret.pdf")
    index_corpus(corpus, root / "index", workers=1)
    server = Server(root / "index", corpus, threads=4)
    yield server, Searcher(root / "index", corpus)
    server.stop()


def raw_get(server: Server, path: str, host: str | None = None) -> tuple[int, bytes, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.putrequest("GET", path, skip_host=host is not None, skip_accept_encoding=True)
    if host is not None:
        conn.putheader("Host", host)
    conn.endheaders()
    r = conn.getresponse()
    body = r.read()
    headers = {k.lower(): v for k, v in r.getheaders()}
    conn.close()
    return r.status, body, headers


TRAVERSALS = ["/reports/../../outside/secret.pdf", "/reports/%2e%2e/%2e%2e/outside/passwd",
              "/reports/..%2f..%2foutside%2fpasswd", "/static/../../outside/passwd",
              "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/..%252f..%252fetc/passwd",
              "//etc/passwd", "/static//etc/passwd", "/reports/x/file/../../../outside/passwd",
              "/static/normal.pdf%00.css", "/reports/%00/file", "/static/CON", "/static/NUL",
              "/reports/" + "a" * 5000 + "/file"]


def test_no_byte_from_outside_the_corpus(site):
    server, searcher = site
    served = 0
    for path in TRAVERSALS:
        status, body, _ = raw_get(server, path)
        assert status != 500 and SECRET not in body and b"root:" not in body, (path, status)
        served += 1
    # the symlink was refused at indexing, so no id exists; every indexed id serves its own PDF
    for rid, _rec in searcher.reader.records().items():
        status, body, headers = raw_get(server, f"/reports/{rid}/file")
        assert status == 200 and body.startswith(b"%PDF") and SECRET not in body
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["content-type"] == "application/pdf"
    assert all(rec["file"]["path"] != "link.pdf" for rec in searcher.reader.records().values())
    figure("traversal", requests=served, bytes_outside=0)


def test_payloads_in_pdf_text_title_file_name_and_query_are_escaped(site):
    server, searcher = site
    rid = next(r for r, rec in searcher.reader.records().items() if "onerror" in rec["file"]["path"])
    pages = ["/?q=zqxss", "/?q=trafficking", "/", f"/reports/{rid}", f"/reports/{rid}?q=zqxss",
             "/status", "/cite?q=Human+trafficking+zqxss+script+alert"]
    pages += [f"/?q={p}" for p in ("%3Cscript%3Ealert(1)%3C/script%3E", "%22%3E%3Csvg+onload=alert(3)%3E")]
    checked = 0
    for path in pages:
        status, body, headers = raw_get(server, path)
        text = body.decode("utf-8", "replace")
        assert status < 500, path
        assert not UNESCAPED.search(text), (path, UNESCAPED.search(text))
        assert 'href="javascript:' not in text.lower()
        checked += 1
    for path in ("/api/search?q=zqxss", f"/api/reports/{rid}?q=zqxss"):
        status, body, headers = raw_get(server, path)
        assert status == 200 and headers["content-type"].startswith("application/json")
        data = json.loads(body)
        snippets = [p["snippet"] for h in data.get("results", []) for p in h["pages"]]
        snippets += [p["snippet"] for p in data.get("matching_pages", [])]
        assert snippets and all(not UNESCAPED.search(s) for s in snippets), snippets
    figure("xss", pages_checked=checked, unescaped=0)


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1.evil.example",
                                  "localhost.evil.example", "0.0.0.0"])
def test_foreign_host_is_rejected_by_the_real_server(site, host):
    server, _ = site
    status, body, _ = raw_get(server, "/?q=labour", host=host)
    assert status == 400 and b"labour" not in body


def test_security_headers_on_every_html_response_and_debug_off(site):
    server, searcher = site
    rid = next(iter(searcher.reader.records()))
    paths = ["/", "/?q=labour", "/?q=*a*", f"/reports/{rid}", "/reports/nope", "/cite", "/status",
             "/no-such-page", "/?page=abc", "/?__debugger__=yes&cmd=resource&f=style.css"]
    for path in paths:
        status, body, headers = raw_get(server, path)
        if headers.get("content-type", "").startswith("text/html"):
            assert "default-src 'self'" in headers.get("content-security-policy", ""), path
            assert headers.get("x-content-type-options") == "nosniff", path
            assert headers.get("referrer-policy"), path
            assert headers.get("x-frame-options") == "DENY", path
        assert b"Traceback" not in body and b"Werkzeug Debugger" not in body, path
        assert b"__debugger__" not in body or status == 200 and b"debugger" not in body.lower()


@pytest.mark.slow
def test_pip_audit_finds_no_known_vulnerabilities():
    audit = Path(ROOT / ".venv" / "bin" / "pip-audit")
    if not audit.exists() and shutil.which("pip-audit") is None:
        pytest.skip("pip-audit not installed: .venv/bin/pip install pip-audit")
    res = subprocess.run([str(audit if audit.exists() else "pip-audit"), "--progress-spinner", "off",
                          "--skip-editable", "--desc", "off"], cwd=ROOT, capture_output=True,
                         text=True, timeout=600)
    print(res.stdout[-5000:], res.stderr[-3000:])
    if res.returncode != 0 and ("Connection" in res.stderr or "resolve" in res.stderr.lower()):
        pytest.skip("pip-audit could not reach the vulnerability service: " + res.stderr[-300:])
    unaudited = res.stdout.count("could not be audited")
    if unaudited and "flask" in res.stdout and "could not be audited: flask" in res.stdout:
        # "No known vulnerabilities found" means nothing when PyPI had no data to compare
        pytest.skip(f"pip-audit could not audit {unaudited} packages (no PyPI data here)")
    assert res.returncode == 0, res.stdout + res.stderr
    figure("pip_audit", result="no known vulnerabilities")
