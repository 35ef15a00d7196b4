"""Highlighting: the prefix pre-filter finds exactly the words a full tokenisation finds."""

from __future__ import annotations

import random
import re

import pytest

from bench import synth
from indexer import snippets
from indexer.index.analysis import stem_word
from indexer.snippets import match_spans
from indexer.tokens import word_spans

TRICKY = [
    "The labourers' programmes and the Labor Program: labour-intensive LABOUR.",
    "Toys, toy and TOYS; tidy and tidier; the organisation organizes organisations.",
    "O'Brien's report: o'labour, d'Souza; trafficking's toll — trafficked, TRAFFICKING.",
    "Paediatric and pediatric care; ageing and aging; counselling counselors.",
    "x-labour 2019 labour2019 _labour (labour) «labour» “labour” 'labour'",
]


def _pages():
    reps = synth.reports(300)
    return [p for r in reps for p in r.pages][:120] + TRICKY


@pytest.mark.parametrize("seed", range(6))
def test_prefilter_marks_the_same_words_as_a_full_scan(seed, monkeypatch):
    rng = random.Random(seed)
    cases = []
    for text in _pages():
        words = [w for w, _, _ in word_spans(text)]
        picked = rng.sample(words, min(3, len(words)))
        picked += ["labor", "program", "toy", "obrien", "organization", "pediatric", "aging",
                   "counselor", "trafficking", "the", "of"]
        plain = frozenset(rng.sample(picked, 3))
        stems = frozenset(stem_word(w) for w in rng.sample(picked, 3))
        assert not snippets._NEEDS_FULL_SCAN.search(text)
        cases.append((text, plain, stems, snippets.match_spans(text, plain, stems, (), stem_word)))
    monkeypatch.setattr(snippets, "_NEEDS_FULL_SCAN", re.compile(""))  # always scan fully
    for text, plain, stems, fast in cases:
        assert fast == snippets.match_spans(text, plain, stems, (), stem_word), (text[:60], plain)
    assert sum(bool(c[3]) for c in cases) > 50


def test_tricky_words_are_found():
    text = TRICKY[0]
    spans = match_spans(text, frozenset({"labor"}), frozenset(), (), stem_word)
    found = [text[a:b] for a, b in spans]
    assert "labourers" not in found
    assert "labour" in " ".join(found) and "LABOUR" in " ".join(found) and "Labor" in " ".join(found)
    text = TRICKY[1]
    spans = match_spans(text, frozenset(), frozenset({stem_word("toys")}), (), stem_word)
    assert [text[a:b] for a, b in spans] == ["Toys", "TOYS"]  # "toy": too short to stem
    text = TRICKY[2]
    spans = match_spans(text, frozenset({"obrien"}), frozenset(), (), stem_word)
    assert [text[a:b] for a, b in spans] == ["O'Brien's"]
    spans = match_spans(text, frozenset({"labour", "labor"}), frozenset(), (), stem_word)
    assert spans == []  # "o'labour" is one word, not "labour"
