"""Unit tests for indexer.extract: every bad PDF is built here, in tmp_path."""

from __future__ import annotations

import io
import logging
import random
import struct
import zlib
from pathlib import Path

import pypdf
import pytest
from pypdf.errors import DependencyError, LimitReachedError, PdfReadError
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import indexer.lang
from indexer import extract
from indexer.extract import ExtractionFailed, extract_pdf, page_quality
from indexer.models import FailureReason, Quality


def raw_pdf(
    streams: list[bytes],
    *,
    font_extra: bytes = b"",
    compress: bool = False,
    trailer_extra: bytes = b"",
    extra_objs: tuple[bytes, ...] = (),
) -> bytes:
    """A minimal hand-written PDF (Helvetica, one content stream per page, exact xref)."""
    objs: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica" + font_extra + b" >>",
    ]
    kids = []
    for stream in streams:
        data = zlib.compress(stream) if compress else stream
        filt = b" /Filter /FlateDecode" if compress else b""
        objs.append(b"<< /Length %d%s >>\nstream\n" % (len(data), filt) + data + b"\nendstream")
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
            b"<< /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objs)
        )
        kids.append(len(objs))
    objs[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
        len(kids),
        b" ".join(b"%d 0 R" % k for k in kids),
    )
    objs.extend(extra_objs)
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        trailer_extra,
        xref,
    )
    return bytes(out)


def text_stream(*lines: bytes) -> bytes:
    body = b"\n".join(b"(" + line + b") Tj T*" for line in lines)
    return b"BT /F1 12 Tf 72 720 Td 14 TL\n" + body + b"\nET"


