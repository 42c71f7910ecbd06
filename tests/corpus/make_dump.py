"""Make the page-text dumps (<name>.txt) of the saved pages in this corpus.

The dump imitates what a browser gives for "select all, copy" (innerText) of
the whole page:

* only the <body> is rendered; <head>, <script>, <style>, <noscript>,
  <template>, <iframe> contents and comments are dropped, and so are
  elements hidden with the ``hidden`` attribute or an inline
  ``display:none`` style;
* block-level elements (div, p, li, tr, h1-h6, table, ul, ol, dl, dd, dt,
  section, article, header, footer, nav, aside, form, option, ...) start and
  end a line, <br> ends a line, inline elements (a, span, b, font, ...) do
  not;
* whitespace in the source, newlines included, is only a space (as in
  normal CSS white-space handling); lines come only from blocks and <br>;
* table cells in one row are separated by a tab, which then collapses into
  one space like any other run of whitespace (space, tab, newline, NBSP);
* each line is stripped (Python ``str.strip``, which also removes U+3000
  ideographic spaces at the ends), and empty lines are dropped, so the dump
  has one non-blank line per block.

Input pages are read as UTF-8 (they are stored that way).  Output is UTF-8
with LF line endings and a final newline.

Usage:  python make_dump.py page.html [page2.html ...]   (writes page.txt)
        python make_dump.py --all                         (every *.html here)
        python make_dump.py --variant gb18030|big5|bom-crlf dump.txt ...
            (writes dump.gb18030.txt etc.: the same text re-encoded,
             strictly; bom-crlf is UTF-8 with a BOM and CRLF line ends)
"""

import re
import sys
from pathlib import Path

import lxml.html

BLOCK = {
    "address", "article", "aside", "blockquote", "body", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol",
    "optgroup", "option", "p", "pre", "section", "select", "summary",
    "table", "tbody", "tfoot", "thead", "tr", "ul", "caption", "title",
}
CELL = {"td", "th"}
SKIP = {"head", "script", "style", "noscript", "template", "iframe",
        "object", "embed", "svg", "canvas", "video", "audio", "map",
        "input", "textarea", "button-disabled"}
WS = re.compile(r"[ \t\n\r\f\v\u00a0]+")
HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def _hidden(el):
    if el.get("hidden") is not None:
        return True
    return bool(HIDDEN.search(el.get("style") or ""))


def _text(s):
    # whitespace inside the source (including its newlines) is just a space
    return WS.sub(" ", s)


def _walk(el, out):
    tag = el.tag if isinstance(el.tag, str) else None
    if tag is None:  # comment, processing instruction, entity
        if el.tail:
            out.append(_text(el.tail))
        return
    tag = tag.lower()
    if tag in SKIP or _hidden(el):
        if el.tail:
            out.append(_text(el.tail))
        return
    if tag == "br" or tag in BLOCK:
        out.append("\n")
    elif tag in CELL:
        out.append("\t")
    if el.text:
        out.append(_text(el.text))
    for child in el:
        _walk(child, out)
    if tag in BLOCK:
        out.append("\n")
    elif tag in CELL:
        out.append("\t")
    if el.tail:
        out.append(_text(el.tail))


def page_text(html_bytes):
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    root = lxml.html.document_fromstring(html_bytes, parser=parser)
    body = root.find("body")
    if body is None:
        body = root
    out = []
    _walk(body, out)
    lines = []
    for raw in "".join(out).split("\n"):
        line = WS.sub(" ", raw).strip()
        if line:
            lines.append(line)
    return "\n".join(lines) + "\n"


def dump(path):
    path = Path(path)
    text = page_text(path.read_bytes())
    target = path.with_suffix(".txt")
    target.write_text(text, encoding="utf-8", newline="\n")
    return target


def variant(txt_path, kind):
    """Re-encode a UTF-8 dump: kind is gb18030, big5 or bom-crlf."""
    txt_path = Path(txt_path)
    text = txt_path.read_text(encoding="utf-8")
    if kind == "bom-crlf":
        data = text.replace("\n", "\r\n").encode("utf-8-sig")
    else:
        data = text.encode(kind)  # strict: fails rather than lose a character
    target = txt_path.with_name(txt_path.name[: -len(".txt")] + f".{kind}.txt")
    target.write_bytes(data)
    return target


def main(argv):
    here = Path(__file__).resolve().parent
    if argv[:1] == ["--variant"]:
        for p in argv[2:]:
            print(variant(p, argv[1]))
        return
    paths = sorted(here.glob("*/*.html")) if argv == ["--all"] else argv
    for p in paths:
        print(dump(p))


if __name__ == "__main__":
    main(sys.argv[1:])
