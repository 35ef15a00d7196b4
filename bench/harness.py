"""The measures: extraction, indexing, the search page (ours and peers), HTTP, memory.

Every measure is repeated `reps` times and reported as the median and p95 over the runs
(p95 = sorted[int(0.95·(n−1))], as in docs/reference perf-anchors). Search latency follows
the anchors' protocol: all engines open in one process, untimed warm-up, then per rep
every engine runs every query, the engine going first rotating each rep; per-class p50/p95
are taken per rep and the median over reps is reported.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import http as bhttp
from .fts5 import Fts5Peer, TantivyPeer
from .synth import CLASSES, Query, SynthReport

PROJECT = Path(__file__).resolve().parent.parent


@dataclass
class Config:
    pages: int = 20_000
    reps: int = 3
    queries: int = 50
    out: Path = PROJECT / "bench" / "results"
    skip_http: bool = False
    skip_pdf: bool = False
    tantivy: bool = False
    http_seconds: float = 10.0
    clients: int = 4
    profile: bool = True
    pdf_dirs: list[Path] = field(default_factory=list)


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[int(p * (len(s) - 1))]


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "p95": pct(values, 0.95), "runs": values}


def default_pdf_dirs() -> list[Path]:
    dirs = [PROJECT / "corpus"]
    extra = os.environ.get("REPORTSEARCH_REAL_PDFS")
    if extra:
        dirs.append(Path(extra))
    return dirs


# -- 1. extraction + 2b. incremental ------------------------------------------------------
def _bare_pypdf(pdfs: list[Path]) -> tuple[int, float]:
    from pypdf import PdfReader

    t0, pages = time.perf_counter(), 0
    for p in pdfs:
        try:
            for page in PdfReader(p).pages:
                page.extract_text()
                pages += 1
        except Exception:  # a broken PDF counts as zero pages, as for a bare loop
            continue
    return pages, time.perf_counter() - t0


def _ours(dirs: list[Path], workers: int, tmp: Path) -> tuple[int, float, float]:
    """Pages and seconds of a full `index_corpus` per folder, then of a no-op rerun."""
    from indexer.pipeline import index_corpus

    pages, full_s, noop_s = 0, 0.0, 0.0
    for i, d in enumerate(dirs):
        ix = tmp / f"ix{i}"
        shutil.rmtree(ix, ignore_errors=True)
        t0 = time.perf_counter()
        s = index_corpus(d, ix, full=True, workers=workers)
        full_s += time.perf_counter() - t0
        pages += s.pages
        t0 = time.perf_counter()
        again = index_corpus(d, ix, workers=workers)
        noop_s += time.perf_counter() - t0
        assert again.indexed == 0, f"no-op rerun re-indexed {again.indexed} files in {d}"
    return pages, full_s, noop_s


def measure_extraction(cfg: Config, tmp: Path) -> dict:
    dirs = cfg.pdf_dirs or default_pdf_dirs()
    pdfs = sorted(p for d in dirs for p in d.rglob("*") if p.suffix.lower() == ".pdf")
    ncpu = os.cpu_count() or 1
    rows: dict[str, list[float]] = {"bare_pypdf": [], "ours_w1": [], f"ours_w{ncpu}": []}
    noop: list[float] = []
    full: list[float] = []
    pages = {}
    for _ in range(cfg.reps):
        n, s = _bare_pypdf(pdfs)
        pages["bare_pypdf"] = n
        rows["bare_pypdf"].append(n / s)
        for w in (1, ncpu):
            n, s, ns = _ours(dirs, w, tmp)
            pages[f"ours_w{w}"] = n
            rows[f"ours_w{w}"].append(n / s)
            if w == ncpu:
                full.append(s)
                noop.append(ns)
    out = {"dirs": [str(d) for d in dirs], "files": len(pdfs), "pages": pages,
           "pages_per_s": {k: summary(v) for k, v in rows.items()},
           "incremental": {"full_s": summary(full), "noop_s": summary(noop),
                           "noop_over_full": statistics.median(noop) / statistics.median(full)}}
    bare = statistics.median(rows["bare_pypdf"])
    out["ours_over_bare"] = {k: statistics.median(v) / bare for k, v in rows.items()
                             if k != "bare_pypdf"}
    return out


# -- 2. indexing (subprocess: per-process peak memory) -------------------------------------
def measure_indexing(cfg: Config, tmp: Path) -> tuple[dict, Path]:
    runs = []
    path = tmp / "ix-0"
    for i in range(cfg.reps):
        path = tmp / f"ix-{i}"
        res = subprocess.run([sys.executable, "-m", "bench.synth", "build", str(cfg.pages),
                              str(path)], cwd=PROJECT, capture_output=True, text=True, check=True)
        runs.append(json.loads(res.stdout.strip().splitlines()[-1]))
        if i < cfg.reps - 1:
            shutil.rmtree(path, ignore_errors=True)
    return {"pages": cfg.pages, "reports": runs[-1]["reports"],
            "pages_per_s": summary([r["pages_per_s"] for r in runs]),
            "seconds": summary([r["seconds"] for r in runs]),
            "index_mb": runs[-1]["index_bytes"] / 2**20,
            "vm_hwm_mb": summary([r["vm_hwm_mb"] for r in runs])}, path


# -- 3. the search page ---------------------------------------------------------------------
class Ours:
    """Our search page with the term cache emptied before every query (the conservative
    number, used for the ratios): each query reads its postings from the index files."""

    name = "ours"
    cold = True

    def __init__(self, index: Path) -> None:
        from indexer.search import Searcher

        self.s = Searcher(index)

    def page(self, q: Query) -> int:
        if self.cold:
            self.s.clear_caches()
        if q.cls == "quote":
            return len(self.s.quote(q.text))
        flt = {"country": [q.country]} if q.country else None
        return self.s.search(q.text, filters=flt).total


class OursWarm(Ours):
    """The same with the per-commit term cache kept (what a running server does when
    queries share words): shown next to the cold number, not used for the ratios."""

    name = "ours_warm"
    cold = False


def _time_class(fn: Callable[[Query], int], qs: list[Query], errors: list[str]) -> list[float]:
    out = []
    for q in qs:
        t0 = time.perf_counter()
        try:
            fn(q)
        except Exception as exc:  # counted and reported, never hidden
            errors.append(f"{q.cls} {q.text!r}: {type(exc).__name__}: {exc}")
            continue
        out.append((time.perf_counter() - t0) * 1000)
    return out


def measure_search(cfg: Config, engines: list, queries: list[Query]) -> dict:
    by_cls = {c: [q for q in queries if q.cls == c] for c in CLASSES}
    errors: dict[str, list[str]] = {e.name: [] for e in engines}
    hits: dict[str, dict[str, float]] = {}
    for e in engines:  # untimed hit counts, then warm-up
        hits[e.name] = {}
        for c, qs in by_cls.items():
            counts = []
            for q in qs:
                try:
                    counts.append(e.page(q))
                except Exception:
                    counts.append(-1)
            hits[e.name][c] = statistics.median(counts)
        for qs in by_cls.values():
            _time_class(e.page, qs[:10], [])
    per_rep: dict[str, dict[str, list[tuple[float, float]]]] = {
        e.name: {c: [] for c in (*CLASSES, "all")} for e in engines}
    for rep in range(cfg.reps):
        order = engines[rep % len(engines):] + engines[: rep % len(engines)]
        for e in order:
            every: list[float] = []
            for c, qs in by_cls.items():
                ms = _time_class(e.page, qs, errors[e.name] if rep == 0 else [])
                every += ms
                if ms:
                    per_rep[e.name][c].append((pct(ms, 0.5), pct(ms, 0.95)))
            per_rep[e.name]["all"].append((pct(every, 0.5), pct(every, 0.95)))
    lat = {name: {c: {"p50": statistics.median(v[0] for v in runs),
                      "p95": statistics.median(v[1] for v in runs)}
                  for c, runs in classes.items() if runs}
           for name, classes in per_rep.items()}
    return {"latency_ms": lat, "median_hits": hits, "errors": errors}


def profile_search(index: Path, queries: list[Query], out: Path) -> dict:
    """pyinstrument over the queries: the top functions by self and by inclusive time."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return {"skipped": "pyinstrument is not installed"}
    ours = Ours(index)
    for q in queries[:5]:
        ours.page(q)
    prof = Profiler(interval=0.0005)
    prof.start()
    for q in queries:
        try:
            ours.page(q)
        except Exception:
            pass
    prof.stop()
    out.write_text(prof.output_text(unicode=False, color=False, show_all=False))
    self_t: dict[str, float] = {}
    total_t: dict[str, float] = {}

    def walk(frame, stack: frozenset) -> None:
        if frame.is_synthetic:  # "[self]" leaves: already in the parent's total_self_time
            return
        key = f"{frame.function} ({frame.file_path_short}:{frame.line_no})"
        self_t[key] = self_t.get(key, 0.0) + frame.total_self_time
        if key not in stack:  # count recursion once
            total_t[key] = total_t.get(key, 0.0) + frame.time
        for child in frame.children:
            walk(child, stack | {key})

    root = prof.last_session.root_frame()
    walk(root, frozenset())
    whole = root.time or 1.0

    def top(d: dict[str, float], keep: Callable[[str], bool] = lambda k: True) -> list[dict]:
        rows = sorted(((k, v) for k, v in d.items() if keep(k)), key=lambda kv: -kv[1])
        return [{"function": k, "s": round(v, 3), "share": round(v / whole, 3)}
                for k, v in rows[:15]]

    ours_code = lambda k: "indexer/" in k or "whoosh/" in k  # noqa: E731
    return {"seconds": whole, "queries": len(queries), "top_self": top(self_t),
            "top_total": top(total_t, ours_code), "text": str(out)}


