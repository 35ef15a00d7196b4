"""Generator of hostile (and good) PDF files for the reliability suite.

Everything is written by hand or with reportlab, so no third-party file is redistributed.
Each `Spec` names a file (bytes, so non-UTF-8 names are possible), how to make it, and what
the indexer may do with it: `good=True` files must be indexed and findable by `marker`;
bad ones must be reported with one of the `allowed` reason classes (reliability.md §1.A).
"""

from __future__ import annotations

import io
import os
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ANY_FAILURE = frozenset({"not_pdf", "empty", "encrypted", "corrupt", "timeout", "memory",
                         "too_large", "crashed", "unreadable"})
INDEXED = "indexed"  # pseudo-outcome: the file is in the index (possibly with no text)


@dataclass(frozen=True)
class Spec:
    name: bytes  # file name inside the corpus; may be non-UTF-8
    make: Callable[[Path], None]  # writes the file at the given path
    allowed: frozenset[str]  # reason classes, or INDEXED
    good: bool = False  # must be indexed and findable by `marker`
    marker: str = ""
    slow: bool = False  # only in the long run
    kind: str = ""
    extra: dict = field(default_factory=dict)


# -- raw PDF building -------------------------------------------------------------------

def build(objects: list[bytes], *, root: int | None = 1, trailer_extra: bytes = b"",
          header: bytes = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") -> bytes:
    """A PDF from object bodies numbered 1..n, with a correct xref table."""
    out = bytearray(header)
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    root_ref = b"/Root %d 0 R " % root if root else b""
    out += b"trailer\n<< /Size %d %s%s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root_ref, trailer_extra, xref_at)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", length: int | None = None) -> bytes:
    n = len(data) if length is None else length
    return b"<< /Length %d %s>>\nstream\n" % (n, extra) + data + b"\nendstream"


def text_ops(text: str) -> bytes:
    return b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def one_page(content: bytes, *, content_extra: bytes = b"", catalog_extra: bytes = b"",
             page_extra: bytes = b"", length: int | None = None) -> bytes:
    return build([
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + page_extra + b">>",
        stream(content, content_extra, length),
        FONT,
    ])


def text_pdf(text: str) -> bytes:
    return one_page(text_ops(text))


def reportlab_pdf(pages: list[str], title: str = "") -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    if title:
        c.setTitle(title)
    for text in pages:
        y = 740
        for line in text.split("\n"):
            c.drawString(72, y, line)
            y -= 16
        c.showPage()
    c.save()
    return buf.getvalue()


def good_text(marker: str) -> str:
    return (f"Report on labour migration {marker}\nRecruitment fees and debt bondage among "
            f"migrant fishers.\nThe marker word {marker} appears on this page.")


