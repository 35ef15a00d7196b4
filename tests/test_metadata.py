"""Metadata derivation, provenance, normalisers and metadata.csv overrides."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from indexer.errors import UsageError
from indexer.heuristics import (
    doc_type,
    meaningful_pdf_title,
    organisation_name,
    publisher_from_text,
    title_from_text,
    year_candidates,
)
from indexer.metadata import derive_metadata, load_overrides
from indexer.models import Extraction, Page
from indexer.summary import summarize
from indexer.taxonomy import normalize_country, normalize_theme, pick_countries, pick_themes

BODY = (
    "In 2021, Thailand made moderate advancement in efforts to eliminate forced labour in the "
    "fishing industry. Migrant workers from Myanmar and Cambodia reported debt bondage on "
    "fishing vessels, and the government increased labour inspections at sea.\n\n"
    "Thailand also prosecuted more traffickers. Thailand's courts convicted 120 offenders."
)


def extraction(*pages: str, **info: str) -> Extraction:
    return Extraction(tuple(Page(i + 1, str(i + 1), t) for i, t in enumerate(pages)), info)


def test_everything_from_text() -> None:
    first = "Page 1\n\nFishing for Freedom\nForced Labour at Sea in Thailand\n\nMarch 2022\n\n" + BODY
    md = derive_metadata(extraction(first), "reports/x.pdf")
    assert md.title == "Fishing for Freedom Forced Labour at Sea in Thailand"
    assert md.year == 2022
    assert md.countries[0] == "Thailand"
    assert "forced labour" in md.themes and "fishing" in md.themes
    assert md.languages == ("en",)
    assert md.summary.startswith("In 2021, Thailand made moderate advancement")
    assert md.doc_type == "report"
    assert md.sources == {
        "title": "text", "publisher": "default", "year": "text", "doc_type": "default",
        "countries": "text", "themes": "text", "languages": "text", "summary": "text",
    }


def test_precedence_csv_over_pdf_over_text() -> None:
    ex = extraction(
        "A Text Title\n\n" + BODY,
        title="Hidden Chains: Forced Labour in Thai Fisheries",
        author="International Labour Organization",
        subject="This report documents forced labour and debt bondage among migrant fishers in Thailand's fleet.",
        creation_date="2019-05-02T10:00:00+07:00",
    )
    md = derive_metadata(ex, "a.pdf")
    assert (md.title, md.sources["title"]) == ("Hidden Chains: Forced Labour in Thai Fisheries", "pdf")
    assert (md.publisher, md.sources["publisher"]) == ("International Labour Organization", "pdf")
    assert md.sources["summary"] == "pdf"
    csv_row = {"title": "Curated", "publisher": "ILO Bangkok", "year": "2018", "type": "Policy Brief",
               "countries": "Burma; Lao PDR", "themes": "forced-labor;Something New",
               "languages": "Thai;en", "summary": "Curated summary."}
    md = derive_metadata(ex, "a.pdf", csv_row)
    assert md.title == "Curated" and md.publisher == "ILO Bangkok" and md.year == 2018
    assert md.doc_type == "policy brief"
    assert md.countries == ("Myanmar", "Laos")
    assert md.themes == ("forced labour", "Something New")
    assert md.languages == ("th", "en")
    assert md.summary == "Curated summary."
    assert set(md.sources.values()) == {"metadata.csv"}


def test_filename_and_default_sources() -> None:
    md = derive_metadata(extraction(""), "sub/ilab_findings-2021_thailand.pdf")
    assert md.title == "Ilab findings 2021 thailand"
    assert md.sources["title"] == "filename"
    assert (md.year, md.sources["year"]) == (None, "default")
    assert (md.countries, md.sources["countries"]) == ((), "default")
    assert (md.languages, md.sources["languages"]) == ((), "default")
    assert (md.doc_type, md.sources["doc_type"]) == ("report", "default")


@pytest.mark.parametrize(
    "junk",
    ["Microsoft Word - report_final.docx", "untitled", "Untitled-1", "x.pdf", "habibi",
     "imagemagick-CCITTFaxDecode", "Document1", "ab", "report final v2", ""],
)
def test_junk_pdf_titles_rejected(junk: str) -> None:
    assert not meaningful_pdf_title(junk, "report final v2.pdf")


@pytest.mark.parametrize(
    "good", ["Trafficking in Persons Report 2023", "ความหมายงบประมาณแผ่นดิน", "Viet Nam: Safe Migration"]
)
def test_real_pdf_titles_kept(good: str) -> None:
    assert meaningful_pdf_title(good, "file.pdf")


def test_junk_pdf_title_falls_back_to_text() -> None:
    md = derive_metadata(extraction("Safe Migration Handbook\n\n" + BODY, title="Microsoft Word - x.docx"), "x.pdf")
    assert (md.title, md.sources["title"]) == ("Safe Migration Handbook", "text")
    assert md.doc_type == "guide"


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("Sample document - do not cite\n12\n\nWomen Migrant Workers in ASEAN\n\n" + BODY,
         "Women Migrant Workers in ASEAN"),
        ("LEMBARAN NEGARA\n\nNo. 39, 2003. TENAGA KERJA. Upah. Pengawasan.\n\nUNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 13 TAHUN 2003\n",
         "UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 13 TAHUN 2003"),
        ("“ការធ្វើចំណាកស្រុកប្រកបដោយសុវត្ថិភាព”\n", "ការធ្វើចំណាកស្រុកប្រកបដោយសុវត្ថិភាព"),
        ("", ""),
    ],
)
def test_title_from_text(page: str, title: str) -> None:
    assert title_from_text(page) == title


def test_title_from_text_stops_at_subtitle_and_genre_line() -> None:
    page = ("Sample document generated for Report Search\nMekong Labour Rights Network (sample)\n"
            "Annual Progress Report 2022\nProtecting migrant workers in the Mekong region\n"
            "Annual report · 2022\n")
    assert title_from_text(page) == "Annual Progress Report 2022"
    page = "Hooks and Debts: Forced Labour in the\nAndaman Sea Fishing Fleet\nResearch report · 2021\n"
    assert title_from_text(page) == "Hooks and Debts: Forced Labour in the Andaman Sea Fishing Fleet"
    assert title_from_text("Bảo vệ nạn nhân bị mua bán người vào các cơ\nsở lừa đảo trực tuyến\n2024\n") == (
        "Bảo vệ nạn nhân bị mua bán người vào các cơ sở lừa đảo trực tuyến")


def test_file_named_after_its_title_keeps_the_pdf_title() -> None:
    assert meaningful_pdf_title("Annual Progress Report 2022", "annual-progress-report-2022.pdf")
    assert not meaningful_pdf_title("annual-progress-report-2022", "annual-progress-report-2022.pdf")


@pytest.mark.parametrize(
    ("author", "publisher"),
    [
        ("Child Justice Clinic (sample)", "Child Justice Clinic (sample)"),
        ("Fair Hiring Initiative Asia", "Fair Hiring Initiative Asia"),
        ("Andaman Sea Fisheries Watch", "Andaman Sea Fisheries Watch"),
        ("Inclusive Protection Trust", "Inclusive Protection Trust"),
        ("UN Women", "UN Women"),
        ("เครือข่ายสิทธิแรงงานประมงอันดามัน (ตัวอย่าง)", "เครือข่ายสิทธิแรงงานประมงอันดามัน (ตัวอย่าง)"),
        ("បណ្តាញគាំពារជនរងគ្រោះ", "បណ្តាញគាំពារជនរងគ្រោះ"),
        ("Trung tâm Nghiên cứu Di cư và Phát triển", "Trung tâm Nghiên cứu Di cư và Phát triển"),
        ("Jaringan Advokasi Buruh Migran", "Jaringan Advokasi Buruh Migran"),
        ("Karen Peat", ""), ("Richard De Souza", ""), ("guidi-claudia-i", ""), ("Somchai Jaidee", ""),
        ("Microsoft Office User", ""), ("Nguyễn Văn An", ""),
    ],
)
def test_organisation_name_not_people(author: str, publisher: str) -> None:
    assert organisation_name(author) == publisher


def test_publisher_from_masthead_line() -> None:
    page = "Sample document generated for Report Search\nChild Justice Clinic (sample)\nA Title\n"
    assert publisher_from_text([page]) == "Child Justice Clinic (sample)"
    assert publisher_from_text(["Prepared for the meeting\nJohn Smith\nCentre\n"]) == ""


@pytest.mark.parametrize(
    "text",
    ["Court-decision analysis · 2020", "Children Trafficked into Crime: An Analysis of State v. A.B.",
     "Case commentary on the appeal", "Analysis of the judgment in the Lee case"],
)
def test_doc_type_court_analysis(text: str) -> None:
    assert doc_type(text, "") == "court analysis"


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (["© 2019 International Organization for Migration\nIn 2017 and 2018 ..."], (2019, 2018)),
        (["Annual report\nSeptember 2017\nCovering 2015 and 2016 and 2016"], (2017, 2016)),
        (["พิมพ์ครั้งที่ 1 พ.ศ. 2561"], (2018, None)),
        (["On February 1, 2021, the military seized power; a plan for 2021–2025."], (None, 2021)),
        (["Founded in 1985 (see 1989)."], (None, None)),
    ],
)
def test_year_candidates(pages: list[str], expected: tuple[int | None, int | None]) -> None:
    assert year_candidates(pages) == expected


def test_year_pdf_date_beats_weak_text_year_one_later() -> None:
    ex = extraction("2021 Findings on Child Labor\n\nIn 2021 the country ... in 2021.", creation_date="D:20220910090110-04'00'")
    md = derive_metadata(ex, "f.pdf")
    assert (md.year, md.sources["year"]) == (2022, "pdf")
    ex = extraction("UNDANG-UNDANG NOMOR 13 TAHUN 2003\n\nTahun 2003", creation_date="2013-12-19T14:39:05+07:00")
    assert derive_metadata(ex, "f.pdf").year == 2003  # a re-export ten years later loses


def test_summary_prefers_executive_summary() -> None:
    pages = ["Contents\nIntroduction ........ 3\nFindings ........ 7\n\nExecutive summary\n"
             "Debt bondage remains common among migrant fishers in the region, according to our survey. "
             "Most respondents paid recruitment fees above the legal limit. A third reported "
             "confiscated documents. This fourth sentence should be cut.\n"]
    out = summarize(pages)
    assert out.startswith("Debt bondage remains common")
    assert out.endswith("confiscated documents.")
    assert len(out) <= 400


def test_summary_cut_without_sentence_end() -> None:
    long_thai = "การค้ามนุษย์ " * 80
    out = summarize([long_thai])
    assert 0 < len(out) <= 401 and out.endswith("…")


def test_summary_skips_keyword_lists() -> None:
    assert summarize(["No. 39, 2003. TENAGA KERJA. Upah. Pengawasan. Lembaga. Pemerintah Daerah. Pusat."]) == ""


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("Burma", "Myanmar"), ("myanmar", "Myanmar"), ("Lao PDR", "Laos"),
        ("Lao People's Democratic Republic", "Laos"), ("Laos", "Laos"), ("Vietnam", "Viet Nam"),
        ("Việt Nam", "Viet Nam"), ("viet nam", "Viet Nam"), ("Timor Leste", "Timor-Leste"),
        ("East Timor", "Timor-Leste"), ("the Philippines", "Philippines"), ("Filipina", "Philippines"),
        ("Brunei Darussalam", "Brunei"), ("ประเทศไทย", "Thailand"), ("Thái Lan", "Thailand"),
        ("កម្ពុជា", "Cambodia"), ("Kamboja", "Cambodia"), ("Campuchia", "Cambodia"),
        ("Indonesia", "Indonesia"), ("Singapura", "Singapore"), ("Malaysia", "Malaysia"),
        ("United States of America", "United States"), ("Atlantis", None), ("", None),
    ],
)
def test_normalize_country(alias: str, canonical: str | None) -> None:
    assert normalize_country(alias) == canonical


@pytest.mark.parametrize(
    ("name", "canonical"),
    [("forced labor", "forced labour"), ("Forced-Labour", "forced labour"), ("scams", "online scams"),
     ("covid", "COVID-19"), ("justice and prosecution", "justice & prosecution"),
     ("non punishment", "non-punishment"), ("astrology", None)],
)
def test_normalize_theme(name: str, canonical: str | None) -> None:
    assert normalize_theme(name) == canonical


def test_country_detection_weights_and_title() -> None:
    text = "Thailand " * 10 + "Burma Myanmar Burmese " * 3 + "Japan"
    assert pick_countries(text) == ("Thailand", "Myanmar")
    assert pick_countries(text, title="Workers from Japan") == ("Japan", "Thailand", "Myanmar")
    assert pick_countries("Lao động di cư. LAO ĐỘNG.") == ()  # Vietnamese "labour", not Laos
    # a short text naming countries once each keeps them all, first named first among equals
    assert pick_countries("Workers from Malaysia, Viet Nam and Indonesia.") == ("Malaysia", "Viet Nam", "Indonesia")
    assert pick_countries("แรงงานจากประเทศไทย ประเทศไทย ไทย และกัมพูชา กัมพูชา") == ("Thailand", "Cambodia")


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Scam compounds hold thousands; victims of online fraud and pig-butchering scams.", "online scams"),
        ("Korban penipuan online dipaksa bekerja; penipuan daring marak.", "online scams"),
        ("แรงงานบังคับบนเรือประมง แรงงานบังคับ", "forced labour"),
        ("Nạn mại dâm và bóc lột tình dục trẻ em.", "sexual exploitation"),
        ("The COVID-19 pandemic and lockdowns stranded migrants.", "COVID-19"),
    ],
)
def test_theme_detection(text: str, theme: str) -> None:
    assert theme in pick_themes(text)


def test_theme_detection_limits() -> None:
    assert pick_themes("A short note about the weather.") == ()
    many = "forced labour scam fishing brothel child trafficking corruption bribe journalist covid " * 5
    assert len(pick_themes(many)) <= 4


def write_csv(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    (tmp_path / "metadata.csv").write_bytes(text.encode(encoding))
    return tmp_path


HEADER = "file,title,publisher,year,type,countries,themes,languages,summary"


def test_load_overrides(tmp_path: Path) -> None:
    write_csv(tmp_path, f"{HEADER}\r\n./reports\\a.pdf,A title,,2020,,Burma;Laos,,,\r\n\r\nb.pdf,,,,,,,,\r\n", "utf-8-sig")
    assert load_overrides(tmp_path) == {
        "reports/a.pdf": {"title": "A title", "year": "2020", "countries": "Burma;Laos"},
        "b.pdf": {},
    }


def test_load_overrides_missing_file(tmp_path: Path) -> None:
    assert load_overrides(tmp_path) == {}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("file,title,colour\na.pdf,x,red\n", 1, "bad header"),
        ("title\nx\n", 1, "bad header"),
        (f"{HEADER}\na.pdf,x,,2020\nb.pdf,y,,twenty\n", 3, "year"),
        (f"{HEADER}\na.pdf,x\nc.pdf,z\na.pdf,y\n", 4, "twice"),
        (f"{HEADER}\n,x\n", 2, "empty"),
        ("file,title\na.pdf,x,extra\n", 2, "cells"),
    ],
)
def test_load_overrides_errors_name_the_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    write_csv(tmp_path, text)
    with pytest.raises(UsageError) as err:
        load_overrides(tmp_path)
    assert f"metadata.csv, line {line}" in str(err.value)
    assert words in str(err.value)


REAL = os.environ.get("REPORTSEARCH_REAL_PDFS")


@pytest.mark.skipif(not REAL, reason="set REPORTSEARCH_REAL_PDFS=/work/shared/pdfs")
def test_real_pdfs(capsys: pytest.CaptureFixture[str]) -> None:
    import pypdf  # tests may read PDFs directly; library code leaves that to extract.py

    from indexer.normalize import normalize_page_text

    folder = Path(str(REAL))
    rows = list(csv.DictReader((folder / "manifest.csv").open(encoding="utf-8")))
    got: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    no_text: set[str] = set()  # scans without a text layer: nothing to detect until OCR
    for row in rows:
        try:
            reader = pypdf.PdfReader(folder / row["file"])
            if reader.is_encrypted:
                continue
            pages = tuple(Page(i + 1, str(i + 1), normalize_page_text(p.extract_text() or ""))
                          for i, p in enumerate(reader.pages))
        except Exception:  # noqa: BLE001 - the robustness samples include broken files
            continue
        md = derive_metadata(Extraction(pages, {}), row["file"])
        got[row["file"]] = (md.languages, md.countries)
        if not any(p.text.strip() for p in pages):
            no_text.add(row["file"])
    for name, (languages, _countries) in got.items():
        if name.startswith("th_"):
            assert "th" in languages, name
        if name.startswith("id_uu_"):
            assert "id" in languages, name
    assert "Thailand" in got["ilab_findings_2021_thailand.pdf"][1]
    assert "Myanmar" in got["ilab_findings_2021_burma.pdf"][1]
    hits = {"languages": [0, 0, 0, 0], "countries": [0, 0, 0, 0]}  # all hit/total, text hit/total
    for row in rows:
        if row["file"] not in got:
            continue
        for field, index, values in (("languages", 0, row["language"]), ("countries", 1, row["countries"])):
            expected = [v for v in values.split(";") if v and v not in ("Global", "Africa")]
            found = sum(1 for v in expected if v in got[row["file"]][index])
            hits[field][0] += found
            hits[field][1] += len(expected)
            if row["file"] not in no_text:
                hits[field][2] += found
                hits[field][3] += len(expected)
    with capsys.disabled():
        for field, (hit, total, text_hit, text_total) in hits.items():
            print(f"\nreal PDFs, {field}: {hit}/{total} expected values found; "
                  f"{text_hit}/{text_total} in PDFs with a text layer")
    assert hits["languages"][2] >= 0.9 * hits["languages"][3]
    assert hits["countries"][2] >= 0.8 * hits["countries"][3]


def test_unparseable_metadata_csv_is_a_usage_error_naming_the_file(tmp_path):
    import csv as _csv

    from indexer.errors import UsageError
    from indexer.metadata import load_overrides

    big = "x" * (_csv.field_size_limit() + 10)
    (tmp_path / "metadata.csv").write_text(f"file,title\na.pdf,\"{big}\"\n", encoding="utf-8")
    with pytest.raises(UsageError) as err:
        load_overrides(tmp_path)
    assert "metadata.csv" in err.value.message