def run(cfg: Config, progress: Callable[[str], None] = print) -> dict:
    from .synth import queries as make_queries
    from .synth import reports as make_reports

    result: dict = {"config": {"pages": cfg.pages, "reps": cfg.reps, "queries": cfg.queries,
                               "http_seconds": cfg.http_seconds, "clients": cfg.clients}}
    cfg.out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        if not cfg.skip_pdf:
            progress("extraction + incremental reindex on the real PDFs")
            result["extraction"] = measure_extraction(cfg, tmp)
        progress(f"indexing {cfg.pages} synthetic pages x{cfg.reps} (subprocess)")
        result["indexing"], index = measure_indexing(cfg, tmp)
        reps: list[SynthReport] = make_reports(cfg.pages)
        qs = make_queries(reps, cfg.queries)
        engines: list = [Ours(index), OursWarm(index)]
        peers: dict[str, dict] = {}
        peer_classes = [Fts5Peer] + ([TantivyPeer] if cfg.tantivy else [])
        for cls in peer_classes:
            progress(f"building peer {cls.name}")
            try:
                peer = cls(tmp / f"peer-{cls.name}")
                t0 = time.perf_counter()
                peer.build(reps)
                secs = time.perf_counter() - t0
                peers[cls.name] = {"build_s": secs, "pages_per_s": cfg.pages / secs,
                                   "index_mb": peer.size_bytes() / 2**20}
                engines.append(peer)
            except Exception as exc:  # an optional peer that fails is reported, not fatal
                peers[cls.name] = {"error": f"{type(exc).__name__}: {exc}"}
        result["peers"] = peers
        progress(f"search page: {len(engines)} engines x {len(qs)} queries x{cfg.reps}")
        result["search"] = measure_search(cfg, engines, qs)
        for e in engines[2:]:
            e.close()
        if cfg.profile:
            progress("profiling the search page (pyinstrument)")
            result["profile"] = {
                "search": profile_search(index, [q for q in qs if q.cls != "quote"],
                                         cfg.out / f"profile_search_{cfg.pages}.txt"),
                "quote": profile_search(index, [q for q in qs if q.cls == "quote"],
                                        cfg.out / f"profile_quote_{cfg.pages}.txt")}
        if not cfg.skip_http:
            progress(f"HTTP: {cfg.clients} clients for {cfg.http_seconds} s")
            result["http"] = bhttp.run(index, PROJECT / "corpus", qs, cfg.clients,
                                       cfg.http_seconds)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return result
