"""Quote lookup: a pasted or remembered quote finds its report and page(s)."""

from __future__ import annotations

import pytest
from conftest import build_index, make_report
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.cite import find_quote
from indexer.errors import QueryError, UsageError
from indexer.index.reader import IndexReader

FISHING = make_report(
    "fishing.pdf",
    [
        "Introduction\nThe programme supports survivors of trafficking in the Mekong region "
        "through shelters, legal aid and financial assistance.",
        "Many migrant workers in the fishing industry reported that recruiters confiscated "
        "their\n16",
        "Fishing Report 2020\npassports and withheld wages for several months before they "
        "could escape from the vessels.",
        "The report recommends stronger labour inspections on vessels and ports in Việt Nam.",
        "Brokers charged anti-traf- ficking fees that nobody could explain to the workers.",
    ],
    title="Hidden Catch", labels=["14", "15", "16", "17", "18"],
)
SHELTERS = make_report(
    "shelters.pdf",
    [
        "Shelter staff said that recruiters took passports from workers and kept their wages "
        "for many months.",
        "Survivors described long hours, debt bondage and threats against their families.",
        "",  # a scanned page without text
    ],
    title="Shelter Voices", publisher="Other Network",
)
THAI = make_report(
    "thai.pdf",
    ["การค้ามนุษย์เป็นปัญหาสำคัญในภูมิภาคนี้ และรัฐบาลได้ออกกฎหมายใหม่เพื่อคุ้มครองผู้เสียหาย"],
    title="รายงานการค้ามนุษย์", languages=("th",),
)
KHMER = make_report(
    "khmer.pdf",
    ["ការជួញដូរមនុស្សគឺជាបញ្ហាធ្ងន់ធ្ងរនៅក្នុងតំបន់"],
    title="Khmer report", languages=("km",),
)
TWIN_A = make_report("twin-a.pdf", ["Filler text.", "Every child has the right to be heard in court."],
                     title="Twin A")
TWIN_B = make_report("twin-b.pdf", ["Every child has the right to be heard in court proceedings."],
                     title="Twin B")


@pytest.fixture(scope="module")
def reader(tmp_path_factory) -> IndexReader:
    path = tmp_path_factory.mktemp("cite-index")
    build_index(path, [FISHING, SHELTERS, THAI, KHMER, TWIN_A, TWIN_B])
    return IndexReader(path)


def only(matches, report):
    assert matches, "no match"
    assert matches[0].report_id == report.id
    return matches[0]


@pytest.mark.parametrize("quote", [
    "survivors of trafficking in the Mekong",
    "survivors of traf-\nficking in the Mekong",
    "survivors of traf- ficking in the Mekong",
    "survivors of traf\u2010\nficking in the Mekong",
    "\u201cThe programme supports survivors of trafficking\u201d",
    "legal aid and \ufb01nancial assistance",
    "  SURVIVORS   of\n\tTRAFFICKING  in THE mekong ",
    "\u2018supports survivors\u2019 of trafficking",
    "the program supports survivors",  # American spelling of a British page
])
def test_exact_quote_variants_find_the_page(reader, quote):
    m = only(find_quote(reader, quote), FISHING)
    assert (m.pages, m.labels, m.exact, m.similarity) == ((1,), ("14",), True, 1.0)
    assert m.file == "fishing.pdf" and m.title == "Hidden Catch"
    assert m.metadata.title == "Hidden Catch"


def test_passage_is_original_text_extended_to_word_boundaries(reader):
    m = only(find_quote(reader, "fficking in the mekong re"), FISHING)
    assert m.passage == "trafficking in the Mekong region"


def test_hyphenated_page_text_matches_a_clean_quote(reader):
    m = only(find_quote(reader, "charged anti-trafficking fees that nobody"), FISHING)
    assert m.pages == (5,) and m.exact
    assert m.passage == "charged anti-traf- ficking fees that nobody"


