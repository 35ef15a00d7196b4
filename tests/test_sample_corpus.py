"""Checks on the committed sample corpus in corpus/ (fictional documents).

These tests read the PDFs as committed; they do not regenerate them.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PDFS = sorted(CORPUS.glob("*.pdf"))
SAMPLE_NOTICE = "Sample document generated for Report Search \u2014 fictional content"

LABELLED = "fishing-forced-labour-research-2021.pdf"
SCANNED = ("annual-progress-report-2022.pdf", 2)  # 0-based index = PDF page 3
NO_INFO = ["frontline-responders-guidebook-2019.pdf", "regional-work-plan-2018.pdf"]

DOC_TYPES = {
    "report",
    "policy brief",
    "guide",
    "toolkit",
    "factsheet",
    "annual report",
    "work plan",
    "training manual",
    "journal article",
    "court analysis",
}
THEMES = {
    "forced labour",
    "online scams",
    "fishing",
    "sexual exploitation",
    "child trafficking",
    "victim protection",
    "non-punishment",
    "justice & prosecution",
    "corruption",
    "migration & recruitment",
    "gender & disability",
    "data & reporting",
    "media",
    "COVID-19",
}

KNOWN_WORDS = {
    "th-fishing-forced-labour-guide-2020.pdf": ["การค้ามนุษย์", "แรงงานบังคับ", "เรือประมง"],
    "km-victim-protection-brief-2017.pdf": ["ការជួញដូរមនុស្ស", "ពលកម្មដោយបង្ខំ", "ទូកនេសាទ"],
    "id-pekerja-migran-factsheet-2022.pdf": ["perdagangan orang", "pekerja migran", "kerja paksa"],
    "vi-mua-ban-nguoi-policy-brief-2024.pdf": ["mua bán người", "lao động cưỡng bức", "Việt Nam"],
    "en-th-scam-compound-survivors-2025.pdf": ["การค้ามนุษย์", "แรงงานบังคับ", "forced labour"],
}


def text_of(name: str) -> list[str]:
    return [p.extract_text() for p in PdfReader(CORPUS / name).pages]


def flat(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def test_file_count_in_range():
    assert 12 <= len(PDFS) <= 14


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_pdf_opens_and_is_marked_sample(path):
    reader = PdfReader(path)
    assert 1 <= len(reader.pages) <= 12
    assert SAMPLE_NOTICE in flat(reader.pages[0].extract_text())
    if reader.metadata is not None:
        marker = (reader.metadata.subject or "") + (reader.metadata.get("/Keywords") or "")
        assert "sample document" in marker.lower()
    else:
        xmp = reader.xmp_metadata
        assert xmp is not None and "sample document" in (xmp.pdf_keywords or "")


def test_total_size_is_small():
    assert sum(p.stat().st_size for p in PDFS) < 3 * 1024 * 1024


def test_page_labels():
    reader = PdfReader(CORPUS / LABELLED)
    assert reader.page_labels == ["i", "ii"] + [str(n) for n in range(1, 10)]


def test_image_only_page_has_no_text():
    name, index = SCANNED
    reader = PdfReader(CORPUS / name)
    page = reader.pages[index]
    assert page.extract_text().strip() == ""
    assert len(page.images) == 1
    assert reader.pages[index - 1].extract_text().strip()


@pytest.mark.parametrize("name", NO_INFO)
def test_files_without_document_info(name):
    reader = PdfReader(CORPUS / name)
    assert reader.metadata is None or "/Title" not in reader.metadata


def test_files_with_document_info_have_year():
    reader = PdfReader(CORPUS / "online-scam-compounds-policy-brief-2023.pdf")
    assert reader.metadata.title.startswith("Inside the Compounds")
    assert reader.metadata.creation_date.year == 2023


def test_metadata_csv():
    with open(CORPUS / "metadata.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == "file,title,publisher,year,type,countries,themes,languages,summary".split(",")
    assert 3 <= len(rows) - 1 <= 4
    for row in rows[1:]:
        rec = dict(zip(rows[0], row, strict=True))
        assert (CORPUS / rec["file"]).is_file()
        assert rec["year"] == "" or 2016 <= int(rec["year"]) <= 2025
        assert rec["type"] == "" or rec["type"] in DOC_TYPES
        for theme in filter(None, rec["themes"].split(";")):
            assert theme in THEMES


@pytest.mark.parametrize("name,words", KNOWN_WORDS.items())
def test_known_words_round_trip(name, words):
    text = flat(" ".join(text_of(name)))
    for word in words:
        assert word in text


def test_hyphenated_word_at_line_end():
    pages = text_of(LABELLED)
    assert "traf-\nficking" in pages[2]  # printed page 1


def test_sentence_across_page_break():
    pages = text_of(LABELLED)
    assert "were held by the captain for the entire\n" in pages[3]  # printed page 2
    assert pages[4].startswith("duration of the voyage")  # printed page 3


def test_spelling_variants():
    british = flat(" ".join(text_of(LABELLED)))
    american = flat(" ".join(text_of("online-scam-compounds-policy-brief-2023.pdf")))
    assert "labour" in british and "programme" in british
    assert "labor" in american and "program" in american
    assert "labour" not in american and "programme" not in american


def test_two_column_page_text():
    page = text_of("online-scam-compounds-policy-brief-2023.pdf")[2]
    assert page.startswith("3. Evidence from survivor interviews")
    assert "corporate office" in flat(page)
