"""Citation formats: each output parses in its own format and carries the printed page."""

from __future__ import annotations

import json
import re

import pytest

try:  # in the test extra; without it the strict hand-written check still runs
    import bibtexparser
except ImportError:  # pragma: no cover
    bibtexparser = None

from indexer.citations import FORMATS, bibtex_key, format_citation, format_quote_citation
from indexer.errors import UsageError
from indexer.models import Metadata, QuoteMatch

META = Metadata(title="Hidden Catch: Forced Labour at Sea", publisher="Sample Network", year=2020,
                doc_type="report", countries=("Thailand",), themes=("forced labour", "fishing"),
                languages=("en",))
THAI = Metadata(title="รายงานการค้ามนุษย์ ประจำปี", publisher="มูลนิธิเพื่อนหญิง", year=2019,
                languages=("th",))
SPECIAL = Metadata(title=r"Profits & Losses: 100% {sure} $5 #1 a_b ~x ^y \z",
                   publisher="ILO & IOM", year=2021)
URL = "https://search.example/reports/abc123/file"

_UNESCAPE = {r"\textbackslash{}": "\\", r"\textbraceleft{}": "{", r"\textbraceright{}": "}",
             r"\textasciitilde{}": "~", r"\textasciicircum{}": "^", r"\&": "&", r"\%": "%",
             r"\$": "$", r"\#": "#", r"\_": "_"}


def cite(meta=META, fmt="text", **kw):
    kw.setdefault("page_label", "17")
    kw.setdefault("page_number", 23)
    kw.setdefault("url", URL)
    return format_citation(meta, report_id="abc123", fmt=fmt, **kw)


def parse_ris(text: str) -> list[tuple[str, str]]:
    lines = text.split("\r\n")
    assert lines[-1] == "", "RIS ends with a line break"
    pairs = []
    for line in lines[:-1]:
        m = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert m, f"not a RIS line: {line!r}"
        pairs.append((m.group(1), m.group(2)))
    assert pairs[0] == ("TY", "RPRT") and pairs[-1] == ("ER", "")
    return pairs


def parse_bibtex(text: str) -> dict[str, str]:
    """Strict hand check (balanced braces, one field a line), then bibtexparser if present."""
    assert text.count("{") == text.count("}")
    m = re.fullmatch(r"@techreport\{([a-z0-9]+),\n((?:  [a-z]+ = \{.*\},?\n)+)\}\n", text)
    assert m, text
    fields = dict(re.findall(r"  ([a-z]+) = \{(.*)\},?\n", m.group(2)))
    if bibtexparser is None:  # the hand check above stands alone
        return {"ID": m.group(1), **fields}
    entries = bibtexparser.loads(text).entries
    assert len(entries) == 1 and entries[0]["ENTRYTYPE"] == "techreport"
    assert entries[0]["ID"] == m.group(1)
    assert {k: v for k, v in entries[0].items() if k not in ("ENTRYTYPE", "ID")} == fields
    return {"ID": m.group(1), **fields}


def unescape(value: str) -> str:
    return re.sub("|".join(re.escape(k) for k in _UNESCAPE), lambda m: _UNESCAPE[m.group()], value)


def test_text_format():
    assert cite() == ("Sample Network (2020). *Hidden Catch: Forced Labour at Sea*. "
                      "p. 17 (PDF p. 23). https://search.example/reports/abc123/file#page=23")


def test_text_fallbacks_and_same_label():
    meta = Metadata(title="Untitled?", publisher="", year=None)
    assert cite(meta, page_label="5", page_number=5, url=None) == \
        "Unknown publisher (n.d.). *Untitled?* p. 5."


def test_text_page_range():
    text = cite(page_labels=["17", "18"], page_numbers=[23, 24])
    assert "pp. 17–18 (PDF pp. 23–24)." in text and text.endswith("#page=23")


def test_bibtex_fields():
    fields = parse_bibtex(cite(fmt="bibtex"))
    assert fields["ID"] == "sample2020hidden"
    assert fields["title"] == META.title and fields["institution"] == "Sample Network"
    assert fields["year"] == "2020" and fields["pages"] == "17"
    assert fields["url"] == URL + "#page=23" and fields["note"] == "PDF p. 23"
    assert fields["keywords"] == "forced labour, fishing"


