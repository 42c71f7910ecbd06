"""The glossary index: every term, grouped by kind, in the order of its confirmed reading."""

from __future__ import annotations

import re

from build_tools.annotations.glossary import pinyin_key
from build_tools.edition import Edition
from build_tools.site.render_glossary import render_glossary_index


def test_glossary_index_files_terms_by_their_confirmed_reading(edition: Edition) -> None:
    page = render_glossary_index(edition)
    by_id = {e.id: e for e in edition.glossary}
    for section in page.split("\n## ")[1:]:
        listed = [by_id[term_id] for term_id in re.findall(r"^\| \[[^]]+\]\(([a-z0-9-]+)/index\.md\)", section, re.MULTILINE)]
        assert listed and listed == sorted(listed, key=pinyin_key)
    # 佛 read fó as confirmed (pypinyin guesses fú); 113 read yī yī sān, not filed as digits.
    keys = {e.term: pinyin_key(e)[0] for e in edition.glossary}
    assert keys["佛茂协作"][0] == "fo2" and keys["113攻坚战"][:3] == ("yi1", "yi1", "san1")
