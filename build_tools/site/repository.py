"""Where the edition's repository lives, for "edit this" links; never guessed.

EDITION_REPO_URL (set by the Pages workflow from the GitHub context) wins; otherwise a
GitHub ``origin`` remote is used. Without either, the site simply has no edit links.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping
from pathlib import Path

GITHUB = re.compile(r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)"
                    r"([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?$")
BRANCH = "main"


def github_url(remote: str) -> str | None:
    """Normalise a GitHub remote to https://github.com/OWNER/REPO, or None."""
    match = GITHUB.match(remote.strip())
    return f"https://github.com/{match[1]}/{match[2]}" if match else None


def read_site_url(environ: Mapping[str, str]) -> str | None:
    """The edition's published address, when the Pages workflow says it (EDITION_SITE_URL)."""
    url = environ.get("EDITION_SITE_URL", "").strip()
    return url.rstrip("/") + "/" if url.startswith("https://") else None


def read_repository_url(root: Path, environ: Mapping[str, str]) -> str | None:
    """Find the repository URL from the environment or the git remote."""
    if environ.get("EDITION_REPO_URL"):
        return github_url(environ["EDITION_REPO_URL"])
    try:
        remote = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"],
                                capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return github_url(remote.stdout) if remote.returncode == 0 else None
