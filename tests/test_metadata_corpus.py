"""Derived metadata of the shipped sample corpus (corpus/*.pdf), field by field.

Each sample PDF is extracted with `indexer.extract.extract_pdf` and passed through
`derive_metadata` with the corpus's metadata.csv, as the indexer does; the expectations come
from corpus/README.md and the documents' own metadata (corpus/sample_texts*.py). Publishers
are expected verbatim, "(sample)" suffix included, as the PDF Author and metadata.csv spell
them. With REPORTSEARCH_REAL_PDFS set, the real third-party PDFs are checked against their
manifest too, and the hit rates are printed.
"""

from __future__ import annotations

import csv
import os
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from indexer.extract import extract_pdf
from indexer.heuristics import publisher_from_text, title_from_text
from indexer.metadata import derive_metadata, load_overrides
from indexer.models import Extraction, Metadata

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
REAL = os.environ.get("REPORTSEARCH_REAL_PDFS")

# file: (title, publisher, year, type, countries (main one first), languages)
EXPECTED: dict[str, tuple[str, str, int, str, tuple[str, ...], tuple[str, ...]]] = {
    "annual-progress-report-2022.pdf": (
        "Annual Progress Report 2022", "Mekong Labour Rights Network (sample)", 2022,
        "annual report", ("Laos", "Cambodia", "Thailand", "Viet Nam"), ("en",)),
    "child-justice-court-analysis-2020.pdf": (
        "Children Trafficked into Crime: An Analysis of State v. A.B.",
        "Child Justice Clinic (sample)", 2020, "court analysis", ("Philippines", "Timor-Leste"),
        ("en",)),
    "disability-trafficking-training-manual-2016.pdf": (
        "Seeing Every Survivor: Training Manual on Disability-Inclusive Anti-Trafficking Responses",
        "Inclusive Protection Trust (sample)", 2016, "training manual",
        ("Philippines", "Indonesia", "Timor-Leste"), ("en",)),
    "employer-toolkit-ethical-recruitment-2025.pdf": (
        "Responsible Recruitment Toolkit for Employers", "Fair Hiring Initiative Asia (sample)",
        2025, "toolkit", ("Malaysia", "Viet Nam", "Indonesia", "Philippines"), ("en",)),
    "en-th-scam-compound-survivors-2025.pdf": (
        "After the Compound: Support Needs of Scam-Centre Survivors",
        "Border Legal Aid Collective (sample) / กลุ่มช่วยเหลือทางกฎหมายชายแดน (ตัวอย่าง)", 2025,
        "report", ("Thailand", "Myanmar", "Viet Nam", "Indonesia", "Philippines"), ("en", "th")),
    "fishing-forced-labour-research-2021.pdf": (
        "Hooks and Debts: Forced Labour in the Andaman Sea Fishing Fleet",
        "Andaman Sea Fisheries Watch (sample)", 2021, "report",
        ("Thailand", "Myanmar", "Cambodia", "Indonesia"), ("en",)),
    "frontline-responders-guidebook-2019.pdf": (
        "Identifying and Supporting Victims: A Guidebook for Frontline Responders",
        "Coastal Provinces Victim Support Alliance (sample)", 2019, "guide",
        ("Viet Nam", "Thailand", "Malaysia"), ("en",)),
    "id-pekerja-migran-factsheet-2022.pdf": (
        "Lembar Fakta: Melindungi Pekerja Migran dari Perdagangan Orang",
        "Jaringan Advokasi Buruh Migran (contoh)", 2022, "factsheet", ("Indonesia", "Malaysia"),
        ("id",)),
    "km-victim-protection-brief-2017.pdf": (
        "ការការពារជនរងគ្រោះនៃការជួញដូរមនុស្ស", "បណ្តាញគាំពារជនរងគ្រោះ (គំរូ)", 2017, "policy brief",
        ("Cambodia", "Thailand"), ("km",)),
    "online-scam-compounds-policy-brief-2023.pdf": (
        "Inside the Compounds: Forced Criminality in Online Scam Operations",
        "Southeast Asia Digital Exploitation Observatory (sample)", 2023, "policy brief",
        ("Cambodia", "Myanmar", "Laos", "Philippines", "Malaysia", "Thailand"), ("en",)),
    "regional-work-plan-2018.pdf": (
        "Regional Work Plan 2018–2019: Safe Migration and Anti-Trafficking Coordination",
        "Greater Mekong Coordination Secretariat (sample)", 2018, "work plan",
        ("Laos", "Cambodia", "Thailand", "Myanmar"), ("en",)),
    "th-fishing-forced-labour-guide-2020.pdf": (
        "คู่มือการป้องกันแรงงานบังคับบนเรือประมง", "เครือข่ายสิทธิแรงงานประมงอันดามัน (ตัวอย่าง)", 2020,
        "guide", ("Thailand", "Myanmar", "Cambodia"), ("th",)),
    "vi-mua-ban-nguoi-policy-brief-2024.pdf": (
        "Bảo vệ nạn nhân bị mua bán người vào các cơ sở lừa đảo trực tuyến",
        "Trung tâm Nghiên cứu Di cư và Phát triển (mẫu)", 2024, "policy brief",
        ("Viet Nam", "Cambodia", "Myanmar", "Laos"), ("vi",)),
    "wage-theft-factsheet-2024.pdf": (
        "Wage Theft Against Migrant Workers: Key Facts", "Migrant Wage Justice Project (sample)",
        2024, "factsheet", ("Malaysia", "Philippines", "Indonesia"), ("en",)),
}
FIELDS = ("title", "publisher", "year", "doc_type", "countries", "languages")


