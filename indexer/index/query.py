"""The query language: a guard, forgiving clean-up, Whoosh parsing and capped expansion.

Every query passes `guard` before Whoosh sees it (reliability.md findings 4–5: `*a*` took
16 s and 1.3 GB, 1,000 nested parentheses crashed the parser). Rejections are `QueryError`s
whose message says what is wrong and how to fix it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice

from whoosh import query as wq
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser, OrGroup, PlusMinusPlugin

from ..errors import QueryError
from ..normalize import fold_quotes, nfkc
from ..tokens import SEA_RUN
from .analysis import COMMON_WORDS, PAIR_JOINER
from .schema import build_schema

MAX_LENGTH = 1000
MAX_DEPTH = 8
MAX_CLAUSES = 64
MAX_EXPANSION = 1024
MIN_WILDCARD_PREFIX = 3

# What users type -> index field.
FIELDS = {"title": "title", "country": "country", "theme": "theme", "year": "year",
          "lang": "language", "language": "language", "type": "type",
          "publisher": "publisher"}
TEXT_FIELDS = ("title", "summary", "text", "stem")
_POSITIONAL = {"title", "text", "publisher"}

_FIELD_REF = re.compile(r"(?<![\w\"'])([A-Za-z_]+):(?=[^\s/])")
_YEAR_SPAN = re.compile(r"\byear:(\d{4})\s*\.\.\s*(\d{4})\b", re.I)
_YEAR_ANY = re.compile(r"\byear:(\S*)", re.I)
_YEAR_OK = re.compile(r"^(\d{4}|\[\d{4} TO \d{4}\])$", re.I)
_WILDCARD_WORD = re.compile(r"[^\s\"()]*[*?][^\s\"()]*")
_OPERATOR = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_EXPLICIT = re.compile(r"[\"():*?~]|(^|\s)[-+]\S|\b(AND|OR|NOT)\b")

_SCHEMA = build_schema()
_ANY_GROUP = OrGroup.factory(0.9)  # any word, more of them ranks higher
Query = wq.Query  # for type hints outside the index package, which never imports whoosh


@dataclass(frozen=True)
class ParsedQuery:
    """A checked query: the Whoosh query, its any-word variant, and what to highlight."""

    text: str  # the cleaned query string
    query: wq.Query
    sea_strings: tuple[str, ...]  # Thai/Khmer/Lao/Burmese strings typed by the user
    normalize_value: Callable[[str, str], str] | None = None

    @cached_property
    def any_words(self) -> wq.Query | None:
        """The any-word fallback of a plain multi-word query (else None), parsed only when
        asked for: most queries find pages with all their words, and parsing costs."""
        if not (is_plain(self.text) and len(self.text.split()) > 1):
            return None
        return _fix(_parse(_parser(_ANY_GROUP), self.text), self.normalize_value)


def _fail(message: str, hint: str) -> QueryError:
    return QueryError(message, hint)


def clean(raw: str) -> str:
    """Reject what cannot be searched, forgive what has an obvious intent."""
    if not isinstance(raw, str):
        raise _fail("the query must be text", "type some words")
    if len(raw) > MAX_LENGTH:
        raise _fail(f"the query is {len(raw):,} characters long; the limit is {MAX_LENGTH:,}",
                    "search for a few distinctive words instead")
    if "\x00" in raw or any(0xD800 <= ord(c) <= 0xDFFF for c in raw):
        raise _fail("the query contains invalid characters (NUL or broken Unicode)",
                    "retype the query")
    text = fold_quotes(nfkc(raw))
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf") and c not in "\u200c\u200d" else c
                   for c in text)
    depth = max_depth = 0
    kept: list[str] = []
    for ch in text:
        if ch == "(":
            depth += 1
            max_depth = max(max_depth, depth)
        elif ch == ")":
            if depth == 0:
                continue  # a stray closing parenthesis: drop it
            depth -= 1
        kept.append(ch)
    if max_depth > MAX_DEPTH:
        raise _fail(f"the query nests parentheses {max_depth} deep; the limit is {MAX_DEPTH}",
                    "simplify the grouping")
    text = "".join(kept) + ")" * depth
    if text.count('"') % 2:  # an unclosed quote: drop the last one
        i = text.rfind('"')
        text = text[:i] + text[i + 1 :]
    text = _YEAR_SPAN.sub(lambda m: f"year:[{min(m[1], m[2])} TO {max(m[1], m[2])}]", text)
    words = text.split()
    while words and words[0].upper() in _OPERATOR - {"NOT"}:
        words.pop(0)
    while words and words[-1].upper() in _OPERATOR:
        words.pop()
    return " ".join(words)


def check(text: str) -> None:
    """Field names, year syntax and wildcard prefixes, before parsing."""
    for m in _FIELD_REF.finditer(text):
        name = m.group(1)
        if name.lower() not in FIELDS and name.lower() not in ("http", "https"):
            raise _fail(f"unknown field {name!r}",
                        "use one of: " + ", ".join(sorted(set(FIELDS) - {"language"})) +
                        ' (or quote the words: "' + name + ':...")')
    for m in _YEAR_ANY.finditer(text):
        rest = m.group(1)
        if rest.startswith("["):
            end = text.find("]", m.start())
            rest = text[m.start(1) : end + 1] if end != -1 else rest
        if not _YEAR_OK.match(rest):
            raise _fail(f"year:{rest} is not a year or a year range",
                        "write year:2021, year:2019..2023 or year:[2019 TO 2023]")
    for word in _WILDCARD_WORD.findall(text):
        body = word.split(":", 1)[-1].lstrip("-+")
        literal = re.split(r"[*?]", body, maxsplit=1)[0]
        if len(literal) < MIN_WILDCARD_PREFIX:
            raise _fail(f"{word!r}: wildcards need at least {MIN_WILDCARD_PREFIX} letters before * or ?",
                        "for example recruit* instead of *cruit*")
    if len(text.split()) > MAX_CLAUSES:
        raise _fail(f"the query has more than {MAX_CLAUSES} words",
                    "search for a few distinctive words, or use the quote lookup")


@lru_cache(maxsize=2)
def _parser(group=None) -> MultifieldParser:
    """A configured parser (reused: building one with its plugins costs as much as a parse)."""
    kwargs = {"group": group} if group else {}
    p = MultifieldParser(list(TEXT_FIELDS), _SCHEMA, **kwargs)
    p.add_plugin(PlusMinusPlugin())
    p.add_plugin(FuzzyTermPlugin())
    return p


def _parse(parser: MultifieldParser, text: str) -> wq.Query:
    for alias, field in FIELDS.items():
        if alias != field:
            text = re.sub(rf"(?<![\w\"']){alias}:", f"{field}:", text, flags=re.I)
    try:
        return parser.parse(text)
    except RecursionError:
        raise _fail("the query is nested too deeply", "simplify the grouping") from None
    except Exception as exc:  # Whoosh's parser raises assorted types on odd input
        raise _fail(f"the query could not be read ({exc})", "check quotes and parentheses") from None


def is_plain(text: str) -> bool:
    """Words only: no quotes, fields, operators, wildcards or grouping."""
    return not _EXPLICIT.search(text)


def parse(raw: str, normalize_value=None, *, trusted: bool = False) -> ParsedQuery | None:
    """Clean, check and parse a query; None for an empty query (browse).

    `trusted` skips the size checks for queries we generate ourselves (glossary
    expansion of an already checked query).
    """
    text = clean(raw) if not trusted else raw
    if not text:
        return None
    if not trusted:
        check(text)
    if all(w.startswith("-") and len(w) > 1 for w in text.split()):
        # Only exclusions ("-fishing"): Whoosh's minus needs something to subtract from,
        # while "NOT fishing" means "every page without it"; the intent is the same.
        text = " ".join(f"NOT {w[1:]}" for w in text.split())
    q = _fix(_parse(_parser(), text), normalize_value)
    if isinstance(q, wq.NullQuery.__class__) or q is wq.NullQuery:
        raise _fail("the query has no searchable words", "type some words")
    return ParsedQuery(text, q, tuple(SEA_RUN.findall(text)), normalize_value)


def _fix(q: wq.Query, normalize_value) -> wq.Query:
    """Drop phrase clauses on fields without positions; normalise filter values."""
    clauses = 0

    def visit(node: wq.Query) -> wq.Query:
        nonlocal clauses
        if isinstance(node, wq.Phrase) and node.fieldname not in _POSITIONAL:
            return wq.NullQuery
        if isinstance(node, wq.Phrase) and node.fieldname == "text":
            return pair_phrase(node)
        if isinstance(node, wq.TermRange | wq.NumericRange) and node.fieldname != "year":
            raise _fail("ranges only work on year", "write year:2019..2023")
        if isinstance(node, wq.Term) and node.fieldname in ("country", "theme", "type", "language"):
            value = node.text if isinstance(node.text, str) else node.text.decode()
            if normalize_value:
                value = normalize_value(node.fieldname, value)
            return wq.Term(node.fieldname, value.lower(), boost=node.boost)
        if not node.is_leaf():
            return node.apply(visit)
        clauses += 1
        if clauses > MAX_CLAUSES * len(TEXT_FIELDS):
            raise _fail("the query is too complex", "use fewer words or OR terms")
        return node

    return visit(q).normalize()


def pair_phrase(node: wq.Phrase) -> wq.Query:
    """An exact phrase on page text, through the common-word pair field where it can.

    Pairs with a common word ("victims of trafficking" -> victims_of, of_trafficking) are
    single terms: they must all be present, and the positional phrase confirms the order on
    the few pages that have them. A phrase with no common word, with slop, or over
    Thai/Khmer/Lao/Burmese bigrams keeps the positional check alone.
    """
    words = [w if isinstance(w, str) else w.decode() for w in node.words]
    if node.slop != 1 or len(words) < 2 or any(SEA_RUN.search(w) for w in words):
        return node
    pairs = [wq.Term("pairs", a + PAIR_JOINER + b, boost=node.boost)
             for a, b in zip(words, words[1:], strict=False)
             if a in COMMON_WORDS or b in COMMON_WORDS]
    if not pairs:
        return node
    if len(pairs) == 1 and len(words) == 2:
        return pairs[0]
    return wq.And([*pairs, node])


class _ArrayOr(wq.Or):
    """An OR of many expanded terms, matched by preloading their postings into arrays.

    Whoosh's default binary tree of union matchers costs a Python call per level per
    document: a 500-term prefix expansion took ~0.6 s on 5k pages.
    """

    matcher_type = wq.Or.ARRAY_MATCHER


def expand(q: wq.Query, searcher) -> wq.Query:
    """Replace prefix, wildcard and fuzzy clauses by their terms, capped at MAX_EXPANSION."""
    reader = searcher.reader()
    total = 0

    def visit(node: wq.Query) -> wq.Query:
        nonlocal total
        if isinstance(node, wq.Prefix | wq.Wildcard | wq.FuzzyTerm):
            if node.fieldname in ("stem", "summary") and not isinstance(node, wq.FuzzyTerm):
                # The unstemmed `text` field already has every word form a prefix can
                # reach; expanding the stemmed copies too doubled the union for nothing.
                return wq.NullQuery
            if isinstance(node, wq.FuzzyTerm):
                node.prefixlength = max(node.prefixlength, 1)
            field = _SCHEMA[node.fieldname]
            texts = list(islice(node._btexts(reader), MAX_EXPANSION + 1))
            total += len(texts)
            if total > MAX_EXPANSION:
                raise _fail(f"{node.text}{'*' if isinstance(node, wq.Prefix) else ''} matches "
                            f"more than {MAX_EXPANSION} different words",
                            "add more letters before the wildcard")
            terms = [wq.Term(node.fieldname, t if isinstance(t, str) else field.from_bytes(t),
                             boost=node.boost) for t in texts]
            return _ArrayOr(terms) if terms else wq.NullQuery
        if not node.is_leaf():
            return node.apply(visit)
        return node

    return _wide_ors_as_arrays(visit(q).normalize())


def _wide_ors_as_arrays(q: wq.Query) -> wq.Query:
    """Normalising flattens nested ORs into one plain Or: turn wide ones into array ORs."""
    if not q.is_leaf():
        q = q.apply(_wide_ors_as_arrays)
    if type(q) is wq.Or and len(q.subqueries) > 16:
        return _ArrayOr(q.subqueries, boost=q.boost)
    return q


def _field_of(q: wq.Query) -> str | None:
    """The field of a leaf, or of a pair-phrase And (its pair terms)."""
    if isinstance(q, wq.And) and q.subqueries:
        return getattr(q.subqueries[0], "fieldname", None)
    return getattr(q, "fieldname", None)


def text_only(q: wq.Query) -> wq.Query:
    """The query without its title/summary alternatives: which pages' *text* matches.

    A word found only in the title matches every page of a report for ranking (BM25F);
    counting and showing pages uses this variant so "12 matching pages" means 12 pages that
    contain the words.
    """

    def visit(node: wq.Query) -> wq.Query:
        if isinstance(node, wq.Or):
            kids = node.subqueries
            if any(_field_of(k) in ("text", "stem", "pairs") for k in kids):
                kept = [k for k in kids if _field_of(k) not in ("title", "summary")]
                return wq.Or([visit(k) for k in kept], boost=node.boost)
        if not node.is_leaf():
            return node.apply(visit)
        return node

    return visit(q).normalize()


def highlight_terms(q: wq.Query) -> tuple[frozenset[str], frozenset[str]]:
    """Unstemmed and stemmed words a page match can contain (negated clauses excluded)."""
    plain: set[str] = set()
    stems: set[str] = set()

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not | wq.AndNot):
            if isinstance(node, wq.AndNot):
                walk(node.a)
            return
        if isinstance(node, wq.Term):
            if not isinstance(node.text, str):  # numeric fields (year) hold bytes
                return
            text = node.text
            if node.fieldname == "pairs":
                plain.update(text.split(PAIR_JOINER))
            elif node.fieldname in ("text", "publisher"):
                plain.add(text)
            elif node.fieldname in ("stem", "summary", "title"):
                stems.add(text)
            return
        if isinstance(node, wq.Phrase):
            (plain if node.fieldname in ("text", "publisher") else stems).update(node.words)
            return
        for child in node.children():
            walk(child)

    walk(q)
    return frozenset(plain), frozenset(stems)


def in_report(q: wq.Query, report_id: str) -> wq.Query:
    return wq.And([q, wq.Term("report_id", report_id), wq.Term("kind", "page")])


def any_of(field: str, words: list[str]) -> wq.Query:
    return wq.Or([wq.Term(field, w) for w in words])
