"""Remember what per-file stages computed, between rebuilds of one preview session.

``make serve`` regenerates on every save. Most saves touch one file, so the stages that
depend only on one file (decoding, cleaning and structuring a text; reading an
annotation) or on one text and the glossary's written forms (matching) can reuse what
the previous build computed from the very same inputs. Keys are the inputs themselves
(the file's bytes, its parsed metadata, a digest of every term's forms), so a result is
reused only when recomputing it would give the same value. Pages are remembered too, by
exactly the facts they show. Only the last build's results are kept: an edited file's
old results are dropped, and memory stays bounded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    """Results of pure stages by stage name and inputs; a build starts and ends a round."""

    def __init__(self) -> None:
        self._previous: dict[tuple[str, Hashable], Any] = {}
        self._current: dict[tuple[str, Hashable], Any] = {}
        self.reused: Counter[str] = Counter()  # by stage, in this round
        self.computed: Counter[str] = Counter()

    def get(self, stage: str, key: Hashable, compute: Callable[[], T]) -> T:
        """The result of ``compute()`` for these inputs: computed at most once a round, and
        taken from the previous round when that round had it."""
        full = (stage, key)
        if full in self._current:
            return self._current[full]  # type: ignore[no-any-return]
        if full in self._previous:
            self.reused[stage] += 1
            value = self._previous[full]
        else:
            self.computed[stage] += 1
            value = compute()
        self._current[full] = value
        return value  # type: ignore[no-any-return]

    def next_round(self) -> None:
        """Keep what this build used, forget the rest, and count afresh."""
        self._previous, self._current = self._current, {}
        self.reused, self.computed = Counter(), Counter()


def remembered(memo: Memo | None, stage: str, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, through the memo when there is one."""
    return compute() if memo is None else memo.get(stage, key, compute)
