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
        data["failures"] = [_failure_json(f) for f in summary.failures]
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


def _failure_json(f) -> dict:
    from indexer.scan import display_name

    return {"file": display_name(f.path), "reason": f.reason.value, "message": f.message}


def _print_summary(s) -> None:
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
            d = _failure_json(f)
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


if __name__ == "__main__":
    main()