@cache
def extracted(name: str) -> Extraction:
    return extract_pdf(CORPUS / name)


@cache
def derived(name: str) -> Metadata:
    return derive_metadata(extracted(name), name, load_overrides(CORPUS).get(name))


def test_table_covers_the_corpus() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in CORPUS.glob("*.pdf"))


def field_ok(name: str, field: str, md: Metadata) -> bool:
    title, publisher, year, doc_type, countries, languages = EXPECTED[name]
    return {
        "title": md.title == title,
        "publisher": md.publisher == publisher,
        "year": md.year == year,
        "doc_type": md.doc_type == doc_type,
        "countries": countries[0] in md.countries,
        "languages": md.languages == languages,
    }[field]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_metadata(name: str) -> None:
    md = derived(name)
    wrong = {f: getattr(md, f) for f in FIELDS if not field_ok(name, f, md)}
    assert not wrong, (name, wrong)
    assert set(md.countries) >= set(EXPECTED[name][4][:2]), md.countries


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_title_and_publisher_from_text_alone(name: str) -> None:
    """Without PDF info or metadata.csv, page 1 alone still gives title and publisher."""
    pages = [p.text for p in extracted(name).pages]
    title, publisher = EXPECTED[name][:2]
    assert title_from_text(pages[0]) == title
    assert publisher_from_text(pages) == publisher
    md = derive_metadata(replace(extracted(name), info={}), name)
    assert md.sources["publisher"] == "text"
    assert md.doc_type == EXPECTED[name][3]


def test_sample_hit_rates(capsys: pytest.CaptureFixture[str]) -> None:
    hits = {f: sum(field_ok(n, f, derived(n)) for n in EXPECTED) for f in FIELDS}
    listed = sum(len(e[4]) for e in EXPECTED.values())
    found = sum(len(set(e[4]) & set(derived(n).countries)) for n, e in EXPECTED.items())
    extra = sum(len(set(derived(n).countries) - set(e[4])) for n, e in EXPECTED.items())
    with capsys.disabled():
        print("\nsample corpus: " + ", ".join(f"{f} {h}/{len(EXPECTED)}" for f, h in hits.items())
              + f"; countries listed found {found}/{listed}, extra {extra}")
    assert all(h == len(EXPECTED) for h in hits.values()), hits


ILAB_PUBLISHERS = ("U.S. Department of Labor", "Bureau of International Labor Affairs")


@pytest.mark.skipif(not REAL, reason="set REPORTSEARCH_REAL_PDFS=/work/shared/pdfs")
def test_real_pdfs_against_manifest(capsys: pytest.CaptureFixture[str]) -> None:
    """Publisher, year and countries of the real PDFs (with their PDF info, as indexed)
    against manifest.csv; ILAB publishers must be found, the rest is reported."""
    folder = Path(str(REAL))
    rows = list(csv.DictReader((folder / "manifest.csv").open(encoding="utf-8")))
    tally = {"publisher": [0, 0], "year": [0, 0], "countries": [0, 0]}
    for row in rows:
        try:
            md = derive_metadata(extract_pdf(folder / row["file"]), row["file"])
        except Exception:  # noqa: BLE001 - encrypted and broken robustness samples
            continue
        ilab = row["file"].startswith("ilab_")
        if ilab:
            assert md.publisher.startswith(ILAB_PUBLISHERS), (row["file"], md.publisher)
            assert md.year == int(row["year"]), (row["file"], md.year)
        if row["publisher"] and not row["publisher"].startswith("unidentified"):
            tally["publisher"][1] += 1
            tally["publisher"][0] += bool(md.publisher) and _same_org(md.publisher, row["publisher"])
        if row["year"]:
            tally["year"][1] += 1
            tally["year"][0] += md.year == int(row["year"])
        expected = [c for c in row["countries"].split(";") if c and c not in ("Global", "Africa")]
        tally["countries"][1] += len(expected)
        tally["countries"][0] += sum(c in md.countries for c in expected)
        if ilab:
            assert set(expected) <= set(md.countries), (row["file"], md.countries)
    with capsys.disabled():
        print("\nreal PDFs: " + ", ".join(f"{f} {h}/{t}" for f, (h, t) in tally.items()))


def _same_org(found: str, expected: str) -> bool:
    """"U.S. Department of Labor" matches "U.S. Department of Labor, Bureau of ... (ILAB)"."""
    words = {w.strip("(),.-").casefold() for w in found.split() if len(w) > 3}
    return bool(words) and len(words & {w.strip("(),.-").casefold() for w in expected.split()}) >= min(2, len(words))