def deflate_zeros(total: int, chunk: int = 16 << 20) -> bytes:
    """`total` bytes of spaces, deflated, without holding them in memory."""
    comp = zlib.compressobj(9)
    block = b" " * chunk
    parts = [comp.compress(block) for _ in range(total // chunk)]
    parts.append(comp.flush())
    return b"".join(parts)


# -- individual hostile files -----------------------------------------------------------

def _write(data: bytes) -> Callable[[Path], None]:
    return lambda p: p.write_bytes(data)


def flate_bomb(p: Path, size: int = 1 << 30) -> None:
    p.write_bytes(one_page(deflate_zeros(size), content_extra=b"/Filter /FlateDecode "))


def double_flate_bomb(p: Path) -> None:
    inner = deflate_zeros(512 << 20)
    outer = zlib.compress(inner, 9)
    p.write_bytes(one_page(outer, content_extra=b"/Filter [/FlateDecode /FlateDecode] "))


def nested_arrays(p: Path, depth: int = 200_000) -> None:
    p.write_bytes(one_page(text_ops("nested"), catalog_extra=b"/Junk " + b"[" * depth + b"]" * depth + b" "))


def nested_dicts(p: Path, depth: int = 50_000) -> None:
    p.write_bytes(one_page(text_ops("nested"),
                           page_extra=b"/Junk " + b"<< /A " * depth + b">> " * depth))


def many_operators(p: Path, n: int = 400_000) -> None:
    ops = b"BT /F1 12 Tf 72 720 Td " + b"(w) Tj " * n + b"ET"
    p.write_bytes(one_page(zlib.compress(ops, 9), content_extra=b"/Filter /FlateDecode "))


def circular_xref(p: Path) -> None:
    """Two xref sections whose /Prev point at each other."""
    body = bytearray(b"%PDF-1.4\n")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(text_ops("circular")), FONT]
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(body))
        body += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    table = b"".join(b"%010d 00000 n \n" % o for o in offs)
    x1 = len(body)
    # section 1 points at section 2 (whose offset we know after writing it); fixed width
    sec1 = b"xref\n0 6\n0000000000 65535 f \n" + table + b"trailer\n<< /Size 6 /Root 1 0 R /Prev XXXXXXXXXX >>\n"
    x2 = x1 + len(sec1)
    sec1 = sec1.replace(b"XXXXXXXXXX", b"%010d" % x2)
    sec2 = b"xref\n0 6\n0000000000 65535 f \n" + table + b"trailer\n<< /Size 6 /Root 1 0 R /Prev %010d >>\n" % x1
    body += sec1 + sec2 + b"startxref\n%d\n%%%%EOF\n" % x2
    p.write_bytes(bytes(body))


def cyclic_page_tree(p: Path) -> None:
    p.write_bytes(build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(text_ops("cyclic")), FONT,
        b"<< /Type /Pages /Parent 2 0 R /Kids [7 0 R] /Count 1 >>",
        b"<< /Type /Pages /Parent 6 0 R /Kids [2 0 R 6 0 R] /Count 1 >>",  # back up: a cycle
    ]))


def self_referencing_contents(p: Path) -> None:
    p.write_bytes(build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"[4 0 R 4 0 R]",
    ]))


def outline_cycle(p: Path, marker: str) -> None:
    p.write_bytes(build([
        b"<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(text_ops(f"outline cycle {marker}")), FONT,
        b"<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
        b"<< /Title (loop) /Parent 6 0 R /Next 7 0 R /Prev 7 0 R /First 7 0 R /Dest [3 0 R /Fit] >>",
    ]))


def bad_page_labels(p: Path, marker: str) -> None:
    p.write_bytes(one_page(text_ops(f"labels {marker}"),
                           catalog_extra=b"/PageLabels << /Nums [0 << /S /Q /St -5 >> 7 (x)] >> "))


def many_pages(p: Path, n: int = 5000, marker: str = "") -> None:
    """n pages sharing one small content stream, plus a last page with the marker."""
    kids = b" ".join(b"%d 0 R" % (6 + i) for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
            stream(text_ops("filler page")), FONT,
            stream(text_ops(f"last page {marker}"))]
    for i in range(n):
        content = 5 if i == n - 1 else 3
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 4 0 R >> >> >>" % content)
    p.write_bytes(build(objs))


def inline_image_without_ei(p: Path) -> None:
    p.write_bytes(one_page(b"q BI /W 4 /H 4 /CS /G /BPC 8 ID " + bytes(range(256)) * 4 + b" Q"))


def huge_length(p: Path) -> None:
    p.write_bytes(one_page(text_ops("length"), length=2_000_000_000))


def encrypted(p: Path, user: str, owner: str, algorithm: str = "RC4-128", marker: str = "") -> None:
    import pypdf

    w = pypdf.PdfWriter(clone_from=io.BytesIO(reportlab_pdf([good_text(marker or "locked")])))
    w.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    buf = io.BytesIO()
    w.write(buf)
    p.write_bytes(buf.getvalue())


def image_only(p: Path) -> None:
    img = bytes(random.Random(3).randrange(256) for _ in range(64 * 64))
    p.write_bytes(build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        stream(b"q 200 0 0 200 72 500 cm /Im1 Do Q"),
        stream(img, b"/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                    b"/BitsPerComponent 8 "),
    ]))


