"""Report Search command line: thin click glue over the `indexer` library.

`python cli.py ...` and the installed `reportsearch ...` run this same group. Library
errors become one clear line on stderr and the exit code their class documents:

    0 done (also when some files failed; see --strict)   1 --strict and files failed
    2 bad usage or bad query                              3 index corrupt
    4 no index yet                                        74 write error (disk full...)
    75 another indexing run holds the lock
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from indexer.errors import ReportSearchError

PROJECT_DIR = Path(__file__).resolve().parent
DEFAULT_CORPUS = PROJECT_DIR / "corpus"
DEFAULT_INDEX = PROJECT_DIR / "index"


def default_index() -> Path:
    return Path(os.environ.get("REPORTSEARCH_INDEX") or DEFAULT_INDEX)


def default_corpus() -> Path:
    return Path(os.environ.get("REPORTSEARCH_CORPUS") or DEFAULT_CORPUS)


class Group(click.Group):
    """Turns library errors into one line and their exit code, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ReportSearchError as exc:
            click.secho(f"Error: {exc.message}", fg="red", err=True)
            if exc.hint:
                click.echo(f"Hint: {exc.hint}", err=True)
            ctx.exit(exc.exit_code)


index_option = click.option(
    "--index", "index_dir", type=click.Path(file_okay=False, path_type=Path),
    default=default_index, show_default="./index or $REPORTSEARCH_INDEX",
    help="Index folder.")
corpus_option = click.option(
    "--corpus", type=click.Path(file_okay=False, path_type=Path), default=default_corpus,
    show_default="./corpus or $REPORTSEARCH_CORPUS", help="Folder of report PDFs.")


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportsearch", message="%(version)s")
def main() -> None:
    """Report Search: full-text search with page citations over report PDFs."""


@main.command()
@corpus_option
@index_option
@click.option("--full", is_flag=True, help="Rebuild from scratch (built aside, swapped in).")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Extraction processes  [default: number of cores]")
@click.option("--file-timeout", type=click.FloatRange(1, 3600), default=120.0,
              show_default=True, help="Seconds before one PDF's extraction is killed.")
@click.option("--retry-failed", is_flag=True, help="Retry files that failed before.")
@click.option("--strict", is_flag=True, help="Exit 1 when any file failed.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def index(corpus: Path, index_dir: Path, full: bool, workers: int | None,
          file_timeout: float, retry_failed: bool, strict: bool, as_json: bool) -> None:
    """Index the PDFs in the corpus folder (incremental unless --full).

    Example: reportsearch index --corpus ~/reports --workers 2
    """
    from indexer.pipeline import index_corpus

    summary = index_corpus(corpus, index_dir, full=full, workers=workers,
                           file_timeout=file_timeout, retry_failed=retry_failed,
                           progress=None if as_json else _progress_printer())
    if as_json:
        data = summary.to_json()
        from indexer.serialize import failure_json

        data["failures"] = [failure_json(f) for f in summary.failures]
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        _print_summary(summary)
    if strict and summary.failures:
        sys.exit(1)


def _progress_printer():
    state: dict = {}

    def progress(done: int, total: int, name: str) -> None:
        if "bar" not in state:
            state["bar"] = click.progressbar(length=total, label="Extracting", file=sys.stderr,
                                             show_pos=True, item_show_func=lambda n: n)
            state["bar"].__enter__()
        bar = state["bar"]
        bar.current_item = name[-40:]
        bar.update(1)
        if done == total:
            bar.__exit__(None, None, None)

    return progress


def _print_summary(s) -> None:
    from indexer.serialize import failure_json

    click.echo(
        f"{s.files_seen} files seen: {s.indexed} indexed, {s.unchanged} unchanged, "
        f"{s.renamed} renamed, {s.removed} removed, {len(s.failures)} with problems; "
        f"{s.pages} pages extracted in {s.seconds:.1f} s"
        + (" (full rebuild)" if s.full else "")
    )
    if s.failures:
        by = ", ".join(f"{k} {v}" for k, v in s.failed_by_reason().items())
        click.echo(f"Problems by reason: {by}")
        for f in s.failures:
            d = failure_json(f)
            click.echo(f"  {d['reason']:<16} {d['file']}: {d['message']}")


