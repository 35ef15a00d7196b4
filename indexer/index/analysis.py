"""Whoosh analyzers built on `indexer.tokens`.

Whoosh pickles the schema, analyzers included, into the index's table of contents, so
these classes must stay module-level with plain picklable state (libeval.md §4). Renaming
or moving them breaks existing indexes: bump `SCHEMA_VERSION` when you do.
"""

from __future__ import annotations

from functools import lru_cache

from whoosh.analysis import Composable, Filter, Token, Tokenizer
from whoosh.lang.porter import stem

from .. import function_words
from ..tokens import token_list


class ReportTokenizer(Tokenizer):
    """Words for spaced scripts, character bigrams for Thai/Lao/Khmer/Burmese runs."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize_=True, mode="",
                 **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for tok in token_list(value):
            t.text = tok.text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = value[tok.start : tok.end]
            if positions:
                t.pos = start_pos + tok.pos
            if chars:
                t.startchar = start_char + tok.start
                t.endchar = start_char + tok.end
            yield t


class EnglishStemFilter(Filter):
    """Porter-stem plain ASCII words only: Indonesian or Thai tokens pass untouched."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = stem_word(t.text)
            yield t


PAIR_JOINER = "_"  # never inside a token: the tokenizer splits on "_"

# Function words of the region's space-separated languages (English, Indonesian, Malay,
# Filipino "o" ("or") included, Vietnamese). Phrases through them ("victims of
# trafficking", "the principle") are the slow ones: their position lists are on nearly
# every page. Changing this set changes the index: bump SCHEMA_VERSION.
COMMON_WORDS = function_words.ENGLISH | function_words.OTHER | {"o"}


class PairTokenizer(Tokenizer):
    """Word pairs that involve a common word ("victims_of", "of_trafficking").

    Whoosh checks phrases by intersecting position lists in Python: ~1 s for common words
    at 20k pages (perf-feasibility.md §1). Indexing *every* pair fixed that but cost 2.7x
    indexing time, 2.3x writer memory and a 5x larger index (measured at 5k pages), so only
    pairs with a common word are indexed (CommonGrams, as in Lucene/Solr): those are the
    slow phrases. A phrase of two rarer words keeps the positional check, which is fast
    because one of its position lists is short.
    """

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize_=True, mode="",
                 **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        prev = None
        for tok in token_list(value):
            if tok.sea:
                prev = None
                continue
            if prev is not None and (prev.text in COMMON_WORDS or tok.text in COMMON_WORDS):
                t.text = prev.text + PAIR_JOINER + tok.text
                t.boost = 1.0
                t.stopped = False
                if positions:
                    t.pos = start_pos + prev.pos
                if chars:
                    t.startchar = start_char + prev.start
                    t.endchar = start_char + tok.end
                yield t
            prev = tok


def pair_analyzer() -> Composable:
    return PairTokenizer()


def plain_analyzer() -> Composable:
    """Folded words and SEA bigrams, no stemming: exact phrases and quote lookup."""
    return ReportTokenizer()


def english_analyzer() -> Composable:
    """As `plain_analyzer`, plus English stemming ("trafficked" finds "trafficking")."""
    return ReportTokenizer() | EnglishStemFilter()


@lru_cache(maxsize=131072)
def stem_word(word: str) -> str:
    """The stemmed index form of an already normalised word (for highlighting)."""
    return stem(word) if word.isascii() and word.isalpha() and len(word) > 3 else word
