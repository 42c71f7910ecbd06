"""Decode raw bytes into clean Unicode text, recording the encoding used.

A declared encoding (from the text's metadata) wins; detection (UTF-8 first, then
chardet) is the fallback. Big5 bytes always "decode" as GB18030 into garbage, so every
candidate is judged by how much Private Use Area text it produces, not only by whether
it decodes, and a declared encoding that yields such text is refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import chardet

from build_tools.problems import Problem, problem
from build_tools.stages.chars import INVISIBLE

MAX_RAW_BYTES = 64 * 1024 * 1024
DETECT_SAMPLE = 64 * 1024
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels detectors use for subsets of GB18030; GB2312 cannot decode 〇 (二〇二三年).
ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "hz-gb-2312": "gb18030",
           "big5hkscs": "big5hkscs", "cp950": "big5", "ascii": "utf-8", "utf-8-sig": "utf-8-sig"}
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, newlines normalised, invisible characters removed."""

    text: str
    encoding: str
    removed: int  # how many invisible characters were removed


def decode_bytes(data: bytes, path: str, declared: str | None = None
                 ) -> tuple[Decoded | None, list[Problem]]:
    """Decode a raw file; return a problem naming the file instead of guessing badly."""
    if len(data) > MAX_RAW_BYTES:
        return None, [problem(path, 1, 1, "too-large",
                              f"raw text is larger than {MAX_RAW_BYTES >> 20} MiB; split it")]
    bom = _bom_encoding(data)
    if bom is None and _looks_binary(data[:4096]):
        return None, [problem(path, 1, 1, "binary", "this looks like a binary file, not a text")]
    try:
        encoding = bom or (_normal(declared) if declared else None) or _detect(data)
    except LookupError:
        return None, [problem(path, 1, 1, "unknown-encoding",
                              f"unknown encoding '{declared}' declared in the metadata; "
                              "use utf-8, gb18030 or big5")]
    if encoding is None:
        return None, [problem(path, 1, 1, "undecodable",
                              "cannot tell the encoding (not UTF-8, UTF-16, GB18030 or Big5); "
                              "save the file as UTF-8 or declare 'encoding:' in its metadata")]
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as err:
        return None, [_decode_problem(data, path, encoding, err)]
    if _looks_binary(text[:4096]):
        return None, [problem(path, 1, 1, "binary", "this looks like a binary file, not a text")]
    if PRIVATE_USE.search(text) and len(PRIVATE_USE.findall(text)) * 200 > len(text):
        return None, [problem(path, 1, 1, "mis-decoded",
                              f"decoding as {encoding} gives private-use characters: the file is "
                              "probably in another encoding; declare the right 'encoding:'")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned, removed = INVISIBLE.subn("", text)
    if not cleaned.strip():
        return None, [problem(path, 1, 1, "empty-file", "the raw text is empty (no visible characters)")]
    return Decoded(cleaned, encoding.replace("-sig", ""), removed), []


def _bom_encoding(data: bytes) -> str | None:
    return next((enc for bom, enc in BOMS if data.startswith(bom)), None)


def _normal(label: str) -> str:
    name = codecs.lookup(label).name
    return ALIASES.get(name, name)


def _detect(data: bytes) -> str | None:
    """Try UTF-8 first (it never decodes other encodings by accident), then ask chardet."""
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    sample = data[:DETECT_SAMPLE]
    guess = chardet.detect(sample).get("encoding")
    candidates = ([_normal(guess)] if guess else []) + ["gb18030", "big5"]
    scored = [(_garbage_score(data, enc), i, enc) for i, enc in enumerate(dict.fromkeys(candidates))]
    usable = [s for s in scored if s[0] is not None]
    return min(usable)[2] if usable else None


def _garbage_score(data: bytes, encoding: str) -> float | None:
    """Share of private-use or replacement characters; None when it does not decode."""
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    bad = len(PRIVATE_USE.findall(text)) + text.count("\ufffd")
    return bad / max(len(text), 1)


def _looks_binary(sample: str | bytes) -> bool:
    """More than a tenth of NUL and low control characters (bytes or decoded text)."""
    if isinstance(sample, bytes):
        controls = sum(sample.count(code) for code in range(0x09))
    else:
        controls = sum(sample.count(chr(code)) for code in range(0x09))
    return controls * 10 > len(sample) > 0


def _decode_problem(data: bytes, path: str, encoding: str, err: Exception) -> Problem:
    if isinstance(err, UnicodeDecodeError):
        before = data[: err.start]
        line = before.count(b"\n") + 1
        # Columns count characters, as editors do; the bytes before the error decode.
        column = len(before[before.rfind(b"\n") + 1:].decode(encoding, errors="replace")) + 1
        return problem(path, line, column, "undecodable",
                       f"byte {data[err.start]:#04x} is not valid {encoding}; "
                       "fix the declared 'encoding:' or re-save the file as UTF-8")
    return problem(path, 1, 1, "unknown-encoding", f"unknown encoding '{encoding}'")
