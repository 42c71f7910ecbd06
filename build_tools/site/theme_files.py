"""The generated theme folder (mkdocs.yml custom_dir): our overrides and the search fix."""

from __future__ import annotations

from importlib import resources

from build_tools.site.search_patch import THEME_ROOT, patched_search_worker


def render_theme_files() -> dict[str, bytes]:
    """Every file of the generated theme, by output path."""
    theme = resources.files("build_tools.site").joinpath("theme")
    files = {f"{THEME_ROOT}/main.html": theme.joinpath("main.html").read_bytes()}
    partials = theme.joinpath("partials")
    for template in sorted(partials.iterdir(), key=lambda p: p.name):
        if template.name.endswith(".html"):
            files[f"{THEME_ROOT}/partials/{template.name}"] = template.read_bytes()
    worker_path, worker = patched_search_worker()
    files[worker_path] = worker
    return files
