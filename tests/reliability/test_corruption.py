"""Torn or corrupted index files in the live generation (reliability.md T3, W4).

Each damage mode (truncate / zero / garble a segment or the TOC, a bad CURRENT, a lost
generation) must be reported as corruption: `reportsearch status` exits 3 with one line
naming `index --full`, `/healthz`, `/api/search` answer 503 JSON, the HTML page 503; no
file of the index is deleted or changed by looking at it or by a refused incremental run;
and `index --full` brings back a healthy index. The slow run does Lucene-`crash()`-style
random trials: every file of the generation is kept, zeroed, truncated or garbled at random.
"""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import pytest

from indexer.errors import IndexCorrupt, IndexMissing
from indexer.index.store import IndexDir
from indexer.pipeline import index_corpus
from indexer.search import Searcher
from indexer.status import index_status
from search_app import create_app

from .conftest import SAMPLES, assert_one_error_line, cli, figure

NAMES = [SAMPLES[i].name for i in (3, 8, 10)]
TRIALS = 80


def tree(path: Path) -> dict[str, str]:
    return {str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file() and p.name != "write.lock"}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("corrupt")
    corpus = root / "corpus"
    corpus.mkdir()
    for n in NAMES:
        shutil.copy(SAMPLES[0].parent / n, corpus / n)
    index_corpus(corpus, root / "index", workers=2)
    return corpus, root / "index"


@pytest.fixture
def damaged_copy(pristine, tmp_path):
    corpus, index = pristine
    shutil.copytree(index, tmp_path / "index")
    return corpus, tmp_path / "index"


def gen_dir(index: Path) -> Path:
    return index / IndexDir(index).current_generation()


def _garble(data: bytes, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    b = bytearray(data)
    for _ in range(max(8, len(b) // 50)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def damage(index: Path, mode: str) -> None:
    if mode == "current_garbage":
        (index / "CURRENT").write_bytes(b"\x00\xffgarbage\n")
        return
    if mode == "current_missing_generation":
        (index / "CURRENT").write_text("gen-19700101T000000000000\n")
        return
    gen = gen_dir(index)
    if mode == "schema_garbage":
        (gen / "SCHEMA_VERSION").write_text("banana\n")
        return
    suffix, how = mode.split("_", 1)
    for f in gen.iterdir():
        if f.suffix != "." + suffix:
            continue
        data = f.read_bytes()
        f.write_bytes({"empty": b"", "half": data[: len(data) // 2],
                       "zeros": bytes(len(data)), "garble": _garble(data),
                       "tail": data[:-64]}[how])


MODES = ["seg_empty", "seg_half", "seg_zeros", "seg_garble", "seg_tail", "toc_empty",
         "toc_half", "toc_zeros", "toc_garble", "current_garbage", "current_missing_generation",
         "schema_garbage"]


def check_web_reports_corruption(index: Path, corpus: Path) -> None:
    client = create_app({"TESTING": True, "INDEX_PATH": str(index),
                         "CORPUS_PATH": str(corpus)}).test_client()
    for url in ("/healthz", "/api/search?q=trafficking", "/api/search", "/api/cite?q=workers+were+held+on+the+vessel+for+many+months"):
        r = client.get(url)
        assert r.status_code == 503, (url, r.status_code)
        assert r.is_json and r.json["error"]["code"] == "index_corrupt", (url, r.get_data()[:300])
        assert r.json["error"]["message"]
    for url in ("/", "/?q=trafficking", "/status"):
        r = client.get(url)
        assert r.status_code == 503, (url, r.status_code)
        body = r.get_data(as_text=True)
        assert r.mimetype == "text/html" and "index --full" in body and "Traceback" not in body


@pytest.mark.parametrize("mode", MODES)
def test_damage_is_reported_nothing_deleted_and_full_rebuild_recovers(damaged_copy, mode):
    corpus, index = damaged_copy
    damage(index, mode)
    before = tree(index)
    with pytest.raises(IndexCorrupt):
        index_status(index)
    with pytest.raises(IndexCorrupt):
        Searcher(index).search("trafficking")
    check_web_reports_corruption(index, corpus)
    assert tree(index) == before, "a damaged index was changed or deleted by reading it"
    if mode == "schema_garbage":  # an unknown schema version means: rebuild (documented)
        assert index_corpus(corpus, index, workers=1).full is True
    else:
        with pytest.raises(IndexCorrupt):
            index_corpus(corpus, index, workers=1)  # incremental refuses to build on it
        assert tree(index) == before, "a refused incremental run changed the damaged index"
    s = index_corpus(corpus, index, workers=1, full=True)
    assert s.indexed == 3 and not s.failures
    assert index_status(index)["reports"] == 3
    assert Searcher(index).search("").total == 3


@pytest.mark.parametrize("mode", ["seg_half", "toc_garble", "current_garbage"])
def test_cli_status_exits_3_and_index_full_recovers(damaged_copy, mode):
    corpus, index = damaged_copy
    damage(index, mode)
    before = tree(index)
    assert "index --full" in assert_one_error_line(cli("status", "--index", index), 3)
    assert_one_error_line(cli("search", "labour", "--index", index), 3)
    assert_one_error_line(cli("index", "--corpus", corpus, "--index", index, "--workers", "1"), 3)
    assert tree(index) == before
    res = cli("index", "--full", "--corpus", corpus, "--index", index, "--workers", "1")
    assert res.returncode == 0, res.stderr
    assert cli("status", "--index", index).returncode == 0


def test_server_with_damaged_index_answers_503_not_500(damaged_copy):
    from .conftest import Server

    corpus, index = damaged_copy
    damage(index, "seg_zeros")
    server = Server(index, corpus, threads=2)
    try:
        for path in ("/healthz", "/api/search?q=labour", "/?q=labour"):
            status, body, _ = server.get(path)
            assert status == 503, (path, status, body[:200])
        assert server.proc.poll() is None  # still serving
    finally:
        server.stop()


@pytest.mark.slow
def test_random_torn_generations(pristine, tmp_path):
    """Lucene crash() analogue: TRIALS trials, each file kept / emptied / halved / zeroed / garbled."""
    corpus, index0 = pristine
    rng = random.Random(2024)
    outcomes = {"intact": 0, "corrupt_reported": 0}
    for trial in range(TRIALS):
        index = tmp_path / f"t{trial}"
        shutil.copytree(index0, index)
        gen = gen_dir(index)
        for f in gen.iterdir():
            how = rng.choice(("keep", "keep", "empty", "half", "zeros", "garble"))
            data = f.read_bytes()
            if how != "keep" and data:
                f.write_bytes({"empty": b"", "half": data[: len(data) // 2],
                               "zeros": bytes(len(data)), "garble": _garble(data, trial)}[how])
        before = tree(index)
        try:
            st = index_status(index)
            Searcher(index).search("labour")
            outcomes["intact"] += 1
            assert st["reports"] == 3  # when it opens, nothing silently vanished
        except (IndexCorrupt, IndexMissing):
            outcomes["corrupt_reported"] += 1
            check_web_reports_corruption(index, corpus)
        assert tree(index) == before
        s = index_corpus(corpus, index, workers=1, full=True)
        assert s.indexed == 3 or (s.unchanged == 3)
        assert Searcher(index).search("").total == 3
        shutil.rmtree(index)
    figure("torn_index_trials", trials=TRIALS, **outcomes, unhandled=0)