@main.command()
@index_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.option("--reports", "show_reports", is_flag=True,
              help="Also list every report's fields and where each came from.")
def status(index_dir: Path, as_json: bool, show_reports: bool) -> None:
    """Show index statistics, the last run and files that failed.

    Example: reportsearch status --reports
    """
    from indexer.status import index_status

    st = index_status(index_dir, with_reports=show_reports)
    if as_json:
        click.echo(json.dumps(st, ensure_ascii=False, indent=1))
        return
    click.echo(f"Index: {index_dir} (generation {st['generation']}, schema {st['schema_version']}, "
               f"{st['size_bytes'] / 1e6:.1f} MB)")
    click.echo(f"Reports: {st['reports']}  Pages: {st['pages']}")
    langs = ", ".join(f"{k} {v}" for k, v in st["languages"].items()) or "-"
    click.echo(f"Languages (reports): {langs}")
    run = st["last_run"]
    if run:
        click.echo(f"Last run: {run['started']} ({'full' if run['full'] else 'incremental'}): "
                   f"{run['indexed']} indexed, {run['unchanged']} unchanged, "
                   f"{run['removed']} removed, {run['seconds']} s")
    click.echo(f"Files with problems: {len(st['failures'])}")
    for f in st["failures"]:
        click.echo(f"  {f['reason']:<16} {f['file']}: {f['message']}")
    for r in st.get("reports_detail", []):
        click.echo(f"\n{r['id']}  {r['file']}  ({r['pages']} pages)")
        for name, (value, source) in r["fields"].items():
            click.echo(f"  {name:<10} {value}  [{source}]")


def _searcher(index_dir: Path, corpus: Path | None = None):
    from indexer.search import Searcher

    return Searcher(index_dir, corpus)


def _terminal_snippet(html_snippet: str) -> str:
    import html
    import re

    parts = re.split(r"(<mark>.*?</mark>)", html_snippet)
    out = []
    for part in parts:
        if part.startswith("<mark>"):
            out.append(click.style(html.unescape(part[6:-7]), bold=True, fg="yellow"))
        else:
            out.append(html.unescape(part))
    return "".join(out)


@main.command()
@click.argument("query", required=False, default="")
@click.option("--country", multiple=True, help="Filter by country (repeatable).")
@click.option("--theme", multiple=True, help="Filter by theme (repeatable).")
@click.option("--year", multiple=True, help="Year or range, e.g. 2021 or 2019..2023.")
@click.option("--lang", "language", multiple=True, help="Language code or name, e.g. th.")
@click.option("--type", "doc_type", multiple=True, help="Document type, e.g. 'policy brief'.")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest", "title"]),
              default="relevance", show_default=True)
@click.option("--page", type=click.IntRange(1, None), default=1, show_default=True)
@click.option("--per-page", type=click.IntRange(1, None), default=10, show_default=True,
              help="Results per page (at most 50).")
@click.option("--expand", is_flag=True,
              help="Also search glossary equivalents in the other languages of the region.")
