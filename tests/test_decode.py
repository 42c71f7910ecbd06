"""Tables for decode_bytes: encodings, line endings, invisible characters, problems."""

from __future__ import annotations

import codecs
import gzip

import pytest

from build_tools.stages.decode import decode_bytes

SIMPLIFIED = "二〇二三年，全市召开乡村振兴工作会议，部署全年重点任务。"
TRADITIONAL = "習近平總書記強調，鄉村要振興，關鍵是把基層黨組織建好、建強。"


def decoded(data: bytes, declared: str | None = None) -> tuple[str, str]:
    result, problems = decode_bytes(data, "texts/t.txt", declared)
    assert problems == [] and result is not None
    return result.text, result.encoding


def problem_of(data: bytes, declared: str | None = None) -> tuple[str, int, int]:
    result, problems = decode_bytes(data, "texts/t.txt", declared)
    assert result is None and len(problems) == 1 and problems[0].path == "texts/t.txt"
    return problems[0].code, problems[0].line, problems[0].column


@pytest.mark.parametrize("data, declared, expected", [
    (SIMPLIFIED.encode("utf-8"), None, (SIMPLIFIED, "utf-8")),
    (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), None, (SIMPLIFIED, "utf-8")),
    (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8", (SIMPLIFIED, "utf-8")),
    (SIMPLIFIED.encode("gb18030"), None, (SIMPLIFIED, "gb18030")),
    (SIMPLIFIED.encode("gb18030"), "gb18030", (SIMPLIFIED, "gb18030")),
    # 〇 is not in GB2312: a file labelled GB2312 is read as its superset GB18030.
    (SIMPLIFIED.encode("gb18030"), "GB2312", (SIMPLIFIED, "gb18030")),
    (SIMPLIFIED[5:].encode("gbk"), None, (SIMPLIFIED[5:], "gb18030")),
    (SIMPLIFIED[5:].encode("gbk"), "gbk", (SIMPLIFIED[5:], "gb18030")),
    (TRADITIONAL.encode("big5"), None, (TRADITIONAL, "big5")),
    ("實施「四抓四強」促鄉村全面振興".encode("big5"), None, ("實施「四抓四強」促鄉村全面振興", "big5")),
    (TRADITIONAL.encode("big5"), "big5", (TRADITIONAL, "big5")),
    (TRADITIONAL.encode("utf-8"), None, (TRADITIONAL, "utf-8")),
    (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), None, (SIMPLIFIED, "utf-16")),
    (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), None, (SIMPLIFIED, "utf-16")),
    # A byte-order mark wins over a declaration that contradicts it.
    (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "gb18030", (SIMPLIFIED, "utf-16")),
])
def test_encoding_is_decoded_and_recorded(data: bytes, declared: str | None,
                                          expected: tuple[str, str]) -> None:
    assert decoded(data, declared) == expected


@pytest.mark.parametrize("text, expected", [
    ("第一段\r\n第二段\r\n", "第一段\n第二段\n"),
    ("第一段\r第二段\r", "第一段\n第二段\n"),
    ("甲\r\n乙\r丙\n丁", "甲\n乙\n丙\n丁"),
    ("甲\r\n\r\n乙", "甲\n\n乙"),
    ("甲\r\r乙", "甲\n\n乙"),
])
def test_line_endings_become_newlines(text: str, expected: str) -> None:
    assert decoded(text.encode("utf-8"))[0] == expected
    assert decoded(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))[0] == expected


@pytest.mark.parametrize("text, expected, removed", [
    ("乡村\x00振兴", "乡村振兴", 1),
    ("乡\u200b村\u200c振\u200d兴", "乡村振兴", 3),
    ("乡村\ufeff振兴", "乡村振兴", 1),
    ("\u202a乡\u202b村\u202c振\u202d兴\u202e", "乡村振兴", 5),
    ("\u2066乡村\u2067振兴\u2068。\u2069", "乡村振兴。", 4),
    ("乡村\x07振兴\x1b[0m", "乡村振兴[0m", 2),
    ("乡村\x85振兴\x9f", "乡村振兴", 2),
    ("乡村\x7f振兴\x0b\x0c", "乡村振兴", 3),
    ("第一段\t缩进\n第二段", "第一段\t缩进\n第二段", 0),
    ("2800-3000元，1+1+N，17:33:13", "2800-3000元，1+1+N，17:33:13", 0),
])
def test_invisible_characters_are_removed(text: str, expected: str, removed: int) -> None:
    # After a line of text, as in a real file (a short file of controls is binary).
    result, problems = decode_bytes(f"{SIMPLIFIED}\n{text}".encode(), "texts/t.txt")
    assert problems == [] and result is not None
    assert (result.text, result.removed) == (f"{SIMPLIFIED}\n{expected}", removed)


@pytest.mark.parametrize("data, declared, expected", [
    # UTF-8 declared, but the second line ends in GB18030 bytes: located in characters.
    ("第一行\n乡村".encode() + "振兴".encode("gb18030"), "utf-8", ("undecodable", 2, 3)),
    (SIMPLIFIED.encode("gb18030"), "utf-8", ("undecodable", 1, 1)),
    ("标题\n甲乙〇".encode("gb18030"), "big5", ("undecodable", 2, 3)),
    ("乡村".encode(), "klingon", ("unknown-encoding", 1, 1)),
    (b"", None, ("empty-file", 1, 1)),
    (codecs.BOM_UTF8, None, ("empty-file", 1, 1)),
    (b"\r\n \n\t\n", None, ("empty-file", 1, 1)),
    ("\u200b\ufeff\n".encode("utf-8"), None, ("empty-file", 1, 1)),
    (b"\x89PNG\r\n\x1a\n" + bytes(64) + b"IHDR" + bytes(64), None, ("binary", 1, 1)),
    (codecs.BOM_UTF16_LE + "\x01\x02\x03\x04".encode("utf-16-le") * 20, None, ("binary", 1, 1)),
    (gzip.compress(SIMPLIFIED.encode("utf-8") * 20, mtime=0), None, ("binary", 1, 1)),
])
def test_bad_input_is_a_problem_not_an_exception(data: bytes, declared: str | None,
                                                 expected: tuple[str, int, int]) -> None:
    assert problem_of(data, declared) == expected


def test_undecodable_message_names_the_byte_and_the_fix() -> None:
    _, problems = decode_bytes("乡村".encode("gb18030"), "texts/t.txt", "utf-8")
    assert problems[0].message.startswith("byte 0xcf is not valid utf-8")
    assert "encoding:" in problems[0].message
