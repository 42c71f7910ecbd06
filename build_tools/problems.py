"""Problems are values with a location, reported once by one reporter."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = Severity.ERROR

    def format_text(self) -> str:
        """Format like yamllint: ``path:line:col: severity: message (code)``."""
        return (
            f"{self.path}:{self.line}:{self.column}: "
            f"{self.severity.value}: {self.message} ({self.code})"
        )

    def format_github(self) -> str:
        """Format as a GitHub Actions workflow command, shown inline on pull requests."""
        level = "error" if self.severity is Severity.ERROR else "warning"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return (
            f"::{level} file={self.path},line={self.line},col={self.column},"
            f"title={self.code}::{message}"
        )


class ProblemError(Exception):
    """A failure a user can cause, met where it cannot be returned (inside a generator).

    It carries its located problem, so the one reporter prints it like any other.
    """

    def __init__(self, found: Problem) -> None:
        super().__init__(found.format_text())
        self.problem = found


def problem(path: str, line: int, column: int, code: str, message: str) -> Problem:
    """Make an error problem (the common case)."""
    return Problem(path, line, column, code, message, Severity.ERROR)


def warning(path: str, line: int, column: int, code: str, message: str) -> Problem:
    """Make a warning problem: reported locally, fatal under ``--strict``."""
    return Problem(path, line, column, code, message, Severity.WARNING)


def has_errors(problems: Iterable[Problem], strict: bool = False) -> bool:
    """Tell whether these problems must stop the build."""
    return any(p.severity is Severity.ERROR or strict for p in problems)


def format_problems(problems: Iterable[Problem], github: bool = False) -> list[str]:
    """Format problems sorted by location, one line each."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line, p.column, p.code, p.message))
    return [p.format_github() if github else p.format_text() for p in ordered]
