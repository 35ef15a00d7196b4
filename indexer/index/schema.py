"""The Whoosh schema and its version.

One document per page (`kind` = "page") carrying its report's filterable metadata, plus
one document per report (`kind` = "report") holding the report record as JSON: the
manifest used for incremental runs, the browse list and the facet source. Both live in
one index so one commit updates them together.
"""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .analysis import english_analyzer, pair_analyzer, plain_analyzer

# Bump on any change to fields or analyzers: an index with another version is rebuilt.
SCHEMA_VERSION = 4

FACET_FIELDS = ("country", "theme", "year", "language", "type")


def build_schema() -> Schema:
    plain = plain_analyzer()
    english = english_analyzer()
    return Schema(
        kind=ID(stored=True),
        doc_key=ID(unique=True, stored=True),
        report_id=ID(stored=True, sortable=True),
        page=NUMERIC(int, stored=True, sortable=True),
        # Page text: unstemmed with positions (phrases, quotes) and stemmed for ranking.
        text=TEXT(analyzer=plain, phrase=True, multitoken_query="phrase"),
        stem=TEXT(analyzer=english, phrase=False, multitoken_query="and"),
        # Word pairs with a common word (CommonGrams): fast phrases through them (analysis.py).
        pairs=TEXT(analyzer=pair_analyzer(), phrase=False),
        title=TEXT(analyzer=english, phrase=True, field_boost=3.0, multitoken_query="phrase"),
        summary=TEXT(analyzer=english, phrase=False, field_boost=1.5, multitoken_query="and"),
        publisher=TEXT(analyzer=plain, phrase=True, multitoken_query="phrase"),
        country=KEYWORD(commas=True, lowercase=True),
        theme=KEYWORD(commas=True, lowercase=True),
        language=KEYWORD(commas=True, lowercase=True),
        page_language=KEYWORD(commas=True, lowercase=True),
        type=KEYWORD(commas=True, lowercase=True),
        year=NUMERIC(int, stored=True, sortable=True),
        # Zlib-compressed page text (pages) or JSON record (reports): kept in the index so
        # one atomic commit covers text and metadata.
        blob=STORED(),
    )
