"""Cross-lingual glossary of the field for opt-in query expansion (docs/languages.md).

Pure Python, no Whoosh. `data/glossary.csv` has one concept per row and one column per
language (`en,th,km,lo,my,vi,id,ms,tl`); a cell may hold alternatives separated by `|`, and
the `source` column says where the translations come from. Terms are matched in their index
form: Latin-script words through `indexer.tokens.normalize_word` ("Labour" = "labor",
"Việt" = "viet", "non-punishment" = "non punishment"), Thai/Khmer/Lao/Burmese with spaces
removed, since those scripts do not separate words.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from indexer.tokens import SEA_RUN, words

LANGUAGES = ("en", "th", "km", "lo", "my", "vi", "id", "ms", "tl")
MAX_WORDS = 4  # the longest query phrase tried as one glossary term
GLOSSARY_CSV = Path(__file__).resolve().parent / "data" / "glossary.csv"


@dataclass(frozen=True)
class Entry:
    """One concept: its terms per language and where the translations come from."""

    terms: dict[str, tuple[str, ...]]
    source: str


@dataclass(frozen=True)
class Expansion:
    """Query words `start:end` matched a glossary term in `language`."""

    start: int
    end: int  # exclusive
    language: str
    equivalents: dict[str, tuple[str, ...]]  # every language's terms, the matched one included


def term_key(text: str) -> str:
    """The form a term is looked up by: folded Latin words, or SEA script without spaces."""
    text = unicodedata.normalize("NFKC", text).strip()
    if SEA_RUN.search(text):
        return "".join(text.split()).replace("\u200b", "")
    return " ".join(words(text))


class Glossary:
    """Lookup from any language's term to its equivalents in all languages."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = tuple(entries)
        self._index: dict[str, list[tuple[Entry, str]]] = {}
        for entry in entries:
            for lang, terms in entry.terms.items():
                for term in terms:
                    hits = self._index.setdefault(term_key(term), [])
                    if not any(e is entry for e, _ in hits):
                        hits.append((entry, lang))

    def _lookup(self, key: str) -> list[tuple[Entry, str]]:
        hits = self._index.get(key)
        if hits is None and key.endswith("s") and not SEA_RUN.search(key):
            hits = self._index.get(key[:-1])  # "vessels", "shelters": a plain English plural
        return hits or []

    def equivalents(self, text: str) -> dict[str, tuple[str, ...]]:
        """Terms per language for a word or phrase in any language; {} if not in the glossary."""
        return _merge([entry for entry, _ in self._lookup(term_key(text))])

    def expand_query_terms(self, query_words: list[str]) -> list[Expansion]:
        """Glossary terms in a word sequence, longest first from left to right (greedy)."""
        found: list[Expansion] = []
        i = 0
        while i < len(query_words):
            for n in range(min(MAX_WORDS, len(query_words) - i), 0, -1):
                hits = self._lookup(term_key(" ".join(query_words[i : i + n])))
                if hits:
                    found.append(Expansion(i, i + n, hits[0][1], _merge([e for e, _ in hits])))
                    i += n
                    break
            else:
                i += 1
        return found


def _merge(entries: list[Entry]) -> dict[str, tuple[str, ...]]:
    merged: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        for lang, terms in entry.terms.items():
            merged[lang] = tuple(dict.fromkeys((*merged.get(lang, ()), *terms)))
    return merged


def parse_glossary(path: Path) -> Glossary:
    """Read a glossary CSV (header `en,...,tl,source`); empty cells are unknown translations."""
    entries = []
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            terms = {
                lang: tuple(t.strip() for t in (row.get(lang) or "").split("|") if t.strip())
                for lang in LANGUAGES
            }
            entries.append(Entry({k: v for k, v in terms.items() if v}, row["source"].strip()))
    return Glossary(entries)


@lru_cache(maxsize=1)
def load_glossary() -> Glossary:
    """The glossary shipped with the package, parsed once per process."""
    return parse_glossary(GLOSSARY_CSV)
