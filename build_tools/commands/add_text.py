"""``add-text``: add a scraped article to the corpus, with the metadata the pipeline detects.

The raw file is copied byte for byte; its metadata is what the pipeline itself finds,
written in canonical form (``fmt``) so it needs no reformatting:

1. ``encoding``  the encoding ``decode`` detects
2. ``script``    traditional when OpenCC t2s changes a noticeable share of the Han characters,
                 then ``convert: t2s``
3. ``title``     the first kept line after cleaning, if it looks like a title (short, no
                 sentence punctuation); otherwise empty, for the editors to supply
4. ``date``, ``source_line``, ``author``, ``editor``  the header fields ``clean`` lifts
                 (a byline under the title is the author, as in the built article)
5. ``outlet``    a site name among the dropped debris (a welcome banner, a channel line)

Nothing else is guessed: place and unknown values stay null.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from build_tools.annotations.anchors import assign, dump_ledger, ledger_path
from build_tools.annotations.fmt import render_text_meta_yaml
from build_tools.annotations.romanise import propose_id
from build_tools.annotations.textmeta import Place, TextMeta
from build_tools.articles import assemble_article
from build_tools.build import report
from build_tools.model import Article, Cleaned, DroppedLine, DropRule
from build_tools.problems import Problem, problem
from build_tools.sources import (
    ANCHORS,
    PAGE_SUFFIXES,
    TEXT_META,
    TEXT_SUFFIXES,
    TEXTS,
    SourceFile,
    check_id,
    is_page,
    raw_text_path,
    text_meta_path,
)
from build_tools.stages.clean import HAN, WIDGET_SEPARATORS, WIDGET_WORD, clean_lines, normalise_line
from build_tools.stages.decode import decode_bytes
from build_tools.stages.dump import chrome_lines, read_dump
from build_tools.stages.page import decode_page, extract_page
from build_tools.stages.page_metadata import is_item_row
from build_tools.stages.script import convert, fold
from build_tools.stages.structure import LIST_ITEM, ORGANISATION, REPORTER, SECTION_PREFIX

TRADITIONAL_SHARE = 0.05  # Simplified text changes under t2s at well under 1%; Traditional at 20-40%
MAX_TITLE = 40
TITLE_PUNCTUATION = re.compile("[。！？；，]|[:：]$")
ID_SYLLABLES = 6
WELCOME = re.compile(r"^欢迎(?:访问|来到|光临)\s*(.+?)\s*[!！.。]?$")
SITE_NAME = re.compile(rf"^[{HAN}A-Za-z]{{2,12}}(网|报|台|在线)$")


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``add-text`` command."""
    add_text = sub.add_parser(
        "add-text", help="copy a scraped article into texts/ and write the metadata detected in it",
        description="Copy a raw article (a page-text dump, or a saved page .html/.htm) byte for byte into "
                    "texts/ and write annotations/texts/<id>.yml and the first ledger of its ids with "
                    "what the pipeline detects.")
    add_text.add_argument("file", type=Path, help="the raw scraped article: a text dump or a saved web page")
    add_text.add_argument("--id", help="the text's id (default: from the first syllables of its title)")
    add_text.set_defaults(run=cmd_add_text)


def detect_metadata(raw: SourceFile) -> tuple[TextMeta | None, list[Problem]]:
    """Metadata for a raw text, as far as the pipeline can tell; None if it cannot be built."""
    meta, _, problems = detect(raw)
    return meta, problems


@dataclass(frozen=True)
class Reading:
    """What the page itself says before cleaning: its text, and the evidence for its fields."""

    text: str  # what the cleaning stage reads: a dump's text, or a saved page's extracted article
    encoding: str
    chrome: dict[int, str]  # a dump's lines outside the article, with why
    title: str | None
    title_reason: str
    date: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None


def read_raw(raw: SourceFile) -> tuple[Reading | None, list[Problem]]:
    """Decode a raw file and find its article and the page's own evidence of its fields."""
    decoded, problems = (decode_page if is_page(raw.path) else decode_bytes)(raw.data, raw.path)
    if decoded is None:
        return None, problems
    if is_page(raw.path):
        page = extract_page(decoded.text, decoded.encoding)
        return Reading("\n".join(page.lines), page.encoding, {}, page.title, page.source_of("title"),
                       page.date, page.author, page.site_name, page.url), []
    content = read_dump(decoded.text)
    header = content.header
    return Reading(decoded.text, decoded.encoding, chrome_lines(content), header.title.value,
                   header.title.reason, header.date.value, header.author.value), []


