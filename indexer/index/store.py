"""The index folder: generations, the writer lock, durable commits, and opening readers.

Layout of an index folder::

    CURRENT          name of the live generation, replaced atomically
    gen-<stamp>/     a Whoosh index (+ SCHEMA_VERSION); a full rebuild writes a new one
    write.lock       held (flock) by the one indexing run allowed at a time
    runs.json        summary of the last indexing runs
    failures.json    files that could not be indexed, by name, with reason

Whoosh writes a new TOC and renames it into place, so a killed process leaves the last
commit intact, but it never fsyncs (reliability.md finding 3): we fsync every file and the
folder after each commit before reporting progress. Readers open with
`supports_mmap=False`, which avoids Whoosh copying every mmapped file into anonymous
memory (perf-feasibility.md §4: 237 MB -> 38 MB at 20k pages).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex

from ..errors import IndexCorrupt, IndexLocked, IndexMissing, IndexWriteError
from .schema import SCHEMA_VERSION, build_schema

log = logging.getLogger(__name__)

CURRENT = "CURRENT"
LOCK = "write.lock"
RUNS = "runs.json"
FAILURES = "failures.json"
_GEN_PREFIX = "gen-"
_STALE_SECONDS = 3600


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(path: Path) -> None:
    """Make every file in `path` and the folder entry itself durable."""
    for child in path.iterdir():
        if child.is_file():
            with open(child, "rb") as fh:
                os.fsync(fh.fileno())
    fsync_dir(path)


def write_atomic(path: Path, data: str) -> None:
    """Write a small file so readers see the old or the new content, never a torn one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise IndexWriteError(f"cannot write {path}: {exc.strerror or exc}") from exc


class IndexDir:
    """An index folder on disk; cheap to create, touches nothing until asked."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    # -- generations -------------------------------------------------------------------
    def current_generation(self) -> str | None:
        try:
            name = (self.path / CURRENT).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:  # a torn or garbled CURRENT
            raise IndexCorrupt(f"cannot read {self.path / CURRENT}: {exc}",
                               "rebuild with: reportsearch index --full") from exc
        if not name.startswith(_GEN_PREFIX) or "/" in name or not (self.path / name).is_dir():
            raise IndexCorrupt(
                f"{self.path / CURRENT} names a missing generation {name!r}",
                "rebuild with: reportsearch index --full",
            )
        return name

    def exists(self) -> bool:
        return (self.path / CURRENT).exists()

    def schema_version(self, generation: str) -> int | None:
        try:
            return int((self.path / generation / "SCHEMA_VERSION").read_text().strip())
        except (OSError, ValueError):
            return None

    def new_generation(self) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        name = f"{_GEN_PREFIX}{stamp}"
        gen = self.path / name
        try:
            gen.mkdir(parents=True)
            FileStorage(str(gen)).create_index(build_schema())
            (gen / "SCHEMA_VERSION").write_text(f"{SCHEMA_VERSION}\n")
            fsync_tree(gen)
        except OSError as exc:
            raise IndexWriteError(f"cannot create index in {gen}: {exc.strerror or exc}") from exc
        return name

    def publish(self, generation: str) -> None:
        """Make `generation` the live one: readers switch on their next open.

        The generation it replaces is stamped now, so `remove_stale_generations` keeps it for
        another hour for searches that were already running on it.
        """
        try:
            previous = self.current_generation()
        except IndexCorrupt:
            previous = None
        write_atomic(self.path / CURRENT, generation + "\n")
        if previous and previous != generation:
            os.utime(self.path / previous)

    def remove_stale_generations(self, keep: set[str]) -> None:
        """Delete generations no reader should still use (crashed or superseded long ago)."""
        now = time.time()
        for child in self.path.glob(f"{_GEN_PREFIX}*"):
            if child.name in keep or not child.is_dir():
                continue
            if now - child.stat().st_mtime > _STALE_SECONDS or not (child / "SCHEMA_VERSION").exists():
                shutil.rmtree(child, ignore_errors=True)

    # -- lock --------------------------------------------------------------------------
    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """Hold the single-writer lock; a second run fails at once with `IndexLocked`.

        flock dies with its process, so a killed run never leaves a stale lock behind.
        """
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            fh = open(self.path / LOCK, "a+")
        except OSError as exc:
            raise IndexWriteError(f"cannot create index folder {self.path}: {exc.strerror or exc}") from exc
        try:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise IndexLocked(
                    f"another indexing run is writing {self.path}",
                    "wait for it to finish, then run again",
                ) from None
            fh.seek(0)
            fh.truncate()
            fh.write(f"{os.getpid()}\n")
            fh.flush()
            yield
        finally:
            fh.close()

    # -- side files --------------------------------------------------------------------
    def read_json(self, name: str, default: Any) -> Any:
        try:
            return json.loads((self.path / name).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return default
        except (OSError, ValueError) as exc:
            # A side file (run history, failure list) is not worth failing a search or a
            # run for, but it is never dropped silently: the next run rewrites it.
            log.warning("ignoring unreadable %s: %s", self.path / name, exc)
            return default

    def write_json(self, name: str, data: Any) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=1)
        # Undecodable file names hold lone surrogates, which UTF-8 cannot encode: write them
        # as JSON \uXXXX escapes, which json.loads turns back into the same surrogates.
        write_atomic(self.path / name, text.encode("utf-8", "backslashreplace").decode("utf-8"))

    # -- opening -----------------------------------------------------------------------
    def open_index(self, generation: str | None = None) -> FileIndex:
        """Open the live (or given) generation read-only, classifying every failure."""
        gen = generation or self.current_generation()
        if gen is None:
            raise IndexMissing(
                f"no index in {self.path}", "build it with: reportsearch index"
            )
        version = self.schema_version(gen)
        if version != SCHEMA_VERSION:
            raise IndexCorrupt(
                f"index in {self.path} has schema version {version}, this program needs {SCHEMA_VERSION}",
                "rebuild with: reportsearch index --full",
            )
        last_exc: Exception | None = None
        for attempt in range(3):  # a reader racing a commit can miss a TOC briefly
            try:
                storage = FileStorage(str(self.path / gen), supports_mmap=False, readonly=True)
                return storage.open_index()
            except Exception as exc:  # Whoosh raises many types for damaged files
                last_exc = exc
                time.sleep(0.05 * (attempt + 1))
        raise IndexCorrupt(
            f"index in {self.path} cannot be opened: {type(last_exc).__name__}: {last_exc}",
            "rebuild with: reportsearch index --full",
        ) from last_exc

    def open_for_writing(self, generation: str) -> FileIndex:
        try:
            # No mmap here either: Whoosh's writer opens every existing segment (deletes,
            # merges) and would copy each mmapped file into memory (see the module doc).
            return FileStorage(str(self.path / generation), supports_mmap=False).open_index()
        except Exception as exc:
            raise IndexCorrupt(
                f"index in {self.path / generation} cannot be opened for writing: "
                f"{type(exc).__name__}: {exc}",
                "rebuild with: reportsearch index --full",
            ) from exc

    def size_bytes(self) -> int:
        gen = self.current_generation()
        if gen is None:
            return 0
        return sum(f.stat().st_size for f in (self.path / gen).iterdir() if f.is_file())