def test_bibtex_escapes_special_characters():
    fields = parse_bibtex(cite(SPECIAL, fmt="bibtex"))
    assert fields["institution"] == r"ILO \& IOM"
    for raw in ("&", "%", "$", "#", "_"):
        assert re.search(rf"(?<!\\){re.escape(raw)}", fields["title"]) is None, raw
    assert unescape(fields["title"]) == SPECIAL.title


def test_bibtex_page_range_and_no_url():
    text = cite(fmt="bibtex", page_labels=["17", "18"], page_numbers=[23, 24], url=None)
    fields = parse_bibtex(text)
    assert fields["pages"] == "17--18" and "url" not in fields


def test_bibtex_key_is_stable_and_ascii():
    assert bibtex_key(META, "abc123") == bibtex_key(META, "abc123") == "sample2020hidden"
    assert bibtex_key(Metadata(title="The État of Things", publisher="Ñandú Org"), "x") == \
        "nandundetat"
    assert bibtex_key(THAI, "abc123") == "report2019abc123"


def test_ris_fields():
    pairs = parse_ris(cite(fmt="ris"))
    tags = dict(pairs)
    assert tags["TI"] == META.title and tags["PB"] == "Sample Network" and tags["PY"] == "2020"
    assert tags["SP"] == "17" and "EP" not in tags
    assert tags["UR"] == URL + "#page=23" and tags["LA"] == "en"
    assert [v for k, v in pairs if k == "KW"] == ["forced labour", "fishing"]


def test_ris_range_and_one_line_values():
    meta = Metadata(title="Two\nlines", publisher="P", year=2000)
    tags = dict(parse_ris(cite(meta, fmt="ris", page_labels=["9", "10"], page_numbers=[9, 10])))
    assert tags["TI"] == "Two lines" and (tags["SP"], tags["EP"]) == ("9", "10")


def test_csl_json():
    items = json.loads(cite(fmt="csl-json"))
    assert isinstance(items, list) and len(items) == 1
    item = items[0]
    assert {"id", "type", "title", "publisher", "issued", "page", "URL", "language"} <= set(item)
    assert item["type"] == "report" and item["id"] == "abc123"
    assert item["issued"] == {"date-parts": [[2020]]} and item["page"] == "17"
    assert item["URL"] == URL + "#page=23"


def test_csl_json_omits_unknowns():
    item = json.loads(cite(Metadata(title="T"), fmt="csl-json", url=None, page_label=None,
                           page_number=None))[0]
    assert set(item) == {"id", "type", "title", "genre"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_printed_label_in_every_format(fmt):
    out = cite(fmt=fmt, page_label="xii", page_number=14)
    assert "xii" in out and "page=14" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_thai_title_round_trips(fmt):
    out = cite(THAI, fmt=fmt)
    if fmt == "bibtex":
        fields = parse_bibtex(out)
        assert (fields["title"], fields["institution"]) == (THAI.title, THAI.publisher)
    elif fmt == "ris":
        tags = dict(parse_ris(out))
        assert (tags["TI"], tags["PB"]) == (THAI.title, THAI.publisher)
    elif fmt == "csl-json":
        item = json.loads(out)[0]
        assert (item["title"], item["publisher"]) == (THAI.title, THAI.publisher)
    else:
        assert THAI.title in out and THAI.publisher in out


def test_unknown_format_lists_valid_ones():
    with pytest.raises(UsageError) as info:
        cite(fmt="mla")
    assert all(f in str(info.value) for f in FORMATS)


def test_url_with_fragment_is_kept():
    assert cite(url=URL + "#page=99").endswith("#page=99")


def test_quote_match_citation():
    match = QuoteMatch(report_id="abc123", file="f.pdf", title=META.title, pages=(23, 24),
                       labels=("17", "18"), exact=True, similarity=1.0, passage="…",
                       metadata=META)
    assert "pp. 17–18" in format_quote_citation(match, url=URL)
    assert dict(parse_ris(format_quote_citation(match, fmt="ris")))["EP"] == "18"
