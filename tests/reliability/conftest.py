"""Helpers for the reliability suite: subprocess CLI runs, /proc memory figures, a real
waitress server on a free loopback port, and distinct copies of the sample PDFs.

Figures worth keeping (files tried, kills survived, requests served, queries fuzzed) are
printed with a `FIGURE` prefix; run with `-s` (or read the captured output) to see them.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CORPUS = ROOT / "corpus"
SAMPLES = sorted(SAMPLE_CORPUS.glob("*.pdf"))
PY = sys.executable


def figure(name: str, **values) -> None:
    """Print one machine-readable line of figures for docs/RELIABILITY.md."""
    print(f"FIGURE {name} " + json.dumps(values, ensure_ascii=False, sort_keys=True))


def proc_status(pid: int | str = "self") -> dict[str, int]:
    """VmRSS / VmHWM / VmSize of a process, in kB, from /proc/<pid>/status."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM", "VmSize"):
            out[key] = int(value.split()[0])
    return out


def cli(*args, timeout: float = 120, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([PY, "cli.py", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, errors="replace", timeout=timeout,
                          env={**os.environ, **(env or {})}, **kw)


def assert_one_error_line(res: subprocess.CompletedProcess, code: int) -> str:
    assert res.returncode == code, (res.returncode, res.stdout[-2000:], res.stderr[-2000:])
    assert "Traceback" not in res.stderr + res.stdout, res.stderr
    errors = [line for line in res.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, res.stderr
    return res.stderr


def make_copies(folder: Path, numbers, sources: list[Path] | None = None) -> list[Path]:
    """Copies of the sample PDFs made distinct by a trailing PDF comment (`%<n>`)."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sources or SAMPLES
    out = []
    for i in numbers:
        p = folder / f"copy-{i:03d}.pdf"
        p.write_bytes(sources[i % len(sources)].read_bytes() + f"%{i}\n".encode())
        out.append(p)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_SERVE = """
import sys
from search_app import create_app, serve
app = create_app({"INDEX_PATH": sys.argv[1], "CORPUS_PATH": sys.argv[2]})
serve(app, host="127.0.0.1", port=int(sys.argv[3]), threads=int(sys.argv[4]))
"""


class Server:
    """`search_app.serve` (waitress, production settings) in a subprocess."""

    def __init__(self, index: Path, corpus: Path, threads: int = 8) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([PY, "-c", _SERVE, str(index), str(corpus), str(self.port),
                                      str(threads)], cwd=ROOT, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2):
                    return
            except urllib.error.HTTPError:
                return  # answering (e.g. 503 on a damaged index) is up
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("server did not start: " + self.stderr()) from None
                time.sleep(0.1)

    def get(self, path: str, timeout: float = 10) -> tuple[int, bytes, dict]:
        req = urllib.request.Request(self.base + path)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, r.read(), dict(r.headers)
        except urllib.error.HTTPError as e:
            return e.code, e.read(), dict(e.headers)

    def memory(self) -> dict[str, int]:
        return proc_status(self.proc.pid)

    def stderr(self) -> str:
        try:
            return self.proc.stderr.read().decode("utf-8", "replace") if self.proc.poll() is not None else ""
        except Exception:  # noqa: BLE001 - diagnostics only
            return ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if self.proc.stderr:
            self.proc.stderr.close()


@pytest.fixture(scope="session")
def small_corpus_index(tmp_path_factory) -> tuple[Path, Path]:
    """(corpus, index) of 6 sample PDFs, built once through the whole pipeline."""
    from indexer.pipeline import index_corpus

    root = tmp_path_factory.mktemp("rel-small")
    corpus = root / "corpus"
    corpus.mkdir()
    for src in SAMPLES[:6]:
        shutil.copy(src, corpus / src.name)
    index_corpus(corpus, root / "index", workers=2)
    return corpus, root / "index"
