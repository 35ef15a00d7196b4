"""What `reportsearch status` and the web status page show about an index."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from .index.reader import IndexReader
from .index.records import no_text_notices
from .index.schema import SCHEMA_VERSION
from .index.store import FAILURES, RUNS
from .models import display_name
from .serialize import failure_json

_FIELDS = ("title", "publisher", "year", "doc_type", "countries", "themes", "languages")


def index_status(index_path: Path, with_reports: bool = False,
                 reader: IndexReader | None = None) -> dict[str, Any]:
    """Counts, languages, last run and failures; optionally every report's provenance."""
    reader = reader or IndexReader(index_path)
    with reader.snapshot() as snap:  # turns a damaged segment into IndexCorrupt
        records = snap.records
    # One decoded record at a time: /healthz calls this, and holding all of them decoded
    # was the server's peak memory at 80k pages (~8.5 kB a report).
    languages: Counter[str] = Counter()
    pages = 0
    notices: list[dict] = []
    details: list[tuple[str, dict[str, Any]]] = []
    for _rid, rec in records.decoded():
        languages.update(rec["metadata"].get("languages") or ["unknown"])
        pages += len(rec["pages"])
        notices += [failure_json(f) for f in no_text_notices([rec])]
        if with_reports:
            details.append((rec["file"]["path"], _provenance(rec)))
    runs = reader.dir.read_json(RUNS, [])
    failures = reader.dir.read_json(FAILURES, [])
    out: dict[str, Any] = {
        "index": str(index_path),
        "generation": reader.generation,
        "schema_version": SCHEMA_VERSION,
        "size_bytes": reader.dir.size_bytes(),
        "reports": len(records),
        "pages": pages,
        "languages": dict(languages.most_common()),
        "last_run": runs[-1] if runs else None,
        "failures": [{"file": f["path"], "reason": f["reason"], "message": f["message"]}
                     for f in failures] + notices,
    }
    if with_reports:
        out["reports_detail"] = [d for _path, d in sorted(details, key=lambda pd: pd[0])]
    return out


def _provenance(rec: dict) -> dict[str, Any]:
    meta = rec["metadata"]
    sources = meta.get("sources", {})
    fields = {}
    for name in _FIELDS:
        value = meta.get(name)
        if isinstance(value, list):
            value = "; ".join(value)
        fields[name] = (value if value not in (None, "") else "-", sources.get(name, "default"))
    return {"id": rec["id"], "file": display_name(rec["file"]["path"]), "pages": len(rec["pages"]),
            "fields": fields}
