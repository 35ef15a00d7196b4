"""Tests for indexer.workers: hangs, crashes and memory blow-ups stay inside the workers.

The misbehaving extractors are module-level functions so the spawned workers can import
them by reference. They dispatch on the file name, so one run can mix good and bad files.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.models import Extraction, Failure, FailureReason, Page, Quality
from indexer.workers import extract_many

ROOT = Path(__file__).resolve().parents[1]


class FakeFailed(Exception):
    """Shaped like extract.ExtractionFailed (reason + message) without importing pypdf."""

    def __init__(self, reason: FailureReason, message: str) -> None:
        super().__init__(message)
        self.reason, self.message = reason, message


def misbehaving_extractor(path: Path) -> Extraction:
    """Good files return one page with their content; names ask for a specific fault."""
    kind = path.stem.split("-")[0]
    if kind == "hang":
        time.sleep(3600)
    elif kind == "spin":
        while True:
            pass
    elif kind == "exit":
        os._exit(1)
    elif kind == "segv":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif kind == "oom":
        blob = bytearray(10 * 1024**3)  # 10 GB, far over the 512 MB RLIMIT_AS
        return Extraction(pages=(Page(1, "1", str(len(blob))),))
    elif kind == "sigkill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif kind == "encrypted":
        raise FakeFailed(FailureReason.ENCRYPTED, "password-protected")
    elif kind == "bug":
        raise ZeroDivisionError("oops")
    text = path.read_text()
    return Extraction(pages=(Page(1, "1", text, ("en",), Quality.OK),))


def spawned_children() -> list[int]:
    """PIDs of this process's multiprocessing-spawned children, read from /proc."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == os.getpid() and b"spawn_main" in cmdline:
            pids.append(int(entry.name))
    return pids


def make_jobs(tmp_path: Path, names: list[str]) -> list[tuple[Path, str]]:
    jobs = []
    for name in names:
        path = tmp_path / f"{name}.pdf"
        path.write_text(f"content of {name}")
        jobs.append((path, f"sub/{name}.pdf"))
    return jobs


def test_faults_are_contained_and_good_files_all_return(tmp_path: Path) -> None:
    names = [
        "good-1",
        "hang-1",
        "good-2",
        "exit-1",
        "segv-1",
        "oom-1",
        "spin-1",
        "encrypted-1",
        "bug-1",
        "good-3",
        "good-4",
    ]
    start = time.monotonic()
    results = dict(
        extract_many(
            make_jobs(tmp_path, names),
            workers=2,
            file_timeout=1.5,
            memory_mb=512,
            extractor=misbehaving_extractor,
        )
    )
    elapsed = time.monotonic() - start
    assert set(results) == {f"sub/{n}.pdf" for n in names}
    for n in ("good-1", "good-2", "good-3", "good-4"):
        result = results[f"sub/{n}.pdf"]
        assert isinstance(result, Extraction) and result.pages[0].text == f"content of {n}"

    def failure(name: str) -> Failure:
        result = results[f"sub/{name}.pdf"]
        assert isinstance(result, Failure) and result.path == f"sub/{name}.pdf"
        return result

    assert failure("hang-1").reason is FailureReason.TIMEOUT
    assert failure("hang-1").message == "no result after 1.5 s"
    assert failure("spin-1").reason is FailureReason.TIMEOUT
    assert failure("exit-1").reason is FailureReason.CRASHED
    assert "exit code 1" in failure("exit-1").message
    assert failure("segv-1").reason is FailureReason.CRASHED
    assert "SIGSEGV" in failure("segv-1").message
    assert failure("oom-1").reason is FailureReason.MEMORY
    assert failure("encrypted-1") == Failure(
        "sub/encrypted-1.pdf", FailureReason.ENCRYPTED, "password-protected"
    )
    assert failure("bug-1").reason is FailureReason.CRASHED
    assert "ZeroDivisionError: oops" in failure("bug-1").message
    assert elapsed < 60  # generous: proves the hangs were killed, not waited out
    assert spawned_children() == []


def test_timeout_kills_within_bound_and_run_continues(tmp_path: Path) -> None:
    jobs = make_jobs(tmp_path, ["hang-a", "good-b", "good-c"])
    seen: list[tuple[str, float]] = []
    start = time.monotonic()
    for name, result in extract_many(
        jobs, workers=1, file_timeout=1.5, extractor=misbehaving_extractor
    ):
        seen.append((name, time.monotonic() - start))
        if name.endswith("hang-a.pdf"):
            assert isinstance(result, Failure) and result.reason is FailureReason.TIMEOUT
        else:
            assert isinstance(result, Extraction)
    assert [n for n, _ in seen] == ["sub/hang-a.pdf", "sub/good-b.pdf", "sub/good-c.pdf"]
    assert seen[0][1] < 15  # killed after ~1.5 s (+ worker start-up), not after an hour
    assert spawned_children() == []


def test_external_sigkill_is_reported_as_memory(tmp_path: Path) -> None:
    jobs = make_jobs(tmp_path, ["sigkill-1", "good-1"])
    results = dict(extract_many(jobs, workers=1, extractor=misbehaving_extractor))
    failure = results["sub/sigkill-1.pdf"]
    assert isinstance(failure, Failure) and failure.reason is FailureReason.MEMORY
    assert isinstance(results["sub/good-1.pdf"], Extraction)


