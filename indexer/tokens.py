"""Tokenization shared by the index analyzers, the highlighter and quote lookup.

Pure Python, no Whoosh: the index wraps `tokenize` in a Whoosh tokenizer, the
highlighter runs the very same function over page text so a highlighted word is exactly a
matched word.

- Latin, Vietnamese, Indonesian and other space-separated scripts: words, lower-cased,
  Latin accents folded ("Việt" -> "viet"), British spellings mapped to American ones
  ("labour" -> "labor") so either spelling finds both.
- Thai, Lao, Khmer and Burmese write words without spaces: each run of those scripts is
  cut into overlapping character bigrams ("การค้า" -> "กา", "าร", "รค", ...), so any
  syllable or word a user types, even inside a compound, is a phrase of bigrams that
  matches (libeval.md §4: 16/16 recall against 13/16 for ICU word breaks).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from .normalize import strip_accents

# Scripts written without spaces between words.
SEA_CHARS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f"
TOKEN = re.compile(
    rf"(?P<sea>[{SEA_CHARS}]+)"
    rf"|(?P<word>[^\W_{SEA_CHARS}](?:[^\W_{SEA_CHARS}]|[\u0300-\u036f]|['\u2019](?=[^\W_{SEA_CHARS}]))*)"
)
SEA_RUN = re.compile(rf"[{SEA_CHARS}]+")

# British -> American spellings (stems of the field's vocabulary); inflected forms are
# generated below so "labours", "labourers" and "programmes" are covered too.
_SPELLING_STEMS = {
    "labour": "labor", "behaviour": "behavior", "harbour": "harbor", "neighbour": "neighbor",
    "favour": "favor", "honour": "honor", "colour": "color", "endeavour": "endeavor",
    "programme": "program", "centre": "center", "defence": "defense", "offence": "offense",
    "licence": "license", "judgement": "judgment", "travelling": "traveling",
    "counselling": "counseling", "counsellor": "counselor", "enrolment": "enrollment",
    "fulfil": "fulfill", "paediatric": "pediatric", "ageing": "aging",
}
_SUFFIXES = ("", "s", "ed", "ing", "er", "ers", "d", "r", "rs")
_ISATION = re.compile(r"^(\w{3,})is(ation|ations|e|es|ed|ing|er|ers)$")
_NOT_ISE = frozenset({"premise", "premises", "promise", "promised", "promises", "promising",
                      "expertise", "exercise", "exercised", "exercises", "advertise",
                      "advertised", "advertising", "enterprise", "enterprises", "franchise",
                      "merchandise", "compromise", "compromised", "surprise", "surprised",
                      "supervise", "supervised", "supervising", "supervises", "revise",
                      "revised", "devise", "devised", "comprise", "comprises", "comprised",
                      "comprising", "rise", "rises", "wise", "otherwise", "likewise",
                      "raise", "raised", "raising", "praise", "noise", "poise", "concise",
                      "precise", "excise", "televise", "televised", "disguise", "arise",
                      "arises", "arising", "chastise", "despise", "improvise", "treatise",
                      "paradise", "demise", "incise", "bruise", "cruise", "cruises",
                      "cruising", "anise", "guise", "mise", "vise", "advise", "advised",
                      "advising", "advises", "adviser", "advisers"})
SPELLING: dict[str, str] = {}
for _uk, _us in _SPELLING_STEMS.items():
    for _suffix in _SUFFIXES:
        if _uk.endswith("e") and _suffix in ("ed", "ing", "er", "ers"):
            SPELLING[_uk[:-1] + _suffix] = _us.rstrip("e") + _suffix
        SPELLING.setdefault(_uk + _suffix, _us + _suffix)


class Tok(NamedTuple):
    """One token: its normalised text, position and character span in the source.

    A NamedTuple rather than a frozen dataclass: millions are made while indexing, and
    tuple creation is several times cheaper.
    """

    text: str
    pos: int
    start: int
    end: int
    sea: bool  # a bigram (or single letter) from a Thai/Lao/Khmer/Burmese run


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """Lower-case, fold Latin accents and map British spellings: the index form of a word."""
    word = strip_accents(word.lower()).replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    mapped = SPELLING.get(word)
    if mapped:
        return mapped
    m = _ISATION.match(word)
    if m and word not in _NOT_ISE:
        return f"{m.group(1)}iz{m.group(2)}"
    return word


@lru_cache(maxsize=16)
def token_list(text: str) -> tuple[Tok, ...]:
    """All tokens of `text`, cached: the indexer analyses each page text twice (plain and
    stemmed fields) and each report's title and summary once per page."""
    return tuple(tokenize(text))


def tokenize(text: str) -> Iterator[Tok]:
    """Yield the tokens of `text` in order, with consecutive positions."""
    pos = 0
    for m in TOKEN.finditer(text):
        run = m.group("sea")
        if run is None:
            word = normalize_word(m.group())
            if word:
                yield Tok(word, pos, m.start(), m.end(), False)
                pos += 1
            continue
        start = m.start()
        if len(run) == 1:
            yield Tok(run, pos, start, start + 1, True)
            pos += 1
            continue
        for i in range(len(run) - 1):
            yield Tok(run[i : i + 2], pos, start + i, start + i + 2, True)
            pos += 1


def word_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """(index form, start, end) of each space-separated-script word; SEA runs skipped.

    The highlighter's fast path: no bigrams, no token objects.
    """
    for m in TOKEN.finditer(text):
        if m.lastgroup == "word":
            word = normalize_word(m.group())
            if word:
                yield word, m.start(), m.end()


def words(text: str) -> list[str]:
    """Just the token texts (convenience for tests and quote lookup)."""
    return [t.text for t in tokenize(text)]
