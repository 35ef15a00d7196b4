"""Report filters (country, theme, year, language, type), applied to report records.

Filtering the cached records in Python makes "a facet count equals the number of reports
its filter returns" true by construction, and keeps filter values in one canonical form
whatever the user typed ("Burma", "ไทย", "forced-labor").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .errors import UsageError
from .index.schema import FACET_FIELDS
from .lang import LANGUAGE_NAMES, LANGUAGE_NAMES_EN
from .taxonomy import normalize_country, normalize_theme

_YEAR = re.compile(r"^(\d{4})(?:\s*(?:\.\.|-|–| TO )\s*(\d{4}))?$")


def normalize_filter_value(field: str, value: str) -> str:
    """A user's filter value in the index's canonical form ("Burma" -> "myanmar")."""
    value = value.strip()
    if field == "country":
        return (normalize_country(value) or value).lower()
    if field == "theme":
        return (normalize_theme(value) or value).lower()
    if field == "language":
        low = value.lower()
        for names in (LANGUAGE_NAMES, LANGUAGE_NAMES_EN):
            for code, name in names.items():
                if low in (code, name.lower()):
                    return code
        return low
    return value.lower()


def record_values(rec: dict, field: str) -> list[str]:
    meta = rec["metadata"]
    if field == "year":
        return [str(meta["year"])] if meta.get("year") else []
    if field == "type":
        return [meta.get("doc_type") or "report"]
    key = {"country": "countries", "theme": "themes", "language": "languages"}[field]
    return list(meta.get(key) or ())


class Filters:
    """Validated filters: OR within a field, AND across fields."""

    def __init__(self, raw: Mapping[str, Sequence[str] | str] | None) -> None:
        self.values: dict[str, tuple[str, ...]] = {}
        self._years: list[tuple[int, int]] = []
        for field, vals in (raw or {}).items():
            if field not in FACET_FIELDS:
                raise UsageError(f"unknown filter {field!r}", "use one of: " + ", ".join(FACET_FIELDS))
            vals = [vals] if isinstance(vals, str) else [v for v in vals if v and v.strip()]
            if not vals:
                continue
            if field == "year":
                for v in vals:
                    m = _YEAR.match(v.strip())
                    if not m:
                        raise UsageError(f"year filter {v!r} is not a year or range",
                                         "write 2021 or 2019..2023")
                    lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
                    self._years.append((min(lo, hi), max(lo, hi)))
                self.values[field] = tuple(v.strip() for v in vals)
            else:
                self.values[field] = tuple(dict.fromkeys(v.strip() for v in vals))
        self._canon = {f: {normalize_filter_value(f, v) for v in vs}
                       for f, vs in self.values.items() if f != "year"}

    def canonical(self) -> dict[str, set[str]]:
        """Wanted values per field (lower-case, canonical), year excluded."""
        return self._canon

    def year_ranges(self) -> list[tuple[int, int]]:
        return self._years

    def passes(self, rec: dict, skip: str | None = None) -> bool:
        for field, wanted in self._canon.items():
            if field == skip:
                continue
            have = {v.lower() for v in record_values(rec, field)}
            if not have & wanted:
                return False
        if self._years and skip != "year":
            year = rec["metadata"].get("year")
            if year is None or not any(lo <= year <= hi for lo, hi in self._years):
                return False
        return True
