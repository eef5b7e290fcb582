"""A corpus of N distinct workplans for the benchmarks, Word and PDF, cached on disk.

Each document is one sub-group's plan: a title, then a table Impact · Action ·
Lead · Timeframe · RAG with 5 to 80 actions (deterministic from its number),
the Impact cell merged down over each priority's actions, RAG as a cell fill.
Every text carries the document's number, so no two documents share a cell (a
real archive's plans differ). Word files are written with python-docx, PDFs
with reportlab (no LibreOffice needed); every other document is a PDF, or
none in a Word-only corpus.

``corpus(n)`` returns the files of ``benchmarks/.corpus/n<N>/`` (``word<N>/``
Word only), making the missing ones; the folder is ignored by git.
"""

from __future__ import annotations

import random
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

CACHE = Path(__file__).resolve().parent / ".corpus"
HEADER = ("Impact", "Action", "Lead", "Timeframe", "RAG")
FILLS = ("00B050", "FFC000", "FF0000", "5B9BD5", "")
WHEN = (
    "March 2026",
    "Quarterly",
    "Ongoing",
    "TBC",
    "Autumn 2025",
    "By end of December 2025",
    "Q3 2025/26",
    "June 2026",
)
LEADS = (
    "Anne Akamo",
    "Keith Shipman",
    "Business Support Unit",
    "Police",
    "Head of Early Help",
    "Designated Nurse",
    "Full Sub-Group",
    "Claire Bailey / Tom Reilly",
    "Youth Justice Service",
    "ICB",
)
VERBS = ("Review", "Deliver", "Audit", "Agree", "Publish", "Train", "Map", "Commission")
THINGS = (
    "the multi-agency training offer",
    "the escalation policy",
    "the neglect toolkit",
    "case audits on exploitation",
    "the front door pathway",
    "a learning briefing",
)


def plan(number: int) -> tuple[str, list[tuple[str, list[tuple[str, str, str, str, str]]]]]:
    """Document ``number``'s title and priorities: (impact, [(id, action, lead, when, fill)])."""
    rng = random.Random(number)
    size = rng.randint(5, 80)
    priorities = []
    done = 0
    p = 0
    while done < size:
        p += 1
        count = min(size - done, rng.randint(2, 8))
        impact = f"{p}. Children in area {number} are safer: outcome {p}"
        rows = [
            (
                f"{p}.{k}",
                f"{rng.choice(VERBS)} {rng.choice(THINGS)} for plan {number}, item {p}.{k}",
                rng.choice(LEADS),
                rng.choice(WHEN),
                rng.choice(FILLS),
            )
            for k in range(1, count + 1)
        ]
        priorities.append((impact, rows))
        done += count
    return f"Bench {number} Safeguarding Sub-Group Workplan 2025-26", priorities


def _shade(cell: object, fill: str) -> None:
    xml = f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'
    cell._tc.get_or_add_tcPr().append(parse_xml(xml))  # type: ignore[attr-defined]


def write_docx(number: int, path: Path) -> None:
    title, priorities = plan(number)
    document = docx.Document()
    document.add_paragraph().add_run(title).font.size = Pt(14)
    rows = sum(len(r) for _, r in priorities)
    table = document.add_table(rows=1 + rows, cols=len(HEADER))
    table.style = "Table Grid"
    width = len(HEADER)
    cells = table._cells  # once: table.cell() walks the whole table on every call
    for k, text in enumerate(HEADER):
        cells[k].text = text
    r = 1
    spans = []
    for impact, actions in priorities:
        cells[r * width].text = impact
        spans.append((r, r + len(actions) - 1))
        for action_id, action, lead, when, fill in actions:
            row = cells[r * width : (r + 1) * width]
            row[1].text = f"{action_id} {action}"
            row[2].text = lead
            row[3].text = when
            if fill:
                _shade(row[4], fill)
            r += 1
    for first, last in spans:
        if last > first:
            cells[first * width].merge(cells[last * width])
    document.save(str(path))


def write_pdf(number: int, path: Path) -> None:
    title, priorities = plan(number)
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=8, leading=10)
    data: list[list[object]] = [[Paragraph(h, style) for h in HEADER]]
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    r = 1
    for impact, actions in priorities:
        for k, (action_id, action, lead, when, fill) in enumerate(actions):
            first = Paragraph(impact, style) if k == 0 else ""
            data.append([first, Paragraph(f"{action_id} {action}", style), lead, when, ""])
            if fill:
                commands.append(("BACKGROUND", (4, r), (4, r), colors.HexColor(f"#{fill}")))
            r += 1
        commands.append(("SPAN", (0, r - len(actions)), (0, r - 1)))
    table = Table(data, colWidths=[5 * cm, 11 * cm, 4 * cm, 3.5 * cm, 2 * cm], repeatRows=1)
    table.setStyle(TableStyle(commands))
    story = [Paragraph(title, ParagraphStyle("t", fontSize=14, leading=18)), Spacer(1, 8), table]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)


def corpus(n: int, *, word_only: bool = False) -> list[Path]:
    """The first ``n`` documents (cached), every other one a PDF; all Word with ``word_only``."""
    folder = CACHE / (f"word{n}" if word_only else f"n{n}")
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(n):
        pdf = not word_only and number % 2 == 1
        path = folder / f"plan-{number:05d}.{'pdf' if pdf else 'docx'}"
        if not path.exists():
            (write_pdf if pdf else write_docx)(number, path)
        files.append(path)
    return files
