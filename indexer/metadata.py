"""A report's metadata, each field with its provenance, and the metadata.csv override file.

Per field the first source that has a value wins: metadata.csv (a curator said so) > PDF
document info > text heuristics over the pages > the file name or a default. `Metadata.sources`
records which one it was, so the UI can show how far to trust a value and curators can see
what to fix. Details and the theme taxonomy: docs/metadata.md.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

from indexer import heuristics as h
from indexer.errors import UsageError
from indexer.lang import LANGUAGE_NAMES, LANGUAGE_NAMES_EN, report_languages
from indexer.models import Extraction, Metadata
from indexer.summary import summarize
from indexer.taxonomy import normalize_country, normalize_theme, pick_countries, pick_themes

__all__ = ["OVERRIDE_COLUMNS", "derive_metadata", "load_overrides", "normalize_country",
           "normalize_theme"]

OVERRIDES_FILE = "metadata.csv"
OVERRIDE_COLUMNS = ("file", "title", "publisher", "year", "type", "countries", "themes",
                    "languages", "summary")
LIST_SEPARATOR = ";"
_LANGUAGE_CODES = {
    **{name.casefold(): code for code, name in LANGUAGE_NAMES.items()},
    **{name.casefold(): code for code, name in LANGUAGE_NAMES_EN.items()},
}


def load_overrides(corpus_dir: Path) -> dict[str, dict[str, str]]:
    """Rows of `corpus_dir/metadata.csv` keyed by corpus-relative POSIX path, non-empty cells
    only. A missing file is {}; a malformed one raises UsageError naming file and line, since
    silently ignoring a curator's correction is worse than stopping."""
    path = corpus_dir / OVERRIDES_FILE
    if not path.is_file():
        return {}
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text ({exc.reason})", "save it as UTF-8 CSV") from exc
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        return _parse_overrides(path, text)
    except csv.Error as exc:
        raise UsageError(f"{path}: not valid CSV ({exc})", "save it as UTF-8 CSV") from exc


