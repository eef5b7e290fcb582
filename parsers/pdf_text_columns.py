"""Columns of a borderless table, from text alignment alone.

The header line's chunks (words parted by more than a space) give the columns'
left edges and their roles (``find_text_header``); a word belongs to the
column whose edge it sits at (``column``); a line whose text runs across an
edge is prose or a band across the table, not a row of cells (``crosses``).
Used by ``pdf_text_table`` and, where rules bound the rows, ``pdf_rules``.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from typing import cast

from parsers.header import header_roles
from parsers.model import Role
from parsers.pdf_words import Line, Word

# Words of one cell are a space apart (~3pt at 10pt); columns are further.
COLUMN_GAP = 9.0
# Left edges within this distance belong to the same column.
EDGE_TOLERANCE = 6.0
# Two header cells are further apart than a space (about a third of the type
# size): cell padding on both sides of the boundary. Finer than COLUMN_GAP,
# which must also keep wrapped prose together, so used only where the body
# confirms it (and by ``pdf_rules``, where rules bound the rows).
GAP_EM = 0.45
MIN_GAP = 4.0
# A word space is about a quarter to a third of the type size (Arial 0.28, Times
# 0.25): words this close run on as one text, whatever column edge lies between.
_SPACE_EM = 0.35
# A finer split of the header needs this many body chunks starting at each new
# edge, among the first lines below it.
_EVIDENCE = 2
_EVIDENCE_LINES = 40


def chunks(line: Line, gap: float = COLUMN_GAP) -> list[list[Word]]:
    """Split a line where the space between words is wider than ``gap``."""
    out: list[list[Word]] = []
    for word in line.words:
        if out and word.x0 - out[-1][-1].x1 <= gap:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def chunk_text(chunk: Sequence[Word]) -> str:
    return " ".join(w.text for w in chunk if not w.superscript)


def find_text_header(lines: Sequence[Line]) -> tuple[int, list[float], tuple[Role, ...]] | None:
    """The index of the header line, its columns' left edges, and their roles.

    Header cells closer than ``COLUMN_GAP`` (a browser's narrow padding) are
    told apart by a finer gap when the body has words starting at the edge
    that splits them (``Timeframe RAG`` over ``March 2025  R``).
    """
    for i, line in enumerate(lines):
        parts = chunks(line)
        if len(parts) < 2:
            continue
        roles = header_roles([chunk_text(p) for p in parts])
        if roles is not None:
            fine = _finer_header(line, parts, lines[i + 1 :])
            if fine is not None:
                return (
                    i,
                    [p[0].x0 for p in fine],
                    cast("tuple[Role, ...]", header_roles([chunk_text(p) for p in fine])),
                )
            return i, [p[0].x0 for p in parts], roles
    return None


def _finer_header(
    line: Line, parts: Sequence[Sequence[Word]], body: Sequence[Line]
) -> list[list[Word]] | None:
    """The header split at every gap wider than a space, when the body bears the new edges out."""
    size = statistics.median(w.size for w in line.words)
    fine = chunks(line, max(MIN_GAP, GAP_EM * size))
    if len(fine) <= len(parts) or header_roles([chunk_text(p) for p in fine]) is None:
        return None
    coarse = {p[0].x0 for p in parts}
    starts = [
        c[0].x0 for ln in body[:_EVIDENCE_LINES] for c in chunks(ln, max(MIN_GAP, GAP_EM * size))
    ]
    for part in fine:
        edge = part[0].x0
        if edge in coarse:
            continue
        if sum(1 for x in starts if abs(x - edge) <= EDGE_TOLERANCE) < _EVIDENCE:
            return None
    return fine


def column(x0: float, edges: Sequence[float]) -> int:
    col = 0
    for k, edge in enumerate(edges):
        if x0 >= edge - EDGE_TOLERANCE:
            col = k
    return col


def crosses(line: Line, edges: Sequence[float]) -> bool:
    """Is ``line`` prose (or a band across the table) rather than a row of cells?

    Table text stays inside its column: a word running over a column's left
    edge, or two words either side of an edge only a space apart (text flowing
    on, where two cells are parted by their padding) is prose. A line starting
    left of the first column is prose too.
    """
    if line.x0 < edges[0] - 2 * EDGE_TOLERANCE:
        return True
    if any(
        w.x0 < edge - EDGE_TOLERANCE < edge + EDGE_TOLERANCE < w.x1
        for w in line.words
        for edge in edges[1:]
    ):
        return True
    return any(
        column(a.x0, edges) != column(b.x0, edges) and b.x0 - a.x1 <= _SPACE_EM * a.size
        for a, b in itertools.pairwise(line.words)
    )
