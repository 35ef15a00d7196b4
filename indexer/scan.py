"""Finding the PDFs of a corpus folder and fingerprinting them.

Symlinks that resolve outside the corpus are never followed (reported by name), file
names that are not valid UTF-8 are kept (surrogate-escaped) so the file can still be
opened, and shown readably.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError
from .models import Failure, FailureReason, FileState


@dataclass(frozen=True)
class Candidate:
    """A PDF found in the corpus: where it is and its cheap stat fingerprint."""

    abspath: Path
    rel: str  # relative to the corpus, "/" separators, may hold surrogate escapes
    size: int
    mtime_ns: int


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_state(c: Candidate, sha256: str) -> FileState:
    return FileState(path=c.rel, size=c.size, mtime_ns=c.mtime_ns, sha256=sha256)


def scan_corpus(corpus: Path) -> tuple[list[Candidate], list[Failure]]:
    """All `*.pdf` files under `corpus` (sorted), plus the ones refused and why."""
    if not corpus.exists():
        raise UsageError(f"corpus folder {corpus} does not exist", "pass --corpus DIR")
    if not corpus.is_dir():
        raise UsageError(f"corpus path {corpus} is not a folder", "pass --corpus DIR")
    root = corpus.resolve()
    found: list[Candidate] = []
    refused: list[Failure] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        here = Path(dirpath)
        for name in [*dirnames]:
            p = here / name
            if p.is_symlink():  # inside targets are walked anyway; outside ones never
                dirnames.remove(name)
                if not p.resolve().is_relative_to(root):
                    refused.append(Failure(p.relative_to(root).as_posix(),
                                           FailureReason.SYMLINK_OUTSIDE,
                                           "symlinked folder points outside the corpus; not followed"))
        for name in sorted(filenames):
            if not name.lower().endswith(".pdf"):
                continue
            p = here / name
            rel = p.relative_to(root).as_posix()
            if p.is_symlink():
                target = p.resolve()
                if not target.is_relative_to(root):
                    refused.append(Failure(rel, FailureReason.SYMLINK_OUTSIDE,
                                           "symlink points outside the corpus folder; not followed"))
                    continue
            try:
                st = p.stat()
            except OSError as exc:
                refused.append(Failure(rel, FailureReason.UNREADABLE, exc.strerror or str(exc)))
                continue
            if not os.access(p, os.R_OK):
                refused.append(Failure(rel, FailureReason.UNREADABLE, "permission denied"))
                continue
            found.append(Candidate(p, rel, st.st_size, st.st_mtime_ns))
    return found, refused
