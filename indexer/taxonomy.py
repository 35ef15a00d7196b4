"""Countries and themes: canonical names, aliases in the region's languages, and counting.

The alias and keyword lists are package data (`indexer/data/countries.json`,
`indexer/data/themes.json`) so they can grow without touching code. The same normalisers
serve metadata derivation, metadata.csv overrides and query filters, so "Burma" typed in a
search box and "Myanmar" found in a PDF end up as one facet value.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from indexer.normalize import strip_accents

# A country is kept when the title names it, or it is a real part of the text: mentioned
# at least twice and 15% of all country mentions, or 5 times and 5% (long regional reports).
MIN_COUNTRY_SHARE, MIN_COUNTRY_WEIGHT = 0.15, 2.0
MIN_COUNTRY_SHARE_LONG, MIN_COUNTRY_WEIGHT_LONG = 0.05, 5.0
MAX_COUNTRIES = 8
# In a short text (a factsheet, a brief) whose country mentions weigh less than this in all,
# every country named at least once (weight 1: one name or two adjectives) is kept: there
# one mention is all the emphasis a country gets.
SPARSE_COUNTRY_TOTAL, MIN_COUNTRY_WEIGHT_SPARSE = 12.0, 1.0
# A theme is kept when its weighted keyword hits reach 4 and a quarter of the top theme's.
MIN_THEME_SCORE, MIN_THEME_RATIO, MAX_THEMES = 4.0, 0.25, 4

_ADJECTIVE_WEIGHT = 0.5
_LATIN_ALIAS = re.compile(r"^[\x00-\u024f\u1e00-\u1eff]+$")
# "Lao động" is Vietnamese for "labour": not a mention of Laos.
_NOT_VIETNAMESE_LABOUR = r"(?![ \u00a0]+(?:động|ĐỘNG|Động))"


def _fold(text: str) -> str:
    """Lookup key for names typed by people: no case, accents or curly apostrophes."""
    return strip_accents(text).casefold().replace("\u2019", "'")


def _load(name: str) -> dict[str, dict[str, Any]]:
    data = json.loads(resources.files("indexer").joinpath(f"data/{name}.json").read_text("utf-8"))
    return data[name]


def _trie(words: Iterable[str]) -> str:
    """One regex for many literals, shared prefixes factored out, longer matches first.

    A flat "a|b|c" alternation of hundreds of aliases costs a try per alias at every
    character (about 5 s per MB of text); a trie fails on the first character instead.
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [_char(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root) or "(?!)"


def _char(ch: str) -> str:
    """A space in an alias matches any whitespace: PDF text breaks lines anywhere."""
    return r"\s+" if ch == " " else re.escape(ch)


@dataclass(frozen=True)
class _Matcher:
    """Literal aliases -> (canonical name, weight); Latin ones match on word boundaries.

    Thai, Khmer, Lao and Burmese are written without spaces between words, so their
    aliases match as substrings. With `ignore_case`, keys are lower case and a Latin
    literal may take a plural ending ("scams"); `stems` may take any ending.
    """

    targets: dict[str, tuple[str, float]]
    stems: frozenset[str]
    latin: re.Pattern[str]
    other: re.Pattern[str]
    ignore_case: bool

    @classmethod
    def build(
        cls, targets: dict[str, tuple[str, float]], stems: Iterable[str], ignore_case: bool
    ) -> _Matcher:
        latin = [a for a in targets if _LATIN_ALIAS.match(a)]
        other = [a for a in targets if not _LATIN_ALIAS.match(a)]
        flags = re.IGNORECASE if ignore_case else 0
        guard = "" if ignore_case else _NOT_VIETNAMESE_LABOUR
        return cls(
            targets,
            frozenset(stems),
            re.compile(rf"\b({_trie(latin)})(\w*){guard}", flags),
            re.compile(_trie(other), flags),
            ignore_case,
        )

    def weights(self, text: str, damp: bool = False) -> dict[str, float]:
        """Summed weights per name; `damp` counts a keyword by the square root of its hits,
        so one phrase repeated on every page ("child labor") cannot drown the rest."""
        text = unicodedata.normalize("NFC", text)
        hits = [(m.group(1), m.group(2)) for m in self.latin.finditer(text)]
        hits += [(m.group(0), "") for m in self.other.finditer(text)]
        counts: Counter[str] = Counter()
        for literal, rest in hits:
            literal = " ".join(literal.split())
            key = literal.lower() if self.ignore_case else literal
            if rest and key not in self.stems and not (self.ignore_case and rest in ("s", "es")):
                continue  # "scampi" is not "scam", "Thailandia" is not "Thailand"
            counts[key] += 1
        found: dict[str, float] = {}
        for key, count in counts.items():
            name, weight = self.targets[key]
            found[name] = found.get(name, 0.0) + weight * (math.sqrt(count) if damp else count)
        return found


@cache
def _countries() -> tuple[_Matcher, dict[str, str], frozenset[str]]:
    """Case-sensitive matcher (plus ALL-CAPS forms), a folded alias table, ASEAN members.

    Case matters: Vietnamese "lao" (labour) and "thai" (pregnancy) are not countries.
    """
    targets: dict[str, tuple[str, float]] = {}
    lookup: dict[str, str] = {}
    asean = set()
    for canonical, entry in _load("countries").items():
        lookup[_fold(canonical)] = canonical
        if entry.get("asean"):
            asean.add(canonical)
        for key, weight in (("names", 1.0), ("adjectives", _ADJECTIVE_WEIGHT)):
            for alias in entry[key]:
                for form in (alias, alias.upper()):
                    targets[form] = (canonical, weight)
                if key == "names":
                    lookup[_fold(alias).removeprefix("the ")] = canonical
    return _Matcher.build(targets, (), ignore_case=False), lookup, frozenset(asean)


@cache
def _themes() -> tuple[_Matcher, dict[str, str]]:
    """Case-insensitive keyword matcher and a folded alias table for theme names."""
    targets: dict[str, tuple[str, float]] = {}
    stems: set[str] = set()
    lookup: dict[str, str] = {}
    for canonical, entry in _load("themes").items():
        for name in [canonical, *entry["aliases"]]:
            lookup[_theme_key(name)] = canonical
        for keyword, weight in entry["keywords"].items():
            literal = keyword.lower().rstrip("*")
            targets[literal] = (canonical, float(weight))
            if keyword.endswith("*"):
                stems.add(literal)
    return _Matcher.build(targets, stems, ignore_case=True), lookup


def _theme_key(name: str) -> str:
    key = _fold(name).replace("_", " ").replace("-", " ").replace("&", " and ")
    return " ".join(key.split())


def normalize_country(name: str) -> str | None:
    """Canonical country name for an alias in any supported language, or None if unknown.

    >>> normalize_country("Lao PDR"), normalize_country("burma"), normalize_country("Việt Nam")
    ('Laos', 'Myanmar', 'Viet Nam')
    """
    return _countries()[1].get(_fold(" ".join(name.split())).removeprefix("the "))


def is_asean(country: str) -> bool:
    """Whether a canonical country name is one of the 11 ASEAN members (with Timor-Leste)."""
    return country in _countries()[2]


def normalize_theme(name: str) -> str | None:
    """Canonical theme for a name, slug or alias ("forced-labor", "scams", "covid")."""
    return _themes()[1].get(_theme_key(name))


def country_mentions(text: str) -> dict[str, float]:
    """Weighted mentions per canonical country: names count 1, adjectives ("Thai") 0.5."""
    return _countries()[0].weights(text)


def theme_scores(text: str) -> dict[str, float]:
    """Weighted keyword hits per theme, each keyword counted by the square root of its hits."""
    return _themes()[0].weights(text, damp=True)


def pick_countries(text: str, title: str = "") -> tuple[str, ...]:
    """Countries prominent in `text`, plus any named in the title, most mentioned first."""
    weights = country_mentions(text)
    in_title = set(country_mentions(title))
    total = sum(weights.values())
    sparse = total < SPARSE_COUNTRY_TOTAL
    kept = [
        c
        for c, w in weights.items()
        if c in in_title
        or (w >= MIN_COUNTRY_WEIGHT and w / total >= MIN_COUNTRY_SHARE)
        or (w >= MIN_COUNTRY_WEIGHT_LONG and w / total >= MIN_COUNTRY_SHARE_LONG)
        or (sparse and w >= MIN_COUNTRY_WEIGHT_SPARSE)
    ]
    kept += sorted(in_title - set(kept))
    order = {c: i for i, c in enumerate(weights)}  # first mention first among equals
    ranked = sorted(kept, key=lambda c: (c not in in_title, -weights.get(c, 0.0), order.get(c, 0), c))
    return tuple(ranked[:MAX_COUNTRIES])


def pick_themes(text: str) -> tuple[str, ...]:
    """Up to MAX_THEMES themes whose weighted hits clear the absolute and relative bars."""
    scores = theme_scores(text)
    if not scores:
        return ()
    top = max(scores.values())
    kept = [t for t, s in scores.items() if s >= MIN_THEME_SCORE and s >= MIN_THEME_RATIO * top]
    return tuple(sorted(kept, key=lambda t: (-scores[t], t))[:MAX_THEMES])
