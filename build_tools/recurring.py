"""The corpus signal: a line that recurs in two or more other texts of one site is site chrome.

Menus, footers and "latest articles" lists repeat across a site's pages; an article's
sentences do not. Texts are grouped by their outlet (a text whose outlet is unknown has
no site to compare with), and each page-text dump is given the lines it shares with at
least ``MIN_OTHERS`` other texts of its site, as keys the main-content stage compares.
A line that reads as prose (a sentence of ``MIN_PROSE`` characters or more, ended by 。！？)
never counts: two reports of one site may quote the same sentence of a policy.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable

from build_tools.annotations.textmeta import TextMeta
from build_tools.memo import Memo, remembered
from build_tools.sources import SourceFile, is_page
from build_tools.stages.clean import split_lines
from build_tools.stages.decode import decode_bytes
from build_tools.stages.page_metadata import key

MIN_OTHERS = 2
MIN_PROSE = 20
PROSE_END = ("。", "！", "？", "。”", "！”", "？”")


def site_chrome(raws: Iterable[SourceFile], metas: dict[str, TextMeta], memo: Memo | None = None
                ) -> dict[str, frozenset[str]]:
    """For each text dump with a known outlet, the keys of its lines that recur on its site.

    A text's line keys depend on its bytes and encoding only, so the preview loop reuses them
    instead of decoding every text again on each save.
    """
    keys = {raw.id: remembered(memo, "line keys", (raw, metas[raw.id].encoding),
                               functools.partial(_line_keys, raw, metas[raw.id]))
            for raw in raws if raw.id in metas and metas[raw.id].outlet and not is_page(raw.path)}
    sites: dict[str, Counter[str]] = defaultdict(Counter)
    for text_id, found in keys.items():
        sites[metas[text_id].outlet or ""].update(found)
    return {text_id: frozenset(k for k in found if sites[metas[text_id].outlet or ""][k] - 1 >= MIN_OTHERS)
            for text_id, found in keys.items()}


def _line_keys(raw: SourceFile, meta: TextMeta) -> frozenset[str]:
    decoded, _ = decode_bytes(raw.data, raw.path, meta.encoding)  # problems are reported by the build
    if decoded is None:
        return frozenset()
    return frozenset(k for line in split_lines(decoded.text) if (k := key(line)) and not _prose(line.strip()))


def _prose(line: str) -> bool:
    return len(line) >= MIN_PROSE and line.endswith(PROSE_END)
