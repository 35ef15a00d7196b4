"""kill -9 during indexing, some kills aimed right after a commit (reliability.md T2, W1).

tests/test_cli_index.py already kills the CLI 9 times at fixed moments. Here the kills are
random or aimed: the test polls the live generation folder and fires SIGKILL the moment
Whoosh's TOC number (`_MAIN_<n>.toc`) moves, i.e. while the commit's fsync and clean-up
are still running. The indexer runs with one report per commit and prints a line after
each commit (the acknowledgement). After every kill: the lock is free, the index opens,
every acknowledged report is there with all its pages, at most the one in-flight report
beyond that is visible, and a final plain run converges.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from indexer.errors import IndexMissing
from indexer.index.reader import IndexReader
from indexer.index.store import IndexDir
from indexer.search import Searcher

from .conftest import PY, ROOT, cli, figure, make_copies

# One report per commit; "ack <name>" is printed only after that report's commit is fsynced.
_ACKING = """
import sys
from pathlib import Path
from indexer.pipeline import index_corpus
index_corpus(Path(sys.argv[1]), Path(sys.argv[2]), workers=1, batch_size=1,
             full=sys.argv[3] == "full",
             progress=lambda done, total, name: print("ack", name, flush=True))
"""
_TOC = re.compile(r"^_MAIN_(\d+)\.toc$")


def toc_generation(index: Path) -> int:
    """The highest Whoosh TOC number in the live generation folder (-1 when none)."""
    try:
        gen = IndexDir(index).current_generation()
        names = os.listdir(index / gen) if gen else []
    except Exception:  # noqa: BLE001 - racing a writer: try again on the next poll
        return -1
    return max((int(m.group(1)) for n in names if (m := _TOC.match(n))), default=-1)


def indexed(index: Path) -> dict[str, int]:
    """path -> page count, after checking the structure (the test's 'CheckIndex')."""
    with IndexDir(index).write_lock():  # flock died with the killed process
        pass
    try:
        reader = IndexReader(index)
    except IndexMissing:
        return {}
    with reader.snapshot() as snap:
        out = {}
        for rid, rec in snap.records.items():
            path = rec["file"]["path"]
            assert path not in out, f"{path} indexed twice"
            pages = sorted(snap.page_docnums(rid))
            assert pages == [p[0] for p in rec["pages"]], (path, "pages differ from its record")
            out[path] = len(pages)
        owners = {snap.report_of[d] for d in snap.searcher.document_numbers(kind="page")}
        assert owners <= set(snap.records), "pages without their report"
    reader.ix.close()
    return out


class Run:
    def __init__(self, corpus: Path, index: Path, full: bool = False) -> None:
        self.proc = subprocess.Popen([PY, "-c", _ACKING, str(corpus), str(index),
                                      "full" if full else "incremental"], cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     start_new_session=True)
        os.set_blocking(self.proc.stdout.fileno(), False)
        self.buf = b""

    def acks(self) -> list[str]:
        try:
            chunk = self.proc.stdout.read()
        except (BlockingIOError, ValueError):
            chunk = None
        if chunk:
            self.buf += chunk
        return [line[4:] for line in self.buf.decode("utf-8", "replace").split("\n")[:-1]
                if line.startswith("ack ")]

    def kill(self) -> bool:
        running = self.proc.poll() is None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)
        time.sleep(0.05)
        acks = self.acks()
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)  # orphaned extraction workers
        except ProcessLookupError:
            pass
        self.proc.stdout.close()
        self.final_acks = acks
        return running


def kill_aimed(run: Run, index: Path, commits: int, jitter: float, timeout: float = 60) -> bool:
    """Kill `jitter` seconds after the TOC number moved `commits` times (None: never)."""
    start = toc_generation(index)
    deadline = time.monotonic() + timeout
    while run.proc.poll() is None and time.monotonic() < deadline:
        if toc_generation(index) >= start + commits:
            time.sleep(jitter)
            break
        time.sleep(0.0005)
    return run.kill()


def crash_rounds(tmp_path: Path, *, files: int, kills: int, aimed_share: float, seed: int,
                 full_kills: int = 0) -> dict:
    rng = random.Random(seed)
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    make_copies(corpus, range(4))
    assert cli("index", "--corpus", corpus, "--index", index, "--workers", "1").returncode == 0
    make_copies(corpus, range(4, files))
    committed = indexed(index)
    assert len(committed) == 4
    landed = aimed_landed = 0
    for k in range(kills):
        aimed = rng.random() < aimed_share
        run = Run(corpus, index)
        if aimed:
            ok = kill_aimed(run, index, rng.randint(1, 3), rng.choice((0, 0, 0.001, 0.003, 0.01)))
            aimed_landed += ok
        else:
            time.sleep(rng.uniform(0.3, 2.0))
            ok = run.kill()
        landed += ok
        acked = set(run.final_acks)
        now = indexed(index)
        lost = (set(committed) | acked) - set(now)
        assert not lost, f"kill {k}: committed reports lost: {sorted(lost)}"
        unacked = set(now) - set(committed) - acked
        assert len(unacked) <= 1, f"kill {k}: uncommitted reports visible: {sorted(unacked)}"
        assert all(now[p] == committed.get(p, now[p]) for p in now)
        committed = now
        if len(committed) == files:  # all in: start adding again so later kills land mid-run
            make_copies(corpus, range(files, files + 6))
            files += 6
    full_landed = 0
    for _ in range(full_kills):  # a --full rebuild killed: the old generation stays live
        before = indexed(index)
        run = Run(corpus, index, full=True)
        # A full rebuild of small files can finish within seconds: kill it once it has
        # indexed a first file (so mid-run), after a random delay.
        deadline = time.monotonic() + 60
        while run.proc.poll() is None and not run.acks() and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.5))
        landed_now = run.kill()
        full_landed += landed_now
        if landed_now:
            assert indexed(index) == before
        else:  # it finished first: then the new generation is complete
            assert set(indexed(index)) == {p.name for p in corpus.glob("*.pdf")}
    res = cli("index", "--corpus", corpus, "--index", index, "--workers", "2")
    assert res.returncode == 0, res.stderr
    final = indexed(index)
    assert set(final) == {p.name for p in corpus.glob("*.pdf")}
    assert Searcher(index).search("").total == len(final)  # every report listed
    again = cli("index", "--corpus", corpus, "--index", index, "--json")
    assert '"indexed": 0' in again.stdout, again.stdout
    return {"kills": kills + full_kills, "landed_mid_run": landed + full_landed,
            "aimed_at_commit": aimed_landed, "full_rebuild_kills": full_landed,
            "reports_final": len(final), "lost": 0}


def test_kill9_random_and_aimed_at_commit(tmp_path):
    figures = crash_rounds(tmp_path, files=16, kills=6, aimed_share=0.5, seed=7)
    figure("kill9_ci", **figures)
    assert figures["landed_mid_run"] >= 4


@pytest.mark.slow
def test_kill9_long_run(tmp_path):
    figures = crash_rounds(tmp_path, files=60, kills=30, aimed_share=0.5, seed=int(time.time()),
                           full_kills=4)
    figure("kill9_slow", **figures)
    assert figures["landed_mid_run"] >= 20 and figures["aimed_at_commit"] >= 8
