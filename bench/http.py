"""The search page through HTTP: `search_app` under waitress in a subprocess, N client threads.

`python -m bench.http INDEX CORPUS PORT THREADS` serves the app (the harness starts it);
`load(...)` drives it with a bounded number of concurrent clients for a fixed time and
returns requests/s, latency percentiles, the error count and the server's VmHWM.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .synth import Query, vm_hwm_mb

PROJECT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def url_for(base: str, q: Query) -> str:
    if q.cls == "quote":
        return f"{base}/api/cite?" + urllib.parse.urlencode({"q": q.text})
    args = {"q": q.text}
    if q.country:
        args["country"] = q.country
    return f"{base}/api/search?" + urllib.parse.urlencode(args)


def start_server(index: Path, corpus: Path, threads: int = 4) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "bench.http", str(index), str(corpus),
                             str(port), str(threads)], cwd=PROJECT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("server exited: " + (proc.stderr.read() or b"").decode()[-2000:])
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as resp:
                if resp.status == 200:
                    return proc, base
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not become healthy within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def load(base: str, queries: list[Query], clients: int, seconds: float) -> dict:
    """Each client cycles through the queries (offset by its number) until time is up."""
    lat: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        i = k * 7
        mine: list[float] = []
        while time.monotonic() < stop:
            url = url_for(base, queries[i % len(queries)])
            i += 1
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=60) as resp:
                    resp.read()
                    if resp.status != 200:
                        raise OSError(f"HTTP {resp.status}")
            except (OSError, urllib.error.HTTPError) as exc:
                with lock:
                    errors.append(f"{url}: {exc}")
                continue
            mine.append(time.perf_counter() - t0)
        with lock:
            lat.extend(mine)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    lat.sort()
    ms = [x * 1000 for x in lat]

    def pct(p: float) -> float | None:
        return ms[int(p * (len(ms) - 1))] if ms else None

    return {"clients": clients, "seconds": wall, "requests": len(ms),
            "rps": len(ms) / wall, "p50_ms": pct(0.5), "p95_ms": pct(0.95),
            "errors": len(errors), "error_samples": errors[:5]}


def run(index: Path, corpus: Path, queries: list[Query], clients: int = 4,
        seconds: float = 10.0) -> dict:
    proc, base = start_server(index, corpus, threads=clients)
    try:
        load(base, queries[: max(1, len(queries) // 10)], clients, min(2.0, seconds))  # warm-up
        out = load(base, queries, clients, seconds)
        out["server_vm_hwm_mb"] = vm_hwm_mb(proc.pid)
    finally:
        stop_server(proc)
    return out


def _serve(index: str, corpus: str, port: int, threads: int) -> None:
    from search_app import create_app, serve

    app = create_app({"INDEX_PATH": index, "CORPUS_PATH": corpus})
    serve(app, host="127.0.0.1", port=port, threads=threads)


if __name__ == "__main__":
    _serve(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
