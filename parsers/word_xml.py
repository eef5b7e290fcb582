"""Walking Word's body XML: blocks in order, rows and cells, through wrappers.

Content controls (``w:sdt``) and custom XML wrap paragraphs, tables, rows
and cells; a text box anchored in a paragraph may hold a table.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

Element = Any


def unwrapped(container: Element, tags: frozenset[str]) -> Any:
    """Children with one of ``tags``, looking inside content controls and custom XML."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            content = child.find(qn("w:sdtContent"))
            yield from unwrapped(content if content is not None else child, tags)


_WRAPPERS = frozenset({qn("w:sdt"), qn("w:customXml")})
_BLOCKS = frozenset({qn("w:p"), qn("w:tbl")})


def blocks(body: Element) -> Any:
    """Body paragraphs and tables in order, as ``("p" | "tbl", element)``.

    A text box (or shape) holding a table is read where it is anchored: after
    its paragraph, its own paragraphs and tables, as if in the body.
    """
    for el in unwrapped(body, _BLOCKS):
        if el.tag == qn("w:p"):
            yield "p", el
            for box in _table_boxes(el):
                yield from blocks(box)
        else:
            yield "tbl", el


def _table_boxes(p: Element) -> list[Element]:
    """The text boxes anchored in paragraph ``p`` that hold a table; the fallback
    copy Word writes for old readers (``mc:Fallback``) and boxes in boxes left out."""
    out = []
    for box in p.iter(_TXBX):
        if box.find(f".//{qn('w:tbl')}") is None:
            continue
        parent = box.getparent()
        while parent is not None and parent is not p and parent.tag not in (_FALLBACK, _TXBX):
            parent = parent.getparent()
        if parent is p:
            out.append(box)
    return out


_TXBX = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def rows_of(tbl: Element) -> Any:
    """A table's rows (``w:tr``), through wrappers."""
    return unwrapped(tbl, frozenset({qn("w:tr")}))


def cells_of(tr: Element) -> Any:
    """A row's cells (``w:tc``), through wrappers."""
    return unwrapped(tr, frozenset({qn("w:tc")}))


def int_val(el: Element | None, default: int) -> int:
    """An element's integer ``w:val``, ``default`` when missing or not a number."""
    if el is None:
        return default
    try:
        return int(el.get(qn("w:val"), default))
    except ValueError:
        return default
