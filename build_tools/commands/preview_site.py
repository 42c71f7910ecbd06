"""MkDocs' build kept in memory for the preview, each page rendered again when it is asked for.

``mkdocs serve --dirty`` rebuilds every page whose Markdown changed before it serves any:
one glossary summary is shown on every text page that uses the term, so one edit at 1,000
articles rebuilt hundreds of pages (each parsed, templated and indexed for search) before
the contributor saw anything. Here the whole site is built once, as ``mkdocs build``
does, keeping the configuration, files, navigation and pages; afterwards a page whose
Markdown changed is rendered again, alone, when someone asks for it. A changed static
file is copied again; anything else (a file added or removed, the configuration, the
generated navigation, theme or snippets) builds everything again. The search index is
the last full build's. MkDocs renders; this only decides when (no logic in a plugin).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs import utils

# The very functions `mkdocs build` runs for one page and one theme template; mkdocs<2 is
# pinned (pyproject.toml), so their signatures hold.
from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

INCLUSION = InclusionLevel.is_in_serve
Stamp = tuple[int, int]  # a file's modification time (ns) and size
log = logging.getLogger("build_tools.preview")


def stamp(path: str | Path) -> Stamp | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def snapshot(paths: list[Path]) -> dict[str, Stamp]:
    """Every file under these folders (or these files), by path."""
    found: dict[str, Stamp] = {}
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            if (mark := stamp(file)) is not None:
                found[file.as_posix()] = mark
    return found


@dataclass(frozen=True)
class Changes:
    """How the site's sources differ from the last look, by what it takes to show them."""

    pages: tuple[str, ...]  # Markdown pages edited in place: rendered again when asked for
    static: tuple[str, ...]  # other files of docs_dir edited in place: copied again
    rebuild: tuple[str, ...]  # anything else: the whole site is built again


def classify(before: dict[str, Stamp], after: dict[str, Stamp], docs_dir: Path) -> Changes:
    """Sort the differences between two snapshots."""
    pages: list[str] = []
    static: list[str] = []
    rebuild: list[str] = []
    docs = docs_dir.as_posix() + "/"
    for path in sorted(set(before) | set(after)):
        if before.get(path) == after.get(path):
            continue
        if path not in before or path not in after or not path.startswith(docs):
            rebuild.append(path)
        else:
            (pages if path.endswith(".md") else static).append(path)
    return Changes(tuple(pages), tuple(static), tuple(rebuild))


@dataclass
class Site:
    """One full build's state: what rendering a single page again needs."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: object  # the theme's jinja2 environment
    by_path: dict[str, File]  # every documentation page and static file of docs_dir, by source path
    by_url: dict[str, File]  # every documentation page, by its served path (texts/x/ and texts/x/index.html)
    rendered: dict[str, Stamp | None] = field(default_factory=dict)  # source stamp each page was rendered from


class PreviewSite:
    """The site a preview serves: built whole once, then page by page as pages are asked for."""

    def __init__(self, config_file: Path, site_dir: Path, site_url: str) -> None:
        self.config_file, self.site_dir, self.site_url = config_file, site_dir, site_url
        self.lock = threading.RLock()  # one build or page render at a time: MkDocs' state is shared
        self.site: Site | None = None
        self.watched: list[Path] = []
        self.seen: dict[str, Stamp] = {}

    def build(self) -> None:
        """Build every page, as ``mkdocs build`` does, and keep the state."""
        with self.lock:
            started = time.perf_counter()
            config = load_config(str(self.config_file), site_dir=str(self.site_dir), strict=False)
            config.site_url = self.site_url
            self.watched = [Path(config.docs_dir), self.config_file.resolve(), *(Path(p) for p in config.watch)]
            self.seen = snapshot(self.watched)  # before reading: an edit during the build is seen next time
            self.site = full_build(config)
            log.info(f"preview: built {len(self.site.rendered)} pages in {time.perf_counter() - started:.1f} s")

    def page(self, request_path: str) -> None:
        """Render the page served at this path again if its Markdown changed since it was rendered."""
        with self.lock:
            site = self.site
            file = site.by_url.get(request_path.lstrip("/")) if site else None
            if site is None or file is None or file.abs_src_path is None:
                return
            now = stamp(file.abs_src_path)
            if now == site.rendered.get(file.src_path):
                return
            started = time.perf_counter()
            render_page(site, file, now)
            log.info(f"preview: rendered {file.url or 'index'} in {time.perf_counter() - started:.2f} s")

    def refresh(self) -> bool:
        """Look at the sources again: copy changed static files, build everything again if
        the structure changed; pages wait until asked for. Tell whether anything changed."""
        with self.lock:
            now = snapshot(self.watched)
            if now == self.seen or self.site is None:
                return False
            changes = classify(self.seen, now, Path(self.site.config.docs_dir))
            if changes.rebuild:
                log.info(f"preview: {changes.rebuild[0]} and {len(changes.rebuild) - 1} more changed; building all")
                self.build()
                return True
            for path in changes.static:
                file = self.site.by_path.get(path)
                if file is not None:
                    file.copy_file()
            self.seen = now
            return True


def full_build(config: MkDocsConfig) -> Site:
    """``mkdocs build``'s steps in its order, keeping files, navigation and pages."""
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    utils.clean_directory(config.site_dir)
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    pages = files.documentation_pages(inclusion=INCLUSION)
    rendered = {}
    for file in pages:
        if file.page is None:
            Page(None, file, config)
        rendered[file.src_path] = stamp(file.abs_src_path) if file.abs_src_path else None
        _populate_page(file.page, config, files)  # type: ignore[arg-type]
    env = config.plugins.on_env(env, config=config, files=files)
    files.copy_static_files(inclusion=INCLUSION)
    for template in config.theme.static_templates:
        _build_theme_template(template, env, files, config, nav)
    for file in pages:
        _build_page(file.page, config, pages, nav, env)  # type: ignore[arg-type]
    config.plugins.on_post_build(config=config)
    return Site(config, files, nav, env, *_indexes(files, pages), rendered)


def _indexes(files: Files, pages: Sequence[File]) -> tuple[dict[str, File], dict[str, File]]:
    by_path = {Path(f.abs_src_path).as_posix(): f for f in files if f.abs_src_path}
    by_url = {}
    for file in pages:
        by_url[file.url] = file
        by_url[file.dest_uri] = file
    return by_path, by_url


def render_page(site: Site, file: File, source: Stamp | None) -> None:
    """Read, convert, template and write one page again, as ``mkdocs build`` does."""
    site.rendered[file.src_path] = source  # before reading: an edit during the render is seen next time
    pages = site.files.documentation_pages(inclusion=INCLUSION)
    _populate_page(file.page, site.config, site.files)  # type: ignore[arg-type]
    _build_page(file.page, site.config, pages, site.nav, site.env)  # type: ignore[arg-type]
