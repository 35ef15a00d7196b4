"""The index module: the only code that imports Whoosh.

It also mends one Whoosh defect at import, because NOT queries depend on it:
`AndNotMatcher._find_first` only skips excluded documents when both sides *start* on the
same document, so `workers NOT fishing` returned a page containing "fishing" whenever the
excluded term's first posting came earlier (found by tests/test_search.py).
"""

from whoosh.matching.binary import AndNotMatcher


def _find_first(self: AndNotMatcher) -> None:
    if self.a.is_active() and self.b.is_active():
        self._find_next()


AndNotMatcher._find_first = _find_first
