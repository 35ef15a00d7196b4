"""Deterministic synthetic report pages, loading them into an index, and sampled queries.

Pages: a seeded Zipf vocabulary (~20k words, s≈1.07) of syllable words with real field
words (trafficking, forced, labour, ...) mixed in at frequent ranks; 250–600 words a page
with a full stop every 8–20 words; about 10 pages a report. Report metadata is spread over
the ASEAN countries, the taxonomy's themes, 2010–2025, languages and document types.

`python -m bench.synth build N INDEX` loads N pages into a fresh index in this process, the
way a full `index_corpus` run writes them (`load_index`), generating them one report at a
time, and prints one JSON line (seconds without the generation, pages/s, index bytes,
VmHWM) — the harness runs it as a subprocess so the peak memory is the indexing run's own.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SEED = 20260101
VOCAB_SIZE = 20_000
ZIPF_S = 1.07
COUNTRIES = ("Brunei", "Cambodia", "Indonesia", "Laos", "Malaysia", "Myanmar", "Philippines",
             "Singapore", "Thailand", "Timor-Leste", "Viet Nam")
THEMES = ("forced labour", "online scams", "fishing", "sexual exploitation", "child trafficking",
          "victim protection", "migration & recruitment", "justice & prosecution", "corruption")
LANGS = ("en",) * 6 + ("th", "km", "vi", "id", "ms")
TYPES = ("report", "brief", "factsheet", "guide", "manual", "research")
FIELD_WORDS = ("trafficking", "forced", "labour", "fishing", "victim", "victims", "recruitment",
               "recruiter", "migrant", "workers", "exploitation", "debt", "bondage", "vessel",
               "broker", "survivor", "protection", "prosecution", "smuggling", "border",
               "wages", "passport", "shelter", "scam", "compound", "child", "sexual",
               "referral", "identification", "repatriation")
# Real text starts its Zipf curve with function words ("the", "of", ...): they make the
# slow phrases ("victims of trafficking"). Term queries never sample them, as users don't.
FUNCTION_WORDS = ("the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was",
                  "with", "as", "by", "it", "are", "be", "from", "at", "or", "this", "an",
                  "which", "not", "were", "have", "has", "been", "their", "they")
_ONSETS = "b c d f g h k l m n p r s t v w y z br ch cl dr gr kr pl pr sh st th tr".split()
_VOWELS = "a e i o u ai ea ia io ou".split()
_CODAS = ["", "", "", "n", "r", "s", "l", "m", "t", "ng"]


@dataclass(frozen=True)
class SynthReport:
    rid: str
    title: str
    country: str
    themes: tuple[str, ...]
    year: int
    language: str
    doc_type: str
    pages: tuple[str, ...]


def vocabulary(size: int = VOCAB_SIZE, seed: int = SEED) -> list[str]:
    """Distinct syllable words ranked by frequency; field words sit at ranks 10–400."""
    rng = random.Random(seed)
    words: list[str] = []
    seen = set(FIELD_WORDS)
    while len(words) < size - len(FIELD_WORDS):
        n = rng.choice((2, 2, 2, 3, 3, 4))
        w = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(n))
        if w not in seen and len(w) >= 4:
            seen.add(w)
            words.append(w)
    ranks = sorted(rng.sample(range(10, 400), len(FIELD_WORDS)))
    for rank, fw in zip(ranks, FIELD_WORDS, strict=True):
        words.insert(rank, fw)
    return [*FUNCTION_WORDS, *words[: size - len(FUNCTION_WORDS)]]


def _cum_weights(n: int, s: float) -> list[float]:
    return list(itertools.accumulate(1.0 / (r ** s) for r in range(1, n + 1)))


def reports(n_pages: int, seed: int = SEED) -> list[SynthReport]:
    """Reports holding exactly `n_pages` pages in total (the same prefix for every size)."""
    return list(iter_reports(n_pages, seed))


def iter_reports(n_pages: int, seed: int = SEED) -> Iterator[SynthReport]:
    """`reports` one at a time: the loader keeps no more than one report in memory, so its
    peak memory is the index writer's and not the size of the synthetic corpus."""
    vocab = vocabulary(seed=seed)
    cum = _cum_weights(len(vocab), ZIPF_S)
    rng = random.Random(seed + 1)
    made = 0
    for i in itertools.count():
        if made >= n_pages:
            break
        count = min(rng.randint(5, 15), n_pages - made)
        pages = []
        for _ in range(count):
            words = rng.choices(vocab, cum_weights=cum, k=rng.randint(250, 600))
            parts, pos = [], 0
            while pos < len(words):
                step = rng.randint(8, 20)
                sent = words[pos : pos + step]
                parts.append(sent[0].capitalize() + " " + " ".join(sent[1:]) + ".")
                pos += step
            pages.append(" ".join(parts))
        made += count
        title_words = rng.choices(vocab[:2000], k=rng.randint(3, 7))
        yield SynthReport(
            rid=hashlib.sha256(f"{seed}:{i}".encode()).hexdigest()[:16],
            title=" ".join(title_words).capitalize(),
            country=rng.choice(COUNTRIES),
            themes=tuple(sorted(set(rng.sample(THEMES, rng.choice((1, 1, 2)))))),
            year=rng.randint(2010, 2025), language=rng.choice(LANGS),
            doc_type=rng.choice(TYPES), pages=tuple(pages))


