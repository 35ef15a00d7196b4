"""Load on the production server (reliability.md T6): `search_app.serve` (waitress) in a
subprocess on a free loopback port, concurrent clients for a bounded time (CI ~5 s, slow
60 s): zero 5xx, p95 reported, server memory (VmRSS) not growing after warm-up."""

from __future__ import annotations

import http.client
import random
import threading
import time
from urllib.parse import quote

import pytest

from .conftest import Server, figure

PATHS = ["/api/search?q=trafficking", "/api/search?q=forced+labour", '/api/search?q="debt+bondage"',
         "/api/search?q=recruit*", "/api/search?q=labour&country=Thailand", "/api/search?q=fishing&sort=newest",
         "/?q=migrant+workers", "/?q=scam", "/api/search", "/healthz", "/status",
         "/api/search?q=" + quote("ค้ามนุษย์")]


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


def load(server: Server, seconds: float, clients: int, report_paths: list[str]) -> dict:
    stop = time.monotonic() + seconds
    lat: list[float] = []
    statuses: dict[int, int] = {}
    errors: list[str] = []
    lock = threading.Lock()
    paths = PATHS + report_paths

    def client(seed: int) -> None:
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        while time.monotonic() < stop:
            path = rng.choice(paths)
            t0 = time.monotonic()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                status = r.status
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    errors.append(f"{path}: {type(exc).__name__}: {exc}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
                continue
            with lock:
                lat.append(time.monotonic() - t0)
                statuses[status] = statuses.get(status, 0) + 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    return {"requests": len(lat), "statuses": statuses, "errors": errors,
            "p50_ms": round(percentile(lat, 0.5) * 1000, 1), "p95_ms": round(percentile(lat, 0.95) * 1000, 1),
            "max_ms": round(max(lat) * 1000, 1)}


def run_load(small_corpus_index, seconds: float, clients: int) -> dict:
    corpus, index = small_corpus_index
    from indexer.search import Searcher

    rids = list(Searcher(index).reader.records())
    report_paths = [f"/reports/{rids[0]}", f"/api/reports/{rids[1]}?q=labour", f"/reports/{rids[2]}/file"]
    server = Server(index, corpus, threads=8)
    try:
        load(server, 1.5, clients, report_paths)  # warm-up: caches, thread stacks, allocator
        warm = server.memory()
        res = load(server, seconds, clients, report_paths)
        end = server.memory()
        assert server.proc.poll() is None
    finally:
        server.stop()
    assert not res["errors"], res["errors"][:5]
    assert all(s < 500 for s in res["statuses"]), res["statuses"]
    assert set(res["statuses"]) <= {200}, res["statuses"]
    assert res["requests"] >= clients  # every client was answered, not just some
    assert end["VmRSS"] < 1.5 * warm["VmRSS"], (warm, end)
    res.update(rss_warm_mb=round(warm["VmRSS"] / 1024, 1), rss_end_mb=round(end["VmRSS"] / 1024, 1),
               clients=clients, seconds=seconds)
    del res["errors"]
    return res


def test_load_ci(small_corpus_index):
    figure("load_ci", **run_load(small_corpus_index, 5, 8))


@pytest.mark.slow
def test_load_long(small_corpus_index):
    figure("load_slow", **run_load(small_corpus_index, 60, 8))
