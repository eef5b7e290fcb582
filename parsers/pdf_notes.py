"""The text around a PDF's workplan table: footnotes, and what follows the table.

A footnote is a line led by a raised mark, or by a small number that a cell
or header of the table carries as a mark (``Cross-Cutting Themes¹``); the
lines after it in the same small type continue it. Each footnote keeps the
text of what carries its mark, as Word's footnote reference does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from parsers.model import Footnote
from parsers.pdf_page import Page
from parsers.pdf_words import Line

# A footnote's type is smaller than the body's: below this share of the page's median size.
_SMALL_TYPE = 0.9


@dataclass(frozen=True, slots=True)
class Span:
    """Where the table is: its first and last page, and its top and bottom on each page."""

    first: int
    last: int
    extents: Mapping[int, tuple[float, float]]


def footnotes_and_trailing(
    pages: list[Page],
    is_furniture: Callable[[Line], bool],
    table: Span,
    anchors: Mapping[str, str],
) -> tuple[tuple[Footnote, ...], tuple[str, ...]]:
    """Footnotes and the text after the table, from the table's first page on.

    ``anchors`` maps each footnote mark taken off the table's cells to the
    text of the cell (or header label) that carried it; it becomes the
    footnote's ``anchor``. Page headers and footers (``is_furniture``) are
    skipped.
    """
    notes: list[Footnote] = []
    trailing: list[str] = []
    for page in pages[table.first - 1 :]:
        top, bottom = table.extents.get(page.number, (0.0, 0.0))
        body = _body_size(page)
        for line in page.lines:
            inside = (
                page.number in table.extents and top - 1 <= line.top and line.bottom <= bottom + 1
            )
            above = page.number == table.first and line.bottom <= top + 1
            if inside or above or is_furniture(line):
                continue
            lead = line.words[0]
            small = lead.size < _SMALL_TYPE * body
            if lead.superscript or (
                (lead.text in anchors or (lead.text.isdigit() and small)) and len(line.words) > 3
            ):
                text = " ".join(w.text for w in line.words[1:])
                notes.append(Footnote(f"footnote:{lead.text}", text, anchors.get(lead.text, "")))
            elif notes and small and not trailing:
                note = notes[-1]
                notes[-1] = Footnote(note.mark, f"{note.text} {line.text}", note.anchor)
            elif page.number >= table.last:
                trailing.append(line.text)
    return tuple(notes), tuple(trailing)


def _body_size(page: Page) -> float:
    sizes = [w.size for ln in page.lines for w in ln.words]
    return sorted(sizes)[len(sizes) // 2] if sizes else 10.0
