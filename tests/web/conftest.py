"""Web test fixtures: a small synthetic index (hostile titles, Thai text, page labels,
scanned pages) with real one-page PDFs in a corpus folder, plus a symlink that points
outside the corpus, and the flaskr-style `app` / `client` fixtures."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from indexer.models import Quality
from search_app import create_app
from tests.conftest import build_index, make_report

XSS = "<script>alert(1)</script>"
THAI_WORD = "ค้ามนุษย์"
SECRET = b"TOP-SECRET-OUTSIDE-THE-CORPUS"


def fishing_report():
    pages = ["Contents and foreword.", "Acronyms used in this report."]
    pages += [f"Section {i}: debt bondage on fishing boats and human trafficking of migrant "
              f"workers, case {i}." for i in range(1, 7)]
    pages += ["", ""]  # scanned pages without a text layer
    labels = ["i", "ii"] + [str(i) for i in range(1, 9)]
    return make_report("fishing/forced-labour-fishing.pdf", pages, labels=labels,
                       title="Forced labour in the Thai fishing industry", year=2021,
                       publisher="Mekong Labour Watch", countries=("Thailand",),
                       themes=("forced labour",), summary="How debt bondage traps fishers.")


def hostile_report():
    pages = [f"{XSS} human trafficking victims were recruited online. <img src=x onerror=alert(2)>",
             "The recruiters used 'quotes' & \"double quotes\" to lure victims."]
    return make_report("<img src=x onerror=alert(3)>.pdf", pages, title=f"{XSS} Hostile report",
                       publisher='<b>Evil</b> & "Co"', year=2019, doc_type="policy brief",
                       countries=("Cambodia",), themes=("online recruitment",),
                       summary=f"Summary {XSS}")


def thai_report():
    pages = [f"รายงานการ{THAI_WORD}ในภาคประมง แรงงานข้ามชาติถูกบังคับใช้แรงงาน",
             f"การป้องกันการ{THAI_WORD}และการคุ้มครองผู้เสียหาย"]
    return make_report("thai/trafficking-th.pdf", pages, title="รายงานสถานการณ์การค้ามนุษย์",
                       publisher="มูลนิธิตัวอย่าง", year=2023, countries=("Thailand",),
                       themes=("human trafficking",), languages=("th",))


def vietnam_report():
    pages = ["Guidelines on victim identification and human trafficking referral in Viet Nam.",
             "Garbled page"]
    rep = make_report("vn/guidelines.pdf", pages, title="Victim identification guidelines",
                      publisher="Hanoi Support Centre", year=2018, doc_type="guidelines",
                      countries=("Viet Nam",), themes=("victim identification",))
    garbled = dataclasses.replace(rep.pages[1], quality=Quality.GARBLED)
    return dataclasses.replace(rep, pages=(rep.pages[0], garbled))


def outside_report():
    return make_report("linked/outside.pdf", ["Symlinked report about human trafficking."],
                       title="Symlinked report", year=2017, countries=("Laos",))


REPORTS = {"fishing": fishing_report, "hostile": hostile_report, "thai": thai_report,
           "vietnam": vietnam_report, "outside": outside_report}


def write_pdf(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, text[:80])
    c.showPage()
    c.save()


@pytest.fixture(scope="session")
def reports() -> dict:
    return {name: make() for name, make in REPORTS.items()}


@pytest.fixture(scope="session")
def web_index(tmp_path_factory, reports) -> tuple[Path, Path]:
    """(index folder, corpus folder); the 'outside' report's PDF is a symlink out of the corpus."""
    root = tmp_path_factory.mktemp("web")
    corpus = root / "corpus"
    outside = root / "outside"
    outside.mkdir()
    secret = outside / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4\n" + SECRET + b"\n%%EOF\n")
    for name, rep in reports.items():
        target = corpus / rep.file.path
        if name == "outside":
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(secret)
        else:
            write_pdf(target, rep.metadata.title)
    build_index(root / "index", list(reports.values()))
    return root / "index", corpus


@pytest.fixture()
def app(web_index):
    index, corpus = web_index
    return create_app({"TESTING": True, "INDEX_PATH": str(index), "CORPUS_PATH": str(corpus)})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def missing_client(tmp_path):
    app = create_app({"TESTING": True, "INDEX_PATH": str(tmp_path / "no-index"),
                      "CORPUS_PATH": str(tmp_path)})
    return app.test_client()
