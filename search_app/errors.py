"""Error pages and JSON errors. Never a traceback in a response.

Library errors carry their own HTTP status and code (indexer/errors.py). Under /api/ and
/healthz every error is JSON `{"error": {"code", "message"}}`; elsewhere an HTML page.
Unexpected exceptions are logged with a request id, which the 500 page shows.
"""

from __future__ import annotations

import uuid

from flask import Flask, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import SecurityError as HostError

from indexer.errors import IndexCorrupt, IndexMissing, ReportSearchError

INDEX_COMMAND = "reportsearch index"


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def _respond(status: int, code: str, message: str, hint: str = "", **page):
    if wants_json():
        body: dict = {"code": code, "message": message}
        if hint:
            body["hint"] = hint
        return jsonify(error=body), status
    return render_template("error.html", status=status, code=code, message=message,
                           hint=hint, **page), status


def library_error(exc: ReportSearchError):
    if isinstance(exc, IndexMissing | IndexCorrupt):
        command = f"{INDEX_COMMAND} --full" if isinstance(exc, IndexCorrupt) else INDEX_COMMAND
        return _respond(exc.http_status, exc.code, exc.message, exc.hint, command=command)
    return _respond(exc.http_status, exc.code, exc.message, exc.hint)


def http_error(exc: HTTPException):
    if isinstance(exc, HostError):  # foreign Host header: no URL building is possible here
        return "Bad request: this host name is not served here.\n", 400, {
            "Content-Type": "text/plain; charset=utf-8"}
    code = (exc.name or "error").lower().replace(" ", "_")
    return _respond(exc.code or 500, code, exc.description or exc.name)


def unexpected_error(exc: Exception):
    if isinstance(exc, HTTPException):
        return http_error(exc)
    request_id = uuid.uuid4().hex[:12]
    current_app.logger.exception("unhandled error, request id %s: %s %s", request_id,
                                 request.method, request.path)
    return _respond(500, "internal_error",
                    f"Something went wrong on our side. Request id: {request_id}",
                    request_id=request_id)


def init_app(app: Flask) -> None:
    app.register_error_handler(ReportSearchError, library_error)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Exception, unexpected_error)
