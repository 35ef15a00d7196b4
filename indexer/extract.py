"""One PDF -> `Extraction`. The only module in the project that imports pypdf.

Every PDF is untrusted input (reliability.md §0, §1.A): pypdf raises far more than its own
error classes, can hang, and has segfaulted. This module therefore only does what can be done
in-process — quick checks, explicit pypdf limits, per-page recovery, exception mapping — and
is meant to run inside a worker process (`indexer.workers`) that adds the wall-clock timeout,
the memory cap and crash containment.
"""

from __future__ import annotations

import logging
import struct
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdf
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

from indexer import lang
from indexer.models import Extraction, FailureReason, Page, Quality
from indexer.normalize import normalize_page_text
from indexer.quality import (  # re-exported: extraction's public quality API
    GARBLED_SCRIPT_RATE,
    MIN_SCRIPT_CHARS,
    invalid_sequences,
    page_quality,
    script_garbled,
    spread_script_garbling,
)

__all__ = ["ExtractionFailed", "extract_pdf", "page_quality", "script_garbled",
           "invalid_sequences", "GARBLED_SCRIPT_RATE", "MIN_SCRIPT_CHARS"]

MAX_FILE_BYTES = 500 * 1024 * 1024
MAX_PAGES = 5000
MAX_PAGE_CHARS = 1_000_000
_MAGIC_WINDOW = 1024

# pypdf 7.1.1 defaults, written out so that an upgrade cannot silently relax them
# (reliability.md §4.2). jbig2dec is disabled: text extraction never needs that native tool.
# fmt: off
_LIMITS = pypdf.Configuration(
    maximum_declared_stream_length=75_000_000, array_based_stream_maximum_output_length=75_000_000,
    array_maximum_element_count=100_000, dictionary_maximum_element_count=100_000,
    jbig2_maximum_output_length=75_000_000, lzw_maximum_output_length=75_000_000,
    run_length_maximum_output_length=75_000_000, zlib_maximum_output_length=75_000_000,
    zlib_maximum_recovery_input_length=5_000_000, brotli_maximum_output_length=75_000_000,
    flate_maximum_columns=250_000, flate_maximum_row_length=4_000_000,
    image_maximum_buffer_size=75_000_000, stream_filters_maximum_length=16,
    stream_decoding_work_maximum_length=300_000_000, stream_parsing_work_maximum_count=2_000_000,
    xmp_maximum_input_length=5_000_000, xmp_maximum_element_count=100_000,
    outline_maximum_entries=100_000, outline_maximum_depth=100,
    page_tree_maximum_entries=100_000, page_tree_maximum_depth=100,
    page_tree_maximum_page_entries=2_000_000,
    form_fields_maximum_entries=100_000, form_fields_maximum_depth=100,
    named_destinations_maximum_entries=100_000, named_destinations_maximum_depth=100,
    xform_maximum_invocations_per_extraction=5_000, xfa_decoding_work_maximum_length=300_000_000,
    jbig2dec_binary=None,
)
# fmt: on

# Exceptions that malformed PDFs are known to provoke inside pypdf (reliability.md P12, P14).
_PARSER_ERRORS = (
    PyPdfError, RecursionError, KeyError, ValueError, TypeError, AttributeError,
    IndexError, AssertionError, ZeroDivisionError, OverflowError, UnicodeError,
    NotImplementedError, struct.error, zlib.error,
)  # fmt: skip

_INFO_FIELDS = ("title", "author", "subject", "keywords")


class ExtractionFailed(Exception):
    """The whole file could not be extracted; the worker layer turns this into a `Failure`."""

    def __init__(self, reason: FailureReason, message: str) -> None:
        super().__init__(f"{reason.value}: {message}")
        self.reason = reason
        self.message = message


