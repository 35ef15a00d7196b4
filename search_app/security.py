"""Security headers on every response, and the trusted-hosts check.

There is no login: the protection is to bind to loopback (see `serve`), to answer only to
trusted Host names (DNS rebinding, reliability.md 1.D F8; Flask's TRUSTED_HOSTS turns a
foreign Host into a 400) and to keep the pages script-injection proof (autoescaping plus a
strict Content-Security-Policy without inline scripts or styles).
"""

from __future__ import annotations

from flask import Flask, Response

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    hosts = app.config.get("TRUSTED_HOSTS")
    if isinstance(hosts, str):  # REPORTSEARCH_TRUSTED_HOSTS=localhost,search.lan
        app.config["TRUSTED_HOSTS"] = [h.strip() for h in hosts.split(",") if h.strip()]
    app.after_request(add_headers)
