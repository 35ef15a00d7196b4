"""Disk full / write errors during a commit (reliability.md T4, W11, O1).

`reportsearch index` runs with RLIMIT_FSIZE set so low that writing a segment fails with
EFBIG (SIGXFSZ ignored, so the write returns an error instead of killing the process). The
run must end with exit 74 and one clear line, the previous index must still open with the
same reports, the lock must be free, and a run with room to write must then succeed.
"""

from __future__ import annotations

import resource
import shutil
import signal
from pathlib import Path

import pytest

from indexer.errors import IndexMissing
from indexer.index.reader import IndexReader
from indexer.index.store import IndexDir

from .conftest import SAMPLES, assert_one_error_line, cli, figure, make_copies


def limited(max_bytes: int):
    def preexec() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))
    return preexec


def contents(index: Path) -> dict[str, int]:
    with IndexDir(index).write_lock():  # the failed run released the lock
        pass
    reader = IndexReader(index)
    with reader.snapshot() as snap:
        return {rec["file"]["path"]: len(snap.page_docnums(rid)) for rid, rec in snap.records.items()}


@pytest.fixture
def built(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    for src in SAMPLES[:3]:
        shutil.copy(src, corpus / src.name)
    assert cli("index", "--corpus", corpus, "--index", index, "--workers", "1").returncode == 0
    make_copies(corpus, range(3, 15))  # the next run has a big segment to write
    return corpus, index


@pytest.mark.parametrize("full", [False, True], ids=["incremental", "full"])
def test_write_error_exits_74_and_previous_index_is_intact(built, full):
    corpus, index = built
    before = contents(index)
    assert len(before) == 3
    args = ["index", "--corpus", corpus, "--index", index, "--workers", "1"] + (["--full"] if full else [])
    res = cli(*args, preexec_fn=limited(96 * 1024))
    text = assert_one_error_line(res, 74)
    assert "writing the index failed" in text or "cannot" in text, text
    assert contents(index) == before  # same reports, same pages, still opens
    res = cli(*args)
    assert res.returncode == 0, res.stderr
    assert len(contents(index)) == 15
    figure("disk_full", mode="full" if full else "incremental", exit=74, reports_kept=len(before))


def test_disk_full_on_the_first_build_publishes_nothing(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    make_copies(corpus, range(12))
    res = cli("index", "--corpus", corpus, "--index", index, "--workers", "1",
              preexec_fn=limited(64 * 1024))
    assert_one_error_line(res, 74)
    with IndexDir(index).write_lock():
        pass
    with pytest.raises(IndexMissing):
        IndexReader(index)
    assert_one_error_line(cli("status", "--index", index), 4)
    res = cli("index", "--corpus", corpus, "--index", index, "--workers", "1")
    assert res.returncode == 0, res.stderr
    assert len(contents(index)) == 12
