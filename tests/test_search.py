"""Search library: query forms, ranking, facets, pagination, snippets, guard."""

from __future__ import annotations

import time

import pytest
from conftest import build_index, make_report

from indexer.errors import QueryError, UsageError
from indexer.search import FALLBACK_NOTICE, Searcher

FISHING = make_report(
    "fishing.pdf",
    ["Hooks and Debts. A sample research report.",
     "Forced labour on fishing boats in Thailand. Workers were trafficked from Myanmar "
     "and held at sea for months. Debt bondage kept crews on board.",
     "The programme recommends port inspections. Recruitment agencies charged fees.",
     "Annex with <script>alert('x')</script> & other odd text in a table."],
    title="Forced labour on fishing boats", year=2021, countries=("Thailand", "Myanmar"),
    themes=("forced labour", "fishing"), doc_type="report", labels=["i", "ii", "1", "2"])
SCAMS = make_report(
    "scams.pdf",
    ["Online scam compounds in Cambodia hold trafficking victims who are forced to defraud "
     "people online. The non-punishment principle protects them.",
     "Victims recruited through fake job advertisements. Recruiters promised office work."],
    title="Scam compounds policy brief", year=2023, countries=("Cambodia",),
    themes=("online scams", "non-punishment"), doc_type="policy brief")
WAGES = make_report(
    "wages.pdf",
    ["Migrant workers in Malaysia report wage theft. The labor program of the "
     "organization supports claims.", "Workers in Viet Nam factories."],
    title="Wage theft factsheet", year=2019, countries=("Malaysia", "Viet Nam"),
    themes=("migration & recruitment",), doc_type="factsheet")
VIET = make_report(
    "vi.pdf", ["Mua bán người ở Việt Nam là vấn đề nghiêm trọng. Nạn nhân cần được bảo vệ."],
    title="Chính sách về mua bán người", year=2024, countries=("Viet Nam",),
    themes=("victim protection",), languages=("vi",), doc_type="policy brief")
THAI = make_report(
    "th.pdf", ["การค้ามนุษย์ในอุตสาหกรรมประมงเป็นปัญหาสำคัญ แรงงานบังคับบนเรือประมง"],
    title="คู่มือแรงงานประมง", year=2020, countries=("Thailand",), themes=("fishing",),
    languages=("th",), doc_type="guide")
ALL = [FISHING, SCAMS, WAGES, VIET, THAI]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory) -> Searcher:
    return Searcher(build_index(tmp_path_factory.mktemp("ix"), ALL))


def ids(res) -> list[str]:
    return [h.report_id for h in res.results]


def test_all_words_must_match(searcher):
    res = searcher.search("fishing bondage")
    assert ids(res) == [FISHING.id]
    assert res.notice is None


def test_any_word_fallback_says_so(searcher):
    res = searcher.search("bondage compounds")
    assert set(ids(res)) == {FISHING.id, SCAMS.id}
    assert res.notice == FALLBACK_NOTICE


def test_stemming_finds_other_forms(searcher):
    assert FISHING.id in ids(searcher.search("trafficking"))
    assert SCAMS.id in ids(searcher.search("trafficked"))


@pytest.mark.parametrize("word", ["labour", "labor"])
def test_british_and_american_spellings_are_equivalent(searcher, word):
    assert {FISHING.id, WAGES.id} <= set(ids(searcher.search(word)))


def test_programme_matches_program(searcher):
    assert {FISHING.id, WAGES.id} <= set(ids(searcher.search("programme")))


def test_accent_folding(searcher):
    assert VIET.id in ids(searcher.search("Viet Nam nan nhan"))
    assert VIET.id in ids(searcher.search("Việt Nam"))


def test_exact_phrase_versus_words(searcher):
    assert ids(searcher.search('"forced labour"')) == [FISHING.id]
    # Both words occur in the scam report, but never as the phrase.
    assert SCAMS.id in ids(searcher.search("forced online"))
    assert SCAMS.id not in ids(searcher.search('"forced online"'))


def test_proximity(searcher):
    assert ids(searcher.search('"workers months"~12')) == [FISHING.id]
    assert ids(searcher.search('"workers months"')) == []


def test_boolean_operators_and_parentheses(searcher):
    assert set(ids(searcher.search("fishing OR scam"))) >= {FISHING.id, SCAMS.id}
    assert FISHING.id not in ids(searcher.search("workers NOT fishing"))
    assert FISHING.id not in ids(searcher.search("workers -fishing"))
    assert set(ids(searcher.search("(fishing OR scam) AND victims"))) == {SCAMS.id}


