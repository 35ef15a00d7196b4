"""The Searcher on `g`: one instance per app, shared by requests, reopened once a new
index generation has been published (a full rebuild swapped in).

The library's Searcher is safe to share across threads: each request thread keeps its own
Whoosh searcher, and every search reads one consistent commit.
"""

from __future__ import annotations

import threading
from pathlib import Path

from flask import Flask, current_app, g

from indexer.search import Searcher

_KEY = "reportsearch"


def init_app(app: Flask) -> None:
    app.extensions[_KEY] = {"searcher": None, "lock": threading.Lock()}


def _open(app: Flask) -> Searcher:
    corpus = app.config.get("CORPUS_PATH")
    return Searcher(Path(app.config["INDEX_PATH"]), Path(corpus) if corpus else None)


def get_searcher() -> Searcher:
    """The app's Searcher; raises IndexMissing / IndexCorrupt like the library."""
    if "searcher" not in g:
        app = current_app._get_current_object()
        state = app.extensions[_KEY]
        with state["lock"]:
            cached = state["searcher"]
            if cached is None or not cached.is_current():
                # The old instance may still serve other requests: garbage collection
                # closes it when the last one is done.
                state["searcher"] = cached = _open(app)
        g.searcher = cached
    return g.searcher
