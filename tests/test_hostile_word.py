"""Crafted Word packages: DTDs, entity tricks and broken XML are named failures, never lost text.

Each document is a tiny workplan built here, with one XML part of its zip
rewritten. Word itself refuses a package whose XML has a DTD (ECMA-376 Part 2,
[M1.18]: "shall treat the presence of DTD declarations as an error").
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import INBOX
from docx_build import add_endnotes, save, workplan
from openpyxl import load_workbook

from ingest.cli import main
from ingest.run import ingest_file
from normalise import load_settings
from parsers import parse
from parsers.errors import DocumentError
from parsers.word import read_grids

ROW = ["Children are safe", "1.1 Train staff", "Ann Lee", "2024"]

# Ten entities each ten times the one before: 10**9 characters if expanded.
LAUGHS = '<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {c} "{f"&{p};" * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)
BROKEN = b'<?xml version="1.0" encoding="UTF-8"?>\n<root><unclosed></root>'
MISMATCH = "Opening and ending tag mismatch: unclosed line 2 and root, line 2, column 24"


def _dtd(part: str) -> str:
    return (
        f"{part} contains an XML document type declaration (DTD), which Word documents never have "
        "(Word refuses to open the file, and its entities can hide or change text): "
        "ask its author for a copy saved from Word and drop that in instead"
    )


def _malformed(part: str, detail: str = MISMATCH) -> str:
    return (
        f"malformed XML in {part} ({detail}): the file is damaged; "
        "open it in Word, which offers to repair it, save it and drop it in again"
    )


def _attack(part: str, detail: str) -> str:
    return (
        f"{part} declares XML entities that expand without bound "
        f"(an entity expansion or 'billion laughs' attack: {detail}): "
        "this is not a real Word document; do not open it, "
        "and ask its author for a copy saved from Word"
    )


def _patched(
    tmp_path: Path, part: str, change: Callable[[bytes], bytes], document: Any = None
) -> Path:
    """``document`` (a one-row workplan) with its zip member ``part`` rewritten by ``change``."""
    built = save(document or workplan([ROW]), tmp_path, "built.docx")
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(built) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, change(data) if item.filename == part else data)
    built.unlink()
    return path


def _with_doctype(subset: str, old: str = "", new: str = "") -> Callable[[bytes], bytes]:
    """Put ``<!DOCTYPE root [subset]>`` after the XML declaration, and replace ``old``."""

    def change(data: bytes) -> bytes:
        declaration, body = data.decode("utf-8").split("\n", 1)  # python-docx's layout
        root = body[1 : body.index(" ")]
        body = body.replace(old, new, 1) if old else body
        return f"{declaration}\n<!DOCTYPE {root} [{subset}]>{body}".encode()

    return change


def _problem(path: Path) -> str:
    with pytest.raises(DocumentError) as caught:
        parse(path)
    assert str(caught.value) == f"plan.docx: {caught.value.problem}"
    return caught.value.problem


def test_declared_entity_in_a_word_run_fails_the_file_instead_of_losing_text(
    tmp_path: Path,
) -> None:
    # Read as-is, the Impact was "Children of " and the rest of the run was lost.
    path = _patched(
        tmp_path,
        "word/document.xml",
        _with_doctype(
            '<!ENTITY org "the Partnership">',
            "Children are safe",
            "Children of &org; are safe and well",
        ),
    )
    assert _problem(path) == _dtd("word/document.xml")
    with pytest.raises(DocumentError, match="contains an XML document type declaration"):
        read_grids(path)


@pytest.mark.parametrize(
    "part",
    ["word/styles.xml", "word/numbering.xml", "word/theme/theme1.xml", "docProps/core.xml"],
)
def test_dtd_in_any_part_that_is_read_fails_the_file(tmp_path: Path, part: str) -> None:
    path = _patched(tmp_path, part, _with_doctype('<!ENTITY x "y">'))
    assert _problem(path) == _dtd(part)


@pytest.mark.parametrize(
    "part",
    [
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/theme/theme1.xml",
        "docProps/core.xml",
        "[Content_Types].xml",
        "word/_rels/document.xml.rels",
    ],
)
def test_malformed_xml_in_a_part_is_a_named_failure(tmp_path: Path, part: str) -> None:
    path = _patched(tmp_path, part, lambda _: BROKEN)
    assert _problem(path) == _malformed(part)


def test_malformed_xml_in_an_endnote_part_is_a_named_failure(tmp_path: Path) -> None:
    document = workplan([ROW])
    add_endnotes(document, {1: "A note"})
    path = _patched(tmp_path, "word/endnotes.xml", lambda _: BROKEN, document)
    assert _problem(path) == _malformed("word/endnotes.xml")


@pytest.mark.parametrize(
    ("subset", "entity", "detail"),
    [
        (LAUGHS, "&i;", "Maximum entity amplification factor exceeded, line 1, column 4"),
        (
            '<!ENTITY a "&b;"><!ENTITY b "&a;">',
            "&a;",
            "Detected an entity reference loop, line 1, column 4",
        ),
    ],
    ids=["billion laughs", "entity loop"],
)
def test_entity_expansion_attack_is_named(
    tmp_path: Path, subset: str, entity: str, detail: str
) -> None:
    change = _with_doctype(subset, "Children are safe", f"Children {entity} safe")
    path = _patched(tmp_path, "word/document.xml", change)
    assert _problem(path) == _attack("word/document.xml", detail)


def test_billion_laughs_in_the_content_types_is_named(tmp_path: Path) -> None:
    types = (
        f'<?xml version="1.0"?>\n<!DOCTYPE Types [{LAUGHS}]>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml&i;" ContentType="application/xml"/></Types>'
    )
    path = _patched(tmp_path, "[Content_Types].xml", lambda _: types.encode())
    assert _problem(path) == _attack(
        "[Content_Types].xml", "Maximum entity amplification factor exceeded, line 2, column 489"
    )


def test_xml_nested_beyond_the_parser_limit_is_named(tmp_path: Path) -> None:
    deep = (
        '<?xml version="1.0"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + "<w:p>" * 300
        + "</w:p>" * 300
        + "</w:document>"
    )
    path = _patched(tmp_path, "word/document.xml", lambda _: deep.encode())
    assert _problem(path) == (
        "word/document.xml is too large or too deeply nested to read safely "
        "(Excessive depth in document: 256, line 2, column 1363): "
        "open it in Word, save it again and drop it in again"
    )


def test_a_crafted_word_file_is_a_failed_row_not_an_internal_error(tmp_path: Path) -> None:
    path = _patched(tmp_path, "word/styles.xml", lambda _: BROKEN)
    record = ingest_file(path, load_settings(), datetime(2026, 1, 1)).source
    assert (record.result, record.message) == ("Failed", _malformed("word/styles.xml"))


def test_crafted_word_files_fail_and_the_rest_of_the_run_reaches_the_register(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "ess-2023-24.pdf", inbox / "ess-2023-24.pdf")
    crafted = {
        "entity.docx": ("word/document.xml", _with_doctype('<!ENTITY x "y">')),
        "broken.docx": ("word/numbering.xml", lambda _: BROKEN),
        "laughs.docx": (
            "word/document.xml",
            _with_doctype(LAUGHS, "Children are safe", "Children &i; safe"),
        ),
    }
    for name, (part, change) in crafted.items():
        (tmp_path / name).mkdir()
        _patched(tmp_path / name, part, change).rename(inbox / name)
    register = tmp_path / "register.xlsx"
    assert main(["run", "--inbox", str(inbox), "--register", str(register)]) == 1
    assert "3 file(s) failed" in capsys.readouterr().out
    rows = list(load_workbook(register)["Sources"].iter_rows(values_only=True))
    header = list(rows[0])
    result, message = header.index("Result"), header.index("Message")
    sources = {Path(str(r[0])).name: (r[result], r[message]) for r in rows[1:]}
    assert sources == {
        "ess-2023-24.pdf": ("Ingested", sources["ess-2023-24.pdf"][1]),
        "entity.docx": ("Failed", _dtd("word/document.xml")),
        "broken.docx": ("Failed", _malformed("word/numbering.xml")),
        "laughs.docx": (
            "Failed",
            _attack(
                "word/document.xml",
                "Maximum entity amplification factor exceeded, line 1, column 4",
            ),
        ),
    }
    assert load_workbook(register)["Actions"].max_row == 1 + 15


def test_parse_command_on_a_malformed_word_file_is_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _patched(tmp_path, "word/document.xml", lambda _: BROKEN)
    assert main(["parse", str(path)]) == 2
    assert capsys.readouterr().err == f"workplans: plan.docx: {_malformed('word/document.xml')}\n"
