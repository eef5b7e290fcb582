"""Make the PDFs in this folder: browser-made and horizontally-ruled workplan tables.

Run from the repository root: ``.venv/bin/python tests/files/pdf/make.py [STEM ...]``
(every document, or only those named).
Needs headless Chromium (``chromium``) and reportlab; the PDFs are committed,
so the tests need neither. Each document is written from the rows below, so
a test can compare what the parser reads with what was written.
"""

from __future__ import annotations

import html
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

HEADER = ("Impact", "Action", "Lead", "Timeframe", "RAG")
RAG = {"G": "#92D050", "A": "#FFC000", "R": "#FF0000"}


def _rows(priority: int, count: int) -> list[tuple[str, str, str, str, str]]:
    """``count`` action rows of one priority: impact, action, lead, timeframe, RAG letter."""
    leads = ("Head of Service, Children's Social Care", "Safeguarding Partnership Manager",
             "Police Detective Inspector", "Designated Nurse")  # fmt: skip
    out = []
    for k in range(1, count + 1):
        out.append(
            (
                f"{priority}. Children and families are safer at home" if k == 1 else "",
                f"{priority}.{k} Review the multi-agency response to neglect and report the "
                f"findings to the partnership board, with a plan for the next steps.",
                leads[(priority + k) % len(leads)],
                f"March 202{4 + k % 2}",
                "GAR"[(priority + k) % 3],
            )
        )
    return out


ROWS = _rows(1, 9) + _rows(2, 9) + _rows(3, 8)
# Long actions, so that a page break falls inside a row.
SPLIT_ROWS = [
    (
        impact,
        action + " " + " ".join(["Each agency reports its progress to the sub-group."] * 6),
        lead,
        when,
        rag,
    )
    for impact, action, lead, when, rag in ROWS[:12]
]

_BASE_CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; margin: 0; }
h1 { font-size: 16pt; }
h2 { font-size: 13pt; font-weight: bold; margin: 14pt 0 6pt 0; }
table { width: 100%; }
th { text-align: left; font-weight: bold; }
td, th { vertical-align: top; padding: 4pt; }
tr { break-inside: avoid; }
@page { size: A4 landscape; margin: 15mm; }
"""
# Every cell boxed: Chrome draws each border as a thin filled rectangle.
BOXED_CSS = (
    _BASE_CSS
    + """
