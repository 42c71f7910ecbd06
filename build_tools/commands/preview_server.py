"""The preview's web server, run by ``serve`` as its own process beside the regeneration loop.

Serves the preview site (``preview_site``): a page is rendered again when it is asked for
and its Markdown changed; every half second the sources are looked at again, and each
served HTML page carries a small script that reloads it when they changed, as ``mkdocs
serve``'s livereload did. Its own process, so rendering and our regeneration do not take
turns on one interpreter lock.

Run as ``python -m build_tools.commands.preview_server ROOT CONFIG IP:PORT``.
"""

from __future__ import annotations

import http.server
import logging
import mimetypes
import os
import posixpath
import shutil
import signal
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from build_tools.commands.preview_site import PreviewSite

VERSION_PATH = "/.preview/version"
# Ask for the sources' version twice a second; reload the page when it changes.
RELOAD_SCRIPT = (
    '<script>(function(){var seen;function ask(){fetch("' + VERSION_PATH + '",{cache:"no-store"})'
    '.then(function(r){return r.text()}).then(function(v){if(seen!==undefined&&v!==seen){location.reload()}'
    'seen=v;setTimeout(ask,500)},function(){setTimeout(ask,2000)})}ask()})();</script>').encode("utf-8")
REFRESH_S = 0.5
LOG = logging.getLogger("build_tools.preview")


def with_reload(html: bytes) -> bytes:
    """The page with the reload script before its last ``</body>`` (or at its end)."""
    at = html.rfind(b"</body>")
    return html + RELOAD_SCRIPT if at < 0 else html[:at] + RELOAD_SCRIPT + html[at:]


def site_file(site_dir: Path, request_path: str) -> Path:
    """The file a request path names under the site folder (never outside it)."""
    relative = posixpath.normpath("/" + request_path).lstrip("/")
    return site_dir / (posixpath.join(relative, "index.html") if request_path.endswith("/") else relative)


class Preview:
    """The site and the version of its sources the pages were told about."""

    def __init__(self, site: PreviewSite) -> None:
        self.site = site
        self.version = 0

    def watch(self) -> None:
        """Look at the sources again every REFRESH_S; count each change."""
        while True:
            time.sleep(REFRESH_S)
            try:
                if self.site.refresh():
                    self.version += 1
            except Exception:  # a broken page or config: say so and keep serving the last build
                LOG.exception("preview: the site could not be built again")


def handler_for(preview: Preview) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            if path == VERSION_PATH:
                self.send(200, "text/plain", str(preview.version).encode())
                return
            try:
                preview.site.page(path)
            except Exception:  # MkDocs could not render it: say why, keep serving
                LOG.exception(f"preview: {path} could not be rendered")
                self.send(500, "text/plain; charset=utf-8", b"the page could not be rendered; see the preview's output")
                return
            file = site_file(preview.site.site_dir, path)
            if file.is_dir():
                self.send_response(302)
                self.send_header("Location", urllib.parse.quote(path + "/"))
                self.end_headers()
            elif file.is_file():
                self.send(200, mimetypes.guess_type(file.name)[0] or "application/octet-stream", self.body(file))
            else:
                missing = preview.site.site_dir / "404.html"
                self.send(404, "text/html", self.body(missing) if missing.is_file() else b"404 Not Found")

        def body(self, file: Path) -> bytes:
            data = file.read_bytes()
            return with_reload(data) if file.suffix == ".html" else data

        def send(self, code: int, kind: str, body: bytes) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # one line per request would bury the build's messages

    return Handler


def show_logs() -> None:
    """Print MkDocs' warnings and the preview's own news, as ``mkdocs serve`` prints its own."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    for name, level in (("mkdocs", logging.WARNING), (LOG.name, logging.INFO)):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.addHandler(handler)
        logger.propagate = False


def serve_preview(root: Path, config_file: Path, address: str) -> None:
    """Build the site once, then serve it until stopped."""
    show_logs()
    # Stopped by a signal, leave through the cleanup below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    host, port = address.rsplit(":", 1)
    site_dir = Path(tempfile.mkdtemp(prefix="edition-preview-"))
    try:
        # Paths in the configuration (the search plugin's jieba dictionary, snippets) are the project's.
        os.chdir(root)
        preview = Preview(PreviewSite(config_file, site_dir, f"http://{address}/"))
        preview.site.build()
        threading.Thread(target=preview.watch, daemon=True).start()
        server = http.server.ThreadingHTTPServer((host, int(port)), handler_for(preview))
        server.daemon_threads = True
        LOG.info(f"preview: serving on http://{address}/")
        server.serve_forever()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


if __name__ == "__main__":
    serve_preview(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