def reportlab_pdf(pages: list[str]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for text in pages:
        for n, line in enumerate(text.split("\n")):
            c.drawString(72, 750 - 14 * n, line)
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(autouse=True)
def stub_languages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Deterministic language stub that records what it was asked about."""
    seen: list[str] = []

    def fake(text: str) -> tuple[str, ...]:
        seen.append(text)
        return ("en",)

    monkeypatch.setattr(indexer.lang, "detect_languages", fake)
    return seen


def write(tmp_path: Path, data: bytes, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def failure_of(path: Path, **kwargs: int) -> ExtractionFailed:
    with pytest.raises(ExtractionFailed) as info:
        extract_pdf(path, **kwargs)
    return info.value


# --- quick checks -----------------------------------------------------------------------


def test_zero_bytes_is_empty(tmp_path: Path) -> None:
    assert failure_of(write(tmp_path, b"")).reason is FailureReason.EMPTY


def test_html_saved_as_pdf_says_what_it_is(tmp_path: Path) -> None:
    err = failure_of(write(tmp_path, b"<!DOCTYPE html><html><body>404</body></html>"))
    assert err.reason is FailureReason.NOT_PDF
    assert "<!DOCTYPE html" in err.message and "HTML page" in err.message


def test_zip_saved_as_pdf(tmp_path: Path) -> None:
    err = failure_of(write(tmp_path, b"PK\x03\x04" + b"\0" * 100))
    assert err.reason is FailureReason.NOT_PDF and "ZIP" in err.message


def test_header_after_junk_within_1024_bytes_is_accepted(tmp_path: Path) -> None:
    data = b"\n" * 500 + raw_pdf([text_stream(b"Late header text")])
    assert extract_pdf(write(tmp_path, data)).pages[0].text == "Late header text"


def test_size_cap(tmp_path: Path) -> None:
    err = failure_of(write(tmp_path, raw_pdf([text_stream(b"x")])), max_bytes=100)
    assert err.reason is FailureReason.TOO_LARGE


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    assert failure_of(tmp_path / "nope.pdf").reason is FailureReason.UNREADABLE


# --- broken structure -------------------------------------------------------------------


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_download(tmp_path: Path, fraction: float) -> None:
    good = reportlab_pdf([f"Page {i} about labour migration" for i in range(6)])
    path = write(tmp_path, good[: int(len(good) * fraction)])
    try:
        result = extract_pdf(path)
    except ExtractionFailed as err:  # pypdf 7.1.1 recovers nothing from these
        assert err.reason is FailureReason.CORRUPT
        assert ": " in err.message  # "ExceptionType: message"
    else:
        assert result.pages


def test_random_bytes_after_header(tmp_path: Path) -> None:
    junk = random.Random(7).randbytes(20_000)
    err = failure_of(write(tmp_path, b"%PDF-1.7\n" + junk))
    assert err.reason is FailureReason.CORRUPT


def test_broken_startxref_recovers_and_counts_warnings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    good = raw_pdf([text_stream(b"Recovered page %d" % i) for i in range(3)], compress=True)
    path = write(tmp_path, good.replace(b"startxref\n", b"startxref\n9"))
    with caplog.at_level(logging.DEBUG):
        result = extract_pdf(path)
    assert [p.text for p in result.pages] == [f"Recovered page {i}" for i in range(3)]
    assert result.warnings >= 1
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]  # silenced
    assert logging.getLogger("pypdf").propagate  # and the logger is restored afterwards


def test_decompression_bomb_is_refused_not_crashed(tmp_path: Path) -> None:
    bomb = b"BT /F1 12 Tf 72 720 Td (boom) Tj ET\n" + b" " * 100_000_000  # > 75 MB limit
    path = write(tmp_path, raw_pdf([bomb], compress=True))
    assert path.stat().st_size < 1_000_000
    err = failure_of(path)
    assert err.reason is FailureReason.TOO_LARGE
    assert "exceeds decompression limit" in err.message


def test_limits_are_set_explicitly_during_extraction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = []
    original = pypdf.PdfReader

    def spy(*args: object, **kwargs: object) -> pypdf.PdfReader:
        seen.append(pypdf.get_configuration())
        return original(*args, **kwargs)

    monkeypatch.setattr(extract.pypdf, "PdfReader", spy)
    with pypdf.apply_configuration(zlib_maximum_output_length=10**12):  # a relaxed outer config
        extract_pdf(write(tmp_path, raw_pdf([text_stream(b"hello there")])))
    assert seen[0].zlib_maximum_output_length == 75_000_000
    assert seen[0].jbig2dec_binary is None


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (RecursionError("maximum recursion depth exceeded"), FailureReason.CORRUPT),
        (KeyError("/Root"), FailureReason.CORRUPT),
        (AttributeError("'NullObject' object has no attribute 'get'"), FailureReason.CORRUPT),
        (struct.error("unpack requires a buffer"), FailureReason.CORRUPT),
        (zlib.error("Error -3 while decompressing"), FailureReason.CORRUPT),
        (PdfReadError("Invalid object in /Pages"), FailureReason.CORRUPT),
        (LimitReachedError("Limit reached while decompressing"), FailureReason.TOO_LARGE),
        (DependencyError("cryptography>=3.1 is required for AES"), FailureReason.ENCRYPTED),
        (MemoryError(), FailureReason.MEMORY),
    ],
)
def test_exception_mapping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: BaseException, reason: FailureReason
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise exc

    monkeypatch.setattr(extract.pypdf, "PdfReader", boom)
    err = failure_of(write(tmp_path, raw_pdf([text_stream(b"x")])))
    assert err.reason is reason
    if reason is FailureReason.CORRUPT:
        assert err.message.startswith(type(exc).__name__ + ": ")


def test_keyboard_interrupt_is_not_swallowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(extract.pypdf, "PdfReader", boom)
    with pytest.raises(KeyboardInterrupt):
        extract_pdf(write(tmp_path, raw_pdf([text_stream(b"x")])))


def test_one_bad_page_does_not_lose_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = pypdf.PageObject.extract_text

    def flaky(self: pypdf.PageObject, *args: object, **kwargs: object) -> str:
        text = original(self, *args, **kwargs)
        if "BOOM" in text:
            raise KeyError("/Font")
        return text

    monkeypatch.setattr(pypdf.PageObject, "extract_text", flaky)
    path = write(
        tmp_path,
        raw_pdf(
            [text_stream(b"Good page one"), text_stream(b"BOOM"), text_stream(b"Good page three")]
        ),
    )
    result = extract_pdf(path)
    assert [p.quality for p in result.pages] == [Quality.OK, Quality.GARBLED, Quality.OK]
    assert result.pages[1].text == "" and result.warnings >= 1

    all_bad = write(tmp_path, raw_pdf([text_stream(b"BOOM")] * 2), "bad.pdf")
    err = failure_of(all_bad)
    assert err.reason is FailureReason.CORRUPT and "KeyError" in err.message


# --- encryption -------------------------------------------------------------------------


def _encrypted(tmp_path: Path, user: str, owner: str) -> Path:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(reportlab_pdf(["Confidential shelter list"])))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    return write(tmp_path, buf.getvalue())


def test_user_password_is_encrypted(tmp_path: Path) -> None:
    err = failure_of(_encrypted(tmp_path, "secret", "owner"))
    assert err.reason is FailureReason.ENCRYPTED
    assert "password-protected" in err.message


def test_owner_password_only_extracts(tmp_path: Path) -> None:
    result = extract_pdf(_encrypted(tmp_path, "", "owner"))
    assert result.pages[0].text == "Confidential shelter list"


# --- text, labels, quality --------------------------------------------------------------


def test_ligature_hyphenation_and_control_chars(tmp_path: Path) -> None:
    diffs = b" /Encoding << /Differences [1 /fi 2 /ffi] >>"
    pages = [
        text_stream(b"\\001nd the o\\002ce", b"traf-", b"ficking victims"),
        text_stream(b"Hello\\000World\\007 again \\003\\004 ok"),
    ]
    result = extract_pdf(write(tmp_path, raw_pdf(pages, font_extra=diffs)))
    assert result.pages[0].text == "find the office\ntrafficking victims"
    second = result.pages[1].text
    assert not any(ord(ch) < 32 and ch != "\n" for ch in second)
    assert "again" in second and result.pages[1].quality is Quality.OK


def test_page_labels(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(
        clone_from=io.BytesIO(reportlab_pdf([f"p{i} words" for i in range(5)]))
    )
    writer.set_page_label(0, 1, style="/r")
    writer.set_page_label(2, 4, style="/D", start=1)
    buf = io.BytesIO()
    writer.write(buf)
    result = extract_pdf(write(tmp_path, buf.getvalue()))
    assert [p.label for p in result.pages] == ["i", "ii", "1", "2", "3"]
    assert [p.number for p in result.pages] == [1, 2, 3, 4, 5]


def test_labels_default_to_numbers(tmp_path: Path) -> None:
    result = extract_pdf(write(tmp_path, raw_pdf([text_stream(b"one"), text_stream(b"two")])))
    assert [p.label for p in result.pages] == ["1", "2"]


def test_image_only_page_is_no_text_and_document_still_returned(
    tmp_path: Path, stub_languages: list[str]
) -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.rect(100, 100, 300, 300, fill=1)
    c.showPage()
    c.drawString(72, 750, "Only this page has words")
    c.showPage()
    c.save()
    result = extract_pdf(write(tmp_path, buf.getvalue()))
    assert [p.quality for p in result.pages] == [Quality.NO_TEXT, Quality.OK]
    assert result.pages[0].languages == () and result.pages[1].languages == ("en",)
    assert stub_languages == ["Only this page has words"]  # no guesses on empty pages


def test_page_and_text_caps(tmp_path: Path) -> None:
    path = write(
        tmp_path, raw_pdf([text_stream(b"A fairly long line of text %d" % i) for i in range(3)])
    )
    result = extract_pdf(path, max_pages=2, max_page_chars=10)
    assert len(result.pages) == 2
    assert all(len(p.text) == 10 for p in result.pages)
    assert result.warnings >= 3


def test_document_info_cleaned(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(reportlab_pdf(["text"])))
    writer.metadata = None
    writer.add_metadata(
        {
            "/Title": "  Trafficking\x00 in Persons ",
            "/Author": "   ",
            "/Keywords": "labour; migration",
            "/CreationDate": "D:20200102030405Z",
        }
    )
    buf = io.BytesIO()
    writer.write(buf)
    info = extract_pdf(write(tmp_path, buf.getvalue())).info
    assert info["title"] == "Trafficking in Persons"
    assert "author" not in info
    assert info["keywords"] == "labour; migration"
    assert info["creation_date"].startswith("2020-01-02T03:04:05")


def test_unparsable_date_kept_raw(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        raw_pdf(
            [text_stream(b"x y z")],
            trailer_extra=b" /Info 6 0 R",
            extra_objs=(b"<< /CreationDate (last tuesday) >>",),
        ),
    )
    assert extract_pdf(path).info == {"creation_date": "last tuesday"}


def test_broken_info_never_fails_the_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        raw_pdf(
            [text_stream(b"Body text here")],
            trailer_extra=b" /Info 6 0 R",
            extra_objs=(b"[1 2 3]",),
        ),
    )
    result = extract_pdf(path)
    assert result.info == {} and result.pages[0].text == "Body text here"


@pytest.mark.parametrize(
    ("text", "quality"),
    [
        ("Trafficking in persons is a crime.", Quality.OK),
        ("ការធ្វើចំណាកស្រុកប្រកបដោយសុវត្ថិភាព", Quality.OK),
        ("งบประมาณแผ่นดิน", Quality.OK),
        ("", Quality.NO_TEXT),
        ("  \n 12 \n", Quality.NO_TEXT),
        ("- . -", Quality.NO_TEXT),
        ("\ufffd" * 40 + " ok words", Quality.GARBLED),
        ("\ue001\ue002\ue003\ue004 abc", Quality.GARBLED),
        ("(cid:12)(cid:13)(cid:14) the", Quality.GARBLED),
        ("\x01\x02\x03\x04\x05 ab", Quality.GARBLED),
        ("Mostly fine text with one \ufffd replacement character", Quality.OK),
        (" ".join("Thisisareportaboutforcedlabour" * 2), Quality.GARBLED),
        ("I am a B student in a class of 3", Quality.OK),
    ],
)
def test_page_quality(text: str, quality: Quality) -> None:
    assert page_quality(text) is quality


def test_real_language_detector_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real indexer.lang.detect_languages
    text = b"Human trafficking is the recruitment and transportation of people by force"
    result = extract_pdf(write(tmp_path, raw_pdf([text_stream(text)])))
    assert result.pages[0].languages[:1] == ("en",)
