"""The GitHub workflows and issue forms: actionlint-clean, and deploying only tested sites."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.test_contributing import unknown_commands

PROJECT = Path(__file__).resolve().parent.parent
GITHUB = PROJECT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.y*ml") if p.name != "config.yml")
# Installed into the virtual environment by the pinned test packages, never from PATH,
# so every machine lints the same way.
BIN = Path(sys.executable).parent
ACTIONLINT = BIN / "actionlint"
SHELLCHECK = BIN / "shellcheck"
BROKEN = """\
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo ${{ github.no_such_property }}
"""


def load(path: Path) -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    """The 'on:' mapping; YAML 1.1 reads the bare key 'on' as True."""
    found: dict[str, Any] = workflow.get("on", workflow.get(True)) or {}
    return found


def actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    """Run actionlint with ShellCheck from the same environment (or none), never pyflakes."""
    assert ACTIONLINT.exists(), (f"no {ACTIONLINT}: install the test packages "
                                 "(make test), which pin actionlint")
    shellcheck = str(SHELLCHECK) if SHELLCHECK.exists() else ""
    return subprocess.run([str(ACTIONLINT), "-no-color", f"-shellcheck={shellcheck}", "-pyflakes=",
                           *map(str, paths)], capture_output=True, text=True, cwd=PROJECT, check=False)


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = job.get("steps", [])
    return found


def index_of(job: dict[str, Any], pattern: str) -> int:
    """The index of the first step whose 'run' or 'uses' matches pattern."""
    for index, step in enumerate(steps(job)):
        if re.search(pattern, step.get("run", "") + step.get("uses", "")):
            return index
    raise AssertionError(f"no step matching {pattern!r}")


def test_the_three_workflows_exist() -> None:
    assert [p.name for p in WORKFLOWS] == ["annotations.yml", "pages.yml", "tests.yml"]


def test_actionlint_is_clean() -> None:
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_actionlint_finds_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(BROKEN, encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1 and "no_such_property" in result.stdout


def test_tests_run_make_test_on_every_push_and_pull_request() -> None:
    workflow = load(GITHUB / "workflows/tests.yml")
    assert {"push", "pull_request", "workflow_call"} <= set(triggers(workflow))
    (job,) = workflow["jobs"].values()
    assert steps(job)[index_of(job, r"^make test$")]["run"] == "make test"


def test_pages_deploys_only_after_the_tests_and_the_build() -> None:
    workflow = load(GITHUB / "workflows/pages.yml")
    jobs = workflow["jobs"]
    assert triggers(workflow)["push"]["branches"] == ["main"]
    assert jobs["test"]["uses"] == "./.github/workflows/tests.yml"
    assert set(jobs["deploy"]["needs"]) == {"test", "build"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["permissions"] == {"contents": "read"}  # only deploy may write
    assert workflow["concurrency"]["cancel-in-progress"] is False


def test_pages_uploads_only_after_a_complete_dated_build() -> None:
    build = load(GITHUB / "workflows/pages.yml")["jobs"]["build"]
    dated = index_of(build, r"epoch=\$\(git log -1 --format=%ct\)\n.*SOURCE_DATE_EPOCH=\$epoch\" >> \"\$GITHUB_ENV\"")
    trusted = index_of(build, r"safe\.directory")
    built = index_of(build, r"^make site$")
    uploaded = index_of(build, r"^actions/upload-pages-artifact@")
    assert trusted < dated < built < uploaded
    assert all("if" not in step and "continue-on-error" not in step for step in steps(build))


def test_annotation_pull_requests_are_checked_strictly_and_summarised() -> None:
    workflow = load(GITHUB / "workflows/annotations.yml")
    assert triggers(workflow)["pull_request"]["paths"] == ["annotations/**", "texts/**"]
    (job,) = workflow["jobs"].values()
    for command in (r"build_tools check --strict$", r"build_tools fmt --check$",
                    r"build_tools summary --base-root .*>> \"\$GITHUB_STEP_SUMMARY\""):
        index_of(job, command)


def container_jobs() -> list[tuple[str, dict[str, Any]]]:
    return [(f"{path.name}:{name}", job) for path in WORKFLOWS
            for name, job in load(path)["jobs"].items() if "container" in job]


def test_every_job_that_builds_runs_on_the_same_fresh_debian() -> None:
    jobs = container_jobs()
    assert len(jobs) == 3
    images = {name: job["container"] if isinstance(job["container"], str) else job["container"]["image"]
              for name, job in jobs}
    assert set(images.values()) == {"debian:bookworm"}, images
    bootstraps = {steps(job)[0]["run"] for _, job in jobs}
    assert len(bootstraps) == 1, "the first step, installing the bootstrap packages, must be the same"
    assert all(index_of(job, r"^actions/checkout@") == 1 for _, job in jobs)
    assert all(index_of(job, r"safe\.directory \"\$GITHUB_WORKSPACE\"") == 2 for _, job in jobs)


def test_every_build_tools_command_in_the_workflows_exists() -> None:
    assert unknown_commands("\n".join(p.read_text(encoding="utf-8") for p in WORKFLOWS)) == set()


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_issue_form_is_well_formed_and_bilingual(path: Path) -> None:
    form = load(path)
    assert {"name", "description", "body"} <= set(form)
    fields = [item for item in form["body"] if item["type"] != "markdown"]
    assert {item["type"] for item in form["body"]} <= {"markdown", "input", "textarea", "dropdown",
                                                        "checkboxes"}
    ids = [item["id"] for item in fields]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z0-9_-]+", i) for i in ids)
    labels = [item["attributes"]["label"] for item in fields]
    assert len(labels) == len(set(labels))
    for label in [form["name"], *labels]:
        assert re.search(r"[\u4e00-\u9fff]", label) and re.search(r"[A-Za-z]", label), label


def test_there_are_two_issue_forms_and_a_config() -> None:
    assert len(FORMS) == 2
    assert isinstance(load(GITHUB / "ISSUE_TEMPLATE/config.yml")["blank_issues_enabled"], bool)
