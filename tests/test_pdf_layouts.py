"""PDF layouts beyond the samples: browser-made PDFs, rules-only tables, headings between parts.

The PDFs are in ``tests/files/pdf/``, made by ``tests/files/pdf/make.py`` from
the rows it holds (``ROWS``), so each test compares what was read with what was
written.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from parsers import parse
from parsers.model import Grid, GridCell, RawTable, Role
from parsers.pdf_grid import better, explains
from parsers.pdf_headings import heads_first_part
from parsers.pdf_tagged import marked_chars, read_tagged, structure_tree, tagged_tables
from parsers.pdf_text_columns import crosses
from parsers.pdf_words import Line, Word

FILES = Path(__file__).resolve().parent / "files" / "pdf"
_spec = importlib.util.spec_from_file_location("make_pdfs", FILES / "make.py")
assert _spec is not None and _spec.loader is not None
make = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make)

ROLES = (Role.IMPACT, Role.ACTION, Role.LEAD, Role.TIMEFRAME, Role.STATUS)
FILL = {"G": "92D050", "A": "FFC000", "R": "FF0000"}


def _texts(table: RawTable) -> list[tuple[str | None, ...]]:
    return [tuple(c.text for c in row) for row in table.rows]


def _written(rows: list[tuple[str, ...]], *, letters: bool) -> list[tuple[str, ...]]:
    """The rows as written: RAG as a letter, or (shown as a fill) an empty cell."""
    return [(*row[:4], row[4] if letters else "") for row in rows]


def test_browser_pdf_whose_rules_are_filled_rectangles_reads_like_a_ruled_table() -> None:
    raw = parse(FILES / "chrome-boxed.pdf")
    table = raw.tables[0]
    assert table.method == "lines"
    assert table.header == make.HEADER and table.roles == ROLES
    assert table.pages == (1, 2)
    # the <thead> Chromium repeats on page 2 is dropped; every row is read once
    assert _texts(table) == _written(make.ROWS, letters=False)
    assert [row[4].fill for row in table.rows] == [FILL[r[4]] for r in make.ROWS]
    assert {c.fill for row in table.rows for c in row[:4]} == {None}
    assert raw.title_lines == ("Safeguarding Partnership Workplan 2024-25",)


def test_table_ruled_by_horizontal_lines_only_takes_its_columns_from_the_header() -> None:
    raw = parse(FILES / "chrome-ruled.pdf")
    table = raw.tables[0]
    assert table.method == "rules"
    assert table.header == make.HEADER and table.roles == ROLES
    assert table.pages == (1, 2)
    # header cells only 8pt apart (``Timeframe``, ``RAG``) are two columns
    assert _texts(table) == _written(make.ROWS, letters=True)
    assert raw.trailing_text == ()


def test_stroked_row_rules_from_a_second_producer() -> None:
    table = parse(FILES / "reportlab-rules.pdf").tables[0]
    assert table.method == "rules"
    assert table.pages == (1, 2)
    assert _texts(table) == _written(make.ROWS[:14], letters=True)


def test_booktabs_with_no_rule_between_rows_is_read_from_text_alignment() -> None:
    raw = parse(FILES / "reportlab-booktabs.pdf")
    table = raw.tables[0]
    # the rules reading holds every row in one cell; the text reading keeps them apart
    assert table.method == "text"
    assert [(r[1].text or "").split()[0] for r in table.rows] == [
        r[1].split()[0] for r in make.ROWS[:14]
    ]
    assert [r[4].text for r in table.rows] == [r[4] for r in make.ROWS[:14]]
    assert any(n.startswith("read by text: ") and "rules " in n for n in raw.notes)


def test_a_header_found_with_an_empty_body_never_wins_over_a_reading_of_the_rows() -> None:
    raw = parse(FILES / "chrome-header-boxed.pdf")
    table = raw.tables[0]
    # only the header is boxed: the line strategy finds it, with nothing under it
    assert any("lines 0 words in 0" in n for n in raw.notes)
    # the structure tree and the text alignment both read every row; the tree comes first
    assert table.method == "tagged"
    assert table.header == make.HEADER
    assert [(r[1].text, r[2].text, r[3].text, r[4].text) for r in table.rows] == [
        r[1:] for r in make.ROWS[:12]
    ]


def test_the_chosen_strategy_and_the_others_are_logged_and_a_drawn_one_needs_no_note(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level("INFO", logger="parsers.pdf"):
        notes = parse(FILES / "chrome-ruled.pdf").notes
    assert [r.getMessage() for r in caplog.records if r.getMessage().startswith("read by ")] == [
        "read by rules: 763 words in 107 body cells (tagged 763 words in 107, text 763 words in 107)"
    ]
    assert not [n for n in notes if n.startswith("read by ")]


def test_priority_headings_between_parts_of_the_table_go_into_headings() -> None:
    raw = parse(FILES / "chrome-headings.pdf")
    table = raw.tables[0]
    assert table.headings == (
        (0, "Priority 1: Safe at home"),
        (9, "Priority 2: Safe in the community"),
        (18, "Priority 3: A partnership that learns"),
    )
    # three tables, the second over a page break, the later ones with no header: one table
    assert table.method == "lines" and table.pages == (1, 2)
    assert _texts(table) == _written(make.ROWS, letters=False)
    assert not any("not a workplan table" in n for n in raw.notes)
    assert raw.trailing_text == ()
    assert raw.title_lines == ("Health and Wellbeing Board Delivery Plan 2024-25",)


def _tagged_rows(path: Path) -> list[list[Any]]:
    with pdfplumber.open(path) as pdf:
        tree = structure_tree(pdf.doc, {p.page_obj.pageid: p.page_number for p in pdf.pages})
        chars: dict[tuple[int, int], list[dict[str, Any]]] = {}
        for page in pdf.pages:
            chars.update(marked_chars(page.page_number, page.chars))
        table = read_tagged(tagged_tables(tree)[0], chars, {})
    assert table is not None
    return [[c.text if c else None for c in row] for row in table.rows]


@pytest.mark.parametrize("name", ["chrome-boxed.pdf", "chrome-ruled.pdf"])
def test_chromium_tags_place_cells_by_their_header_and_the_repeated_thead_once(name: str) -> None:
    rows = _tagged_rows(FILES / name)
    assert rows[0] == list(make.HEADER)  # not "Impact Impact": <thead> is tagged on each page
    # Chromium leaves empty cells out of the tree, naming each cell's header cell;
    # a ligature's own marked span inside a cell no longer cuts the cell's text short
    written = _written(make.ROWS, letters=name == "chrome-ruled.pdf")
    assert [tuple(r) for r in rows[1:]] == written


def test_bands_across_a_rules_only_table_are_one_cell_spanning_it() -> None:
    table = parse(FILES / "chrome-bands.pdf").tables[0]
    assert table.method == "rules" and table.header == make.BAND_HEADER
    bands = [r for r in table.rows if r[0].col_span == 5]
    assert [r[0].text for r in bands] == [band for band, _ in make.BANDS]
    assert all(c.text is None for r in bands for c in r[1:])
    assert [r[0].text for r in table.rows if r[0].col_span == 1] == ["A1", "A2", "A3", "A4"]


def test_list_bullets_drawn_as_shapes_start_lines_of_their_cell() -> None:
    table = parse(FILES / "chrome-bands.pdf").tables[0]
    a2 = next(r for r in table.rows if r[0].text == "A2")
    assert a2[1].text == "• Recruit two experts by experience\n• Pay them for their time"


def test_status_shown_as_a_coloured_square_is_the_cell_fill() -> None:
    table = parse(FILES / "chrome-bands.pdf").tables[0]
    marks = [r[4] for r in table.rows if r[0].col_span == 1]
    assert [c.fill for c in marks] == [
        make.MARK[row[4]].lstrip("#").upper() for _, rows in make.BANDS for row in rows
    ]
    assert table.roles[4] is Role.STATUS


NESTED_TEXT = (
    "Deliver the multi-agency training programme:\n"
    "• a) Level 2 e-learning refresh — Training Coordinator — July 2024\n"
    "• b) Mental Capacity Act masterclasses — Nadia Osei — November 2024"
)


@pytest.mark.parametrize("name", ["chrome-nested.pdf", "libreoffice-nested.pdf"])
def test_table_nested_in_a_cell_becomes_lines_of_that_cell(name: str) -> None:
    # Chromium's nested table is a table of its own inside the cell; LibreOffice's
    # rules join the outer grid, adding rows and columns that are folded away
    table = parse(FILES / name).tables[0]
    assert len(table.header) == 5
    first = table.rows[0]
    assert first[1].text == NESTED_TEXT and first[1].nested
    assert [r[0].text for r in table.rows][:2] == ["1.1", "1.2"]
    assert all(len(r) == 5 for r in table.rows)


def test_table_carried_on_below_without_its_header_on_the_same_page() -> None:
    raw = parse(FILES / "libreoffice-nested.pdf")
    table = raw.tables[0]
    # the second table is not taken for a row cut by a page break: 1.2 and 1.3 stay apart
    assert [r[0].text for r in table.rows] == ["1.1", "1.2", "1.3", "1.4"]
    assert [r[1].text for r in table.rows][1:] == [
        "Evaluate the impact of training",
        "Publish the annual report",
        "Hold a development day for the Board",
    ]


def test_word_broken_at_a_letter_in_a_narrow_column_is_joined() -> None:
    table = parse(FILES / "libreoffice-nested.pdf").tables[0]
    # the Status column is too narrow for its words: "Statu/s", "Com/plet/e", "On/trac/k"
    assert table.header[4] == "Status"
    assert [r[4].text for r in table.rows] == ["On track", "Delayed", "Complete", "On track"]


def test_row_with_its_own_id_at_the_top_of_a_page_is_not_joined_to_the_row_above() -> None:
    table = parse(FILES / "chrome-codes.pdf").tables[0]
    assert table.pages == (1, 2)
    assert [tuple(c.text for c in r) for r in table.rows] == list(make.CODES)


@pytest.mark.parametrize(
    ("name", "method"), [("chrome-split.pdf", "lines"), ("chrome-ruled-split.pdf", "rules")]
)
def test_row_cut_by_a_page_break_with_no_rule_under_it_is_one_row(name: str, method: str) -> None:
    # Chromium draws no foot under the part of a row left on page 1; the rest
    # follows the repeated <thead> on page 2
    table = parse(FILES / name).tables[0]
    assert table.method == method and table.pages == (1, 2)
    assert _texts(table) == _written(make.SPLIT_ROWS, letters=method == "rules")
    cut = next(r for r in table.rows if (r[1].text or "").startswith("1.7 "))
    assert cut[1].provenance.pages == (1, 2)
    if method == "lines":
        assert [row[4].fill for row in table.rows] == [FILL[r[4]] for r in make.SPLIT_ROWS]


def test_text_reading_passes_headings_and_repeated_headers_between_parts() -> None:
    # no rules at all: each priority a heading, then the header again, then its rows
    raw = parse(FILES / "chrome-plain-headings.pdf")
    table = raw.tables[0]
    assert table.method == "text"
    assert table.headings == (
        (0, make.PRIORITIES[0]),
        (4, make.PRIORITIES[1]),
        (8, make.PRIORITIES[2]),
    )
    assert [r[1].text for r in table.rows] == [row[1] for part in make.PLAIN_PARTS for row in part]
    # a heading followed by prose, not by the table, ends it
    assert raw.trailing_text == ("Next steps", "Reviewed in March.")


def test_a_reading_is_measured_by_the_words_of_its_body_not_by_repeated_headers() -> None:
    header = ("Ref", "Action", "Lead")
    table = Grid(header, (Role.ID, Role.ACTION, Role.LEAD), ())
    table.rows = [
        [
            GridCell("A1", None, {1}),
            GridCell("Agree a protocol", None, {1}),
            GridCell("Jo Bloggs", None, {1}),
        ],
        [GridCell("Ref", None, {2}), GridCell("Action", None, {2}), GridCell("Lead", None, {2})],
        [GridCell("", None, {2}), GridCell(None, None, {2}), GridCell("Sam", None, {2})],
    ]
    assert explains(table) == (7, 4)
    empty = Grid(header, table.roles, ())
    assert explains(empty) == (0, 0)
    # a header with an empty body never wins; a reading merging rows loses to one keeping them
    assert better((7, 4), explains(empty)) and not better((0, 0), (7, 4))
    assert better((100, 25), (100, 10)) and not better((100, 12), (100, 10))


def test_borderless_word_table_with_bands_and_ids_in_their_own_column_is_read() -> None:
    # LibreOffice's export of a Word table with no borders and no shading: a
    # band row merged across comes straight after the header, and a row starts
    # where its id stands in the id column (the action text has none)
    raw = parse(FILES / "libreoffice-borderless.pdf")
    table = raw.tables[0]
    assert table.method == "text"
    assert table.header == make.BORDERLESS_HEADER
    assert table.roles[0] is Role.ID
    bands = [band for band, _ in make.BORDERLESS]
    assert table.headings == ((0, bands[0]), (2, bands[1]))
    assert _texts(table) == [row for _, rows in make.BORDERLESS for row in rows]


def test_band_line_whose_words_sit_either_side_of_a_column_edge_is_not_a_row() -> None:
    # ``Priority`` ends just before the Action column's edge and ``Two`` starts at
    # it: no word runs over the edge, but a space, not cell padding, parts them
    edges = [42.6, 79.5, 377.1]

    def line(*words: tuple[str, float, float]) -> Line:
        return Line(tuple(Word(t, x0, x1, 100, 110, 10.0) for t, x0, x1 in words))

    band = line(("Priority", 42.6, 77.5), ("Two", 80.3, 100.2), ("–", 103.0, 108.6))
    row = line(("2.1", 42.6, 56.5), ("Audit", 79.5, 104.0), ("Board", 377.1, 404.8))
    assert crosses(band, edges)
    assert not crosses(row, edges)


def test_numbered_heading_just_above_the_first_part_heads_its_rows() -> None:
    # below the title and a key paragraph, ``1. ...`` is set like the ``2. ...``
    # found between the parts: it heads the first rows, as they head theirs
    raw = parse(FILES / "chrome-numbered-headings.pdf")
    table = raw.tables[0]
    assert table.headings == ((0, make.NUMBERED[0][0]), (2, make.NUMBERED[1][0]))
    assert raw.title_lines == (
        "Eastbridge Community Safety Partnership Action Plan 2025-26",
        make.NUMBERED_KEY,
    )
    assert [r[0].text for r in table.rows] == ["1.1", "1.2", "2.1", "2.2"]


def test_title_or_key_line_just_above_the_table_is_not_its_heading() -> None:
    def line(text: str, size: float = 13.0, *, bold: bool = True) -> Line:
        return Line(tuple(Word(t, 0, 10, 0, 10, size, bold=bold) for t in text.split()))

    between = [line("2. Fewer repeat victims"), line("3. Safer roads")]
    title = line("1. Community Safety Partnership Action Plan")
    assert not heads_first_part(title, 10.0, between, title=title)
    assert not heads_first_part(line("Key: G – on track; R – overdue"), 10.0, between, title=None)
    assert not heads_first_part(line("Action plan", 15.0), 10.0, between, title=None)
    # unnumbered where the headings between are numbered: a subtitle, not the first priority
    assert not heads_first_part(line("Our actions"), 10.0, between, title=None)
    assert heads_first_part(line("1. Safer town centres"), 10.0, between, title=None)
    # with no headings between, only a line naming a priority heads the table
    assert not heads_first_part(line("1. Safer town centres"), 10.0, [], title=None)
    assert heads_first_part(line("Priority 1: Safer town centres", 10.0), 10.0, [], title=None)
    # a title straight above a single table is still the title
    assert parse(FILES / "chrome-boxed.pdf").tables[0].headings == ()


def test_title_row_merged_across_a_part_above_its_header_heads_the_part() -> None:
    raw = parse(FILES / "chrome-titled-tables.pdf")
    table = raw.tables[0]
    assert table.headings == ((0, make.TITLES[0]), (2, make.TITLES[1]))
    assert [r[0].text for r in table.rows] == ["1.1", "1.2", "2.1", "2.2"]
    assert not any("not a workplan table" in n for n in raw.notes)


def test_gantt_strip_of_shaded_quarters_is_the_timeframe_not_a_status() -> None:
    raw = parse(FILES / "chrome-gantt.pdf")
    table = raw.tables[0]
    assert table.method == "lines"
    assert table.roles == (Role.ACTION, Role.LEAD, Role.OTHER, Role.OTHER, Role.OTHER,
                           Role.TIMEFRAME)  # fmt: skip
    assert [r[0].text for r in table.rows] == [action for action, _, _ in make.GANTT]
    spans = [(r[-1].text or "").split(" 2025/26")[0] for r in table.rows]
    assert spans == [
        f"Q{a + 1}" if a == b else f"Q{a + 1} - Q{b + 1}" for _, _, (a, b) in make.GANTT
    ]
    assert not any(c.fill for row in table.rows for c in row[2:])  # shading is no status


def test_a_second_header_row_of_sub_labels_read_as_a_row_explains_nothing() -> None:
    # text alignment took ``Q1 Q2 Q3 Q4`` under ``2025/26`` for a body row: text
    # in a column the register does not use only, which must not outscore the drawn reading
    header = ("Action", "Lead", "2025/26")
    table = Grid(header, (Role.ACTION, Role.LEAD, Role.OTHER), ())
    table.rows = [
        [GridCell("", None, {1}), GridCell("", None, {1}), GridCell("Q1 Q2 Q3 Q4", None, {1})],
        [GridCell("Open a hub", None, {1}), GridCell("Jo", None, {1}), GridCell("", None, {1})],
    ]
    assert explains(table) == (4, 2)