def detect(raw: SourceFile) -> tuple[TextMeta | None, Article | None, list[Problem]]:
    """The metadata and the article of a raw text, each stage run once."""
    reading, problems = read_raw(raw)
    if reading is None:
        return None, None, problems
    # Read, cleaned and structured once: the script is told from the whole text, the title
    # from the page's evidence (else the first kept line), and the article is structured
    # under that title.
    profile = "t2s" if is_traditional(reading.text) else None
    cleaned = clean_lines(reading.text, profile, reading.chrome)
    title = convert(normalise_line(reading.title), profile) if reading.title else find_title(cleaned)
    meta = TextMeta(
        id=raw.id, path=text_meta_path(raw.id), title=title or "",
        title_source="text" if title else "editor", date=None,
        outlet=reading.outlet or find_outlet(cleaned.dropped), source_line=None, author=None, editor=None,
        place=Place(), script="traditional" if profile else "simplified", convert=profile,
        encoding=reading.encoding, sha256=hashlib.sha256(raw.data).hexdigest(), note=None,
        positions=(), source_url=reading.url,
    )
    article, problems = assemble_article(raw, cleaned, reading.encoding, meta.title)
    if article is None:
        return None, None, problems
    header = article.header
    author = header.author or reading.author
    sourced = bool(header.source and not author)
    note = (f"The author field gives the source the text names (来源: {header.source}); "
            "no personal author is named.") if sourced else None
    note_zh = f"作者一栏记的是文本所署的来源（来源: {header.source}），文中未署个人作者。" if sourced else None
    return replace(meta, date=header.date or reading.date, source_line=header.source_line, editor=header.editor,
                   author=author or header.source, note=note, note_zh=note_zh), article, []


def is_traditional(text: str) -> bool:
    """Tell whether t2s would change a noticeable share of the Han characters."""
    han = Counter(ch for ch in text if re.match(f"[{HAN}]", ch))
    changed = sum(count for ch, count in han.items() if fold(ch) != ch)
    return changed > TRADITIONAL_SHARE * sum(han.values())


def find_title(cleaned: Cleaned) -> str | None:
    """The first kept line in Simplified, if it looks like a title."""
    if not cleaned.simplified:
        return None
    text = cleaned.simplified[0]
    return text if looks_like_title(text) else None


def looks_like_title(text: str) -> bool:
    """Short, with Chinese words, no sentence punctuation; not a byline, a numbered heading or a menu."""
    return (len(text) <= MAX_TITLE and bool(re.search(f"[{HAN}]", text))
            and not TITLE_PUNCTUATION.search(text) and not is_item_row(text)
            and not any(p.match(text) for p in (SECTION_PREFIX, LIST_ITEM, ORGANISATION, REPORTER)))


def find_outlet(dropped: tuple[DroppedLine, ...]) -> str | None:
    """A site name in a welcome banner, a channel line or beside sharing widgets."""
    for line in dropped:
        folded = fold(line.text).strip()
        if line.rule is DropRule.BANNER and (match := WELCOME.match(folded)):
            return match.group(1)
        if line.rule is DropRule.CHANNEL and re.search("网|报|台", name := re.sub(r"\s*返回首页$", "", folded)):
            return name  # 新华网贵州频道, not a bare 相关专题
        if line.rule is DropRule.WIDGET:
            names = [t for t in WIDGET_SEPARATORS.split(folded) if t and not WIDGET_WORD.fullmatch(t)]
            if len(names) == 1 and SITE_NAME.match(names[0]):
                return names[0]
    return None


def render_metadata(meta: TextMeta) -> str:
    """The metadata file; an empty title gets a comment asking the editors for one."""
    text = render_text_meta_yaml(meta)
    if meta.title:
        return text
    return text.replace('title: ""\n', 'title: ""  # no title found in the text: write the editors\' '
                        "title here (title_source: editor says so)\n", 1)


