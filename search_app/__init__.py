"""Report Search web app: server-rendered search pages, a JSON API and the PDF route.

Like flaskr: `create_app(config)` builds the app; config comes from the defaults below,
then `instance/config.py`, then `REPORTSEARCH_*` environment variables (values parsed as
JSON when they can be, e.g. `REPORTSEARCH_TRUSTED_HOSTS='["localhost","search.lan"]'`),
then the given test config. `flask --app search_app run` works for development;
`serve(app)` runs the production server (waitress) and refuses debug mode.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

PROJECT_DIR = Path(__file__).resolve().parents[1]

DEFAULTS: dict[str, Any] = {
    "INDEX_PATH": str(PROJECT_DIR / "index"),
    "CORPUS_PATH": str(PROJECT_DIR / "corpus"),
    "TRUSTED_HOSTS": ["localhost", "127.0.0.1", "[::1]", "::1"],
    "MAX_CONTENT_LENGTH": 64 * 1024,
    "SEND_FILE_MAX_AGE_DEFAULT": 3600,
    "PUBLIC_URL": None,  # e.g. "https://search.example.org": used in citations when set
    "JSON_SORT_KEYS": False,
}

NO_LOGIN_WARNING = ("Warning: serving on {host}: no login: anyone who can reach this address "
                    "can read every PDF. Put a reverse proxy with authentication in front.")


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app. `config` (tests) overrides every other source."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("REPORTSEARCH")
    # The CLI's variables name the same folders: honour them under `flask run` too.
    for key, env in (("INDEX_PATH", "REPORTSEARCH_INDEX"), ("CORPUS_PATH", "REPORTSEARCH_CORPUS")):
        if os.environ.get(env) and not os.environ.get(f"REPORTSEARCH_{key}"):
            app.config[key] = os.environ[env]
    if config is not None:
        app.config.from_mapping(config)
    app.json.sort_keys = False  # keep the documented key order in API responses
    app.json.ensure_ascii = False

    from . import api, errors, present, searcher, security, views

    security.init_app(app)
    errors.init_app(app)
    searcher.init_app(app)
    present.init_app(app)
    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    return app


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(app: Flask, host: str = "127.0.0.1", port: int = 8080, threads: int = 8) -> None:
    """Run the production server (waitress). Never with debug on (it executes code)."""
    import waitress

    if app.debug or app.config.get("DEBUG"):  # not `assert`: it vanishes under python -O
        raise RuntimeError("refusing to serve with DEBUG on: the debugger executes code")
    if not is_loopback(host):
        print(NO_LOGIN_WARNING.format(host=host), file=sys.stderr)
    waitress.serve(app, host=host, port=port, threads=threads, connection_limit=100,
                   channel_timeout=30)