def test_closing_the_generator_early_kills_workers(tmp_path: Path) -> None:
    jobs = make_jobs(tmp_path, ["good-1", "hang-1", "hang-2", "good-2"])
    gen = extract_many(jobs, workers=3, file_timeout=600, extractor=misbehaving_extractor)
    name, _ = next(gen)
    assert name == "sub/good-1.pdf"
    assert spawned_children()  # the hanging workers are still running
    gen.close()
    assert spawned_children() == []


def test_consumer_exception_kills_workers(tmp_path: Path) -> None:
    jobs = make_jobs(tmp_path, ["good-1", "hang-1"])
    with pytest.raises(RuntimeError, match="consumer broke"):
        for _ in extract_many(jobs, workers=2, file_timeout=600, extractor=misbehaving_extractor):
            raise RuntimeError("consumer broke")
    assert spawned_children() == []


def test_jobs_may_be_a_lazy_iterator_and_workers_are_reused(tmp_path: Path) -> None:
    jobs = make_jobs(tmp_path, [f"good-{i}" for i in range(12)])

    def lazy() -> Iterator[tuple[Path, str]]:
        yield from jobs

    results = list(extract_many(lazy(), workers=2, extractor=misbehaving_extractor))
    assert sorted(n for n, _ in results) == sorted(n for _, n in jobs)
    assert all(isinstance(r, Extraction) for _, r in results)


def test_no_jobs(tmp_path: Path) -> None:
    assert list(extract_many([], extractor=misbehaving_extractor)) == []
    assert spawned_children() == []


def _run_script(code: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=str(ROOT),
    )


def test_parent_never_imports_pypdf(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "page.html").write_bytes(b"<html></html>")
    proc = _run_script(f"""
        import sys
        from pathlib import Path
        from indexer.workers import extract_many
        if __name__ == "__main__":
            jobs = [(Path({str(tmp_path / "empty.pdf")!r}), "empty.pdf"),
                    (Path({str(tmp_path / "page.html")!r}), "page.html")]
            out = dict(extract_many(jobs, workers=1))
            print(sorted(r.reason.value for r in out.values()), "pypdf" in sys.modules)
    """)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "['empty', 'not_pdf'] False"


def test_ctrl_c_stops_the_run_and_leaves_no_worker(tmp_path: Path) -> None:
    jobs = make_jobs(tmp_path, ["hang-1", "hang-2"])
    proc = _run_script(f"""
        import os, signal, threading, time
        from pathlib import Path
        from indexer.workers import extract_many
        from test_workers import misbehaving_extractor, spawned_children
        if __name__ == "__main__":
            jobs = {[(str(p), n) for p, n in jobs]!r}
            threading.Timer(2.0, os.kill, (os.getpid(), signal.SIGINT)).start()
            try:
                list(extract_many(jobs, workers=2, file_timeout=600,
                                  extractor=misbehaving_extractor))
            except KeyboardInterrupt:
                print("interrupted", len(spawned_children()))
    """)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "interrupted 0"


def test_default_extractor_on_a_real_pdf(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "report.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 750, "Victims of forced labour were identified in fishing and agriculture.")
    c.showPage()
    c.save()
    [(name, result)] = list(extract_many([(path, "report.pdf")], workers=1))
    assert name == "report.pdf" and isinstance(result, Extraction)
    assert result.pages[0].text.startswith("Victims of forced labour")
    assert result.pages[0].languages[:1] == ("en",)


REAL = os.environ.get("REPORTSEARCH_REAL_PDFS")


@pytest.mark.skipif(not REAL, reason="set REPORTSEARCH_REAL_PDFS to the shared PDF folder")
def test_real_pdfs() -> None:
    folder = Path(REAL or ".")
    with (folder / "manifest.csv").open(newline="", encoding="utf-8") as fh:
        manifest = {row["file"]: row for row in csv.DictReader(fh)}
    files = sorted(folder.glob("*.pdf"))
    assert files
    results = dict(extract_many([(p, p.name) for p in files], workers=2))
    assert set(results) == {p.name for p in files}
    for name, result in results.items():
        if isinstance(result, Failure):
            assert result.reason in set(FailureReason) and result.message
            assert result.reason not in (FailureReason.CRASHED, FailureReason.TIMEOUT), result
        else:
            expected = manifest.get(name, {}).get("pages")
            if expected:
                assert len(result.pages) == int(expected), name
    encrypted = results["robust_libreoffice-writer-password.pdf"]
    assert isinstance(encrypted, Failure) and encrypted.reason is FailureReason.ENCRYPTED
    # pypdf 7.1.1 cannot read this file's page tree ("Invalid object in /Pages"): corrupt.
    unreadable = results["robust_unreadablemetadata.pdf"]
    assert isinstance(unreadable, Failure) and unreadable.reason is FailureReason.CORRUPT
    scanned = results["robust_imagemagick-CCITTFaxDecode.pdf"]
    assert isinstance(scanned, Extraction)
    assert scanned.pages and all(p.quality is Quality.NO_TEXT for p in scanned.pages)