def test_field_queries(searcher):
    assert ids(searcher.search("title:factsheet")) == [WAGES.id]
    assert set(ids(searcher.search("country:Burma"))) == {FISHING.id}
    assert set(ids(searcher.search('country:"Viet Nam"'))) == {WAGES.id, VIET.id}
    assert ids(searcher.search('type:"policy brief" scam')) == [SCAMS.id]
    assert set(ids(searcher.search("lang:vi"))) == {VIET.id}
    assert set(ids(searcher.search("year:2019..2021"))) == {FISHING.id, WAGES.id, THAI.id}
    assert set(ids(searcher.search("year:[2023 TO 2024]"))) == {SCAMS.id, VIET.id}
    assert set(ids(searcher.search("year:2019"))) == {WAGES.id}


def test_prefix_and_fuzzy(searcher):
    assert {FISHING.id, SCAMS.id} <= set(ids(searcher.search("recruit*")))
    assert FISHING.id in ids(searcher.search("traffiking~"))


def test_did_you_mean_only_when_it_finds_more(searcher):
    res = searcher.search("bondagee")
    assert res.total == 0 and res.suggestion == "bondage"
    assert searcher.search("bondage").suggestion is None


def test_thai_query_inside_compound(searcher):
    res = searcher.search("ค้ามนุษย์")
    assert ids(res) == [THAI.id]
    assert "<mark>ค้ามนุษย์</mark>" in res.results[0].pages[0].snippet
    assert ids(searcher.search("ประมง")) == [THAI.id]


def test_pages_show_label_and_number_best_first(searcher):
    res = searcher.search("debt bondage")
    hit = res.results[0]
    assert hit.pages[0].page == 2 and hit.pages[0].label == "ii"
    assert "<mark>Debt bondage</mark>" in hit.pages[0].snippet
    assert hit.matching_pages == 1


def test_matching_pages_count_text_matches_not_title(searcher):
    hit = searcher.search("fishing").results[0]
    assert hit.report_id == FISHING.id
    # "fishing" is in the title (on every page doc) but in the text of page 2 only.
    assert hit.matching_pages == 1 and [p.page for p in hit.pages] == [2]


def test_snippet_escapes_pdf_text_before_marking(searcher):
    res = searcher.search("annex")
    snip = res.results[0].pages[0].snippet
    assert "<script>" not in snip and "&lt;script&gt;" in snip
    assert "<mark>Annex</mark>" in snip
    assert snip.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_facets_count_reports_and_match_filters(searcher):
    res = searcher.search("workers")
    for field, counts in res.facets.items():
        for value, count in counts.items():
            filtered = searcher.search("workers", filters={field: [value]})
            assert filtered.total == count, (field, value)


def test_facets_are_conditioned_on_other_filters(searcher):
    res = searcher.search("", filters={"country": ["Thailand"]})
    assert res.total == 2
    # The country facet ignores its own filter (to allow switching), others apply it.
    assert res.facets["country"]["Cambodia"] == 1
    assert res.facets["type"] == {"guide": 1, "report": 1}


def test_filters_combine_and_normalise(searcher):
    res = searcher.search("", filters={"country": ["burma", "Cambodia"], "year": ["2020..2023"]})
    assert set(ids(res)) == {FISHING.id, SCAMS.id}
    res = searcher.search("", filters={"country": ["Thailand"], "language": ["ไทย"]})
    assert ids(res) == [THAI.id]


def test_browse_is_newest_first_with_summaries(searcher):
    res = searcher.search("")
    years = [h.metadata.year for h in res.results]
    assert years == sorted(years, reverse=True) and res.total == len(ALL)
    assert all(h.pages == () for h in res.results)


@pytest.mark.parametrize("sort,key,reverse", [("newest", "year", True), ("oldest", "year", False),
                                                ("title", "title", False)])
def test_sorts(searcher, sort, key, reverse):
    res = searcher.search("workers OR victims OR ประมง", sort=sort)
    values = [getattr(h.metadata, key) for h in res.results]
    if key == "title":
        values = [v.casefold() for v in values]
    assert len(values) >= 3 and values == sorted(values, reverse=reverse)


def test_pagination_edges(searcher):
    everything = ids(searcher.search("", per_page=50))
    pages = [ids(searcher.search("", page=n, per_page=2)) for n in (1, 2, 3)]
    assert sum(pages, []) == everything
    assert ids(searcher.search("", page=99, per_page=2)) == []
    assert searcher.search("", per_page=0).per_page == 1
    assert searcher.search("", per_page=10**6).per_page == 50
    assert searcher.search("", page=10**9).page * 10 <= 1000


