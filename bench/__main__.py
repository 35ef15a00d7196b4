"""`python -m bench --pages 20000`: run every measure, print a Markdown table, write JSON.

Options: --pages N, --reps 3, --queries 50 (per class), --out bench/results, --skip-http,
--skip-pdf, --tantivy (if installed), --http-seconds 10, --clients 4, --no-profile.
See docs/PERFORMANCE.md for what is measured and the latest numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from .harness import Config, run
from .synth import CLASSES

PACKAGES = ("whoosh-reloaded", "pypdf", "flask", "waitress", "langdetect", "tantivy",
            "pyinstrument")


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for p in PACKAGES:
        try:
            versions[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            pass
    return {"cpus": os.cpu_count(), "cpu_model": model, "python": platform.python_version(),
            "platform": platform.platform(), "sqlite": sqlite3.sqlite_version,
            "packages": versions}


def _f(x: float | None, nd: int = 1) -> str:
    if x is None:
        return "–"
    return f"{x:,.{nd}f}" if abs(x) < 1000 else f"{x:,.0f}"


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.1f}×" if a and b else "–"


def render(res: dict) -> str:
    m = res["machine"]
    out = [f"## Report Search benchmark — {res['config']['pages']:,} synthetic pages",
           "",
           f"{m['cpus']} CPUs ({m['cpu_model']}), Python {m['python']}, SQLite {m['sqlite']}, "
           + ", ".join(f"{k} {v}" for k, v in m["packages"].items())
           + f"; {res['config']['reps']} reps, {res['config']['queries']} queries per class;"
           f" {res['started']}", ""]
    ex = res.get("extraction")
    if ex:
        out += [f"### 1. Extraction, real PDFs ({ex['files']} files)", "",
                "| method | pages | pages/s median | pages/s p95-slowest | ours/bare |",
                "|---|---|---|---|---|"]
        for k, v in ex["pages_per_s"].items():
            slow = sorted(v["runs"])[int(0.05 * (len(v["runs"]) - 1))]
            out.append(f"| {k} | {ex['pages'][k]} | {_f(v['median'])} | {_f(slow)} | "
                       f"{_f(ex['ours_over_bare'].get(k), 2) if k in ex['ours_over_bare'] else '1'} |")
        inc = ex["incremental"]
        out += ["", f"No-op incremental reindex: {_f(inc['noop_s']['median'], 3)} s vs full "
                f"{_f(inc['full_s']['median'], 2)} s (ratio {inc['noop_over_full']:.3f}).", ""]
    ix = res["indexing"]
    out += ["### 2. Indexing synthetic pages (separate process per run)", "",
            "| engine | pages/s median | pages/s p95-slowest | index MB | peak RSS MB |",
            "|---|---|---|---|---|",
            f"| ours | {_f(ix['pages_per_s']['median'])} | "
            f"{_f(sorted(ix['pages_per_s']['runs'])[0])} | {_f(ix['index_mb'])} | "
            f"{_f(ix['vm_hwm_mb']['median'])} |"]
    for name, p in res["peers"].items():
        if "error" in p:
            out.append(f"| {name} | error: {p['error']} | | | |")
        else:
            out.append(f"| {name} | {_f(p['pages_per_s'])} | (1 run) | {_f(p['index_mb'])} | – |")
    lat = res["search"]["latency_ms"]
    names = list(lat)
    peers = [n for n in names if not n.startswith("ours")]
    out += ["", "### 3. Search page (query + 5 facets + 10 results with snippets), ms p50 / p95",
            "", "| class | " + " | ".join(names) + " | " + " | ".join(f"ours/{p}" for p in peers)
            + " |", "|---" * (1 + len(names) + len(peers)) + "|"]
    for c in (*CLASSES, "all"):
        cells = [f"{_f(lat[n][c]['p50'], 2)} / {_f(lat[n][c]['p95'], 2)}" if c in lat[n] else "–"
                 for n in names]
        ratios = [f"{_ratio(lat['ours'].get(c, {}).get('p50'), lat[p].get(c, {}).get('p50'))} / "
                  f"{_ratio(lat['ours'].get(c, {}).get('p95'), lat[p].get(c, {}).get('p95'))}"
                  for p in peers]
        out.append(f"| {c} | " + " | ".join(cells + ratios) + " |")
    errs = {k: len(v) for k, v in res["search"]["errors"].items()}
    out += ["", f"Query errors per engine: {errs}. Median matching reports per class: "
            + "; ".join(f"{n}: " + ", ".join(f"{c} {h:g}" for c, h in hs.items())
                        for n, hs in res["search"]["median_hits"].items()), ""]
    h = res.get("http")
    if h:
        out += [f"### 4. HTTP (waitress subprocess, {h['clients']} clients, {h['seconds']:.1f} s)",
                "", "| requests | req/s | p50 ms | p95 ms | errors | server peak RSS MB |",
                "|---|---|---|---|---|---|",
                f"| {h['requests']} | {_f(h['rps'])} | {_f(h['p50_ms'])} | {_f(h['p95_ms'])} | "
                f"{h['errors']} | {_f(h['server_vm_hwm_mb'])} |", ""]
    out += ["### 5. Peak memory (VmHWM)", "",
            f"- indexing run ({ix['pages']:,} pages): {_f(ix['vm_hwm_mb']['median'])} MB median, "
            f"{_f(ix['vm_hwm_mb']['p95'])} MB p95",
            f"- server after the HTTP run: {_f(h['server_vm_hwm_mb']) if h else '– (skipped)'} MB",
            ""]
    for label, prof in (res.get("profile") or {}).items():
        if "top_self" not in prof:
            continue
        out += [f"### Profile: {label} ({prof['queries']} queries, {prof['seconds']:.1f} s)", "",
                "| top self time | s | share | top inclusive (indexer/whoosh) | s | share |",
                "|---|---|---|---|---|---|"]
        for a, b in zip(prof["top_self"][:10], prof["top_total"][:10], strict=False):
            out.append(f"| `{a['function']}` | {a['s']:.2f} | {a['share']:.0%} | "
                       f"`{b['function']}` | {b['s']:.2f} | {b['share']:.0%} |")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--pages", type=int, default=20_000)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--queries", type=int, default=50, help="queries per class")
    ap.add_argument("--out", type=Path, default=Config.out)
    ap.add_argument("--skip-http", action="store_true")
    ap.add_argument("--skip-pdf", action="store_true")
    ap.add_argument("--tantivy", action="store_true", help="add the tantivy peer (if installed)")
    ap.add_argument("--http-seconds", type=float, default=10.0)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--no-profile", action="store_true")
    a = ap.parse_args(argv)
    cfg = Config(pages=a.pages, reps=a.reps, queries=a.queries, out=a.out,
                 skip_http=a.skip_http, skip_pdf=a.skip_pdf, tantivy=a.tantivy,
                 http_seconds=a.http_seconds, clients=a.clients, profile=not a.no_profile)
    started = datetime.now(UTC).isoformat(timespec="seconds")
    res = {"started": started, "machine": machine(), "command": " ".join(["python -m bench",
                                                                          *(argv or sys.argv[1:])])}
    res.update(run(cfg, progress=lambda s: print(f"[bench] {s}", file=sys.stderr, flush=True)))
    table = render(res)
    res["table"] = table
    stamp = started.replace(":", "").replace("-", "")
    path = cfg.out / f"bench_{cfg.pages}_{stamp}.json"
    path.write_text(json.dumps(res, indent=1, default=str))
    (cfg.out / f"latest_{cfg.pages}.md").write_text(table + "\n")
    print(table)
    print(f"\nJSON: {path}")
    res["json_path"] = str(path)
    return res


if __name__ == "__main__":
    main()
