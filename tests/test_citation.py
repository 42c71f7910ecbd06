"""Citations: the copied GB/T 7714 and Chicago strings, CSL-JSON, BibTeX, Highwire tags.

Expected strings are written by hand from each text's metadata; a missing fact (no
author, no date) is left out, never invented.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_tools.edition import Edition
from build_tools.site.citation import (
    bibtex,
    chicago_template,
    citable,
    csl_json,
    fill,
    gbt7714_template,
    highwire_tags,
)

SITE = "https://example.org/edition/"
ACCESSED = "2026-11-30"
EDITION = "乡村振兴与基层治理政策文本注释读本"

EXPECTED = {  # text id: (paragraph, GB/T 7714-2015, Chicago)
    "bijie-2022-review": (3,
        (f"毕节发布. 牢记嘱托勇担使命 感恩奋进再启征程｜写在毕节市“两会”召开之际[EB/OL]//{EDITION}: 第3段. "
        f"新华网贵州频道, 2022-12-29[2026-11-30]. {SITE}texts/bijie-2022-review/#p3."),
        (f"毕节发布. “牢记嘱托勇担使命 感恩奋进再启征程｜写在毕节市‘两会’召开之际.” 新华网贵州频道, "
        f"December 29, 2022. In {EDITION}, paragraph 3. Accessed November 30, 2026. "
        f"{SITE}texts/bijie-2022-review/#p3.")),
    "bijie-reform-pulse": (12,
        (f"毕节以体制机制创新推进改革发展[EB/OL]//{EDITION}: 第12段. [2026-11-30]. "
        f"{SITE}texts/bijie-reform-pulse/#p12."),
        (f"“毕节以体制机制创新推进改革发展.” In {EDITION}, paragraph 12. Accessed November 30, 2026. "
        f"{SITE}texts/bijie-reform-pulse/#p12.")),
    "gaozhou-baiqianwan-wugeyi": (23,
        (f"高州市直机关党组织结对共建助力“百千万工程”[EB/OL]//{EDITION}: 第23段. 组织法治网[2026-11-30]. "
        f"{SITE}texts/gaozhou-baiqianwan-wugeyi/#p23."),
        (f"“高州市直机关党组织结对共建助力‘百千万工程’.” 组织法治网. In {EDITION}, paragraph 23. "
        f"Accessed November 30, 2026. {SITE}texts/gaozhou-baiqianwan-wugeyi/#p23.")),
    "jinhaihu-113": (1,
        (f"喻祖常. 工业推动 城市带动 凝心聚力打赢“113攻坚战”[EB/OL]//{EDITION}: 第1段. "
        f"(2017-08-15)[2026-11-30]. {SITE}texts/jinhaihu-113/#p1."),
        (f"喻祖常. “工业推动 城市带动 凝心聚力打赢‘113攻坚战’.” August 15, 2017. In {EDITION}, "
        f"paragraph 1. Accessed November 30, 2026. {SITE}texts/jinhaihu-113/#p1.")),
    "qiandongnan-sizhuasiqiang": (2,
        (f"中共贵州省黔东南苗族侗族自治州委组织部. 实施“四抓四强”促乡村全面振兴[EB/OL]//{EDITION}: 第2段. "
        f"共产党员网[2026-11-30]. {SITE}texts/qiandongnan-sizhuasiqiang/#p2."),
        (f"中共贵州省黔东南苗族侗族自治州委组织部. “实施‘四抓四强’促乡村全面振兴.” 共产党员网. In {EDITION}, "
        f"paragraph 2. Accessed November 30, 2026. {SITE}texts/qiandongnan-sizhuasiqiang/#p2.")),
}


@pytest.mark.parametrize("cited_id", EXPECTED)
def test_the_copied_citation_of_a_paragraph(edition: Edition, cited_id: str) -> None:
    text = edition.text(cited_id)
    assert text is not None
    paragraph, gbt, chicago = EXPECTED[cited_id]
    cited = citable(text.meta, SITE)
    url = f"{cited.url}#p{paragraph}"
    assert fill(gbt7714_template(cited), paragraph, url, ACCESSED) == gbt
    assert fill(chicago_template(cited), paragraph, url, ACCESSED) == chicago


def test_highwire_tags_leave_out_what_is_unknown(edition: Edition) -> None:
    known = dict(highwire_tags(citable(edition.text("jinhaihu-113").meta, SITE)))  # type: ignore[union-attr]
    assert known == {"citation_title": "工业推动 城市带动 凝心聚力打赢“113攻坚战”", "citation_author": "喻祖常",
                     "citation_publication_date": "2017/08/15", "citation_language": "zh",
                     "citation_fulltext_html_url": f"{SITE}texts/jinhaihu-113/"}
    bare = dict(highwire_tags(citable(edition.text("bijie-reform-pulse").meta, None)))  # type: ignore[union-attr]
    assert bare == {"citation_title": "毕节以体制机制创新推进改革发展", "citation_language": "zh"}


def test_csl_json_and_bibtex(edition: Edition) -> None:
    cited = citable(edition.text("jinhaihu-113").meta, SITE)  # type: ignore[union-attr]
    assert json.loads(csl_json(cited)) == [{
        "id": "jinhaihu-113", "type": "webpage", "title": "工业推动 城市带动 凝心聚力打赢“113攻坚战”",
        "container-title": EDITION, "language": "zh", "author": [{"literal": "喻祖常"}],
        "issued": {"date-parts": [[2017, 8, 15]]}, "URL": f"{SITE}texts/jinhaihu-113/"}]
    assert bibtex(cited) == (
        "@online{jinhaihu-113,\n  title = {工业推动 城市带动 凝心聚力打赢“113攻坚战”},\n  author = {{喻祖常}},\n"
        f"  date = {{2017-08-15}},\n  booktitle = {{{EDITION}}},\n  url = {{{SITE}texts/jinhaihu-113/}},\n"
        "  langid = {chinese}\n}\n")


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("name") or "").startswith("citation_"):
            self.tags.append((values["name"] or "", values.get("content") or ""))


@pytest.mark.site
def test_built_pages_carry_the_tags_zotero_reads(edition: Edition, built_site: Path) -> None:
    site = built_site
    for text in edition.texts:
        parser = _Meta()
        parser.feed((site / "texts" / text.meta.id / "index.html").read_text(encoding="utf-8"))
        assert parser.tags == highwire_tags(citable(text.meta, None)), text.meta.id
    assert json.loads((site / "texts/cite/jinhaihu-113.json").read_text(encoding="utf-8"))[0]["title"]
