"""How a text is cited: Highwire tags for Zotero and Scholar, CSL-JSON, BibTeX, and the
two formats a reader copies for one paragraph (GB/T 7714-2015 and Chicago).

Only facts the metadata records are used; a missing one is left out, never guessed. The
edition's own URL is known only when the build is told it (``EDITION_SITE_URL``, set by
the Pages workflow); without it the reader's browser supplies the page address when a
citation is copied, and the downloads carry no URL.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from build_tools.annotations.textmeta import TextMeta
from build_tools.presentation import text_page_url

EDITION = "乡村振兴与基层治理政策文本注释读本"
EDITION_EN = "An annotated reading edition of Chinese policy texts"
# Placeholders the page's script fills in when a reader copies a citation.
PARAGRAPH, URL, ACCESSED, ACCESSED_EN = "{paragraph}", "{url}", "{accessed}", "{accessed_en}"
POSITION = re.compile(r"[（(][^）)]*[）)]")  # "喻祖常（…党工委副书记…）": the post is not the name
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


@dataclass(frozen=True)
class Citable:
    """The facts of one text that citations use, each None when the metadata does not say."""

    text_id: str
    title: str
    author: str | None
    date: str | None  # ISO 8601
    outlet: str | None
    url: str | None  # the text's page in the edition

    @property
    def year(self) -> str | None:
        return self.date[:4] if self.date else None


def citable(meta: TextMeta, site_url: str | None) -> Citable:
    """The citation facts of a text; ``site_url`` is the edition's published address."""
    author = POSITION.sub("", meta.author).strip() if meta.author else None
    url = text_page_url(site_url, meta.id) if site_url else None
    return Citable(meta.id, meta.title, author or None, meta.date, meta.outlet, url)


def highwire_tags(text: Citable) -> list[tuple[str, str]]:
    """The ``citation_*`` meta tags Zotero and Google Scholar read."""
    tags = [("citation_title", text.title)]
    tags += [("citation_author", text.author)] if text.author else []
    tags += [("citation_publication_date", text.date.replace("-", "/"))] if text.date else []
    tags += [("citation_publisher", text.outlet)] if text.outlet else []
    tags += [("citation_fulltext_html_url", text.url)] if text.url else []
    return [*tags, ("citation_language", "zh")]


def gbt7714_template(text: Citable) -> str:
    """GB/T 7714-2015 for an electronic resource in the edition, one paragraph of it."""
    head = f"{text.author}. " if text.author else ""
    # 出版者, 出版日期 when both are known (光明日报, 2012-11-27); a bare date is the
    # standard's (更新日期); then [引用日期].
    if text.outlet:
        published = f"{text.outlet}, {text.date}" if text.date else text.outlet
    else:
        published = f"({text.date})" if text.date else ""
    return f"{head}{text.title}[EB/OL]//{EDITION}: 第{PARAGRAPH}段. {published}[{ACCESSED}]. {URL}."


def chicago_template(text: Citable) -> str:
    """Chicago (notes and bibliography) for a web page in the edition, one paragraph of it."""
    head = f"{text.author}. " if text.author else ""
    published = ", ".join(part for part in (text.outlet, _chicago_date(text.date)) if part)
    published = f" {published}." if published else ""
    title = text.title.replace("“", "‘").replace("”", "’")  # quotation marks inside a quoted title
    return (f"{head}“{title}.”{published} In {EDITION}, paragraph {PARAGRAPH}. "
            f"Accessed {ACCESSED_EN}. {URL}.")


def _chicago_date(date: str | None) -> str | None:
    if not date:
        return None
    year, month, day = (int(part) for part in date.split("-"))
    return f"{MONTHS[month - 1]} {day}, {year}"


def fill(template: str, paragraph: int, url: str, accessed: str) -> str:
    """A copied citation: what the page's script does with a template (tests call it too)."""
    year, month, day = (int(part) for part in accessed.split("-"))
    return (template.replace(PARAGRAPH, str(paragraph)).replace(URL, url)
            .replace(ACCESSED_EN, f"{MONTHS[month - 1]} {day}, {year}").replace(ACCESSED, accessed))


def csl_json(text: Citable) -> str:
    """The text as CSL-JSON (Zotero, Mendeley, citeproc), one item in a list."""
    item: dict[str, object] = {"id": text.text_id, "type": "webpage", "title": text.title,
                               "container-title": EDITION, "language": "zh"}
    if text.author:
        item["author"] = [{"literal": text.author}]
    if text.date:
        item["issued"] = {"date-parts": [[int(part) for part in text.date.split("-")]]}
    if text.outlet:
        item["publisher"] = text.outlet
    if text.url:
        item["URL"] = text.url
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def bibtex(text: Citable) -> str:
    """The text as a BibTeX (biblatex) @online entry."""
    fields = [("title", text.title), ("author", text.author and f"{{{text.author}}}"),
              ("date", text.date), ("organization", text.outlet), ("booktitle", EDITION),
              ("url", text.url), ("langid", "chinese")]
    body = ",\n".join(f"  {name} = {{{_bibtex_escape(value)}}}" for name, value in fields if value)
    return f"@online{{{text.text_id},\n{body}\n}}\n"


def _bibtex_escape(value: str) -> str:
    return re.sub(r"([&%$#_])", r"\\\1", value)
