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
from dataclasses import replace
from pathlib import Path

from build_tools.annotations.anchors import assign, dump_ledger, ledger_path
from build_tools.annotations.fmt import render_text_meta_yaml
from build_tools.annotations.romanise import propose_id
from build_tools.annotations.textmeta import Place, TextMeta
from build_tools.articles import assemble_article
from build_tools.build import report
from build_tools.model import Article, Cleaned, DroppedLine, DropRule
from build_tools.problems import Problem, problem
from build_tools.sources import ANCHORS, TEXT_META, TEXTS, SourceFile, check_id, raw_text_path, text_meta_path
from build_tools.stages.clean import HAN, WIDGET_SEPARATORS, WIDGET_WORD, clean_lines
from build_tools.stages.decode import decode_bytes
from build_tools.stages.script import fold
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
        description="Copy a raw article byte for byte into texts/<id>.txt and write "
                    "annotations/texts/<id>.yml with what the pipeline detects.")
    add_text.add_argument("file", type=Path, help="the raw scraped article")
    add_text.add_argument("--id", help="the text's id (default: from the first syllables of its title)")
    add_text.set_defaults(run=cmd_add_text)


def detect_metadata(raw: SourceFile) -> tuple[TextMeta | None, list[Problem]]:
    """Metadata for a raw text, as far as the pipeline can tell; None if it cannot be built."""
    meta, _, problems = detect(raw)
    return meta, problems


def detect(raw: SourceFile) -> tuple[TextMeta | None, Article | None, list[Problem]]:
    """The metadata and the article of a raw text, each stage run once."""
    decoded, problems = decode_bytes(raw.data, raw.path)
    if decoded is None:
        return None, None, problems
    # Decoded, cleaned and structured once: the script is told from the whole text, then
    # the title from the cleaned lines, and the article is structured under that title.
    profile = "t2s" if is_traditional(decoded.text) else None
    cleaned = clean_lines(decoded.text, profile)
    title = find_title(cleaned)
    meta = TextMeta(
        id=raw.id, path=text_meta_path(raw.id), title=title or "",
        title_source="text" if title else "editor", date=None, outlet=find_outlet(cleaned.dropped),
        source_line=None, author=None, editor=None, place=Place(),
        script="traditional" if profile else "simplified", convert=profile,
        encoding=decoded.encoding, sha256=hashlib.sha256(raw.data).hexdigest(), note=None,
        positions=(),
    )
    article, problems = assemble_article(raw, cleaned, decoded.encoding, meta.title)
    if article is None:
        return None, None, problems
    header = article.header
    note = (f"The author field gives the source the text names (来源: {header.source}); "
            "no personal author is named.") if header.source and not header.author else None
    return replace(meta, date=header.date, source_line=header.source_line, editor=header.editor,
                   author=header.author or header.source, note=note), article, []


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
    """Short, with Chinese words, no sentence punctuation; not a byline or numbered heading."""
    return (len(text) <= MAX_TITLE and bool(re.search(f"[{HAN}]", text))
            and not TITLE_PUNCTUATION.search(text)
            and not any(p.match(text) for p in (SECTION_PREFIX, LIST_ITEM, ORGANISATION, REPORTER)))


def find_outlet(dropped: tuple[DroppedLine, ...]) -> str | None:
    """A site name in a welcome banner, a channel line or beside sharing widgets."""
    for line in dropped:
        folded = fold(line.text).strip()
        if line.rule is DropRule.BANNER and (match := WELCOME.match(folded)):
            return match.group(1)
        if line.rule is DropRule.CHANNEL:
            return re.sub(r"\s*返回首页$", "", folded)
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


def check_new_text(text_id: str, data: bytes, root: Path) -> list[Problem]:
    """Why the text cannot be added under this id: all reasons at once."""
    path = raw_text_path(text_id)
    if message := check_id(text_id):
        return [problem(path, 1, 1, "bad-id", f"{message}; choose an id with --id")]
    problems = [problem(existing, 1, 1, "file-exists",
                        f"'{text_id}' is already taken; choose another id with --id")
                for existing in (path, text_meta_path(text_id)) if (root / existing).exists()]
    digest = hashlib.sha256(data).hexdigest()
    for other in sorted((root / TEXTS).glob("*.txt")):
        if hashlib.sha256(other.read_bytes()).hexdigest() == digest:
            problems.append(problem(raw_text_path(other.stem), 1, 1, "duplicate-text",
                                    "this text is already in the corpus, byte for byte"))
    return problems


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
    problems += check_new_text(text_id, data, args.root) if text_id else []
    if problems or meta is None:
        report(problems, False)
        return 1
    meta = replace(meta, id=text_id, path=text_meta_path(text_id))
    for folder in (TEXTS, TEXT_META):
        (args.root / folder).mkdir(parents=True, exist_ok=True)
    (args.root / raw_text_path(text_id)).write_bytes(data)
    (args.root / meta.path).write_text(render_metadata(meta), encoding="utf-8")
    if article is not None:  # the first ledger: ids as the blocks stand now, never to change meaning
        (args.root / ANCHORS).mkdir(parents=True, exist_ok=True)
        ledger = assign([(b.anchor[0], b.text) for b in article.blocks], ()).ledger
        (args.root / ledger_path(text_id)).write_text(dump_ledger(ledger), encoding="utf-8")
    print(_summary(meta))
    return 0


def _summary(meta: TextMeta) -> str:
    lines = [f"added {raw_text_path(meta.id)}, {meta.path} and {ledger_path(meta.id)}:"]
    for name in ("title", "date", "outlet", "author", "editor", "script", "encoding"):
        lines.append(f"  {name}: {getattr(meta, name) or '(not found)'}")
    lines.append("Review the metadata and add place (province / prefecture / county), which is "
                 "never detected.")
    if not meta.title:
        lines.append(f"No title was found: write one in {meta.path} (title_source: editor); "
                     "'python -m build_tools check' fails until then.")
    return "\n".join(lines)