def _parse_overrides(path: Path, text: str) -> dict[str, dict[str, str]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [cell.strip().lower() for cell in next(reader, [])]
    unknown = [c for c in header if c not in OVERRIDE_COLUMNS]
    if unknown or "file" not in header or len(set(header)) != len(header):
        raise UsageError(
            f"{path}, line 1: bad header {header!r}",
            f"use columns from: {', '.join(OVERRIDE_COLUMNS)} ('file' is required)",
        )
    rows: dict[str, dict[str, str]] = {}
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            raise UsageError(f"{path}, line {line}: {len(cells)} cells, header has {len(header)}")
        row = {col: cell.strip() for col, cell in zip(header, cells, strict=False) if cell.strip()}
        file = row.pop("file", "").replace("\\", "/").removeprefix("./")
        if not file:
            raise UsageError(f"{path}, line {line}: the 'file' cell is empty")
        if file in rows:
            raise UsageError(f"{path}, line {line}: {file!r} appears twice")
        if "year" in row and not (row["year"].isdigit() and 1900 <= int(row["year"]) <= 2100):
            raise UsageError(f"{path}, line {line}: year {row['year']!r} is not a 4-digit year")
        rows[file] = row
    return rows


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


def _override_lists(overrides: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """List cells, normalised where we know the name; a curator's unknown value is kept."""
    out: dict[str, tuple[str, ...]] = {}
    if "countries" in overrides:
        out["countries"] = tuple(
            dict.fromkeys(normalize_country(c) or c for c in _split(overrides["countries"]))
        )
    if "themes" in overrides:
        out["themes"] = tuple(
            dict.fromkeys(normalize_theme(t) or t for t in _split(overrides["themes"]))
        )
    if "languages" in overrides:
        out["languages"] = tuple(
            dict.fromkeys(
                _LANGUAGE_CODES.get(x.casefold(), x.lower()) for x in _split(overrides["languages"])
            )
        )
    return out


def derive_metadata(
    extraction: Extraction, rel_path: str, overrides: Mapping[str, str] | None = None
) -> Metadata:
    """Metadata for one extracted PDF; see the module docstring for the precedence."""
    overrides = overrides or {}
    info = extraction.info
    pages_text = [page.text for page in extraction.pages]
    first = pages_text[0] if pages_text else ""
    sources: dict[str, str] = {}
    values: dict[str, object] = {}

    def choose(field: str, *candidates: tuple[str, object]) -> None:
        for source, value in candidates:
            if value not in (None, "", ()):
                values[field], sources[field] = value, source
                return
        values[field], sources[field] = candidates[-1][1], "default"

    pdf_title = info.get("title", "")
    choose(
        "title",
        ("metadata.csv", overrides.get("title", "")),
        ("pdf", h.clean_title(pdf_title) if h.meaningful_pdf_title(pdf_title, rel_path) else ""),
        ("text", h.title_from_text(first)),
        ("filename", h.humanize_filename(rel_path)),
    )
    title = str(values["title"])
    choose(
        "publisher",
        ("metadata.csv", overrides.get("publisher", "")),
        ("pdf", h.organisation_name(info.get("author", ""))),
        ("text", h.publisher_from_text(pages_text)),
        ("default", ""),
    )
    choose("year", ("metadata.csv", int(overrides["year"]) if "year" in overrides else None),
           *_year_candidates(pages_text, info.get("creation_date", "")), ("default", None))
    choose(
        "doc_type",
        ("metadata.csv", overrides.get("type", "").strip().lower()),
        ("text", h.doc_type(title, first)),
        ("default", "report"),
    )
    lists = _override_lists(overrides)
    full_text = "\n".join(pages_text)
    keywords = " ".join(info.get(k, "") for k in ("keywords", "subject"))
    choose("countries", ("metadata.csv", lists.get("countries", ())),
           ("text", _countries_for(full_text, title, keywords)), ("default", ()))
    choose("themes", ("metadata.csv", lists.get("themes", ())),
           ("text", pick_themes(f"{title}\n{keywords}\n{full_text}")), ("default", ()))
    choose("languages", ("metadata.csv", lists.get("languages", ())),
           ("text", report_languages(extraction.pages)), ("default", ()))
    subject = info.get("subject", "")
    choose(
        "summary",
        ("metadata.csv", overrides.get("summary", "")),
        ("pdf", " ".join(subject.split()) if h.real_sentence(subject) else ""),
        ("text", summarize(pages_text)),
        ("default", ""),
    )
    return Metadata(
        title=title,
        publisher=str(values["publisher"]),
        year=values["year"],  # type: ignore[arg-type]
        doc_type=str(values["doc_type"]),
        countries=values["countries"],  # type: ignore[arg-type]
        themes=values["themes"],  # type: ignore[arg-type]
        languages=values["languages"],  # type: ignore[arg-type]
        summary=str(values["summary"]),
        sources=sources,
    )


def _countries_for(full_text: str, title: str, keywords: str) -> tuple[str, ...]:
    """Countries prominent in the text; the title and the PDF keywords count as the title."""
    return pick_countries(full_text, f"{title}\n{keywords}")


def _year_candidates(pages_text: list[str], creation_date: str) -> list[tuple[str, int | None]]:
    """Year sources in order. A year next to ©/"published"/a month wins; otherwise a PDF made
    in the year named on the title page or the next is trusted (annual findings for 2021 come
    out in 2022), while a much later PDF date (a re-scan, a re-export) loses to the text."""
    made = h.pdf_year(creation_date)
    strong, weak = h.year_candidates(pages_text, not_after=made)
    if strong:
        return [("text", strong)]
    if weak and made and weak <= made <= weak + 1:
        return [("pdf", made)]
    return [("text", weak), ("pdf", made)]