@index_option
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON.")
def search(query: str, country, theme, year, language, doc_type, sort: str, page: int,
           per_page: int, expand: bool, index_dir: Path, as_json: bool) -> None:
    """Search the index; an empty QUERY lists all reports, newest first.

    \b
    Examples:
      reportsearch search '"forced labour" fishing' --country Thailand
      reportsearch search 'recruit* year:2019..2023' --json
    """
    from indexer.citations import page_ref

    filters = {"country": country, "theme": theme, "year": year, "language": language,
               "type": doc_type}
    res = _searcher(index_dir).search(query, filters={k: v for k, v in filters.items() if v},
                                      sort=sort, page=page, per_page=per_page, expand=expand)
    if as_json:
        from indexer.serialize import results_json

        click.echo(json.dumps(results_json(res), ensure_ascii=False, indent=1))
        return
    if res.notice:
        click.secho(res.notice, fg="cyan")
    if res.suggestion:
        click.secho(f"Did you mean: {res.suggestion}", fg="cyan")
    for term, langs in res.expansions.items():
        also = "; ".join(f"{code}: {', '.join(terms)}" for code, terms in langs.items())
        click.secho(f"Also searched for {term!r} as — {also}", fg="cyan")
    first = (res.page - 1) * res.per_page
    shown = f"{first + 1}–{first + len(res.results)} of " if res.results else ""
    click.echo(f"{shown}{res.total} report{'s' if res.total != 1 else ''}\n")
    for i, h in enumerate(res.results, first + 1):
        m = h.metadata
        click.secho(f"{i}. {m.title}", bold=True)
        meta = " · ".join(x for x in [m.doc_type, m.publisher, str(m.year or "n.d."),
                                       ", ".join(m.countries), ", ".join(m.languages)] if x)
        click.echo(f"   {meta}")
        click.echo(f"   {h.file}  [{h.report_id}]")
        if not h.pages and m.summary:
            click.echo(f"   {m.summary}")
        for p in h.pages:
            lang = f" [{', '.join(p.languages)}]" if res.expansions and p.languages else ""
            click.echo(f"   {page_ref(p.page, p.label)}{lang}: {_terminal_snippet(p.snippet)}")
        if h.matching_pages > len(h.pages):
            click.echo(f"   … {h.matching_pages - len(h.pages)} more matching pages")
        click.echo()


@main.command()
@click.argument("quote")
@click.option("--format", "fmt", type=click.Choice(["text", "bibtex", "ris", "csl-json"]),
              default="text", show_default=True, help="Citation format.")
@click.option("--limit", type=click.IntRange(1, 20), default=3, show_default=True)
@index_option
@click.option("--json", "as_json", is_flag=True, help="Print matches as JSON.")
def cite(quote: str, fmt: str, limit: int, index_dir: Path, as_json: bool) -> None:
    """Find the report and page a QUOTE comes from, and cite it.

    \b
    Example:
      reportsearch cite "workers were held on the vessel for months" --format bibtex
    """
    from indexer.citations import format_quote_citation, page_ref
    from indexer.serialize import quote_json

    matches = _searcher(index_dir).quote(quote, limit=limit)
    if as_json:
        click.echo(json.dumps({"quote": quote, "matches": [quote_json(m, fmt) for m in matches]},
                              ensure_ascii=False, indent=1))
        sys.exit(0 if matches else 1)
    if not matches:
        click.echo("No page contains this quote or anything close to it.")
        sys.exit(1)
    for m in matches:
        where = " and ".join(page_ref(n, lab) for lab, n in zip(m.labels, m.pages, strict=True))
        status = "Exact match" if m.exact else f"Closest passage, NOT exact ({m.similarity:.0%} similar)"
        click.secho(f"{status}: {m.title}, {where}", bold=True)
        click.echo(f"   {m.file}  [{m.report_id}]")
        click.echo(f"   “{m.passage}”")
        click.echo(format_quote_citation(m, fmt=fmt))
        click.echo()


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback exposes every PDF without login.")
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True)
@click.option("--threads", type=click.IntRange(1, 64), default=8, show_default=True)
@corpus_option
@index_option
def serve(host: str, port: int, threads: int, corpus: Path, index_dir: Path) -> None:
    """Run the web search page on a production server (waitress).

    Builds the index from the corpus first when there is none yet.

    \b
    Example:
      reportsearch serve --port 8080    # then open http://127.0.0.1:8080/
    """
    from indexer.index.store import IndexDir
    from search_app import create_app
    from search_app import serve as run_server

    if not IndexDir(index_dir).exists():
        click.echo(f"No index in {index_dir} yet: building it from {corpus} first.", err=True)
        from indexer.pipeline import index_corpus

        _print_summary(index_corpus(corpus, index_dir, progress=_progress_printer()))
    app = create_app({"INDEX_PATH": str(index_dir), "CORPUS_PATH": str(corpus)})
    click.echo(f"Report Search on http://{host if ':' not in host else f'[{host}]'}:{port}/ "
               "(Ctrl-C to stop)", err=True)
    run_server(app, host=host, port=port, threads=threads)


if __name__ == "__main__":
    main()
