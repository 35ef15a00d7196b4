"""One exception hierarchy for the whole library.

Each class carries the exit code the CLI uses and the HTTP status the web app uses, so the
mapping lives in one place and front ends never guess.
"""

from __future__ import annotations


class ReportSearchError(Exception):
    """Base class. `exit_code` for the CLI, `http_status` for the web app."""

    exit_code = 1
    http_status = 500
    code = "error"

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class UsageError(ReportSearchError):
    """A bad parameter or option value."""

    exit_code = 2
    http_status = 400
    code = "bad_request"


class QueryError(UsageError):
    """A malformed or too expensive query; the message says what is wrong and how to fix it."""

    code = "bad_query"


class QueryTimeout(ReportSearchError):
    """The query ran out of its time budget."""

    exit_code = 2
    http_status = 503
    code = "query_timeout"


class IndexMissing(ReportSearchError):
    """No index has been built yet in the given folder."""

    exit_code = 4
    http_status = 503
    code = "index_unavailable"


class IndexCorrupt(ReportSearchError):
    """The index exists but cannot be opened or read."""

    exit_code = 3
    http_status = 503
    code = "index_corrupt"


class IndexLocked(ReportSearchError):
    """Another indexing run holds the write lock."""

    exit_code = 75  # EX_TEMPFAIL
    http_status = 503
    code = "index_locked"


class IndexWriteError(ReportSearchError):
    """Writing the index failed (disk full, permissions...). The previous index is intact."""

    exit_code = 74  # EX_IOERR
    http_status = 500
    code = "index_write_error"


class NotFound(ReportSearchError):
    """A report id or page that is not in the index."""

    exit_code = 2
    http_status = 404
    code = "not_found"
