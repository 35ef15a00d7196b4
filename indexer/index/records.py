"""Report records: the JSON form of a report (without page text) kept in the index.

Pure Python so the pipeline and search can share it; page text travels separately,
zlib-compressed, in each page document.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from ..models import Failure, FailureReason, FileState, Metadata, Page, Quality, Report


def report_to_record(report: Report) -> dict[str, Any]:
    return {
        "id": report.id,
        "file": asdict(report.file),
        "metadata": {**asdict(report.metadata), "sources": dict(report.metadata.sources)},
        "pages": [
            [p.number, p.label, p.quality.value, list(p.languages), p.extractor]
            for p in report.pages
        ],
    }


def record_to_report(record: dict[str, Any], texts: dict[int, str] | None = None) -> Report:
    """Rebuild a `Report`; pages get their text only when `texts` provides it."""
    meta = dict(record["metadata"])
    for key in ("countries", "themes", "languages"):
        meta[key] = tuple(meta.get(key) or ())
    pages = tuple(
        Page(
            number=n,
            label=label,
            text=(texts or {}).get(n, ""),
            languages=tuple(langs),
            quality=Quality(quality),
            extractor=extractor,
        )
        for n, label, quality, langs, extractor in record["pages"]
    )
    return Report(
        id=record["id"],
        file=FileState(**record["file"]),
        metadata=Metadata(**meta),
        pages=pages,
    )


def encode_record(record: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def decode_record(blob: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))


def encode_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def decode_text(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")


def no_text_notices(records: Iterable[dict[str, Any]]) -> list[Failure]:
    """Reports indexed by metadata only: every page lacks a text layer (needs OCR)."""
    out = []
    for rec in records:
        pages = rec["pages"]
        if pages and all(p[2] == Quality.NO_TEXT.value for p in pages):
            out.append(Failure(rec["file"]["path"], FailureReason.NO_TEXT,
                               f"no text layer on any of {len(pages)} pages (scanned; needs OCR); "
                               "indexed by its metadata only"))
    return out
