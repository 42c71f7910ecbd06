"""Where a title may break and a footnote's gloss may be cut: between words, never inside one.

The PDF's titles break only between jieba's words, so 113攻坚战 and 百千万工程 never end
a line half-way. jieba segments with the same user dictionary the site's search is given
(``presentation.dictionary_words``), through a private Tokenizer (never jieba's global one).
A footnote's gloss is the summary cut at a sentence or clause end (``short_gloss``); the
whole summary is in the glossary appendix, which the footnote names by page.
"""

from __future__ import annotations

import functools
import re

import jieba

from build_tools.presentation import USER_WORD_FREQUENCY

SENTENCE_END = "。！？；"
CLAUSE_END = "，：、（"  # cut before these; the cut gloss then ends with an ellipsis
ELLIPSIS = "……"
MIN_CLAUSE = 6  # a shorter clause says too little: cut between words instead


@functools.lru_cache(maxsize=2)
def _tokenizer(words: tuple[str, ...]) -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    for word in words:
        tokenizer.add_word(word, USER_WORD_FREQUENCY)
    return tokenizer


def segment(text: str, words: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each word of ``text``, in order, covering it whole."""
    return tuple((start, end) for _, start, end in _tokenizer(words).tokenize(text, HMM=True))


def word_ends(text: str, words: tuple[str, ...]) -> frozenset[int]:
    """The offsets where a line may break in ``text``: between two words, never inside one."""
    return frozenset(end for _, end in segment(text, words))


def short_gloss(summary: str, budget: int, words: tuple[str, ...] = ()) -> str:
    """The summary, or as much of it as fits in ``budget`` characters, cut where it reads whole.

    Whole sentences first (up to 。；！？), else up to a clause boundary, else between two
    words; a gloss cut inside a sentence ends with an ellipsis.
    """
    if len(summary) <= budget:
        return summary
    head = summary[:budget]
    sentence = max(head.rfind(mark) for mark in SENTENCE_END)
    if sentence >= MIN_CLAUSE:
        return head[:sentence + 1] if head[sentence] != "；" else head[:sentence] + ELLIPSIS
    clause = max(head.rfind(mark) for mark in CLAUSE_END)
    if clause >= MIN_CLAUSE:
        return head[:clause] + ELLIPSIS
    cut = max((end for end in word_ends(summary, words) if end <= budget), default=budget)
    return re.sub(r"[，、：；（“]+$", "", summary[:cut]) + ELLIPSIS
