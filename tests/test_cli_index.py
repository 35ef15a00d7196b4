"""The `index` and `status` commands through the real entry point (`python cli.py`).

Every test runs the CLI in a subprocess, so exit codes, stderr lines, JSON output, the
write lock between processes and kill -9 in the middle of a run are all tested for real.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAMPLE_CORPUS

from cli import main
from indexer.errors import IndexMissing
from indexer.index.reader import IndexReader
from indexer.index.store import IndexDir

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ("wage-theft-factsheet-2024.pdf", "regional-work-plan-2018.pdf",
           "frontline-responders-guidebook-2019.pdf")


def cli(*args, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "cli.py", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, errors="replace", timeout=timeout)


def index_cmd(corpus: Path, index: Path, *extra, timeout: float = 60):
    return cli("index", "--corpus", corpus, "--index", index, "--workers", "1", *extra,
               timeout=timeout)


def assert_one_error_line(res: subprocess.CompletedProcess, code: int) -> str:
    assert res.returncode == code, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr + res.stdout
    errors = [line for line in res.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, res.stderr
    return res.stderr


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    c = tmp_path / "corpus"
    c.mkdir()
    for name in SAMPLES:
        shutil.copy(SAMPLE_CORPUS / name, c / name)
    rows = [line for line in (SAMPLE_CORPUS / "metadata.csv").read_text("utf-8").splitlines()
            if line.startswith(("file,", SAMPLES[2]))]
    (c / "metadata.csv").write_text("\n".join(rows) + "\n", "utf-8")
    return c


@pytest.fixture
def index(tmp_path: Path) -> Path:
    return tmp_path / "index"


# -- index --------------------------------------------------------------------------------

def test_index_json_summary_and_strict(corpus, index):
    res = index_cmd(corpus, index, "--json", "--strict")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    keys = {"files_seen", "indexed", "unchanged", "renamed", "removed", "pages", "failed",
            "failures"}
    assert keys <= set(data)
    assert (data["files_seen"], data["indexed"], data["pages"], data["failures"]) == (3, 3, 10, [])

    (corpus / "empty.pdf").write_bytes(b"")
    res = index_cmd(corpus, index, "--json", "--strict")
    assert res.returncode == 1
    data = json.loads(res.stdout)
    assert (data["unchanged"], data["indexed"], data["failed"]) == (3, 0, {"empty": 1})
    assert data["failures"] == [{"file": "empty.pdf", "reason": "empty",
                                 "message": "the file is empty (0 bytes)"}]
    res = index_cmd(corpus, index)  # without --strict a failed file is not an error
    assert res.returncode == 0
    assert "empty.pdf" in res.stdout and "empty" in res.stdout


def test_status_json_and_reports_provenance(corpus, index):
    (corpus / "empty.pdf").write_bytes(b"")
    assert index_cmd(corpus, index).returncode == 0
    res = cli("status", "--json", "--index", index)
    assert res.returncode == 0, res.stderr
    st = json.loads(res.stdout)
    assert (st["reports"], st["pages"]) == (3, 10)
    assert st["failures"] == [{"file": "empty.pdf", "reason": "empty",
                               "message": "the file is empty (0 bytes)"}]
    assert st["last_run"]["indexed"] == 3

    res = cli("status", "--reports", "--index", index)
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "Reports: 3  Pages: 10" in out
    assert "empty.pdf" in out
    assert "Identifying and Supporting Victims" in out and "[metadata.csv]" in out
    assert "Wage Theft Against Migrant Workers: Key Facts  [pdf]" in out
    assert "[text]" in out


def test_search_without_index_exits_4_with_hint(tmp_path):
    res = cli("search", "labour", "--index", tmp_path / "none")
    text = assert_one_error_line(res, 4)
    assert "reportsearch index" in text
    assert_one_error_line(cli("status", "--index", tmp_path / "none"), 4)


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(command):
    res = cli(command, "--help")
    assert res.returncode == 0, res.stderr
    assert "Example" in res.stdout, f"`{command} --help` shows no example"


def test_missing_or_empty_corpus_exits_2_and_keeps_the_index(corpus, index, tmp_path):
    assert index_cmd(corpus, index).returncode == 0
    res = index_cmd(tmp_path / "missing", index)
    assert "does not exist" in assert_one_error_line(res, 2)
    for p in corpus.glob("*.pdf"):
        p.unlink()
    res = index_cmd(corpus, index)
    assert "holds no PDFs" in assert_one_error_line(res, 2)
    st = json.loads(cli("status", "--json", "--index", index).stdout)
    assert st["reports"] == 3


def test_locked_index_exits_75_promptly_then_runs(corpus, index):
    with IndexDir(index).write_lock():
        t0 = time.monotonic()
        res = index_cmd(corpus, index, timeout=30)
        elapsed = time.monotonic() - t0
        text = assert_one_error_line(res, 75)
        assert "another indexing run" in text
        assert elapsed < 10
    res = index_cmd(corpus, index)
    assert res.returncode == 0, res.stderr
    assert "3 indexed" in res.stdout


# -- damaged and outdated indexes ----------------------------------------------------------

def test_corrupt_segment_status_exits_3_and_full_rebuild_recovers(corpus, index):
    assert index_cmd(corpus, index).returncode == 0
    gen = index / IndexDir(index).current_generation()
    for seg in gen.glob("*.seg"):
        seg.write_bytes(seg.read_bytes()[:200])
    text = assert_one_error_line(cli("status", "--index", index), 3)
    assert "index --full" in text
    assert_one_error_line(index_cmd(corpus, index), 3)
    res = index_cmd(corpus, index, "--full")
    assert res.returncode == 0, res.stderr
    assert "3 indexed" in res.stdout and "full rebuild" in res.stdout
    assert json.loads(cli("status", "--json", "--index", index).stdout)["reports"] == 3


def test_schema_version_change_status_3_then_index_rebuilds(corpus, index):
    assert index_cmd(corpus, index).returncode == 0
    gen = IndexDir(index).current_generation()
    (index / gen / "SCHEMA_VERSION").write_text("0\n")
    assert "schema version" in assert_one_error_line(cli("status", "--index", index), 3)
    res = index_cmd(corpus, index, "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["full"] is True and data["indexed"] == 3
    res = cli("search", "payslip", "--json", "--index", index)
    assert res.returncode == 0 and json.loads(res.stdout)["total"] == 1


# -- kill -9 in the middle of a run ---------------------------------------------------------

# The library with one report per commit, announcing each durable commit on stdout.
_SMALL_BATCHES = """
import sys
from pathlib import Path
from indexer.pipeline import index_corpus
index_corpus(Path(sys.argv[1]), Path(sys.argv[2]), workers=1, batch_size=1,
             progress=lambda done, total, name: print("committed", done, flush=True))
