"""The Searcher on `g`: opened lazily per request, closed (or returned) at teardown.

When the library's Searcher can tell whether its index generation is still the live one
(`is_current()`), one instance is cached per app and reopened once a new generation has
been published; otherwise each request opens its own.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from flask import Flask, current_app, g

_KEY = "reportsearch"


def init_app(app: Flask) -> None:
    app.extensions[_KEY] = {"searcher": None, "lock": threading.Lock()}
    app.teardown_appcontext(close_searcher)


def _open(app: Flask) -> Any:
    from indexer.search import Searcher

    corpus = app.config.get("CORPUS_PATH")
    return Searcher(Path(app.config["INDEX_PATH"]), Path(corpus) if corpus else None)


def _current(searcher: Any) -> bool:
    check = getattr(searcher, "is_current", None)
    return bool(check and check())


def get_searcher() -> Any:
    """The request's Searcher; raises IndexMissing / IndexCorrupt like the library."""
    if "searcher" not in g:
        app = current_app._get_current_object()
        state = app.extensions[_KEY]
        with state["lock"]:
            cached = state["searcher"]
            if cached is not None and _current(cached):
                g.searcher, g.searcher_shared = cached, True
                return cached
            state["searcher"] = None
            searcher = _open(app)
            shared = hasattr(searcher, "is_current")
            if shared:  # the old instance may still serve other threads: let GC close it
                state["searcher"] = searcher
            g.searcher, g.searcher_shared = searcher, shared
    return g.searcher


def close_searcher(exc: BaseException | None = None) -> None:
    searcher = g.pop("searcher", None)
    shared = g.pop("searcher_shared", False)
    if searcher is not None and not shared:
        close = getattr(searcher, "close", None)
        if close:
            close()
