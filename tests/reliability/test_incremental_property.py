"""Incremental re-indexing against a model (reliability.md T11, W15).

A seeded random sequence of add / modify / touch / rename / delete / corrupt / repair steps
over a small corpus of distinct sample-PDF copies, each followed by an incremental run.
After every step: the indexed set equals the valid files (by path and sha256), the failures
equal the bad files, and every report has exactly its record's pages (no duplicates).
"""

from __future__ import annotations

import hashlib
import os
import random
import time
from pathlib import Path

import pytest

from indexer.index.reader import IndexReader
from indexer.pipeline import index_corpus

from .conftest import SAMPLES, figure

SOURCES = [SAMPLES[i] for i in (1, 6, 10, 13)]  # small PDFs: quick to extract


def write_copy(path: Path, n: int) -> None:
    path.write_bytes(SOURCES[n % len(SOURCES)].read_bytes() + f"%{n}\n".encode())


def check(corpus: Path, index: Path, summary, bad: set[str]) -> None:
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus.glob("*.pdf")}
    valid = {k: v for k, v in files.items() if k not in bad}
    reader = IndexReader(index)
    with reader.snapshot() as snap:
        got = {rec["file"]["path"]: rec["file"]["sha256"] for rec in snap.records.values()}
        for rid, rec in snap.records.items():
            assert sorted(snap.page_docnums(rid)) == [p[0] for p in rec["pages"]], rec["file"]
        assert len(got) == len(snap.records), "a path is indexed twice"
    reader.ix.close()
    assert got == valid
    failed = {f.path for f in summary.failures if f.reason.value != "no_text"}
    assert failed == bad, (failed, bad)


def run_steps(tmp_path: Path, steps: int, seed: int) -> dict:
    rng = random.Random(seed)
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    counter = iter(range(10**6))
    for _ in range(4):
        n = next(counter)
        write_copy(corpus / f"f{n}.pdf", n)
    bad: set[str] = set()
    s = index_corpus(corpus, index, workers=1)
    check(corpus, index, s, bad)
    done: dict[str, int] = {}
    for _ in range(steps):
        names = sorted(p.name for p in corpus.glob("*.pdf"))
        good = [n for n in names if n not in bad]
        ops = ["add", "modify", "touch", "rename", "delete", "corrupt", "repair", "noop"]
        op = rng.choice(ops)
        if op == "add" or len(good) < 2 and op in ("delete", "corrupt"):
            n = next(counter)
            write_copy(corpus / f"f{n}.pdf", n)
            op = "add"
        elif op == "modify":
            name = rng.choice(names)
            write_copy(corpus / name, next(counter))
            bad.discard(name)
        elif op == "touch":
            p = corpus / rng.choice(names)
            os.utime(p, ns=(time.time_ns(), time.time_ns() + rng.randint(1, 10**9)))
        elif op == "rename":
            old = rng.choice(names)
            new = f"r{next(counter)}.pdf"
            (corpus / old).rename(corpus / new)
            if old in bad:
                bad.discard(old)
                bad.add(new)
        elif op == "delete":
            name = rng.choice(names)
            (corpus / name).unlink()
            bad.discard(name)
        elif op == "corrupt":
            name = rng.choice(good)
            data = (corpus / name).read_bytes()
            (corpus / name).write_bytes(rng.choice([b"", b"<html>gone</html>", data[: len(data) // 3]]))
            bad.add(name)
        elif op == "repair" and bad:
            name = sorted(bad)[0]
            write_copy(corpus / name, next(counter))
            bad.discard(name)
        done[op] = done.get(op, 0) + 1
        s = index_corpus(corpus, index, workers=1)
        check(corpus, index, s, bad)
    return {"steps": steps, "ops": dict(sorted(done.items())), "final_files": len(list(corpus.glob("*.pdf")))}


def test_incremental_random_steps(tmp_path):
    figure("incremental_property_ci", **run_steps(tmp_path, 25, seed=11))


@pytest.mark.slow
def test_incremental_random_steps_long(tmp_path):
    seed = int(time.time())
    print(f"seed {seed}")
    figure("incremental_property_slow", seed=seed, **run_steps(tmp_path, 150, seed=seed))