def test_accents_are_folded(reader):
    m = only(find_quote(reader, "inspections on vessels and ports in Viet Nam"), FISHING)
    assert m.pages == (4,) and m.exact
    assert m.passage.endswith("Việt Nam")


def test_quote_across_a_page_break_cites_both_pages(reader):
    # Page 2 ends with a page number line, page 3 starts with a running header.
    m = only(find_quote(reader, "recruiters confiscated their passports and withheld wages"),
             FISHING)
    assert m.exact and m.pages == (2, 3) and m.labels == ("15", "16")
    assert m.passage == "recruiters confiscated their passports and withheld wages"


def test_thai_quote(reader):
    m = only(find_quote(reader, "ปัญหาสำคัญในภูมิภาค"), THAI)
    assert m.exact and m.pages == (1,)
    assert m.passage == "ปัญหาสำคัญในภูมิภาค"


def test_khmer_quote_keeps_vowel_signs(reader):
    m = only(find_quote(reader, "បញ្ហាធ្ងន់ធ្ងរនៅក្នុង"), KHMER)
    assert m.exact and m.passage == "បញ្ហាធ្ងន់ធ្ងរនៅក្នុង"
    # Same consonants without the vowel signs is not an exact match.
    assert not any(x.exact for x in find_quote(reader, "បញហធងនធងរនកនង"))


def test_paraphrase_returns_closest_passages_by_similarity(reader):
    matches = find_quote(reader, "recruiters confiscated their passports and kept wages for months")
    assert matches and not any(m.exact for m in matches)
    sims = [m.similarity for m in matches]
    assert sims == sorted(sims, reverse=True)
    assert all(0.5 <= s < 1 for s in sims)
    assert matches[0].report_id == FISHING.id and matches[0].pages == (2, 3)
    assert matches[1].report_id == SHELTERS.id and matches[1].pages == (1,)
    assert "passports" in matches[1].passage


def test_same_quote_in_two_reports_is_ordered_by_report_id(reader):
    matches = find_quote(reader, "every child has the right to be heard")
    assert [m.exact for m in matches] == [True, True]
    assert [m.report_id for m in matches] == sorted([TWIN_A.id, TWIN_B.id])
    assert {m.pages for m in matches} == {(1,), (2,)}
    assert find_quote(reader, "every child has the right to be heard", limit=1) == matches[:1]


def test_unrelated_quote_finds_nothing(reader):
    assert find_quote(reader, "quantum chromodynamics of distant galaxies") == ()


@pytest.mark.parametrize("quote, message", [
    ("", "empty"),
    ("   \n ", "empty"),
    ("forced labour", "too short"),
    ("a b", "too short"),
    ("การค้า", "too short"),
    ("word " * 1001, "too long"),
])
def test_rejects_unusable_quotes(reader, quote, message):
    with pytest.raises(QueryError, match=message):
        find_quote(reader, quote)


def test_rejects_bad_limit(reader):
    with pytest.raises(UsageError, match="limit"):
        find_quote(reader, "survivors of trafficking in the Mekong", limit=0)


def test_long_quote_passage_is_clipped(tmp_path):
    sentence = " ".join(f"word{i}" for i in range(120))
    report = make_report("long.pdf", [sentence])
    reader = IndexReader(build_index(tmp_path, [report]))
    m = only(find_quote(reader, sentence), report)
    assert m.exact
    assert len(m.passage) <= 402 and m.passage.endswith(" …")
    assert m.passage.startswith("word0 word1")


def test_blank_neighbour_page_is_harmless(reader):
    m = only(find_quote(reader, "debt bondage and threats against their families"), SHELTERS)
    assert m.pages == (2,) and m.exact


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_slice_of_a_page_is_found_exactly(reader, data):
    words = FISHING.pages[0].text.split()
    start = data.draw(st.integers(0, len(words) - 4))
    stop = data.draw(st.integers(start + 4, len(words)))
    quote = " ".join(words[start:stop])
    m = only(find_quote(reader, quote), FISHING)
    assert m.exact and m.pages == (1,)