table { border-collapse: collapse; }
td, th { border: 1px solid #000; }
th { background: #D9E2F3; }
"""
)
# Only the header is boxed; the body below it has no rule at all.
HEADER_BOXED_CSS = (
    _BASE_CSS
    + """
table { border-collapse: collapse; }
th { border: 1px solid #000; }
"""
)
# Booktabs: rules above and below the header and at the foot, none between columns.
RULED_CSS = (
    _BASE_CSS
    + """
table { border-collapse: collapse; }
thead th { border-top: 2px solid #000; border-bottom: 1px solid #000; }
tbody td { border-bottom: 0.5px solid #000; }
"""
)


PRIORITIES = ("Priority 1: Safe at home", "Priority 2: Safe in the community",
              "Priority 3: A partnership that learns")  # fmt: skip


PLAIN_PARTS = (ROWS[:4], ROWS[9:13], ROWS[18:22])


def _table(
    rows: list[tuple[str, str, str, str, str]], *, rag_fill: bool, header: bool = True
) -> str:
    head = "".join(f"<th>{h}</th>" for h in HEADER)
    body = []
    for impact, action, lead, timeframe, rag in rows:
        status = f' style="background:{RAG[rag]}"' if rag_fill else ""
        letter = "" if rag_fill else rag
        cells = (impact, action, lead, timeframe)
        body.append(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells)
            + f"<td{status}>{letter}</td></tr>"
        )  # fmt: skip
    thead = f"<thead><tr>{head}</tr></thead>" if header else ""
    return f"<table>{thead}<tbody>{''.join(body)}</tbody></table>"


# A strategy action table (Westmere-like): Ref codes, bands across the table,
# bullets drawn as shapes, status as a coloured square, a nested table of sub-actions.
BAND_HEADER = ("Ref", "Task", "Owner", "Due", "Status")
MARK = {"G": "#00B050", "A": "#FFC000", "R": "#C00000"}
BANDS = (
    ("Outcome 1 – People feel safe and are listened to", (
        ("A1", "Survey adults who have been through a safeguarding enquiry", "Board Manager", "Annually", "G"),
        ("A2", ["Recruit two experts by experience", "Pay them for their time"], "Lena Kowalski", "June 2024", "A"),
    )),
    ("Outcome 2 – Agencies work together to prevent abuse", (
        ("A3", "Agree a multi-agency self-neglect protocol", "Policy Lead", "September 2024", "R"),
        ("A4", "Review the response to people who decline support", "Task Group", "2024/25", "G"),
    )),
)  # fmt: skip
NESTED = (("a)", "Level 2 e-learning refresh", "Training Coordinator", "July 2024"),
          ("b)", "Mental Capacity Act masterclasses", "Nadia Osei", "November 2024"))  # fmt: skip


def _bands_table() -> str:
    head = "".join(f"<th>{h}</th>" for h in BAND_HEADER)
    body = []
    for band, rows in BANDS:
        body.append(f'<tr><td colspan="5"><b>{html.escape(band)}</b></td></tr>')
        for ref, task, owner, due, rag in rows:
            text = (
                "<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in task) + "</ul>"
                if isinstance(task, list)
                else html.escape(task)
            )
            mark = f'<span style="color:{MARK[rag]}">&#9632;</span>'
            cells = (ref, text, html.escape(owner), due, mark)
            body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _nested_table() -> str:
    inner = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in NESTED
    )
    nested = f'<table class="inner">{inner}</table>'
    rows = (
        ("1.1", f"Deliver the multi-agency training programme:{nested}", "", "", "G"),
        ("1.2", "Evaluate the impact of training", "Training Coordinator", "March 2025", "A"),
    )
    head = "".join(f"<th>{h}</th>" for h in ("Ref", "Action", "Lead", "Deadline", "RAG"))
    body = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row[:4])
        + f'<td style="background:{RAG[row[4]]}"></td></tr>'
        for row in rows
    )  # fmt: skip
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


NESTED_CSS = BOXED_CSS + "table.inner { width: 96%; margin: 4pt 2%; }"


# Ids in their own column and actions with no full stop: nothing but the id says
# that the first row of page 2 is a new row, not the last one carried on.
CODES = tuple(
    (f"MW{k}", f"Train community champions in mental health first aid, group {k}",
     "Harfield Mind", f"March 202{5 + k % 2}")
    for k in range(1, 31)
)  # fmt: skip


def _codes_table() -> str:
    head = "".join(f"<th>{h}</th>" for h in ("ID", "Activity", "Accountable", "Due"))
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in CODES
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# Each priority a numbered heading before its own boxed table, below the title
# and a key paragraph: nothing but the heading's place and look says it heads
# the first table's rows.
NUMBERED = (
    ("1. Safer town centres", (
        ("1.1", "Extend the night-time economy marshals to Friday evenings", "Town Centre Manager", "G"),
        ("1.2", "Install lighting in the two underpasses named in the audit", "Highways Team", "A"),
    )),
    ("2. Fewer repeat victims", (
        ("2.1", "Offer every repeat victim a named caseworker", "Victim Services Lead", "G"),
        ("2.2", "Share flags for repeat callers between police and housing", "Data Officer", "R"),
    )),
)  # fmt: skip
NUMBERED_KEY = "Status: G – on track; A – at risk of missing the date; R – overdue."


def _numbered_headings() -> str:
    head = "".join(f"<th>{h}</th>" for h in ("Ref", "Action", "Lead", "RAG"))
    parts = [f"<p>{html.escape(NUMBERED_KEY)}</p>"]
    for heading, rows in NUMBERED:
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
        )
        parts.append(
            f"<h2>{html.escape(heading)}</h2>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )
    return "".join(parts)


# One boxed table per priority whose first row is a title merged across it,
# above the header row.
TITLES = (
    "Priority 1: Town centres are safe at night",
    "Priority 2: Fewer people are victimised twice",
)


def _titled_tables() -> str:
    head = "".join(f"<th>{h}</th>" for h in ("Ref", "Action", "Lead", "RAG"))
    parts = []
    for title, (_, rows) in zip(TITLES, NUMBERED, strict=True):
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
        )
        parts.append(
            f'<table><thead><tr><th colspan="4">{html.escape(title)}</th></tr><tr>{head}</tr>'
            f"</thead><tbody>{body}</tbody></table><p></p>"
        )
    return "".join(parts)


# A Gantt strip: quarters under a year, shaded where the action runs (first
# and last quarter shaded, by index), no timeframe column of words.
GANTT = (
    ("Open two more family hubs", "Hubs Programme Lead", (1, 2)),
    ("Recruit peer supporters for new parents", "Infant Feeding Lead", (0, 3)),
    ("Agree the speech and language pathway", "Pathway Group", (2, 2)),
    ("Commission a falls prevention service", "Ageing Well Lead", (1, 3)),
    ("Run a healthy weight campaign in schools", "Public Health Officer", (0, 1)),
    ("Review the carers' breaks offer", "Carers Lead", (3, 3)),
)
GANTT_FILL = "#2F5597"


def _gantt_table() -> str:
    quarters = "".join(f"<th>Q{k}</th>" for k in range(1, 5))
    head = (
        '<tr><th rowspan="2">Action</th><th rowspan="2">Lead officer</th>'
        f'<th colspan="4">2025/26</th></tr><tr>{quarters}</tr>'
    )
    body = []
    for action, lead, (first, last) in GANTT:
        strip = "".join(
            f'<td style="background:{GANTT_FILL}"></td>' if first <= k <= last else "<td></td>"
            for k in range(4)
        )
        body.append(f"<tr><td>{html.escape(action)}</td><td>{html.escape(lead)}</td>{strip}</tr>")
    return f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"


# A Word table with no borders and no shading, band rows merged across it and
# ids only in their own column: only whitespace shows the columns.
BORDERLESS_HEADER = ("No.", "Activity", "Owner", "Partners", "Due", "Status")
BORDERLESS = (
    ("Objective A – Adults at risk are known to the right services early", (
        ("A1", "Map the referral routes from the three hospital discharge teams", "Discharge Lead", "NHS Trust, Carers Hub", "May 2025", "On track"),
        ("A2", "Train GP receptionists to recognise signs of self-neglect", "Primary Care Lead", "", "Autumn 2025", "Delayed"),
    )),
    ("Objective B – Learning from reviews changes what we do", (
        ("B1", "Publish a one-page briefing for each review the board completes", "Review Group Chair", "Communications Team", "Quarterly", "Complete"),
        ("B2", "Audit whether review actions were carried out a year on", "Audit Sub-Group", "", "March 2026", "On track"),
    )),
)  # fmt: skip


def _word_borderless(path: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_paragraph("Eastholme Safeguarding Adults Board Delivery Plan 2025-26")
    document.add_paragraph("Status words: On track, Delayed, Complete.")
    widths = (Cm(1.2), Cm(8.5), Cm(3.8), Cm(4), Cm(2.6), Cm(2.2))
    count = 1 + sum(1 + len(rows) for _, rows in BORDERLESS)
    table = document.add_table(rows=count, cols=len(BORDERLESS_HEADER))  # no style: no borders
    table.autofit = False
    for k, width in enumerate(widths):
        table.columns[k].width = width

    def write(r: int, row: tuple[str, ...], *, bold: bool = False) -> None:
        for k, text in enumerate(row):
            cell = table.cell(r, k)
            cell.width = widths[k]
            run = cell.paragraphs[0].add_run(text)
            run.bold = bold

    write(0, BORDERLESS_HEADER, bold=True)
    r = 1
    for band, rows in BORDERLESS:
        merged = table.cell(r, 0).merge(table.cell(r, len(widths) - 1))
        merged.paragraphs[0].add_run(band).bold = True
        r += 1
        for row in rows:
            write(r, row)
            r += 1
    document.save(str(path))


OVERFLOW_ROWS = (
    ("1.1", "Map the hotspots of serious violence each quarter", "Superintendents", "March 2026"),
    ("1.2", "Agree the information-sharing agreement", "Neighbourhoods", "June 2025"),
    ("1.3", "Train front-door staff in risk assessment", "Jo Brown", "Quarterly"),
)
# A Lead column narrower than its longest words: each runs over the border into
# the Deadline cell, its letters printed over that cell's own.
OVERFLOW_CSS = (
    "body { font-family: Arial, 'Liberation Sans', sans-serif; font-size: 10pt; } "
    "table { border-collapse: collapse; table-layout: fixed; width: 14.5cm; } "
    "th, td { border: 1px solid #000; vertical-align: top; text-align: left; "
    "padding: 2pt 3pt; overflow: visible; overflow-wrap: normal; }"
)


def _overflow_table() -> str:
    widths = "".join(f'<col style="width:{w}cm">' for w in (1.5, 9.0, 1.0, 3.0))
    head = "".join(f"<th>{h}</th>" for h in ("Ref", "Action", "Lead", "Deadline"))
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(t)}</td>" for t in row) + "</tr>"
        for row in OVERFLOW_ROWS
    )
    return f"<table><colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _page(title: str, css: str, body: str) -> str:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{css}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )


def documents() -> dict[str, str]:
    """Each Chromium document's HTML, by file stem."""
    by_priority = [ROWS[:9], ROWS[9:18], ROWS[18:]]
    titles = PRIORITIES
    return {
        # one table over three pages; <thead> repeated on each page; RAG as cell fills
        "chrome-boxed": _page("Safeguarding Partnership Workplan 2024-25", BOXED_CSS,
                              _table(ROWS, rag_fill=True)),
        # booktabs rules only, RAG as letters
        "chrome-ruled": _page("Community Safety Partnership Action Plan 2024-25", RULED_CSS,
                              _table(ROWS, rag_fill=False)),
        # a boxed header over a body with no rules: the line strategy finds only the header
        "chrome-header-boxed": _page("Children's Partnership Sub-Group Workplan 2024-25",
                                     HEADER_BOXED_CSS, _table(ROWS[:12], rag_fill=False)),
        # rules only, with bands across the table, drawn bullets and coloured squares
        "chrome-bands": _page("Westmere Safeguarding Adults Board Action Table", RULED_CSS,
                              _bands_table()),
        # a table of sub-actions inside a cell: pdfplumber finds it as a table of its own
        "chrome-nested": _page("Fenwick Safeguarding Adults Board Delivery Plan", NESTED_CSS,
                               _nested_table()),
        # id codes in a column, no full stops, over a page break
        "chrome-codes": _page("Harfield Health and Wellbeing Board Delivery Plan", BOXED_CSS,
                              _codes_table()),
        # rows free to break over a page: a row cut in two, the <thead> repeated between
        "chrome-split": _page("Safeguarding Partnership Workplan 2024-25",
                              BOXED_CSS.replace("break-inside: avoid", "break-inside: auto"),
                              _table(SPLIT_ROWS, rag_fill=True)),
        # the same, ruled by rows only
        "chrome-ruled-split": _page("Community Safety Partnership Action Plan 2024-25",
                                    RULED_CSS + "tr { break-inside: auto; }",
                                    _table(SPLIT_ROWS, rag_fill=False)),
        # no rules at all: a heading and a header before each priority's part
        "chrome-plain-headings": _page(
            "Health and Wellbeing Board Delivery Plan 2024-25", _BASE_CSS,
            "".join(f"<h2>{t}</h2>" + _table(rows, rag_fill=False)
                    for t, rows in zip(PRIORITIES, PLAIN_PARTS, strict=True))
            + "<h2>Next steps</h2><p>Reviewed in March.</p>",
        ),
        # numbered headings (``1. ...``) before each part, a key paragraph above the first
        "chrome-numbered-headings": _page(
            "Eastbridge Community Safety Partnership Action Plan 2025-26", BOXED_CSS,
            _numbered_headings(),
        ),
        # a title row merged across each table above its header row
        "chrome-titled-tables": _page(
            "Eastbridge Community Safety Partnership Action Plan 2025-26", BOXED_CSS,
            _titled_tables(),
        ),
        # a Gantt strip of shaded quarters under a year, the only timeframe
        "chrome-gantt": _page("Ellwood Health and Wellbeing Board Delivery Plan", BOXED_CSS,
                              _gantt_table()),
        # words wider than their column, running over the cell border
        "chrome-overflow": _page("Crossfield Community Safety Partnership Action Plan 2025-26",
                                 OVERFLOW_CSS, _overflow_table()),
        # a heading before each priority's part; only the first part has a header
        "chrome-headings": _page(
            "Health and Wellbeing Board Delivery Plan 2024-25", BOXED_CSS,
            "".join(f"<h2>{t}</h2>" + _table(rows, rag_fill=True, header=k == 0)
                    for k, (t, rows) in enumerate(zip(titles, by_priority, strict=True))),
        ),
    }  # fmt: skip


def _reportlab(stem: str, *, between_rows: bool) -> None:
    """A booktabs table drawn with stroked lines: top, mid and bottom rules, and (``between_rows``)
    a thin rule under each row."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    data = [[Paragraph(f"<b>{h}</b>", body) for h in HEADER]]
    data += [[Paragraph(html.escape(c), body) for c in row] for row in ROWS[:14]]
    commands = [
        ("LINEABOVE", (0, 0), (-1, 0), 1.5, colors.black),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 1.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if between_rows:
        commands.append(("LINEBELOW", (0, 1), (-1, -2), 0.25, colors.grey))
    table = Table(data, colWidths=[120, 330, 140, 80, 40], repeatRows=1)
    table.setStyle(TableStyle(commands))
    doc = SimpleDocTemplate(str(HERE / f"{stem}.pdf"), pagesize=landscape(A4))
    title = Paragraph("Safeguarding Adults Board Strategic Plan 2024-25", styles["Title"])
    doc.build([title, Spacer(1, 12), table])


def _word_nested(path: Path) -> None:
    """A Word file: a nested table in an Action cell, a narrow Status column, and the
    table carried on below in a second table without its header."""
    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_paragraph("Ashdown Community Safety Partnership Action Plan 2024-25")
    header = ("Ref", "Action", "Lead", "Due", "Status")
    widths = (Cm(1.2), Cm(8), Cm(3.2), Cm(2.4), Cm(1.2))
    first = [
        ("1.1", "Deliver the multi-agency training programme:", "", "", "On track"),
        ("1.2", "Evaluate the impact of training", "Training Coordinator", "March 2025", "Delayed"),
    ]
    second = [
        ("1.3", "Publish the annual report", "Board Manager", "September 2024", "Complete"),
        ("1.4", "Hold a development day for the Board", "Board Manager", "TBC", "On track"),
    ]
    for rows, with_header in ((first, True), (second, False)):
        table = document.add_table(rows=len(rows) + with_header, cols=5)
        table.style = "Table Grid"
        table.autofit = False
        lines = ([header] if with_header else []) + rows
        for k, width in enumerate(widths):
            table.columns[k].width = width
        for r, row in enumerate(lines):
            for k, text in enumerate(row):
                table.cell(r, k).text = text
                table.cell(r, k).width = widths[k]
        if with_header:
            cell = table.cell(1, 1)
            inner = cell.add_table(rows=len(NESTED), cols=4)
            inner.style = "Table Grid"
            inner.autofit = False
            inner_widths = (Cm(0.8), Cm(3.8), Cm(2.4), Cm(1.6))
            for k, width in enumerate(inner_widths):
                inner.columns[k].width = width
            for r, sub in enumerate(NESTED):
                for k, text in enumerate(sub):
                    inner.cell(r, k).text = text
                    inner.cell(r, k).width = inner_widths[k]
            cell.add_paragraph("")
        document.add_paragraph("")
    document.save(str(path))


def _libreoffice(source: Path) -> None:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(HERE), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip


def _chromium(stem: str, text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{stem}.html"
        source.write_text(text, encoding="utf-8")
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={HERE / (stem + '.pdf')}", source.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip


def main(only: set[str]) -> None:
    """Make every document, or those whose stems are in ``only``."""

    def wanted(stem: str) -> bool:
        return not only or stem in only

    for stem, text in documents().items():
        if wanted(stem):
            _chromium(stem, text)
            print(stem)
    for stem, between in (("reportlab-rules", True), ("reportlab-booktabs", False)):
        if wanted(stem):
            _reportlab(stem, between_rows=between)
            print(stem)
    for stem, build in (("libreoffice-nested", _word_nested),
                        ("libreoffice-borderless", _word_borderless)):  # fmt: skip
        if wanted(stem):
            with tempfile.TemporaryDirectory() as tmp:
                source = Path(tmp) / f"{stem}.docx"
                build(source)
                _libreoffice(source)
            print(stem)


if __name__ == "__main__":
    main(set(sys.argv[1:]))