def extract_pdf(
    path: Path,
    *,
    max_bytes: int = MAX_FILE_BYTES,
    max_pages: int = MAX_PAGES,
    max_page_chars: int = MAX_PAGE_CHARS,
    languages: bool = True,
) -> Extraction:
    """Extract the pages and document info of one PDF, or raise `ExtractionFailed`.

    A scanned report (every page NO_TEXT) is still returned: the user wants it listed.
    `languages=False` leaves page languages to the caller (`lang.with_page_languages`).
    """
    _quick_checks(Path(path), max_bytes)
    with _counting_pypdf_log() as counter, pypdf.apply_configuration(_LIMITS):
        try:
            pages, info = _read(Path(path), max_pages, max_page_chars, counter)
        except ExtractionFailed:
            raise
        except MemoryError:
            raise ExtractionFailed(FailureReason.MEMORY, "ran out of memory") from None
        except BaseException as exc:  # noqa: BLE001 - narrowed by _classify, rest re-raised
            failure = _classify(exc)
            if failure is None:
                raise
            raise failure from exc
    # Outside the pypdf error mapping: a bug in language detection is not a corrupt PDF.
    done = lang.with_page_languages(pages) if languages else tuple(pages)
    return Extraction(pages=done, info=info, warnings=counter.count)


def extract_pdf_text(path: Path) -> Extraction:
    """`extract_pdf` without language detection: what the indexing workers run.

    With one worker, the worker (pypdf) is the slow side and the indexing process waits
    for it; detecting languages in the indexing process instead balances the two.
    """
    return extract_pdf(path, languages=False)


