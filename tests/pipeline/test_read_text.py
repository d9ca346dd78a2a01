"""Decoding and normalization: every encoding gives the same normalized text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from pipeline.readers import ReadError, read_document
from pipeline.readers.normalize import normalize_text

SAMPLE = "팩트시트: 한미 파트너십\n\n2021년 5월 21일\n\n미국은 25억불을 약속했고, 한국은 10억불을 약속했다.\n"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp949", b""), ("euc-kr", b""), ("utf-16", b"")],
    ids=["utf-8", "utf-8 BOM", "cp949", "euc-kr", "utf-16 BOM"],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "문서.txt"
    path.write_bytes(prefix + SAMPLE.encode(encoding))
    assert read_document(path).text == SAMPLE


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        (unicodedata.normalize("NFD", "한국은"), "한국은"),
        ("２５억불（CEPI）", "25억불(CEPI)"),
        ("25\u00a0억불", "25 억불"),
        ("25\u200b억\u2060불", "25억불"),
        ("\ufeff제목", "제목"),
        ("\t• 들여쓰기", "\t• 들여쓰기"),
        ("0\r\x0c0\u2028가\x1f나", "0\n\n0\n가 나"),
    ],
    ids=["line ends", "NFD Hangul", "full-width", "no-break space", "zero-width", "BOM", "tab kept", "page and line separators"],
)
def test_normalize_text(raw: str, normalized: str) -> None:
    assert normalize_text(raw) == normalized


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20, "binary content"),
    ],
    ids=["png", "control bytes"],
)
def test_binary_files_are_refused_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        read_document(path)


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot read file"):
        read_document(tmp_path / "없음.txt")


def test_sha256_is_of_the_raw_bytes(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "a.txt"
    path.write_bytes(SAMPLE.encode("cp949"))
    assert read_document(path).sha256 == hashlib.sha256(SAMPLE.encode("cp949")).hexdigest()