def mutate(data: bytes, seed: int) -> bytes:
    """A structured random mutation of a good PDF: flips, inserts, deletes, splices."""
    rng = random.Random(seed)
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.choice(("flip", "insert", "delete", "splice", "zero", "digits"))
        pos = rng.randrange(len(buf))
        if op == "flip":
            buf[pos] ^= 1 << rng.randrange(8)
        elif op == "insert":
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        elif op == "delete":
            del buf[pos:pos + rng.randint(1, 256)]
        elif op == "splice":
            src = rng.randrange(len(buf))
            buf[pos:pos] = buf[src:src + rng.randint(1, 512)]
        elif op == "zero":
            buf[pos:pos + rng.randint(1, 128)] = bytes(min(128, len(buf) - pos))
        else:  # corrupt a number: xref offsets, lengths, object ids
            digits = [i for i, b in enumerate(buf) if 48 <= b <= 57]
            i = rng.choice(digits)
            buf[i] = 48 + rng.randrange(10)
    return bytes(buf)


# -- the catalogue ----------------------------------------------------------------------

def _good(name: str, marker: str, **kw) -> Spec:
    return Spec(name.encode(), _write(reportlab_pdf([good_text(marker)])), frozenset({INDEXED}),
                good=True, marker=marker, kind="good", **kw)


