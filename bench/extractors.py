"""Compare PDF text extractors on Thai and Khmer pages: script share, invalid sequences,
known-word recall and speed.

    .venv/bin/python -m bench.extractors            # summary table per file group
    .venv/bin/python -m bench.extractors --pages    # plus one row per page

Measurement only: pdfminer.six, pypdfium2 and (AGPL, never a dependency) PyMuPDF are used
when installed and skipped otherwise. Every extractor's output goes through the indexer's own
`normalize_page_text`, and the invalid-sequence rules are the indexer's (`indexer.extract`),
so the numbers are what the index would see. Results are written up in docs/languages.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from indexer.extract import GARBLED_SCRIPT_RATE, invalid_sequences
from indexer.normalize import normalize_page_text

ROOT = Path(__file__).resolve().parent.parent
REAL = Path(os.environ.get("REPORTSEARCH_REAL_PDFS_DIR", "/work/shared/pdfs"))
SAMPLES = ROOT / "corpus"

# Words checked by reading the rendered pages (docs/languages.md lists how).
REAL_WORDS = {
    "kh_safe_migration_part1.pdf": [
        "ស្រុក",
        "ប្រទេស",
        "ចំណាកស្រុក",
        "ការងារ",
        "ក្រុមហ៊ុន",
        "ប្រាក់",
        "ត្រឹមត្រូវ",
        "ឯកសារ",
        "ដែល",
        "ចាកចេញ",
    ],
    "th_law3154_budget_meaning.pdf": [
        "งบประมาณ",
        "แผ่นดิน",
        "ความหมาย",
        "การคลัง",
        "นิติบุคคล",
        "ศาสตราจารย์",
        "รัฐสภา",
    ],
    "th_law3154_treasury_balance.pdf": ["เงินคงคลัง", "งบประมาณ", "รัฐบาล", "กระทรวงการคลัง"],
}
GROUPS = {  # group -> (files, target script)
    "km real": ([REAL / "kh_safe_migration_part1.pdf"], "km"),
    "th real": ([REAL / "th_law3154_budget_meaning.pdf", REAL / "th_law3154_treasury_balance.pdf"],
                "th"),
    "km sample": (sorted(SAMPLES.glob("km-*.pdf")), "km"),
    "th sample": (sorted(SAMPLES.glob("th-*.pdf")), "th"),
    "en-th sample": (sorted(SAMPLES.glob("en-th-*.pdf")), "th"),
    "en real (Burma)": ([REAL / "ilab_findings_2021_burma.pdf"], "th"),  # control: no Thai
}  # fmt: skip
_RANGES = {"th": ("\u0e00", "\u0e7f"), "km": ("\u1780", "\u17ff")}
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _pypdf(path: Path) -> Iterator[str]:
    import pypdf  # measurement code, outside the package: the indexer's door is indexer.extract

    for page in pypdf.PdfReader(path).pages:
        yield page.extract_text()


def _pdfminer(path: Path) -> Iterator[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    for layout in extract_pages(path):
        yield "".join(el.get_text() for el in layout if isinstance(el, LTTextContainer))


def _pdfium(path: Path) -> Iterator[str]:
    import pypdfium2

    doc = pypdfium2.PdfDocument(path)
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            yield textpage.get_text_bounded()
            textpage.close()
            page.close()
    finally:
        doc.close()


def _pymupdf(path: Path) -> Iterator[str]:
    import pymupdf

    with pymupdf.open(path) as doc:
        for page in doc:
            yield page.get_text()


EXTRACTORS: dict[str, tuple[str, Callable[[Path], Iterator[str]]]] = {
    "pypdf": ("pypdf", _pypdf),
    "pdfminer.six": ("pdfminer", _pdfminer),
    "pypdfium2": ("pypdfium2", _pdfium),
    "pymupdf (AGPL)": ("pymupdf", _pymupdf),
}


@dataclass
class Score:
    pages: int = 0
    seconds: float = 0.0
    letters: int = 0
    expected: int = 0  # letters/marks in the target script or Latin
    script: int = 0
    invalid: int = 0
    page_rates: list[float] = field(default_factory=list)
    found: int = 0
    words: int = 0


def known_words(path: Path, script: str) -> list[str]:
    """Words that must appear: hand-checked ones for real files, the source text for samples."""
    if path.name in REAL_WORDS:
        return REAL_WORDS[path.name]
    sys.path.insert(0, str(SAMPLES))
    try:
        from sample_texts_i18n import DOCS  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    doc = next((d for d in DOCS if d["file"] == path.name), None)
    if doc is None:
        return []
    lo, hi = _RANGES[script]
    words = set()
    for text in _strings(doc):
        for word in text.split():
            word = word.strip(".,;:()/។")
            if word and all(lo <= ch <= hi for ch in word):
                words.add(unicodedata.normalize("NFKC", word))
    return sorted(words)


def _strings(obj: object) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for key, value in obj.items():
            if key not in ("file", "lang", "type", "countries", "themes", "short"):
                yield from _strings(value)
    elif isinstance(obj, list | tuple):
        for value in obj:
            yield from _strings(value)


def measure(
    path: Path,
    script: str,
    extract: Callable[[Path], Iterator[str]],
    score: Score,
    rows: list[tuple[str, ...]],
    name: str,
) -> None:
    lo, hi = _RANGES[script]
    start = time.perf_counter()
    texts = [normalize_page_text(t) for t in extract(path)]
    score.seconds += time.perf_counter() - start
    for number, text in enumerate(texts, 1):
        score.pages += 1
        marks = [ch for ch in text if unicodedata.category(ch)[0] in "LM"]
        in_script = sum(1 for ch in marks if lo <= ch <= hi)
        score.letters += len(marks)
        score.expected += in_script + sum(1 for ch in marks if _LATIN.match(ch))
        bad, total = invalid_sequences(text, script)
        score.script += total
        score.invalid += bad
        rate = bad / total if total else 0.0
        if total >= 30:
            score.page_rates.append(rate)
        rows.append((path.name, str(number), name, str(total), str(bad), f"{100 * rate:.1f}"))
    flat = re.sub(r"\s+", "", "".join(texts))
    words = known_words(path, script)
    score.words += len(words)
    score.found += sum(1 for w in words if w in flat)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", action="store_true", help="also print one row per page")
    args = parser.parse_args(argv)
    available = {n: f for n, (mod, f) in EXTRACTORS.items() if importlib.util.find_spec(mod)}
    print(
        "| group | extractor | pages | expected-script share | script chars "
        "| invalid / 100 script chars | worst page | pages over threshold | known-word recall "
        "| pages/s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    rows: list[tuple[str, ...]] = []
    for group, (files, script) in GROUPS.items():
        files = [f for f in files if f.exists()]
        if not files:
            continue
        for name, extract in available.items():
            score = Score()
            for path in files:
                measure(path, script, extract, score, rows, name)
            share = score.expected / score.letters if score.letters else 0.0
            per100 = 100 * score.invalid / score.script if score.script else 0.0
            worst = 100 * max(score.page_rates, default=0.0)
            over = sum(1 for r in score.page_rates if r > GARBLED_SCRIPT_RATE)
            recall = f"{score.found}/{score.words}" if score.words else "–"
            print(
                f"| {group} | {name} | {score.pages} | {share:.3f} | {score.script} "
                f"| {per100:.2f} | {worst:.1f}% | {over}/{len(score.page_rates)} | {recall} "
                f"| {score.pages / score.seconds:.0f} |"
            )
    if args.pages:
        print("\n| file | page | extractor | script chars | invalid | rate % |")
        print("|---|---|---|---|---|---|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
