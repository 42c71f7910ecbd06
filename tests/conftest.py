"""Shared fixtures: the real edition, loaded once; the golden-file flag; test markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.cli import load_all
from build_tools.edition import CorpusText, Edition

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.txt instead of comparing against them")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "site: builds the whole site with mkdocs in a temporary copy")
    config.addinivalue_line("markers", "browser: drives Chromium through Playwright")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that takes ``text_id`` runs once for every raw text in texts/."""
    if "text_id" in metafunc.fixturenames:
        ids = sorted(path.stem for path in (PROJECT_ROOT / "texts").glob("*.txt"))
        metafunc.parametrize("text_id", ids)


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files are to be rewritten rather than compared."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def edition() -> Edition:
    """The real edition under the project root; the real data must load without problems."""
    _, loaded, problems = load_all(PROJECT_ROOT)
    assert [p.format_text() for p in problems] == []
    return loaded


@pytest.fixture(scope="session")
def real_texts(edition: Edition) -> dict[str, CorpusText]:
    """The real texts by id."""
    return {text.meta.id: text for text in edition.texts}