def catalogue(base_pdf: bytes, *, n_mutants: int = 30, slow: bool = True) -> list[Spec]:
    """All specs; `slow=False` drops the expensive ones (bombs, 400k operators, 5,000 pages)."""
    specs: list[Spec] = []
    add = specs.append
    F = frozenset
    for i in range(8):
        add(_good(f"good-{i:02d}.pdf", f"zqgood{i}marker"))
    add(Spec("café-ünïcode-good.pdf".encode(), _write(reportlab_pdf([good_text("zqunicodegood")])),
             F({INDEXED}), good=True, marker="zqunicodegood", kind="good"))
    add(Spec(b"latin1-\xe9t\xe9-good.pdf", _write(reportlab_pdf([good_text("zqlatinonegood")])),
             F({INDEXED}), good=True, marker="zqlatinonegood", kind="non-utf8 name"))
    add(Spec(b"-leading-dash good.pdf", _write(reportlab_pdf([good_text("zqdashgood")])),
             F({INDEXED}), good=True, marker="zqdashgood", kind="odd name"))
    add(Spec(b"new\nline-good.pdf", _write(reportlab_pdf([good_text("zqnewlinegood")])),
             F({INDEXED}), good=True, marker="zqnewlinegood", kind="odd name"))
    add(Spec(b"l" * 200 + b".pdf", _write(reportlab_pdf([good_text("zqlongnamegood")])),
             F({INDEXED}), good=True, marker="zqlongnamegood", kind="odd name"))
    add(Spec(b"owner-only-password.pdf", lambda p: encrypted(p, "", "owner", marker="zqowneronly"),
             F({INDEXED}), good=True, marker="zqowneronly", kind="encrypted, empty user password"))
    add(Spec(b"hand-written.pdf", _write(text_pdf("hand written zqhandmade")), F({INDEXED}),
             good=True, marker="zqhandmade", kind="good"))
    add(Spec(b"outline-cycle.pdf", lambda p: outline_cycle(p, "zqoutlinecycle"),
             F({INDEXED}) | ANY_FAILURE, kind="outline cycle"))
    add(Spec(b"bad-page-labels.pdf", lambda p: bad_page_labels(p, "zqbadlabels"),
             F({INDEXED}) | ANY_FAILURE, kind="bad /PageLabels"))
    add(Spec(b"image-only.pdf", image_only, F({INDEXED, "no_text"}), kind="scanned, no text"))

    add(Spec(b"zero-bytes.pdf", _write(b""), F({"empty"}), kind="zero bytes"))
    add(Spec(b"html-page.pdf", _write(b"<!DOCTYPE html><html><body>404 Not Found</body></html>\n"),
             F({"not_pdf"}), kind="HTML renamed"))
    add(Spec(b"archive.pdf", _write(b"PK\x03\x04" + bytes(200)), F({"not_pdf"}), kind="ZIP renamed"))
    add(Spec(b"png-image.pdf", _write(b"\x89PNG\r\n\x1a\n" + bytes(100)), F({"not_pdf"}), kind="PNG renamed"))
    add(Spec(b"plain-text.pdf", _write(b"just some text\n" * 50), F({"not_pdf"}), kind="text renamed"))
    add(Spec(b"header-only.pdf", _write(b"%PDF-1.7\n"), F({"corrupt"}), kind="header only"))
    add(Spec(b"bad-\xff\xfe-name.pdf", _write(b"<html>bad name</html>"), F({"not_pdf"}),
             kind="non-utf8 name"))
    add(Spec("нет-имени-нет-pdf.pdf".encode(), _write(b"<html>x</html>"), F({"not_pdf"}), kind="unicode name"))
    for frac in (0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99):
        cut = max(16, int(len(base_pdf) * frac))
        add(Spec(f"truncated-{int(frac * 100):02d}pct.pdf".encode(), _write(base_pdf[:cut]),
                 F({INDEXED}) | ANY_FAILURE, kind="truncated"))
    for seed in range(4):
        rng = random.Random(seed)
        junk = bytes(rng.randrange(256) for _ in range(rng.choice((100, 4096, 65536, 300_000))))
        add(Spec(f"random-after-header-{seed}.pdf".encode(), _write(b"%PDF-1.4\n" + junk),
                 F({"corrupt"}), kind="random bytes after header"))
    add(Spec(b"password-rc4.pdf", lambda p: encrypted(p, "secret", "owner"), F({"encrypted"}),
             kind="encrypted (RC4), user password"))
    add(Spec(b"password-aes.pdf", lambda p: encrypted(p, "secret", "owner", "AES-256"),
             F({"encrypted"}), kind="encrypted (AES-256), user password"))
    add(Spec(b"nested-arrays.pdf", nested_arrays, F({INDEXED}) | ANY_FAILURE, kind="200k nested arrays"))
    add(Spec(b"nested-dicts.pdf", nested_dicts, F({INDEXED}) | ANY_FAILURE, kind="50k nested dictionaries"))
    add(Spec(b"circular-xref.pdf", circular_xref, F({INDEXED}) | ANY_FAILURE, kind="circular /Prev xref"))
    add(Spec(b"cyclic-page-tree.pdf", cyclic_page_tree, F({INDEXED}) | ANY_FAILURE, kind="cyclic /Pages"))
    add(Spec(b"self-contents.pdf", self_referencing_contents, F({INDEXED}) | ANY_FAILURE,
             kind="self-referencing /Contents"))
    add(Spec(b"inline-image-no-ei.pdf", inline_image_without_ei, F({INDEXED}) | ANY_FAILURE,
             kind="inline image without EI"))
    add(Spec(b"huge-length.pdf", huge_length, F({INDEXED}) | ANY_FAILURE, kind="/Length 2e9"))
    add(Spec(b"no-root.pdf", _write(build([b"<< /Type /Pages /Kids [] /Count 0 >>"], root=None)),
             F({INDEXED}) | ANY_FAILURE, kind="trailer without /Root"))
    add(Spec(b"startxref-garbage.pdf",
             _write(text_pdf("xref").replace(b"startxref\n", b"startxref\n9999999")),
             F({INDEXED}) | ANY_FAILURE, kind="startxref beyond EOF"))
    add(Spec(b"small-flate-bomb.pdf", lambda p: flate_bomb(p, 128 << 20), F({"too_large", "memory"}),
             kind="flate bomb 128 MB"))
    add(Spec(b"ops-100k.pdf", lambda p: many_operators(p, 100_000), F({INDEXED}) | ANY_FAILURE,
             kind="100k text operators"))
    add(Spec(b"pages-300.pdf", lambda p: many_pages(p, 300, "zqthreehundred"), F({INDEXED}),
             good=True, marker="zqthreehundred", kind="300 pages"))
    # expensive ones
    add(Spec(b"flate-bomb-1g.pdf", flate_bomb, F({"too_large", "memory"}), slow=True,
             kind="flate bomb 1 GiB"))
    add(Spec(b"double-flate-bomb.pdf", double_flate_bomb, F({"too_large", "memory"}), slow=True,
             kind="nested-filter bomb"))
    add(Spec(b"ops-400k.pdf", many_operators, F({INDEXED}) | ANY_FAILURE, slow=True,
             kind="400k text operators"))
    add(Spec(b"pages-5000.pdf", lambda p: many_pages(p, 5000, "zqfivethousand"), F({INDEXED}),
             good=True, marker="zqfivethousand", slow=True, kind="5,000 pages"))
    for seed in range(n_mutants):
        add(Spec(f"mutant-{seed:03d}.pdf".encode(), _write(mutate(base_pdf, seed)),
                 F({INDEXED, "no_text", "duplicate"}) | ANY_FAILURE,
                 kind="mutated good PDF"))  # two seeds can give the same bytes
    return [s for s in specs if slow or not s.slow]


