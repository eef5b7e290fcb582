"""The one error hierarchy of Workplan Register.

Every layer raises these; the command line turns them into messages and exit
codes at the edge. A message names the file and says what to do.
"""

from __future__ import annotations

from pathlib import Path


class WorkplanError(Exception):
    """Base of every error the product raises on purpose."""


class DocumentError(WorkplanError):
    """A document that cannot be read as a workplan.

    >>> str(DocumentError("plan.doc", "legacy Word format: save it as .docx and drop it in again"))
    "plan.doc: legacy Word format: save it as .docx and drop it in again"
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{Path(self.path).name}: {problem}")


class ConfigError(WorkplanError):
    """The user's settings (theme list, lead directory, options) are wrong."""
