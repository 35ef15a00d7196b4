"""Peer engines doing the same "search page" work on the same synthetic pages.

- `Fts5Peer` (stdlib sqlite3): `fts5(text, tokenize='porter unicode61')`, the top 10 pages by
  `ORDER BY rank LIMIT 10` (rank = bm25) with `snippet()`, the number of matching reports,
  and `GROUP BY` facet counts for country/theme/year/language/type over matching reports.
- `TantivyPeer` (optional, `pip install tantivy`): en_stem text, top 10 + `SnippetGenerator`,
  and terms aggregations (with a report-cardinality sub-aggregation) for the facets.

Both answer `page(query) -> number of matching reports`, timed by the harness.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from .synth import Query, SynthReport, iter_pages

_FACETS = ("country", "theme", "year", "language", "type")


def _facet_rows(r: SynthReport) -> list[tuple[str, str, str]]:
    vals = [("country", r.country), ("year", str(r.year)), ("language", r.language),
            ("type", r.doc_type)] + [("theme", t) for t in r.themes]
    return [(r.rid, f, v) for f, v in vals]


def _q(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


class Fts5Peer:
    name = "fts5"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path, check_same_thread=False)

    def build(self, reports: list[SynthReport]) -> None:
        db = self.db
        db.executescript("""
            CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='porter unicode61');
            CREATE TABLE pages(rowid INTEGER PRIMARY KEY, report TEXT, page INTEGER);
            CREATE TABLE facet(report TEXT, field TEXT, value TEXT);
        """)
        with db:
            for i, (r, n, text) in enumerate(iter_pages(reports), 1):
                db.execute("INSERT INTO fts(rowid, text) VALUES (?, ?)", (i, text))
                db.execute("INSERT INTO pages VALUES (?, ?, ?)", (i, r.rid, n))
            db.executemany("INSERT INTO facet VALUES (?, ?, ?)",
                           [row for r in reports for row in _facet_rows(r)])
            db.execute("CREATE INDEX facet_report ON facet(report)")
            db.execute("CREATE INDEX facet_value ON facet(field, value)")
            db.execute("CREATE INDEX pages_report ON pages(report)")
        db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        db.commit()

    @staticmethod
    def match(q: Query) -> str:
        if q.cls in ("phrase", "quote"):
            return _q(" ".join(re.sub(r"[^\w]", " ", w).strip() for w in q.words))
        if q.cls == "prefix":
            return _q(q.words[0]) + "*"
        return " AND ".join(_q(w) for w in q.words)

    def page(self, q: Query) -> int:
        m = self.match(q)
        flt, args = "", [m]
        if q.country:
            flt = (" AND p.report IN (SELECT report FROM facet WHERE field='country'"
                   " AND value=?)")
            args.append(q.country)
        top = self.db.execute(
            "SELECT p.report, p.page, snippet(fts, 0, '<b>', '</b>', '…', 32) FROM fts"
            " JOIN pages p ON p.rowid = fts.rowid WHERE fts MATCH ?" + flt +
            " ORDER BY rank LIMIT 10", args).fetchall()
        matched = ("SELECT DISTINCT p.report FROM fts JOIN pages p ON p.rowid = fts.rowid"
                   " WHERE fts MATCH ?" + flt)
        facets: dict[str, dict[str, int]] = {f: {} for f in _FACETS}
        for field, value, n in self.db.execute(
                f"SELECT field, value, count(*) FROM facet WHERE report IN ({matched})"
                " GROUP BY field, value", args):
            facets[field][value] = n
        assert len(top) <= 10
        return sum(facets["country"].values())

    def size_bytes(self) -> int:
        return self.path.stat().st_size

    def close(self) -> None:
        self.db.close()


class TantivyPeer:
    name = "tantivy"

    def __init__(self, path: Path) -> None:
        import tantivy

        self.t = tantivy
        self.path = path
        b = tantivy.SchemaBuilder()
        b.add_text_field("text", stored=True, tokenizer_name="en_stem")
        b.add_text_field("report", stored=True, tokenizer_name="raw", fast=True)
        b.add_integer_field("page", stored=True)
        for f in ("country", "theme", "language", "type"):
            b.add_text_field(f, tokenizer_name="raw", fast=True)
        b.add_integer_field("year", fast=True, indexed=True)
        self.schema = b.build()
        path.mkdir(parents=True, exist_ok=True)
        self.index = tantivy.Index(self.schema, path=str(path))
        self.searcher: Any = None

    def build(self, reports: list[SynthReport]) -> None:
        w = self.index.writer(heap_size=128_000_000, num_threads=1)
        for r, n, text in iter_pages(reports):
            w.add_document(self.t.Document(
                text=text, report=r.rid, page=n, country=r.country, theme=list(r.themes),
                language=r.language, type=r.doc_type, year=r.year))
        w.commit()
        w.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()

    def _query(self, q: Query) -> Any:
        t = self.t
        if q.cls == "prefix":
            return t.Query.regex_query(self.schema, "text", re.escape(q.words[0]) + ".*")
        if q.cls in ("phrase", "quote"):
            words = [w for w in (re.sub(r"[^\w]", "", w) for w in q.words) if w]
            return self.index.parse_query('"' + " ".join(words) + '"', ["text"])
        base = self.index.parse_query(" AND ".join(q.words), ["text"])
        if q.country:
            term = t.Query.term_query(self.schema, "country", q.country)
            return t.Query.boolean_query([(t.Occur.Must, base), (t.Occur.Must, term)])
        return base

    def page(self, q: Query) -> int:
        query = self._query(q)
        s = self.searcher
        hits = s.search(query, 10).hits
        gen = self.t.SnippetGenerator.create(s, query, self.schema, "text")
        gen.set_max_num_chars(200)
        for _score, addr in hits:
            gen.snippet_from_doc(s.doc(addr)).to_html()
        aggs = {f: {"terms": {"field": f, "size": 100},
                    "aggs": {"reports": {"cardinality": {"field": "report"}}}} for f in _FACETS}
        aggs["reports"] = {"cardinality": {"field": "report"}}  # type: ignore[assignment]
        res = s.aggregate(query, aggs)
        return int(res["reports"]["value"])

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file())

    def close(self) -> None:
        self.searcher = None
