"""Check every <name>.expect.yml of this corpus against its <name>.txt dump.

For each article it verifies that
* the expectation has all keys (source.repository/path/commit/url, title,
  date, author, outlet, body, chrome);
* every body and chrome item is a line of the dump (lines compared after
  stripping whitespace), and the body items appear in dump order;
* every variant (<name>.*.txt, e.g. .gb18030.txt, .bom-crlf.txt) decodes to
  the same text as the UTF-8 dump.

It prints per-article counts: body lines, chrome lines, and unassigned lines
(non-blank dump lines in neither list).  Unassigned lines should only be the
title, byline/date/source lines and image captions ("furniture"); they are
listed so they can be reviewed.  A line equal to the title is marked [title].

Exit status is 1 if any hard check fails.
"""

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KEYS = ["source", "title", "date", "author", "outlet", "body", "chrome"]
SOURCE_KEYS = ["repository", "path", "commit", "url"]
VARIANT_CODECS = {"gb18030": "gb18030", "big5": "big5", "bom-crlf": "utf-8-sig"}


def check(expect_path):
    errors = []
    name = expect_path.name[: -len(".expect.yml")]
    txt = expect_path.with_name(name + ".txt")
    data = yaml.safe_load(expect_path.read_text(encoding="utf-8"))
    for k in KEYS:
        if k not in data:
            errors.append(f"missing key {k}")
    for k in SOURCE_KEYS:
        if k not in (data.get("source") or {}):
            errors.append(f"missing key source.{k}")
    text = txt.read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    lineset = set(lines)
    body = [str(x).strip() for x in data.get("body") or []]
    chrome = [str(x).strip() for x in data.get("chrome") or []]
    for kind, items in (("body", body), ("chrome", chrome)):
        for item in items:
            if item not in lineset:
                errors.append(f"{kind} item not a dump line: {item[:60]!r}")
    # body order
    pos = 0
    for item in body:
        try:
            pos = lines.index(item, pos) + 1
        except ValueError:
            if item in lineset:
                errors.append(f"body item out of order: {item[:60]!r}")
    for v in sorted(txt.parent.glob(name + ".*.txt")):
        codec = VARIANT_CODECS.get(v.name[len(name) + 1 : -len(".txt")])
        if codec is None:
            continue
        decoded = v.read_bytes().decode(codec).replace("\r\n", "\n")
        if decoded != text:
            errors.append(f"variant {v.name} differs from the dump")
    assigned = set(body) | set(chrome)
    unassigned = [ln for ln in lines if ln not in assigned]
    title = str(data.get("title", "")).strip()
    print(f"{expect_path.parent.name}/{name}: body {len(body)}, "
          f"chrome {len(chrome)}, unassigned {len(unassigned)}")
    for ln in unassigned:
        mark = "[title] " if ln == title else ""
        print(f"    unassigned: {mark}{ln[:100]}")
    for e in errors:
        print(f"    ERROR: {e}")
    return errors, len(body), len(chrome), len(unassigned)


def main():
    total = [0, 0, 0]
    failed = False
    files = sorted(HERE.glob("*/*.expect.yml"))
    for f in files:
        errors, b, c, u = check(f)
        failed |= bool(errors)
        total[0] += b
        total[1] += c
        total[2] += u
    print(f"{len(files)} articles: body {total[0]}, chrome {total[1]}, "
          f"unassigned {total[2]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