def to_report(r: SynthReport):
    """The library's Report for a synthetic report (same shape as tests' make_report)."""
    from indexer.models import FileState, Metadata, Page, Quality, Report

    return Report(
        id=r.rid,
        file=FileState(path=f"synthetic/{r.rid}.pdf", size=1000 * len(r.pages), mtime_ns=1,
                       sha256=hashlib.sha256(r.rid.encode()).hexdigest()),
        metadata=Metadata(title=r.title, publisher="Synthetic Network", year=r.year,
                          doc_type=r.doc_type, countries=(r.country,), themes=r.themes,
                          languages=(r.language,), summary="", sources={"title": "synthetic"}),
        pages=tuple(Page(number=i + 1, label=str(i + 1), text=t, languages=(r.language,),
                         quality=Quality.OK) for i, t in enumerate(r.pages)),
    )


def load_index(path: Path, reps: Iterable[SynthReport], n_pages: int) -> None:
    """Write reports straight into a fresh generation (no PDFs), commit, publish.

    The same writer path and commit policy as a full `index_corpus` run (a fresh
    generation, `ReportWriter.commit_due`, no optimize), so the indexing speed and memory
    measured here are the pipeline's minus extraction and metadata.
    """
    from indexer.index.store import IndexDir
    from indexer.index.writer import ReportWriter

    index_dir = IndexDir(path)
    gen = index_dir.new_generation()
    writer = ReportWriter(index_dir, gen, fresh=True)
    pages = 0
    for r in reps:
        writer.add(to_report(r))
        pages += len(r.pages)
        if writer.commit_due(pages / max(n_pages, 1)):
            writer.commit()
    writer.commit()
    index_dir.publish(gen)


def vm_hwm_mb(pid: int | str = "self") -> float | None:
    """Peak resident memory (VmHWM) of a process in MB, from /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# -- queries ------------------------------------------------------------------------------
CLASSES = ("term", "two_terms", "three_terms", "phrase", "filtered", "prefix", "quote")


@dataclass(frozen=True)
class Query:
    cls: str
    words: tuple[str, ...]  # the words (phrase/quote: consecutive; prefix: the stem)
    text: str  # our query syntax
    country: str | None = None


def _tokens(text: str) -> list[str]:
    return [w.strip(".").lower() for w in text.split()]


def queries(reps: list[SynthReport], per_class: int, seed: int = SEED) -> list[Query]:
    """`per_class` queries of each class, sampled from the pages (seeded)."""
    rng = random.Random(seed + 2)
    out: list[Query] = []

    def page() -> tuple[SynthReport, str]:
        r = rng.choice(reps)
        return r, rng.choice(r.pages)

    for cls in CLASSES:
        for _ in range(per_class):
            r, text = page()
            toks = _tokens(text)
            content = [t for t in toks if t not in FUNCTION_WORDS] or toks
            if cls in ("term", "filtered"):
                w = rng.choice(content)
                out.append(Query(cls, (w,), w, r.country if cls == "filtered" else None))
            elif cls in ("two_terms", "three_terms"):
                ws = tuple(rng.sample(sorted(set(content)), 2 if cls == "two_terms" else 3))
                out.append(Query(cls, ws, " ".join(ws)))
            elif cls == "phrase":
                i = rng.randrange(len(toks) - 1)
                ws = tuple(toks[i : i + 2])
                out.append(Query(cls, ws, f'"{ws[0]} {ws[1]}"'))
            elif cls == "prefix":
                w = rng.choice([t for t in content if len(t) >= 6])
                stem = w[: rng.randint(4, 5)]
                out.append(Query(cls, (stem,), stem + "*"))
            else:
                raw = text.split()
                i = rng.randrange(len(raw) - 12)
                quote = " ".join(raw[i : i + rng.randint(8, 12)])
                out.append(Query(cls, tuple(_tokens(quote)), quote))
    return out


def iter_pages(reps: list[SynthReport]) -> Iterator[tuple[SynthReport, int, str]]:
    for r in reps:
        for n, text in enumerate(r.pages, 1):
            yield r, n, text


def _build_main(n_pages: int, path: Path) -> None:
    reps, making = 0, 0.0

    def counted() -> Iterator[SynthReport]:
        """The reports, timing their generation so it can be left out of the result."""
        nonlocal reps, making
        it = iter_reports(n_pages)
        while True:
            t = time.perf_counter()
            r = next(it, None)
            making += time.perf_counter() - t
            if r is None:
                return
            reps += 1
            yield r

    t0 = time.perf_counter()
    load_index(path, counted(), n_pages)
    secs = time.perf_counter() - t0 - making
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    print(json.dumps({"pages": n_pages, "reports": reps, "seconds": secs,
                      "pages_per_s": n_pages / secs, "index_bytes": size,
                      "vm_hwm_mb": vm_hwm_mb()}))


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "build":
        sys.exit("usage: python -m bench.synth build N_PAGES INDEX_PATH")
    _build_main(int(sys.argv[2]), Path(sys.argv[3]))
