"""Thai and Khmer text that breaks spelling rules is flagged garbled (docs/languages.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from indexer.extract import extract_pdf, invalid_sequences, page_quality, script_garbled
from indexer.models import Quality

THAI_OK = (
    "การค้ามนุษย์ หมายถึง การจัดหา การขนส่ง หรือการรับตัวบุคคล โดยใช้การข่มขู่ "
    "การหลอกลวง เพื่อแสวงหาประโยชน์ แรงงานบังคับบนเรือประมง เก็บเอกสาร น้ำ แม่สอด"
)
KHMER_OK = (
    "ការជួញដូរមនុស្ស គឺជាឧក្រិដ្ឋកម្មធ្ងន់ធ្ងរ ដែលរំលោភលើសិទ្ធិមនុស្ស។ "
    "ពលករចំណាកស្រុកកម្ពុជាជាច្រើននាក់ ត្រូវបានបោកបញ្ឆោតឱ្យធ្វើការលើទូកនេសាទ "
    "ស្ត្រី ប្រាក់ ត្រឹមត្រូវ ក្រុមហ៊ុន ឯកសារ ដោះស្រាយ ការពារ"
)
# What pypdf gives for kh_safe_migration_part1.pdf page 3: subscript ro read as vowel e.
KHMER_BROKEN = (
    "ចាកចេញពីផ្ទះ សេុក ឬបេទេសកំណើត ទៅស្នេក់នៅ និងធ្វើការងារក្នុងបេទេសដ៏ទេ "
    "ចាកចេញដោយមាន ឬគ្មេនឯកសរតេឹមតេូវគេប់គេេន់ ដោយខ្លួនឯង ឬតាមរយៈកេុមហ៊ុន"
)
# What pdfminer gives for the Thai textbook: tone marks split from their consonants.
THAI_BROKEN = "งบประมาณ คืองบการเงินที\n\n่ได้มีการประมาณการ ฝรั\n่งเศส ดังนั\n้น ซึ\n่ง เกี\n่ยว " * 2


@pytest.mark.parametrize(
    "text", [THAI_OK, KHMER_OK, THAI_OK + " " + KHMER_OK, "Forced labour " * 20]
)
def test_valid_text_is_not_garbled(text: str) -> None:
    assert not script_garbled(text)
    assert page_quality(text) is Quality.OK


@pytest.mark.parametrize("text", [KHMER_BROKEN, THAI_BROKEN, "เอกสาร " + KHMER_BROKEN])
def test_broken_text_is_garbled(text: str) -> None:
    assert script_garbled(text)
    assert page_quality(text) is Quality.GARBLED


@pytest.mark.parametrize(
    ("text", "script", "bad"),
    [
        ("សេុក", "km", 1),  # dependent vowel after dependent vowel
        ("គេេន់", "km", 1),
        ("ក្ ខ", "km", 1),  # coeng before a space
        ("ក្ា", "km", 1),  # coeng before a vowel
        (" ុក", "km", 1),  # vowel sign with no consonant
        ("ស្រុក ប្រាក់ ស្ត្រី", "km", 0),
        ("ที\n่", "th", 1),  # tone mark with no consonant
        ("เ ก", "th", 1),  # leading vowel before a space
        ("แ1", "th", 1),
        ("เเก", "th", 0),  # "เเ" typed for "แ": a habit, not garbling
        ("น้ำ เก็บ ที่ ไม้", "th", 0),
    ],
)
def test_invalid_sequences(text: str, script: str, bad: int) -> None:
    assert invalid_sequences(text, script)[0] == bad


def test_short_text_is_not_judged() -> None:
    assert not script_garbled("សេុក")  # one bad word is not a garbled page


REAL = os.environ.get("REPORTSEARCH_REAL_PDFS")
needs_real = pytest.mark.skipif(
    not REAL, reason="set REPORTSEARCH_REAL_PDFS to the shared PDF folder"
)


@needs_real
def test_real_khmer_font_map_is_flagged() -> None:
    """pypdf stays the extractor (no other one is better here); every page is flagged."""
    pages = extract_pdf(Path(REAL or ".") / "kh_safe_migration_part1.pdf").pages
    assert len(pages) == 14
    assert all(p.quality is Quality.GARBLED for p in pages)
    assert all(p.extractor == "pypdf" and p.languages == ("km",) for p in pages)
    assert "ចំណាកស្រុក" in pages[2].text  # still partly searchable, so the text is kept


@needs_real
@pytest.mark.parametrize(
    "name", ["th_law3154_budget_meaning.pdf", "th_law3154_treasury_balance.pdf"]
)
def test_real_thai_is_not_garbled(name: str) -> None:
    pages = extract_pdf(Path(REAL or ".") / name).pages
    assert pages and all(p.quality is Quality.OK for p in pages)
    assert all("th" in p.languages for p in pages)
