"""Hostile PDFs mixed with good ones (reliability.md T1).

One indexing run in a fresh process over ≥ 60 generated files: the run never crashes, every
bad file is reported by name with a reason class it may have, every good file is findable
by its marker word, each file finishes within its timeout, and the parent's peak memory
(VmHWM) barely moves, because pypdf never runs in the parent.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from indexer.models import FailureReason
from indexer.search import Searcher

from .conftest import PY, ROOT, SAMPLE_CORPUS, cli, figure
from .hostile_pdfs import INDEXED, catalogue, good_text, many_operators, reportlab_pdf, write_corpus

BASE = (SAMPLE_CORPUS / "regional-work-plan-2018.pdf").read_bytes()
REASONS = {r.value for r in FailureReason}
# pypdf never loads in the parent: it holds one report's pages and Whoosh's 128 MB writer
# pool. The plan's gate (reliability.md T1) is a parent peak of at most 300 MB.
PARENT_PEAK_MB = 300


def run_indexer(corpus: Path, index: Path, workers: int, timeout: float) -> dict:
    res = subprocess.run([PY, "-m", "tests.reliability.hostile_pdfs", str(corpus), str(index),
                          str(workers), str(timeout)], cwd=ROOT, capture_output=True, text=True,
                         timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "Traceback" not in res.stderr, res.stderr[-3000:]
    return json.loads(res.stdout)


def check_run(tmp_path: Path, specs, *, workers: int, timeout: float) -> dict:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    by_name = write_corpus(corpus, specs, tmp_path / "outside")
    assert len(by_name) >= 60
    out = run_indexer(corpus, index, workers, timeout)

    failed = {bytes.fromhex(f["path"]): f for f in out["failures"]}
    searcher = Searcher(index, corpus)
    indexed = {os.fsencode(rec["file"]["path"]) for rec in searcher.reader.records().values()}
    outcomes: dict[str, int] = {}
    for name, spec in by_name.items():
        f = failed.get(name)
        assert f is None or (f["reason"] in REASONS and f["message"]), (name, f)
        if f is not None and f["reason"] != "no_text":
            outcome = f["reason"]
            assert name not in indexed, (name, "both failed and indexed")
        elif name in indexed:
            outcome = INDEXED if f is None else "no_text"
        else:
            pytest.fail(f"{name!r} ({spec.kind}) neither indexed nor reported")
        assert outcome in spec.allowed or (outcome == "no_text" and INDEXED in spec.allowed), (
            name, spec.kind, outcome, f)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    # nothing reported that is not in the corpus, nothing indexed that was not written
    assert set(failed) <= set(by_name) and indexed <= set(by_name)

    for spec in specs:
        if spec.good:
            hits = {h.report_id for h in searcher.search(spec.marker).results}
            files = {os.fsencode(rec["file"]["path"]) for rid, rec in searcher.reader.records().items()
                     if rid in hits}
            assert files == {spec.name}, (spec.marker, files)

    slowest = max(out["seconds"].values())
    assert slowest <= timeout + 5, slowest  # killed within its timeout (plus spawn slack)
    assert out["after"]["VmHWM"] / 1024 < PARENT_PEAK_MB, out
    # the CLI lists every failure by (printable) name
    st = json.loads(cli("status", "--json", "--index", index).stdout)
    listed = {f["file"] for f in st["failures"]}
    assert {f["display"] for f in out["failures"]} <= listed
    figure("hostile_pdfs", files=len(by_name), outcomes=dict(sorted(outcomes.items())),
           good=sum(s.good for s in specs), seconds=round(out["elapsed"], 1),
           slowest_file_s=round(slowest, 2), parent_vmhwm_mb=[round(out["before"]["VmHWM"] / 1024),
                                                              round(out["after"]["VmHWM"] / 1024)])
    return out


def test_hostile_corpus_fast_subset(tmp_path):
    specs = catalogue(BASE, n_mutants=12, slow=False)
    check_run(tmp_path, specs, workers=2, timeout=30)


def test_slow_file_is_killed_at_its_timeout_and_the_run_goes_on(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    many_operators(corpus / "ops-400k.pdf")  # ~7 s of pypdf work on this machine
    (corpus / "good.pdf").write_bytes(reportlab_pdf([good_text("zqafterslow")]))
    out = run_indexer(corpus, index, 1, 2.0)
    assert [(f["display"], f["reason"]) for f in out["failures"]] == [("ops-400k.pdf", "timeout")]
    assert out["seconds"][b"ops-400k.pdf".hex()] < 2.0 + 3
    assert Searcher(index).search("zqafterslow").total == 1


@pytest.mark.slow
def test_hostile_corpus_full(tmp_path):
    specs = catalogue(BASE, n_mutants=150, slow=True)
    check_run(tmp_path, specs, workers=2, timeout=60)
