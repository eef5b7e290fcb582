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
    'plan.doc: legacy Word format: save it as .docx and drop it in again'
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{Path(self.path).name}: {problem}")


class ConfigError(WorkplanError):
    """The user's settings (theme list, lead directory, options) are wrong."""


def head_of(path: Path, size: int = 1024) -> bytes:
    """The first bytes of a file that can be read and is not empty.

    Raises ``DocumentError`` for an unreadable file, or an empty one (often a
    file still being copied into the inbox).
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(size)
    except OSError as e:
        raise DocumentError(
            path, f"cannot be read ({e.strerror}): check the file's permissions"
        ) from e
    if not head:
        raise DocumentError(
            path, "empty file (0 bytes): it may still be copying; drop it in again when complete"
        )
    return head