def _read(
    path: Path, max_pages: int, max_page_chars: int, counter: _WarningCounter
) -> tuple[list[Page], dict[str, str]]:
    reader = pypdf.PdfReader(path, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ExtractionFailed(
            FailureReason.ENCRYPTED,
            "password-protected; remove the password or provide an unlocked copy",
        )
    total = len(reader.pages)
    if total > max_pages:
        counter.count += 1  # the first max_pages pages are still worth indexing
    labels = _page_labels(reader, counter)
    pages: list[Page] = []
    errors: list[BaseException] = []
    for i in range(min(total, max_pages)):
        try:
            raw = reader.pages[i].extract_text()
        except MemoryError:
            raise
        except _PARSER_ERRORS as exc:  # one bad page must not lose the document
            errors.append(exc)
            counter.count += 1
            pages.append(Page(i + 1, _label(labels, i), "", (), Quality.GARBLED, "pypdf"))
            continue
        text = normalize_page_text(raw)
        if len(text) > max_page_chars:
            text = text[:max_page_chars]
            counter.count += 1
        pages.append(Page(i + 1, _label(labels, i), text, (), page_quality(text), "pypdf"))
    pages = spread_script_garbling(pages)
    if errors and len(errors) == len(pages):
        # Nothing was recovered: report the cause instead of a list of empty pages.
        raise _classify(errors[0]) or ExtractionFailed(FailureReason.CORRUPT, _describe(errors[0]))
    return pages, _document_info(reader, counter)


def _quick_checks(path: Path, max_bytes: int) -> None:
    """Cheap checks before pypdf sees the file: empty, not a PDF at all, too large."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(_MAGIC_WINDOW)
    except OSError as exc:
        raise ExtractionFailed(FailureReason.UNREADABLE, f"{type(exc).__name__}: {exc}") from exc
    if size == 0:
        raise ExtractionFailed(FailureReason.EMPTY, "the file is empty (0 bytes)")
    if b"%PDF-" not in head:
        raise ExtractionFailed(FailureReason.NOT_PDF, _describe_non_pdf(head))
    if size > max_bytes:
        raise ExtractionFailed(
            FailureReason.TOO_LARGE,
            f"{size / 2**20:.0f} MB is over the {max_bytes / 2**20:.0f} MB limit",
        )


_SIGNATURES = (
    (b"<!doctype html", "an HTML page saved as .pdf"),
    (b"<html", "an HTML page saved as .pdf"),
    (b"<?xml", "an XML file saved as .pdf"),
    (b"pk\x03\x04", "a ZIP archive (or Office document) saved as .pdf"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document saved as .pdf"),
    (b"%!ps", "a PostScript file saved as .pdf"),
    (b"\x89png", "a PNG image saved as .pdf"),
    (b"\xff\xd8\xff", "a JPEG image saved as .pdf"),
    (b"gif8", "a GIF image saved as .pdf"),
    (b"{", "a JSON document saved as .pdf"),
)


def _describe_non_pdf(head: bytes) -> str:
    """Say what the file looks like, so the user knows e.g. a download went wrong."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    shown = start[:14].decode("latin-1")
    what = next((w for sig, w in _SIGNATURES if start.lower().startswith(sig)), "")
    if not what:
        what = "not a PDF (no '%PDF-' header in the first 1024 bytes)"
    return f"starts with {shown!r} — {what}"


def _classify(exc: BaseException) -> ExtractionFailed | None:
    """Map an exception from pypdf to a failure class; None for ones we must not swallow."""
    if isinstance(exc, ExtractionFailed):
        return exc
    if isinstance(exc, MemoryError):
        return ExtractionFailed(FailureReason.MEMORY, "ran out of memory")
    if isinstance(exc, FileNotDecryptedError):
        return ExtractionFailed(
            FailureReason.ENCRYPTED,
            f"password-protected; remove the password or provide an unlocked copy ({exc})",
        )
    if isinstance(exc, DependencyError):
        return ExtractionFailed(
            FailureReason.ENCRYPTED, f"cannot decrypt: missing dependency ({exc})"
        )
    if isinstance(exc, LimitReachedError):
        return ExtractionFailed(FailureReason.TOO_LARGE, f"exceeds decompression limit ({exc})")
    if isinstance(exc, _PARSER_ERRORS):
        return ExtractionFailed(FailureReason.CORRUPT, _describe(exc))
    if isinstance(exc, OSError):
        return ExtractionFailed(FailureReason.UNREADABLE, _describe(exc))
    return None


def _describe(exc: BaseException) -> str:
    message = str(exc).strip() or "(no message)"
    return f"{type(exc).__name__}: {message[:500]}"


def _page_labels(reader: pypdf.PdfReader, counter: _WarningCounter) -> list[str]:
    """Printed page labels ('i', 'ii', '1'...); broken /PageLabels fall back to numbers."""
    try:
        return [str(label) for label in reader.page_labels]
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception:  # noqa: BLE001 - labels are cosmetic; numbers are a correct fallback
        counter.count += 1
        return []


def _label(labels: list[str], i: int) -> str:
    label = labels[i].replace("\x00", "").strip() if i < len(labels) else ""
    return label or str(i + 1)


def _document_info(reader: pypdf.PdfReader, counter: _WarningCounter) -> dict[str, str]:
    """Title, author, subject, keywords, creation_date; broken metadata never fails the file."""
    info: dict[str, str] = {}
    try:
        meta = reader.metadata
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception:  # noqa: BLE001 - metadata is optional; the text is what matters
        counter.count += 1
        return info
    if meta is None:
        return info
    for key in (*_INFO_FIELDS, "creation_date"):
        try:
            value = _info_value(meta, key)
        except (MemoryError, KeyboardInterrupt):
            raise
        except Exception:  # noqa: BLE001 - skip the one unreadable field
            counter.count += 1
            continue
        value = value.replace("\x00", "").strip()[:2000]
        if value:
            info[key] = value
    return info


def _info_value(meta: pypdf.DocumentInformation, key: str) -> str:
    if key != "creation_date":
        value = getattr(meta, key)
        return "" if value is None else str(value)
    try:
        date = meta.creation_date
    except ValueError:  # unparsable date string: keep it raw for the metadata module
        date = None
    if date is not None:
        return date.isoformat()
    raw = meta.creation_date_raw
    return "" if raw is None else str(raw)


class _WarningCounter(logging.Handler):
    """Counts pypdf's log warnings and Python warnings instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def _counting_pypdf_log() -> Iterator[_WarningCounter]:
    """Silence the `pypdf` logger (a circular xref spams it endlessly) but count warnings."""
    logger = logging.getLogger("pypdf")
    counter = _WarningCounter()
    saved = (logger.level, logger.propagate, logger.handlers[:])
    logger.handlers = [counter]
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield counter
            counter.count += len(caught)
    finally:
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        logger.handlers = saved[2]
