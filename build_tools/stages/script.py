"""Script conversion with OpenCC; one converter per profile, built once and reused."""

from __future__ import annotations

import functools

import opencc

# The profile is a per-text setting (metadata 'convert'); these are the ones we accept.
PROFILES = {
    "t2s": "Traditional Chinese (OpenCC standard) to Simplified",
    "tw2s": "Traditional Chinese (Taiwan) to Simplified",
    "hk2s": "Traditional Chinese (Hong Kong) to Simplified",
    "tw2sp": "Traditional Chinese (Taiwan) to Simplified with Mainland phrases",
}
FOLD_PROFILE = "t2s"  # for recognising debris and matching terms in either script


@functools.cache
def _converter(profile: str) -> opencc.OpenCC:
    return opencc.OpenCC(profile)


def convert(text: str, profile: str | None) -> str:
    """Convert text with an OpenCC profile; None leaves it as it is."""
    return _converter(profile).convert(text) if profile else text


def simplify(texts: list[str], profile: str | None) -> tuple[str, ...]:
    """Each line in Simplified through the text's profile; a Simplified text stays as it is."""
    if profile is None:
        return tuple(texts)
    converter = _converter(profile)
    return tuple(converter.convert(text) if text else text for text in texts)


def fold(text: str) -> str:
    """Simplified form of any Chinese text, for recognising patterns in either script."""
    return _converter(FOLD_PROFILE).convert(text)


def traditional(text: str) -> str:
    """Traditional form of Simplified text (for deriving variants of glossary terms)."""
    return _converter("s2t").convert(text)
