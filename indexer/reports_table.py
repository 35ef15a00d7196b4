"""Report metadata as arrays: filters, facet counts and report ranking over matched pages.

Built once per index commit from the cached report records. A search's matching pages
(document numbers with scores) become a mask over reports with one array lookup, each
filter is a mask, and a facet is one `bincount` over (report, value) pairs: the cost no
longer grows with the number of matching reports in Python (it was ~1/4 of a broad
query's search page at 20k pages). The semantics are those of `Filters.passes` and
`record_values`, which stay the reference (tests compare both).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from .filters import Filters, record_values
from .index.reader import ReportOf
from .index.schema import FACET_FIELDS


class _FieldValues:
    """One facet field: each report's values as (report index, value index) pairs."""

    def __init__(self, per_report: Sequence[list[str]]) -> None:
        self.values: list[str] = sorted({v for vals in per_report for v in vals})
        index = {v: i for i, v in enumerate(self.values)}
        reps, vals = [], []
        for r, values in enumerate(per_report):
            for v in dict.fromkeys(values):
                reps.append(r)
                vals.append(index[v])
        self.rep = np.asarray(reps, dtype=np.int64)
        self.val = np.asarray(vals, dtype=np.int64)
        self.lower = [v.lower() for v in self.values]

    def mask_for(self, wanted: set[str], n_reports: int) -> np.ndarray:
        """Reports having any of the (lower-case, canonical) wanted values."""
        hit_vals = np.asarray([i for i, v in enumerate(self.lower) if v in wanted], dtype=np.int64)
        mask = np.zeros(n_reports, dtype=bool)
        if len(hit_vals):
            mask[self.rep[np.isin(self.val, hit_vals)]] = True
        return mask

    def counts(self, reports: np.ndarray) -> dict[str, int]:
        """Reports per value among the reports in the boolean mask `reports`."""
        if not len(self.val):
            return {}
        c = np.bincount(self.val[reports[self.rep]], minlength=len(self.values))
        return {self.values[i]: int(c[i]) for i in np.flatnonzero(c)}


class ReportsTable:
    """Per-commit arrays over reports; report index i is `self.ids[i]`."""

    def __init__(self, records: Iterable[tuple[str, dict]], report_of: ReportOf,
                 report_docs: frozenset[int]) -> None:
        # One pass keeping only what the table needs: holding every decoded record at once
        # was the server's peak memory at 80k pages (~8.5 kB a report).
        self.ids: list[str] = []
        values: dict[str, list[list[str]]] = {f: [] for f in FACET_FIELDS}
        years: list[int] = []
        titles: list[str] = []
        for rid, rec in records:
            self.ids.append(rid)
            for f in FACET_FIELDS:
                values[f].append(record_values(rec, f))
            years.append(rec["metadata"].get("year") or -1)
            titles.append(rec["metadata"]["title"].casefold())
        self.index = {rid: i for i, rid in enumerate(self.ids)}
        remap = np.asarray([self.index.get(r, -1) for r in report_of.names] or [-1],
                           dtype=np.int64)
        doc_rep = remap[report_of.codes]  # the reader's per-page codes, as report indices
        if report_docs:
            doc_rep[np.fromiter(report_docs, dtype=np.int64)] = -1  # records aren't pages
        self.doc_rep = doc_rep
        self.fields = {f: _FieldValues(values[f]) for f in FACET_FIELDS}
        self.year = np.asarray(years, dtype=np.int64)
        by_title = sorted(range(len(titles)), key=lambda i: (titles[i], self.ids[i]))
        self.title_rank = np.empty(len(titles), dtype=np.int64)
        self.title_rank[by_title] = np.arange(len(titles))

    def __len__(self) -> int:
        return len(self.ids)

    def reports_of(self, docnums: np.ndarray) -> np.ndarray:
        """Boolean mask of the reports owning any of `docnums` (report records ignored)."""
        mask = np.zeros(len(self.ids), dtype=bool)
        reps = self.doc_rep[docnums]
        mask[reps[reps >= 0]] = True
        return mask

    def filter_masks(self, flt: Filters) -> dict[str, np.ndarray]:
        """One mask per active filter field (OR within the field)."""
        masks = {f: self.fields[f].mask_for(wanted, len(self.ids))
                 for f, wanted in flt.canonical().items()}
        if flt.year_ranges():
            ok = np.zeros(len(self.ids), dtype=bool)
            for lo, hi in flt.year_ranges():
                ok |= (self.year >= lo) & (self.year <= hi)
            masks["year"] = ok
        return masks

    @staticmethod
    def passing(masks: Mapping[str, np.ndarray], base: np.ndarray,
                skip: str | None = None) -> np.ndarray:
        out = base.copy()
        for field, m in masks.items():
            if field != skip:
                out &= m
        return out

    def facets(self, matched: np.ndarray, masks: Mapping[str, np.ndarray]) -> dict[str, dict[str, int]]:
        """Counts per facet value over the matched reports and every *other* filter."""
        facets: dict[str, dict[str, int]] = {}
        for field in FACET_FIELDS:
            counts = self.fields[field].counts(self.passing(masks, matched, skip=field))
            key = (lambda kv: (-int(kv[0]), 0)) if field == "year" else (lambda kv: (-kv[1], kv[0]))
            facets[field] = dict(sorted(counts.items(), key=key))
        return facets

    def ordered(self, reports: np.ndarray, sort: str) -> list[str]:
        """The reports in the mask, by "title" (A–Z) or year ("newest" / "oldest"; no year
        last; ties by title), ties finally by report id."""
        idx = np.flatnonzero(reports)
        if sort == "title":
            keys: tuple = (self.title_rank[idx],)
        else:
            year = self.year[idx]
            sign = -1 if sort == "newest" else 1
            keys = (self.title_rank[idx], sign * np.maximum(year, 0), year < 0)
        return [self.ids[i] for i in idx[np.lexsort(keys)].tolist()]

    def best_reports(self, ids: np.ndarray, scores: np.ndarray, ok: np.ndarray,
                     limit: int) -> list[tuple[str, float]]:
        """(report id, best page score), ranked by that page (ties: lower docnum first),
        `ok` reports only."""
        reps = self.doc_rep[ids]
        keep = reps >= 0
        keep[keep] = ok[reps[keep]]
        ids, scores, reps = ids[keep], scores[keep], reps[keep]
        if not len(ids):
            return []
        order = np.argsort(-scores, kind="stable")  # ids ascend: ties keep lower docnum first
        ranked_reps = reps[order]
        _, first = np.unique(ranked_reps, return_index=True)
        first = np.sort(first)[:limit]
        return [(self.ids[r], s) for r, s in
                zip(ranked_reps[first].tolist(), scores[order][first].tolist(), strict=True)]

    def docs_by_report(self, ids: np.ndarray, rids: Sequence[str]) -> dict[str, list[int]]:
        """The given reports' docnums among `ids`, ascending."""
        wanted = np.asarray([self.index[r] for r in rids], dtype=np.int64)
        reps = self.doc_rep[ids]
        sel = np.isin(reps, wanted)
        out: dict[str, list[int]] = {r: [] for r in rids}
        for d, r in zip(ids[sel].tolist(), reps[sel].tolist(), strict=True):
            out[self.ids[r]].append(d)
        return out
