"""The benchmark harness runs end to end at a tiny size; no timing is asserted."""

from __future__ import annotations

import json
from pathlib import Path

from bench.__main__ import main
from bench.synth import CLASSES, queries, reports

PROJECT = Path(__file__).resolve().parent.parent


def test_synthetic_data_is_deterministic():
    a, b = reports(120), reports(120)
    assert a == b
    assert sum(len(r.pages) for r in a) == 120
    assert queries(a, 3) == queries(b, 3)
    assert {q.cls for q in queries(a, 3)} == set(CLASSES)


def test_bench_smoke(tmp_path, monkeypatch):
    monkeypatch.delenv("REPORTSEARCH_REAL_PDFS", raising=False)  # sample corpus only
    res = main(["--pages", "300", "--reps", "1", "--queries", "5", "--http-seconds", "1",
                "--clients", "2", "--out", str(tmp_path)])
    table = res["table"]
    for heading in ("1. Extraction", "2. Indexing", "3. Search page", "4. HTTP",
                    "5. Peak memory", "ours/fts5"):
        assert heading in table
    data = json.loads(Path(res["json_path"]).read_text())
    assert data["machine"]["cpus"] and data["machine"]["python"]
    ex = data["extraction"]
    assert set(ex["pages_per_s"]) >= {"bare_pypdf", "ours_w1"} and ex["pages"]["ours_w1"] > 0
    assert "noop_over_full" in ex["incremental"]
    ix = data["indexing"]
    assert ix["pages"] == 300 and ix["index_mb"] > 0 and ix["vm_hwm_mb"]["median"] > 0
    lat = data["search"]["latency_ms"]
    for engine in ("ours", "fts5"):
        assert set(lat[engine]) == {*CLASSES, "all"}
        assert all(v["p50"] >= 0 and v["p95"] >= 0 for v in lat[engine].values())
    assert data["search"]["errors"]["ours"] == []
    http = data["http"]
    assert http["requests"] > 0 and http["errors"] == 0 and http["server_vm_hwm_mb"] > 0
    assert (tmp_path / "latest_300.md").exists()
