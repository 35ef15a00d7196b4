"""Issue 5 end to end: for each of the nine languages, a word typed by a user (inside a
compound for the scripts without spaces) finds its page, is highlighted as a whole, and a
sentence copied from the page is found by quote lookup."""

from __future__ import annotations

import pytest
from conftest import build_index, make_report
from test_lang import SENTENCES

from indexer.cite import find_quote
from indexer.lang import detect_languages
from indexer.search import Searcher

# (language, a word or syllable as a user would type it, a quote from the sentence)
CASES = [
    ("en", "deceived", "migrant workers are deceived by brokers"),
    ("th", "ค้ามนุษย์", "แรงงานข้ามชาติจำนวนมากถูกนายหน้าหลอกลวง"),  # inside การค้ามนุษย์
    ("km", "ជួញដូរ", "ពលករចំណាកស្រុកជាច្រើនត្រូវបានឈ្មួញកណ្តាលបោកប្រាស់"),  # inside ការជួញដូរមនុស្ស
    ("lo", "ຄ້າມະນຸດ", "ແຮງງານເຄື່ອນຍ້າຍຈຳນວນຫຼາຍຖືກນາຍໜ້າຫຼອກລວງ"),  # inside ການຄ້າມະນຸດ
    ("my", "ကုန်ကူး", "ရွှေ့ပြောင်းအလုပ်သမားများစွာကို ပွဲစားများက လှည့်စားပြီး"),  # inside လူကုန်ကူးမှု
    ("vi", "lừa gạt", "Nhiều lao động di cư bị môi giới lừa gạt"),
    ("id", "calo", "Banyak pekerja migran ditipu oleh calo"),
    ("ms", "jenayah", "Ramai pekerja asing ditipu oleh ejen"),
    ("tl", "nalilinlang", "Maraming manggagawang migrante ang nalilinlang ng mga recruiter"),
]
REPORTS = {code: make_report(f"{code}.pdf", [SENTENCES[code]], title=f"Report {code}",
                             languages=(code,)) for code in SENTENCES}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return build_index(tmp_path_factory.mktemp("langs"), list(REPORTS.values()))


@pytest.mark.parametrize("code,word,quote", CASES)
def test_word_found_and_highlighted_whole(index, code, word, quote):
    res = Searcher(index).search(word)
    assert REPORTS[code].id in [h.report_id for h in res.results]
    hit = next(h for h in res.results if h.report_id == REPORTS[code].id)
    snippet = hit.pages[0].snippet
    assert f"<mark>{word}" in snippet or f"<mark>{word.capitalize()}" in snippet, snippet


@pytest.mark.parametrize("code,word,quote", CASES)
def test_quote_lookup_in_each_language(index, code, word, quote):
    matches = find_quote(Searcher(index).reader, quote)
    assert matches and matches[0].report_id == REPORTS[code].id and matches[0].exact


@pytest.mark.parametrize("code,word,quote", CASES)
def test_quoted_phrase_in_each_language(index, code, word, quote):
    res = Searcher(index).search(f'"{quote}"')
    assert [h.report_id for h in res.results] == [REPORTS[code].id]


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_identification(code):
    assert detect_languages(SENTENCES[code]) == (code,)


def test_vietnamese_without_tone_marks_finds_the_page(index):
    res = Searcher(index).search("lua gat moi gioi")
    assert [h.report_id for h in res.results] == [REPORTS["vi"].id]
    assert "<mark>môi giới lừa gạt</mark>" in res.results[0].pages[0].snippet


def test_indonesian_is_not_english_stemmed(index):
    # English stemming would cut "dijanjikan" or match "pekerja" to "pekerjaan".
    res = Searcher(index).search("pekerjaan")
    assert REPORTS["id"].id not in [h.report_id for h in res.results]
