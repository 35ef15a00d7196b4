"""Request parameters -> search arguments, and the URLs that change them.

Shared by the HTML views and the JSON API so both accept exactly the same parameters:
q, country, theme, year, language, type (each repeatable), sort, page, per_page, expand.
Bad numbers are a 400 with a message; out-of-range numbers are clamped (per_page 1..50,
page >= 1, page * per_page <= 1000) so no parameter ever causes a 500.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import request, url_for
from werkzeug.datastructures import MultiDict

from indexer.errors import UsageError
from indexer.search import MAX_DEPTH, MAX_PER_PAGE, MAX_QUERY_LENGTH, SORTS

FACETS = ("country", "theme", "year", "language", "type")
MAX_QUERY = MAX_QUERY_LENGTH  # the library's limit, so CLI and web refuse the same queries
MAX_QUOTE = 5000
MAX_VALUE = 100
MAX_RESULTS = MAX_DEPTH
DEFAULT_PER_PAGE = 10


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    expand: bool = False  # also search glossary equivalents in the region's languages

    def kwargs(self) -> dict:
        return {"filters": self.filters, "sort": self.sort, "page": self.page,
                "per_page": self.per_page, "expand": self.expand}


def _int(args: MultiDict, name: str, default: int) -> int:
    raw = args.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw, 10)
    except ValueError:
        raise UsageError(f"{name} must be a whole number, not {raw[:20]!r}") from None


def query_text(args: MultiDict, name: str = "q", limit: int = MAX_QUERY) -> str:
    """The query with runs of white space collapsed; too long is a 400 with a message."""
    q = " ".join(args.get(name, "").split())
    if len(q) > limit:
        raise UsageError(f"the query is {len(q)} characters long; the limit is {limit}",
                         "shorten it to the most distinctive words")
    return q


def quote_text(args: MultiDict, name: str = "q") -> str:
    """A pasted quote, line breaks kept (hyphenation across lines matters to the matcher)."""
    q = args.get(name, "").strip()
    if len(q) > MAX_QUOTE:
        raise UsageError(f"the quote is {len(q)} characters long; the limit is {MAX_QUOTE}",
                         "paste one or two sentences")
    return q


def parse_search(args: MultiDict | None = None) -> SearchParams:
    """Parse and clamp the search parameters of the current request."""
    args = request.args if args is None else args
    filters: dict[str, tuple[str, ...]] = {}
    for name in FACETS:
        values = tuple(dict.fromkeys(v.strip()[:MAX_VALUE] for v in args.getlist(name)
                                     if v.strip()))
        if values:
            filters[name] = values
    sort = args.get("sort", "").strip() or "relevance"
    if sort not in SORTS:
        raise UsageError(f"sort must be one of {', '.join(SORTS)}, not {sort[:20]!r}")
    per_page = min(max(_int(args, "per_page", DEFAULT_PER_PAGE), 1), MAX_PER_PAGE)
    page = min(max(_int(args, "page", 1), 1), MAX_RESULTS // per_page)
    expand = args.get("expand", "").strip().lower() in ("1", "on", "true", "yes")
    return SearchParams(query_text(args), filters, sort, page, per_page, expand)


def max_page(total: int, per_page: int) -> int:
    return max(1, min(-(-total // per_page), MAX_RESULTS // per_page))


def _args(p: SearchParams, **changes) -> dict:
    """Query-string arguments for `p` with `changes` applied (None drops a key)."""
    out: dict = {"q": p.q or None, **{k: list(v) for k, v in p.filters.items()},
                 "sort": p.sort if p.sort != "relevance" else None,
                 "per_page": p.per_page if p.per_page != DEFAULT_PER_PAGE else None,
                 "page": p.page if p.page != 1 else None,
                 "expand": "1" if p.expand else None}
    out.update(changes)
    return {k: v for k, v in out.items() if v not in (None, [], "")}


def search_url(p: SearchParams, **changes) -> str:
    return url_for("web.search", **_args(p, **changes))


def toggle_url(p: SearchParams, facet: str, value: str) -> str:
    """The search URL with one facet value added or removed; back to result page 1."""
    values = list(p.filters.get(facet, ()))
    values = [v for v in values if v != value] if value in values else values + [value]
    return search_url(p, **{facet: values, "page": None})


def page_window(page: int, last: int, radius: int = 2) -> list[int | None]:
    """Page numbers to link around the current one; None marks a gap."""
    shown = sorted({1, last, *range(max(1, page - radius), min(last, page + radius) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - (out[-1] or 0) > 1:
            out.append(None)
        out.append(n)
    return out
