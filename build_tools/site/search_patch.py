"""Patch Material's search worker so a Chinese query can match an indexed word whole.

Material segments each run of Han characters in a query greedily against the words of
the index, but its loop stops one character short (``j < query.length``), so a query
that *is* a whole indexed word (四抓四强, 一中心一张网十联户) is always cut into
smaller pieces and the term's own pages rank below its parts. Material 9 removed
custom search transforms, so we override the worker asset through ``custom_dir`` with
the bound made inclusive.

The index also keeps Han runs apart from digits and Latin letters ("113" and "攻坚战"
for 113攻坚战), while the query was left as one term "113攻坚战" that matches nothing;
the second patch sets each segmented Han run apart with spaces, as the index does.

The third folds the query to the index's script first (``search_fold``): 鄉村振興 finds
what 乡村振兴 finds.

Each patch refuses to apply unless its exact minified code is found once: a Material
upgrade must be reviewed, not silently patched.
"""

from __future__ import annotations

from importlib import resources

from build_tools.problems import ProblemError, problem
from build_tools.site.search_fold import FOLD_PATCH, TO_SIMPLIFIED, fold_prelude

WORKERS = "templates/assets/javascripts/workers"
THEME_ROOT = "build/generated/theme"
PATCHES = (
    ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
     "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"),
    ('s=>[...fe(s,this.index.invertedIndex)].join("* ")',
     's=>" "+[...fe(s,this.index.invertedIndex)].join("* ")+" "'),
    FOLD_PATCH,
)


class SearchPatchError(ProblemError):
    """Material's worker no longer has the loop this patch fixes."""


def _refuse(message: str) -> SearchPatchError:
    return SearchPatchError(problem("build_tools/site/search_patch.py", 1, 1, "search-patch", message))


def patched_search_worker(fold: tuple[str, ...] = TO_SIMPLIFIED) -> tuple[str, bytes]:
    """Return the override's path (under the generated theme) and its content; queries are
    folded with these OpenCC profiles (to Simplified, the script of the Simplified index)."""
    folder = resources.files("material").joinpath(WORKERS)
    workers = sorted((p for p in folder.iterdir() if p.name.startswith("search.") and p.name.endswith(".min.js")),
                     key=lambda p: p.name)
    if len(workers) != 1:
        raise _refuse(f"expected one search worker in Material, found {len(workers)}; "
                      "check the mkdocs-material version pinned in pyproject.toml")
    source = workers[0].read_text(encoding="utf-8")
    for old, new in PATCHES:
        if source.count(old) != 1:
            raise _refuse("Material's search worker changed; review this patch against the new "
                          "mkdocs-material before upgrading it")
        source = source.replace(old, new)
    return (f"{THEME_ROOT}/assets/javascripts/workers/{workers[0].name}",
            (fold_prelude(fold) + source).encode("utf-8"))
