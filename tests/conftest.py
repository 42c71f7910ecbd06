"""Shared fixtures: the real edition, loaded once; the golden-file flag; test markers."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from build_tools.build import load_all
from build_tools.edition import CorpusText, Edition
from build_tools.problems import Problem
from build_tools.sources import Sources

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
def golden(update_golden: bool) -> Callable[[Path, str], None]:
    """Compare text with a golden file, or rewrite the file under --update-golden."""
    def compare(path: Path, actual: str) -> None:
        if update_golden:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.is_file(), f"no golden file {path.name}; run pytest --update-golden and review it"
        expected = path.read_text(encoding="utf-8")
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                              "golden", "actual", lineterm=""))
        assert actual == expected, f"{path.name} changed (pytest --update-golden to accept):\n{diff}"
    return compare


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the texts and annotations (a test file may define its own)."""
    for name in ("texts", "annotations"):
        shutil.copytree(PROJECT_ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built once (generate + mkdocs build --strict) in a temporary copy."""
    from tests.sitebuild import build_site, copy_project

    root = copy_project(tmp_path_factory.mktemp("built"))
    result = build_site(root, pdf=True)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def loaded() -> tuple[Sources, Edition, list[Problem]]:
    """Sources, edition and problems of the real project, loaded once."""
    return load_all(PROJECT_ROOT)


@pytest.fixture(scope="session")
def edition(loaded: tuple[Sources, Edition, list[Problem]]) -> Edition:
    """The real edition under the project root; the real data must load without problems."""
    _, real, problems = loaded
    assert [p.format_text() for p in problems] == []
    return real


@pytest.fixture(scope="session")
def real_texts(edition: Edition) -> dict[str, CorpusText]:
    """The real texts by id."""
    return {text.meta.id: text for text in edition.texts}


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium through Playwright, started once for every browser test."""
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run 'make test', which installs it"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