def write_corpus(folder: Path, specs: list[Spec], outside: Path) -> dict[bytes, Spec]:
    """Write every spec into `folder`, plus symlinks; returns specs by file name (bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    by_name = {}
    root = os.fsencode(folder)
    for spec in specs:
        spec.make(Path(os.fsdecode(root + b"/" + spec.name)))
        by_name[spec.name] = spec
    outside.mkdir(parents=True, exist_ok=True)
    secret = outside / "secret.pdf"
    secret.write_bytes(reportlab_pdf([good_text("zqoutsidesecret")]))
    (folder / "link-outside.pdf").symlink_to(secret)
    by_name[b"link-outside.pdf"] = Spec(b"link-outside.pdf", lambda p: None, frozenset({"symlink_outside"}),
                                        kind="symlink out of the tree")
    (folder / "dangling.pdf").symlink_to(folder / "does-not-exist.pdf")
    by_name[b"dangling.pdf"] = Spec(b"dangling.pdf", lambda p: None, frozenset({"unreadable"}),
                                    kind="dangling symlink")
    (folder / "linkdir").symlink_to(outside, target_is_directory=True)
    by_name[b"linkdir"] = Spec(b"linkdir", lambda p: None, frozenset({"symlink_outside"}),
                               kind="symlinked folder out of the tree")
    return by_name


# -- runner: one indexing run in a fresh process, with figures ---------------------------

def _run(corpus: Path, index: Path, workers: int, timeout: float) -> dict:
    """Index `corpus` like the CLI does and report the parent's memory and per-file times."""
    import time

    from indexer import pipeline
    from indexer import workers as workers_mod
    from indexer.models import display_name

    def vm() -> dict[str, int]:
        out = {}
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0])
        return out

    started: dict[str, float] = {}
    seconds: dict[str, float] = {}
    real_dispatch = workers_mod._Pool._dispatch

    def dispatch(self, path, name):
        started[name] = time.monotonic()
        return real_dispatch(self, path, name)

    real_many = pipeline.extract_many

    def timed_many(jobs, **kw):
        for name, result in real_many(jobs, **kw):
            seconds[name] = time.monotonic() - started[name]
            yield name, result

    workers_mod._Pool._dispatch = dispatch
    pipeline.extract_many = timed_many
    before = vm()
    t0 = time.monotonic()
    summary = pipeline.index_corpus(corpus, index, workers=workers, file_timeout=timeout)
    elapsed = time.monotonic() - t0
    after = vm()
    return {"summary": summary.to_json(), "elapsed": elapsed, "before": before, "after": after,
            "failures": [{"path": f.path.encode("utf-8", "surrogateescape").hex(),
                          "display": display_name(f.path), "reason": f.reason.value,
                          "message": f.message} for f in summary.failures],
            "seconds": {k.encode("utf-8", "surrogateescape").hex(): v for k, v in seconds.items()}}


if __name__ == "__main__":
    import json
    import sys

    sys.stdout.write(json.dumps(_run(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]),
                                     float(sys.argv[4]))))
