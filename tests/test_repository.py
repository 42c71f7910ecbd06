"""Repository URL for edit links: GitHub remotes only, never guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.site.repository import github_url, read_repository_url, read_site_url


@pytest.mark.parametrize("remote, expected", [
    ("https://github.com/owner/edition", "https://github.com/owner/edition"),
    ("https://github.com/owner/edition.git\n", "https://github.com/owner/edition"),
    ("git@github.com:owner/edition.git", "https://github.com/owner/edition"),
    ("ssh://git@github.com/owner/edition.git", "https://github.com/owner/edition"),
    ("/work/main", None),
    ("https://gitlab.com/owner/edition", None),
    ("https://github.com/owner/edition/extra/path", None),
    ("javascript:alert(1)//github.com/a/b", None),
    ("", None),
])
def test_github_url(remote: str, expected: str | None) -> None:
    assert github_url(remote) == expected


def test_environment_wins_over_git(tmp_path: Path) -> None:
    env = {"EDITION_REPO_URL": "https://github.com/owner/edition"}
    assert read_repository_url(tmp_path, env) == "https://github.com/owner/edition"


def test_no_remote_no_url(tmp_path: Path) -> None:
    assert read_repository_url(tmp_path, {}) is None


@pytest.mark.parametrize("environ, expected", [
    ({"EDITION_SITE_URL": "https://owner.github.io/edition"}, "https://owner.github.io/edition/"),
    ({"EDITION_SITE_URL": "https://owner.github.io/edition/"}, "https://owner.github.io/edition/"),
    ({"EDITION_SITE_URL": "http://insecure.example/"}, None),
    ({"EDITION_SITE_URL": ""}, None),
    ({}, None),
])
def test_the_site_url_is_only_what_the_workflow_says(environ: dict[str, str], expected: str | None) -> None:
    assert read_site_url(environ) == expected
