"""PDF parser: one workplan table rebuilt across pages, from any producer.

``parse(path) -> RawDocument``. This module opens the file, reads each page
once (``pdf_page``), reads the table with every strategy that applies, keeps
the reading that explains the page best, and collects the text around it:

- ``lines``: cells drawn by ruled lines or thin filled rectangles (browsers),
  parts joined across pages and headings (``pdf_assemble``);
- ``rules``: rows ruled by horizontal lines only, columns from the header's
  alignment (``pdf_rules``), joined the same way;
- ``tagged``: the producer's structure tree (``pdf_tagged``);
- ``text``: text alignment anchored on the header (``pdf_text_table``).

Each gives the shared ``parsers.model.Grid``, frozen by ``parsers.grid.freeze``
as Word's is; the choice is recorded in ``RawTable.method`` and a note.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException

from parsers.colour_key import key_entries
from parsers.dates import saved_at_pdf
from parsers.errors import DocumentError, head_of
from parsers.grid import freeze
from parsers.model import Grid, GridCell, RawDocument
from parsers.paragraph_plan import Paragraph, paragraph_grid, paragraphs_of_lines
from parsers.pdf_assemble import assemble
from parsers.pdf_grid import better, explains, furniture, is_furniture
from parsers.pdf_nested import fold_page
from parsers.pdf_notes import Span, footnotes_and_trailing
from parsers.pdf_page import Page, marked_labels, read_page, shaded_labels
from parsers.pdf_rules import Columns, read_rule_tables
from parsers.pdf_tagged import (
    TaggedTable,
    marked_chars,
    read_tagged,
    structure_tree,
    tagged_table,
    tagged_tables,
)
from parsers.pdf_text_table import text_table
from parsers.vocabulary import ACTION_ID

log = logging.getLogger(__name__)

# Workplans run to a few dozen pages; a 500-page PDF is something else, and
# reading it all would stall the batch.
MAX_PAGES = 200


def parse(path: Path) -> RawDocument:
    """Read a PDF workplan.

    Raises ``DocumentError`` for an encrypted, empty, damaged or image-only
    PDF, or one with no workplan table.
    """
    pages, tagged, modified = _read_pages(path)
    if not any(p.chars for p in pages):
        if any(p.images for p in pages):
            raise DocumentError(
                path, "scanned image: no text to read (run it through OCR and drop it in again)"
            )
        raise DocumentError(path, "no text layer: the PDF has no text to read")
    repeated = furniture(pages)
    table, key_pairs, notes = _read_best(pages, repeated, tagged)
    if table is None:  # a plan may write its actions as paragraphs
        table = _paragraph_plan(pages, repeated)
        if table is not None:
            notes.append("actions read from numbered paragraphs (no table of actions)")
    key_pairs = [
        *key_pairs,
        *(pair for page in pages for pair in (*shaded_labels(page), *marked_labels(page))),
    ]
    if table is None:
        raise DocumentError(
            path,
            "no workplan table found (no header with Action and Lead, Impact or Timeframe columns)",
        )
    raw = freeze(table, path)
    first = pages[min(table.pages, default=1) - 1]
    title = [ln.text for ln in first.lines if ln.bottom <= table.top + 1 and ln.text]
    anchors = dict(table.header_marks)
    for row in table.rows:
        for cell in row:
            for mark in cell.marks:
                anchors.setdefault(mark, cell.text or "")
    footnotes, trailing = footnotes_and_trailing(
        pages,
        lambda line: is_furniture(line, repeated),
        Span(min(table.pages, default=1), max(table.pages, default=0), table.extents),
        anchors,
    )
    return RawDocument(
        path=str(path),
        format="pdf",
        pages=len(pages),
        title_lines=tuple(title),
        tables=(raw,),
        colour_key=key_entries(key_pairs),
        footnotes=footnotes,
        page_lines=tuple(sorted(repeated)),
        trailing_text=trailing,
        notes=tuple(notes),
        modified=modified,
    )


# Strategies in the order they are preferred when two readings explain the page equally well.
_STRATEGIES = ("lines", "rules", "tagged", "text")


# Strategies that read cells the document drew; a reading inferred from tags or
# text alignment over a drawn table is named in the document's notes.
_DRAWN = frozenset({"lines", "rules"})


def _read_best(
    pages: list[Page], furniture: set[str], tagged: list[TaggedTable] | None
) -> tuple[Grid | None, list[tuple[str, str | None]], list[str]]:
    """Read the workplan table with every strategy that applies and keep the one that explains most.

    A reading is measured by the words its body cells hold and its body
    cells with text. Strategies are tried in the order of ``_STRATEGIES``
    (drawn cells before inferred ones); a later reading wins only when it
    explains clearly more (``pdf_grid.better``). A header with nothing under it
    explains nothing, so it never wins over a strategy that reads the rows.
    The choice and the runners-up go in a note.
    """
    lines, key_pairs, notes = assemble(pages, furniture, rules=False)
    readings: dict[str, Grid | None] = {"lines": lines}
    if any(p.rule_tables for p in pages):
        readings["rules"] = assemble(pages, furniture, rules=True)[0]
    if tagged is not None:
        readings["tagged"] = tagged_table(tagged)
    readings["text"] = text_table(pages, furniture)
    scored = {name: explains(t) for name, t in readings.items() if t is not None}
    best: str | None = None
    for name in scored:
        if best is None or better(scored[name], scored[best]):
            best = name
    if best is None:
        return None, key_pairs, notes
    if len(scored) > 1:
        others = ", ".join(f"{n} {w} words in {c}" for n, (w, c) in scored.items() if n != best)
        choice = (
            f"read by {best}: {scored[best][0]} words in {scored[best][1]} body cells ({others})"
        )
        log.info("%s", choice)
        if best not in _DRAWN and _DRAWN & set(scored):
            notes.append(choice)  # the drawn table did not explain the page: worth a look
    return readings[best], key_pairs, notes


def _paragraph_plan(pages: list[Page], repeated: set[str]) -> Grid | None:
    """The plan the pages' text writes as numbered paragraphs (``paragraph_plan``), if any;
    the pages' tables (a RAG summary by action id) give the statuses."""
    lines = [
        Paragraph(line.text, page.number)
        for page in pages
        for line in page.lines_outside_tables()
        if not is_furniture(line, repeated)
    ]
    tables = [
        [
            [GridCell(c.text if c else None, c.fill if c else None, {page.number}) for c in row]
            for row in table.rows
        ]
        for page in pages
        for table in page.tables
    ]
    grid = paragraph_grid(paragraphs_of_lines(lines), tables)
    if grid is not None:
        first = min(grid.pages, default=1)
        starts = [
            ln.top for ln in pages[first - 1].lines_outside_tables() if ACTION_ID.match(ln.text)
        ]
        grid.top = min(starts, default=0.0)
        grid.last_page = max(grid.pages, default=1)
    return grid


