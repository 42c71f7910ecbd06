"""Long lists continue on numbered pages: term occurrences, the timeline, the texts index.

The real edition is too small to need a second page, so the page sizes are set to one or
two items here: every real occurrence and text must still be listed exactly once, every
pager link must land on a generated page, and the continuation pages stay out of search.
The Traditional view has the same pages.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter

import pytest

from build_tools.edition import Edition
from build_tools.site import render_glossary, render_site, render_timeline
from build_tools.site.outputs import render_outputs
from build_tools.site.paging import page_href, pages_of
from build_tools.site.traditional import DOCS as TRADITIONAL_DOCS
from build_tools.site.traditional import with_traditional
from build_tools.sources import read_handwritten
from tests.conftest import PROJECT_ROOT

MD_LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#([\w-]+))?\)")


@pytest.fixture(scope="module")
def paged(edition: Edition) -> dict[str, str]:
    """Every generated Markdown page of both views, with two texts per page of a term's
    occurrences (the first quoted in context, the others listed) and two per page of the
    timeline and the texts index."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render_glossary, "OCCURRENCE_TEXTS_PER_PAGE", 2)
        patch.setattr(render_glossary, "QUOTED_TEXTS", 1)
        patch.setattr(render_timeline, "TEXTS_PER_PAGE", 2)
        patch.setattr(render_site, "TEXTS_PER_PAGE", 2)
        rendered = with_traditional(render_outputs(edition, PROJECT_ROOT), edition, read_handwritten(PROJECT_ROOT))
        return {path: output.decode("utf-8") for path, output in rendered
                if isinstance(output, bytes) and path.endswith(".md")}


def widest_term(edition: Edition) -> str:
    """The term found in the most texts."""
    return max(edition.glossary, key=lambda e: (len({f.text_id for f in edition.found_of_term(e.id)}), e.id)).id


def test_pages_of_cuts_in_order_and_keeps_an_empty_list_one_page() -> None:
    assert pages_of([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert pages_of([], 50) == [[]]
    with pytest.raises(ValueError, match="at least 1"):
        pages_of([1], 0)


@pytest.mark.parametrize("current", [1, 2, 3])
@pytest.mark.parametrize("target", [1, 2, 3])
def test_a_pager_link_lands_on_its_page(current: int, target: int) -> None:
    paths = {1: "docs/glossary/timeline.md", 2: "docs/glossary/timeline/2.md", 3: "docs/glossary/timeline/3.md"}
    href = page_href(current, target, "timeline.md", "timeline/{}.md".format)
    assert posixpath.normpath(posixpath.join(posixpath.dirname(paths[current]), href)) == paths[target]


def test_every_occurrence_is_listed_once_across_the_pages(edition: Edition, paged: dict[str, str]) -> None:
    term_id = widest_term(edition)
    texts = {f.text_id for f in edition.found_of_term(term_id)}
    assert len(texts) >= 3  # a real term on three pages at least
    count = (len(texts) + 1) // 2
    pages = [paged[f"docs/glossary/{term_id}.md"]] + [
        paged[render_glossary.occurrence_page_path(term_id, n)] for n in range(2, count + 1)]
    assert f"docs/glossary/{term_id}/occurrences-{count + 1}.md" not in paged
    assert "<mark>" in pages[0] and "<mark>" not in pages[1]  # quoted on the first page only
    listed = Counter()
    for page in pages:
        section = page[page.index("{ #occurrences"):]
        listed.update((posixpath.basename(target).removesuffix(".md"), anchor)
                      for target, anchor in MD_LINK.findall(section) if "/texts/" in target and anchor)
    expected = Counter((f.text_id, f.block.anchor) for f in edition.found_of_term(term_id))
    assert listed == expected


def test_every_text_is_listed_once_on_the_timeline_and_the_index(edition: Edition, paged: dict[str, str]) -> None:
    text_ids = {t.meta.id for t in edition.texts}
    for first, later in (("docs/glossary/timeline.md", "docs/glossary/timeline/"),
                         ("docs/texts/index.md", "docs/texts/pages/")):
        pages = [page for path, page in paged.items() if path == first or path.startswith(later)]
        assert len(pages) == (len(edition.texts) + 1) // 2, first
        listed = Counter(name for page in pages for target, anchor in MD_LINK.findall(page)
                         if (name := posixpath.basename(target).removesuffix(".md")) in text_ids and not anchor)
        assert listed == Counter(dict.fromkeys(text_ids, 1)), first


def test_every_link_of_a_paged_list_lands_on_a_page(paged: dict[str, str]) -> None:
    handwritten = {f"docs/{p.relative_to(PROJECT_ROOT / 'docs').as_posix()}"
                   for p in (PROJECT_ROOT / "docs").rglob("*.md")}
    continued = [path for path in paged if re.search(r"/(occurrences-\d+|timeline/\d+|pages/\d+)\.md$", path)
                 or path.endswith(("glossary/timeline.md", "texts/index.md"))]
    assert continued
    for path in continued:
        docs = TRADITIONAL_DOCS if path.startswith(TRADITIONAL_DOCS) else "docs"
        for target, _ in MD_LINK.findall(paged[path]):
            landed = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert landed in paged or landed.replace(docs, "docs", 1) in handwritten, (path, target)


def test_continuation_pages_stay_out_of_search_in_both_views(edition: Edition, paged: dict[str, str]) -> None:
    term_id = widest_term(edition)
    for docs in ("docs", TRADITIONAL_DOCS):
        for path in (f"{docs}/glossary/{term_id}/occurrences-2.md", f"{docs}/glossary/timeline/2.md",
                     f"{docs}/texts/pages/2.md"):
            assert "search:\n  exclude: true" in paged[path], path


def test_the_traditional_view_quotes_a_traditional_text_as_published_on_later_pages(
        edition: Edition, paged: dict[str, str]) -> None:
    """An occurrence page of the Traditional view quotes a text published in Traditional in its own characters."""
    original = next(t for t in edition.texts if t.meta.script == "traditional")
    for path, page in paged.items():
        if path.startswith(TRADITIONAL_DOCS) and "/occurrences-" in path and f"{original.meta.id}.md#" in page:
            term_id = path.split("/")[-2]
            found = next(f for f in edition.found_in_text(original.meta.id) if f.occurrence.term_id == term_id)
            if len(found.block.original) == len(found.block.text) and found.block.original != found.block.text:
                assert found.block.original[found.occurrence.start:found.occurrence.end] in page, path
                return
    pytest.fail("no occurrence page of the Traditional view quotes the Traditional-published text")
