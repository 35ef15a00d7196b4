"""The cross-lingual glossary: file integrity and query expansion (docs/languages.md)."""

from __future__ import annotations

import csv

import pytest

from indexer.glossary import GLOSSARY_CSV, LANGUAGES, Expansion, load_glossary, term_key


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with GLOSSARY_CSV.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == [*LANGUAGES, "source"]
        return list(reader)


def test_rows_are_complete(rows: list[dict[str, str]]) -> None:
    assert len(rows) >= 50
    for row in rows:
        others = [lang for lang in LANGUAGES[1:] if row[lang].strip()]
        assert row["en"].strip() and len(others) >= 4, row["en"]
        assert row["source"].strip(), row["en"]
        for lang in LANGUAGES:
            assert all(t.strip() == t and t for t in row[lang].split("|") if row[lang]), row[lang]


def test_no_duplicate_english_terms(rows: list[dict[str, str]]) -> None:
    seen: dict[str, str] = {}
    for row in rows:
        for key in {term_key(t) for t in row["en"].split("|")}:  # labour/labor: one key
            assert key not in seen, (row["en"], seen.get(key))
            seen[key] = row["en"]


@pytest.mark.parametrize(
    ("query", "english"),
    [
        ("forced labour", "forced labour"),
        ("Forced Labor", "forced labour"),
        ("labor", "labour"),
        ("การค้ามนุษย์", "human trafficking"),
        ("perdagangan orang", "human trafficking"),
        ("mua bán người", "human trafficking"),
        ("mua ban nguoi", "human trafficking"),
        ("ការជួញដូរមនុស្ស", "human trafficking"),
        ("fishing vessels", "fishing vessel"),
    ],
)
def test_equivalents_to_english(query: str, english: str) -> None:
    assert english in load_glossary().equivalents(query)["en"]


@pytest.mark.parametrize(
    ("lang", "term"),
    [
        ("th", "การค้ามนุษย์"),
        ("km", "ការជួញដូរមនុស្ស"),
        ("vi", "mua bán người"),
        ("id", "perdagangan orang"),
    ],
)
def test_equivalents_from_english(lang: str, term: str) -> None:
    assert term in load_glossary().equivalents("human trafficking")[lang]
    assert term in load_glossary().equivalents("trafficking in persons")[lang]


def test_unknown_terms() -> None:
    glossary = load_glossary()
    assert glossary.equivalents("photosynthesis") == {}
    assert glossary.equivalents("") == {}
    assert glossary.expand_query_terms([]) == []


def test_expand_prefers_the_longest_phrase() -> None:
    found = load_glossary().expand_query_terms(
        ["forced", "labour", "on", "fishing", "vessels", "labor"]
    )
    assert [(e.start, e.end, e.language) for e in found] == [
        (0, 2, "en"),
        (3, 5, "en"),
        (5, 6, "en"),
    ]
    assert "แรงงานบังคับ" in found[0].equivalents["th"]
    assert "tàu cá" in found[1].equivalents["vi"]
    assert "แรงงาน" in found[2].equivalents["th"]


@pytest.mark.parametrize(
    ("words", "span", "lang", "english"),
    [
        (["การค้ามนุษย์"], (0, 1), "th", "human trafficking"),
        (["kasus", "perdagangan", "orang"], (1, 3), "id", "human trafficking"),
        (["mua", "bán", "người"], (0, 3), "vi", "human trafficking"),
        (["ការជួញដូរមនុស្ស"], (0, 1), "km", "human trafficking"),
    ],
)
def test_expand_other_languages(
    words: list[str], span: tuple[int, int], lang: str, english: str
) -> None:
    [expansion] = load_glossary().expand_query_terms(words)
    assert isinstance(expansion, Expansion)
    assert (expansion.start, expansion.end, expansion.language) == (*span, lang)
    assert english in expansion.equivalents["en"]


def test_load_is_cached() -> None:
    assert load_glossary() is load_glossary()