def _read_pages(
    path: Path,
) -> tuple[list[Page], list[TaggedTable] | None, datetime | None]:
    """Every page, read once; the tables of the structure tree when the PDF is tagged; its date."""
    if b"%PDF" not in head_of(path):
        raise DocumentError(
            path, "not a PDF file (no %PDF header): export the workplan as PDF and drop it in again"
        )
    try:
        with pdfplumber.open(path) as pdf:
            if not pdf.pages:
                raise DocumentError(path, "the PDF has no pages")
            if len(pdf.pages) > MAX_PAGES:
                raise DocumentError(
                    path, f"{len(pdf.pages)} pages: too long for a workplan (limit {MAX_PAGES})"
                )
            tree = structure_tree(pdf.doc, {p.page_obj.pageid: p.page_number for p in pdf.pages})
            table_nodes = tagged_tables(tree)
            out = []
            chars: dict[tuple[int, int], list[dict[str, Any]]] = {}
            columns: Columns | None = None
            for page in pdf.pages:
                read = read_page(page)
                if read.tables:
                    read = replace(read, tables=fold_page(read.tables, read.lines))
                rule_tables, columns = read_rule_tables(page, read, columns)
                out.append(replace(read, rule_tables=rule_tables) if rule_tables else read)
                if table_nodes:  # keep characters by marked content only for a tagged table
                    chars.update(marked_chars(page.page_number, page.chars))
                page.close()
            fills = {p.number: p.fills for p in out}
            tagged = [
                t for node in table_nodes if (t := read_tagged(node, chars, fills)) is not None
            ]
            return out, tagged or None, saved_at_pdf(pdf.metadata)
    except PdfminerException as e:
        if _caused_by(e, PDFPasswordIncorrect):
            raise DocumentError(
                path, "encrypted PDF: remove the password and drop it in again"
            ) from e
        raise DocumentError(
            path, f"damaged PDF ({e.__cause__ or e}): export it again and drop it in"
        ) from e
    except DocumentError:
        raise
    except (
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OSError,
        PSException,
    ) as e:
        # pdfminer raises plain Python errors on truncated or malformed files, and its
        # own (PSException) where pdfplumber does not wrap it: the structure tree
        raise DocumentError(
            path, f"damaged PDF ({type(e).__name__}: {e}): export it again and drop it in"
        ) from e


def _caused_by(error: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
