"""The preview's MkDocs build: whole once, then a changed page again only when asked for."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from build_tools.build import generate
from build_tools.commands.preview_server import RELOAD_SCRIPT, site_file, with_reload
from build_tools.commands.preview_site import Changes, PreviewSite, classify
from tests.sitebuild import copy_project

DOCS = Path("/p/docs")


@pytest.mark.parametrize("before, after, expected", [
    ({"/p/docs/a.md": (1, 1)}, {"/p/docs/a.md": (2, 1)}, Changes(("/p/docs/a.md",), (), ())),
    ({"/p/docs/a.css": (1, 1)}, {"/p/docs/a.css": (1, 2)}, Changes((), ("/p/docs/a.css",), ())),
    ({}, {"/p/docs/new.md": (1, 1)}, Changes((), (), ("/p/docs/new.md",))),
    ({"/p/docs/gone.md": (1, 1)}, {}, Changes((), (), ("/p/docs/gone.md",))),
    ({"/p/build/generated/nav.yml": (1, 1)}, {"/p/build/generated/nav.yml": (2, 1)},
     Changes((), (), ("/p/build/generated/nav.yml",))),
    ({"/p/docs/a.md": (1, 1)}, {"/p/docs/a.md": (1, 1)}, Changes((), (), ())),
])
def test_changes_are_sorted_by_what_showing_them_takes(before: dict, after: dict, expected: Changes) -> None:
    assert classify(before, after, DOCS) == expected


@pytest.mark.parametrize("html, expected", [
    (b"<html><body>x</body></html>", b"<html><body>x" + RELOAD_SCRIPT + b"</body></html>"),
    (b"<p>no body", b"<p>no body" + RELOAD_SCRIPT),
    (b"<body><pre></body></pre></body>", b"<body><pre></body></pre>" + RELOAD_SCRIPT + b"</body>"),
])
def test_the_reload_script_goes_before_the_last_body_end(html: bytes, expected: bytes) -> None:
    assert with_reload(html) == expected


@pytest.mark.parametrize("request_path, expected", [
    ("/", "index.html"), ("/texts/a/", "texts/a/index.html"), ("/assets/x.css", "assets/x.css"),
    ("/../../etc/passwd", "etc/passwd"), ("/texts/../../x/", "x/index.html"),
])
def test_request_paths_name_files_inside_the_site(request_path: str, expected: str) -> None:
    assert site_file(Path("/site"), request_path) == Path("/site") / expected


def rendered(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.site
def test_a_changed_page_is_rendered_again_when_asked_for_and_not_before(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_project(tmp_path / "project")
    with contextlib.redirect_stdout(io.StringIO()):
        assert generate(root, False) == 0
    monkeypatch.chdir(root)  # as the server does: the search plugin's dictionary path is the project's
    site = PreviewSite(root / "mkdocs.yml", tmp_path / "site", "http://127.0.0.1:1/")
    site.build()
    term, text = "glossary/wu-ge-yi", "texts/gaozhou-baiqianwan-wugeyi"
    for page in (term, text):
        source = root / f"docs/{page}.md"
        source.write_text(source.read_text(encoding="utf-8").replace("五个一", "五个一（改）", 1), encoding="utf-8")
    assert site.refresh() is True  # pages changed: nothing to build yet
    assert "五个一（改）" not in rendered(tmp_path / "site", text)
    site.page(f"/{text}/")
    assert "五个一（改）" in rendered(tmp_path / "site", text)
    assert "五个一（改）" not in rendered(tmp_path / "site", term)  # not asked for yet
    site.page(f"/{term}/index.html")
    assert "五个一（改）" in rendered(tmp_path / "site", term)
    assert site.refresh() is False


@pytest.mark.site
def test_a_new_page_or_a_changed_static_file_reaches_the_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_project(tmp_path / "project")
    with contextlib.redirect_stdout(io.StringIO()):
        assert generate(root, False) == 0
    monkeypatch.chdir(root)
    site = PreviewSite(root / "mkdocs.yml", tmp_path / "site", "http://127.0.0.1:1/")
    site.build()
    stylesheet = root / "docs/assets/stylesheets/edition.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* 改 */\n", encoding="utf-8")
    assert site.refresh() is True
    assert "/* 改 */" in (tmp_path / "site/assets/stylesheets/edition.css").read_text(encoding="utf-8")
    (root / "docs/new.md").write_text("# 新页\n", encoding="utf-8")
    assert site.refresh() is True  # a page the navigation did not know: everything again
    assert "新页" in rendered(tmp_path / "site", "new")
