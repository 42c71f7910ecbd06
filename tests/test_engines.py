"""make bench builds its synthetic project with Zensical beside Material, and says why if it fails."""

from __future__ import annotations

from pathlib import Path

from build_tools.commands.engines import (
    ZENSICAL_SITE,
    EngineBuild,
    compare_engines,
    engines_report,
    html_pages,
    mkdocs_build,
    zensical_build,
)


def tiny_project(root: Path, docs_dir: str = "docs") -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs/index.md").write_text("# 首页\n\n[另一页](other.md)\n", encoding="utf-8")
    (root / "docs/other.md").write_text("# 另一页\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(f"site_name: t\ndocs_dir: {docs_dir}\ntheme:\n  name: material\n", encoding="utf-8")
    return root


def test_zensical_builds_beside_material_s_site(tmp_path: Path) -> None:
    root = tiny_project(tmp_path)
    material_s = mkdocs_build(root)
    line = compare_engines(root, 2, material_s)
    assert html_pages(root / "site") == html_pages(root / ZENSICAL_SITE) == 3  # two pages and 404.html
    assert line.startswith("engines at 2 articles: Material ") and ", 3 pages; Zensical " in line
    assert "FAILED" not in line


def test_a_zensical_failure_is_a_result_with_its_last_words(tmp_path: Path) -> None:
    build = zensical_build(tiny_project(tmp_path, docs_dir="nowhere"))
    assert build.pages == 0 and "Docs directory does not exist" in build.failure
    line = engines_report(1000, EngineBuild("material", 60.0, 1216), build)
    assert "Zensical FAILED after" in line and line.endswith(build.failure)