"""


def make_copies(folder: Path, numbers: range) -> None:
    """Copies of the sample PDFs with distinct bytes (a trailing comment stays valid PDF)."""
    sources = sorted(SAMPLE_CORPUS.glob("*.pdf"))
    for i in numbers:
        data = sources[i % len(sources)].read_bytes() + f"\n%copy {i}\n".encode()
        (folder / f"copy-{i:02d}.pdf").write_bytes(data)


def start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def kill9(proc: subprocess.Popen) -> bool:
    """SIGKILL the indexing process only; True when it was still running."""
    running = proc.poll() is None
    proc.send_signal(signal.SIGKILL)  # a no-op once it has exited and been reaped
    proc.wait(10)
    return running


def reap(proc: subprocess.Popen) -> None:
    """Kill what is left of the session we started (orphaned extraction workers)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.stdout.close()


def check_after_kill(index: Path) -> int | None:
    """The index opens, holds only whole reports and is not locked; returns its size."""
    with IndexDir(index).write_lock():  # flock died with the killed process (and workers)
        pass
    try:
        reader = IndexReader(index)
    except IndexMissing:
        return None  # a first full build publishes only at its end
    with reader.snapshot() as snap:
        paths = [rec["file"]["path"] for rec in snap.records.values()]
        assert len(paths) == len(set(paths)), "a file is indexed twice"
        for rid, rec in snap.records.items():
            assert sorted(snap.page_docnums(rid)) == [p[0] for p in rec["pages"]], rid
        owners = {snap.report_of[d] for d in snap.searcher.document_numbers(kind="page")}
        assert owners <= set(snap.records), "pages without their report"
        return len(snap.records)


def test_kill9_mid_run_leaves_a_consistent_index_that_converges(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    make_copies(corpus, range(0, 6))
    cli_args = ["cli.py", "index", "--corpus", str(corpus), "--index", str(index),
                "--workers", "1"]
    landed, sizes = 0, []

    # A first, full build into an empty folder: killed, nothing or everything is published.
    for delay in (0.3, 0.6):
        proc = start(cli_args)
        time.sleep(delay)
        landed += kill9(proc)
        sizes.append(check_after_kill(index))
        reap(proc)
    assert all(n in (None, 6) for n in sizes), sizes
    res = index_cmd(corpus, index)
    assert res.returncode == 0, res.stderr
    assert check_after_kill(index) == 6
    sizes.append(6)

    # A --full rebuild of an existing index: killed, the old generation stays live.
    proc = start([*cli_args, "--full"])
    time.sleep(0.6)
    landed += kill9(proc)
    assert check_after_kill(index) == 6
    reap(proc)

    # Incremental runs, one report per commit: kill right after the first durable commit,
    # then a little later (likely inside a later commit). Every announced commit survives.
    make_copies(corpus, range(6, 16))
    for delay in (0.0, 0.07, 0.15):
        proc = start(["-c", _SMALL_BATCHES, str(corpus), str(index)])
        line = proc.stdout.readline().split()
        assert line == [b"committed", b"1"], line
        time.sleep(delay)
        landed += kill9(proc)
        n = check_after_kill(index)
        reap(proc)
        assert n is not None and n >= sizes[-1] + 1, (n, sizes)
        sizes.append(n)

    # ... and at arbitrary moments of CLI runs (which commit once, at the end).
    for delay in (0.4, 0.7, 1.0):
        proc = start(cli_args)
        time.sleep(delay)
        landed += kill9(proc)
        n = check_after_kill(index)
        reap(proc)
        assert n is not None and n >= sizes[-1], (n, sizes)
        sizes.append(n)

    res = index_cmd(corpus, index, "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["failures"] == [] and data["indexed"] + data["unchanged"] == 16
    assert check_after_kill(index) == 16
    paths = {rec["file"]["path"] for rec in IndexReader(index).records().values()}
    assert paths == {p.name for p in corpus.glob("*.pdf")}
    again = json.loads(index_cmd(corpus, index, "--json").stdout)
    assert (again["unchanged"], again["indexed"]) == (16, 0)
    print(f"kill -9: {landed} of 9 kills landed mid-run; reports after each: {sizes}")
    assert landed >= 6