def check_new_text(text_id: str, data: bytes, root: Path, suffix: str = ".txt",
                   title: str | None = None) -> list[Problem]:
    """Why the text cannot be added under this id: all reasons at once."""
    path = raw_text_path(text_id, suffix)
    if message := check_id(text_id):
        return [problem(path, 1, 1, "bad-id", f"{message}; choose an id with --id")]
    same = title is not None and _title_of(root / text_meta_path(text_id)) == title
    hint = (" by a text with the same title: this is probably the same article, already in the edition "
            "(saved again, or in another encoding); if it is another text, choose an id with --id"
            if same else "; choose another id with --id")
    existing = [raw_text_path(text_id, s) for s in TEXT_SUFFIXES] + [text_meta_path(text_id)]
    problems = [problem(taken, 1, 1, "file-exists", f"'{text_id}' is already taken{hint}")
                for taken in existing if (root / taken).exists()]
    digest = hashlib.sha256(data).hexdigest()
    texts = sorted((root / TEXTS).iterdir()) if (root / TEXTS).is_dir() else []
    for other in (p for p in texts if p.suffix in TEXT_SUFFIXES):
        if hashlib.sha256(other.read_bytes()).hexdigest() == digest:
            problems.append(problem(f"{TEXTS}/{other.name}", 1, 1, "duplicate-text",
                                    "this text is already in the corpus, byte for byte"))
    return problems


def _title_of(meta_path: Path) -> str | None:
    """The title an existing metadata file gives, if it can be read."""
    try:
        return str(yaml.safe_load(meta_path.read_text(encoding="utf-8")).get("title"))
    except (OSError, yaml.YAMLError, AttributeError):
        return None


def raw_suffix(file: Path) -> str:
    """The raw file's suffix in texts/: a saved page keeps .html/.htm, anything else is a dump."""
    return file.suffix.lower() if file.suffix.lower() in PAGE_SUFFIXES else ".txt"


def cmd_add_text(args: argparse.Namespace) -> int:
    """Copy a raw article into texts/ and write its detected metadata."""
    shown = str(args.file)
    if not args.file.is_file():
        report([problem(shown, 1, 1, "no-such-file", "no such file")], False)
        return 1
    data = args.file.read_bytes()
    meta, article, problems = detect(SourceFile(args.id or "new-text", shown, data))
    text_id = args.id or (propose_id(meta.title, ID_SYLLABLES) if meta and meta.title else "")
    if meta is not None and not text_id:
        problems.append(problem(shown, 1, 1, "bad-id", "no title was found to make an id from; "
                                                       "choose one with --id"))
    suffix = raw_suffix(args.file)
    problems += check_new_text(text_id, data, args.root, suffix, meta.title if meta else None) if text_id else []
    if problems or meta is None:
        report(problems, False)
        return 1
    meta = replace(meta, id=text_id, path=text_meta_path(text_id))
    for folder in (TEXTS, TEXT_META):
        (args.root / folder).mkdir(parents=True, exist_ok=True)
    (args.root / raw_text_path(text_id, suffix)).write_bytes(data)
    (args.root / meta.path).write_text(render_metadata(meta), encoding="utf-8")
    if article is not None:  # the first ledger: ids as the blocks stand now, never to change meaning
        (args.root / ANCHORS).mkdir(parents=True, exist_ok=True)
        ledger = assign([(b.anchor[0], b.text) for b in article.blocks], ()).ledger
        (args.root / ledger_path(text_id)).write_text(dump_ledger(ledger), encoding="utf-8")
    print(_summary(meta, suffix))
    return 0


def _summary(meta: TextMeta, suffix: str = ".txt") -> str:
    lines = [f"added {raw_text_path(meta.id, suffix)}, {meta.path} and {ledger_path(meta.id)}:"]
    for name in ("title", "date", "outlet", "author", "editor", "script", "encoding", "source_url"):
        lines.append(f"  {name}: {getattr(meta, name) or '(not found)'}")
    lines.append("Review the metadata and add place (province / prefecture / county), which is "
                 "never detected.")
    if not meta.title:
        lines.append(f"No title was found: write one in {meta.path} (title_source: editor); "
                     "'python -m build_tools check' fails until then.")
    return "\n".join(lines)