def test_search_within_report_in_page_order(searcher):
    pages = searcher.report_pages(FISHING.id, "workers OR recruitment OR annex")
    assert [p.page for p in pages] == [2, 3, 4]
    assert [p.label for p in pages] == ["ii", "1", "2"]


def test_search_within_report_ignores_title_only_matches(searcher):
    # "boats" is in the fishing report's title, and in the text of page 2 only.
    assert [p.page for p in searcher.report_pages(FISHING.id, "boats")] == [2]


def test_similar_reports(searcher):
    similar = searcher.similar(FISHING.id)
    assert similar and FISHING.id not in [h.report_id for h in similar]


@pytest.mark.parametrize("query", ["*a*", "?*", "(" * 1000 + "a" + ")" * 1000, "x" * 100_000,
                                   "a\x00b", "year:[a TO z]", "title:[a TO z]", "foo:bar",
                                   "ab*", "\ud800"])
def test_hostile_queries_are_rejected_quickly(searcher, query):
    started = time.monotonic()
    with pytest.raises(QueryError) as err:
        searcher.search(query)
    assert time.monotonic() - started < 3
    assert err.value.message and err.value.hint


def test_huge_or_list_rejected(searcher):
    with pytest.raises(QueryError):
        searcher.search(" OR ".join(f"word{i}" for i in range(500)))


@pytest.mark.parametrize("query,expected", [('"forced labour', FISHING.id), ("fishing AND", FISHING.id),
                                            ("OR fishing", FISHING.id), ("(fishing", FISHING.id),
                                            ("fishing)", FISHING.id)])
def test_forgiven_mistakes(searcher, query, expected):
    assert expected in ids(searcher.search(query))


def test_bad_filters_are_usage_errors(searcher):
    with pytest.raises(UsageError):
        searcher.search("", filters={"colour": ["red"]})
    with pytest.raises(UsageError):
        searcher.search("", filters={"year": ["last year"]})
    with pytest.raises(UsageError):
        searcher.search("", sort="random")


def test_glossary_expansion_is_opt_in_and_finds_other_languages(searcher):
    plain = searcher.search("human trafficking")
    expanded = searcher.search("human trafficking", expand=True)
    assert THAI.id not in ids(plain) and VIET.id not in ids(plain)
    assert {THAI.id, VIET.id} <= set(ids(expanded))
    assert "th" in expanded.expansions["human trafficking"]
    thai_hit = next(h for h in expanded.results if h.report_id == THAI.id)
    assert thai_hit.pages[0].languages == ("th",)  # the page says which language matched
    assert "<mark>การค้ามนุษย์</mark>" in thai_hit.pages[0].snippet


def test_expansion_from_a_thai_query_finds_vietnamese(searcher):
    res = searcher.search("การค้ามนุษย์", expand=True)
    assert ids(searcher.search("การค้ามนุษย์")) == [THAI.id]
    assert set(ids(res)) == {THAI.id, VIET.id}
    assert "human trafficking" in res.expansions["การค้ามนุษย์"]["en"]


def test_multi_segment_index_filters_and_excludes(tmp_path):
    """Incremental runs leave several segments: docnums are global across them."""
    from indexer.index.store import IndexDir
    from indexer.index.writer import ReportWriter

    index_dir = IndexDir(tmp_path)
    gen = index_dir.new_generation()
    for report in ALL:  # one commit (one segment) per report
        writer = ReportWriter(index_dir, gen)
        writer.add(report)
        writer.commit()
    index_dir.publish(gen)
    s = Searcher(tmp_path)
    assert set(ids(s.search("workers", filters={"country": ["Malaysia"]}))) == {WAGES.id}
    assert FISHING.id not in ids(s.search("workers NOT fishing"))
    assert set(ids(s.search("year:2019..2021"))) == {FISHING.id, WAGES.id, THAI.id}
    assert s.search("debt bondage").results[0].pages[0].label == "ii"


def test_reversed_year_range_is_forgiven(searcher):
    assert set(ids(searcher.search("year:2021..2019"))) == {FISHING.id, WAGES.id, THAI.id}


def test_a_lone_exclusion_means_everything_without_it(searcher):
    assert ids(searcher.search("-fishing")) == ids(searcher.search("NOT fishing"))
    assert FISHING.id not in ids(searcher.search("-fishing")) and searcher.search("-fishing").total
