"""Opening a Word package safely: every way it can be bad is a named ``DocumentError``.

A legacy or encrypted ``.doc``, something that is not a zip, a package
python-docx cannot read, and XML parts that are not well-formed, declare a
DTD or hold entities that expand without bound each fail the file with a
message naming the part. Word itself refuses any DTD in a package (ECMA-376
Part 2, [M1.18]: "shall treat the presence of DTD declarations as an error"),
and the parser keeps a declared entity as a node of its own, so reading past
one would silently lose the text after it.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from lxml import etree

from parsers.errors import DocumentError, head_of

Element = Any  # an lxml element; python-docx's oxml classes are untyped

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_SUFFIXES = (".xml", ".rels")


def open_document(path: Path) -> Any:
    """The python-docx ``Document`` of the Word file at ``path``, every XML part checked.

    Raises ``DocumentError`` for a legacy or password-protected file, a file
    that is not a Word package, a damaged package, or a part with malformed
    XML, a DTD or an entity expansion attack.
    """
    head = head_of(path, 8)
    if head == _OLE_MAGIC:
        body = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in body:
            raise DocumentError(
                path, "password-protected Word file: remove the password and drop it in again"
            )
        raise DocumentError(
            path,
            "legacy Word 97-2003 document (.doc): open it in Word, save it as .docx and drop it in again",
        )
    if not zipfile.is_zipfile(path):
        raise DocumentError(
            path, "not a Word file (not a .docx zip package): save it as .docx and drop it in again"
        )
    try:
        document = docx.Document(str(path))
    except etree.XMLSyntaxError as e:
        raise xml_error(path, e, failing_part(path, e)) from e
    except (PackageNotFoundError, ValueError, zipfile.BadZipFile) as e:
        raise DocumentError(path, f"not a Word document: {e}") from e
    except KeyError as e:
        if "relationship" in str(e):
            raise DocumentError(
                path,
                "Strict Open XML or non-standard Word package: save it as 'Word Document (.docx)' and drop it in again",
            ) from e
        raise DocumentError(
            path, f"damaged Word package (missing part {e}): open and re-save it in Word"
        ) from e
    check_parts(path, document.part.package)
    return document


def parse_part(path: Path, part: Any) -> Element:
    """The root element of a package part python-docx keeps as bytes (theme, notes).

    Raises ``DocumentError`` naming the part when it is not well-formed XML or
    declares a DTD.
    """
    name = part_name(part)
    try:
        root = parse_xml(part.blob)
    except etree.XMLSyntaxError as e:
        raise xml_error(path, e, name) from e
    if has_dtd(root):
        raise DocumentError(path, dtd_problem(name))
    return root


def check_parts(path: Path, package: Any) -> None:
    """Refuse a package any of whose parsed XML parts declares a DTD.

    Raises ``DocumentError`` naming the first such part.
    """
    for part in package.iter_parts():
        if isinstance(part, XmlPart) and has_dtd(part.element):
            raise DocumentError(path, dtd_problem(part_name(part)))


def part_name(part: Any) -> str:
    """A part's name as the zip lists it: ``word/document.xml``."""
    return str(part.partname).lstrip("/")


def has_dtd(root: Element) -> bool:
    """Whether the document ``root`` belongs to has a ``<!DOCTYPE ...>``.

    >>> has_dtd(etree.fromstring("<a/>")), has_dtd(etree.fromstring("<!DOCTYPE a><a/>"))
    (False, True)
    """
    info = root.getroottree().docinfo
    return bool(info.doctype) or info.internalDTD is not None


def xml_error(path: Path, error: etree.XMLSyntaxError, part: str | None) -> DocumentError:
    """The named failure for the parser's ``error`` in ``part`` (``None``: not known)."""
    return DocumentError(path, xml_problem(error, part or "one of its XML parts"))


def xml_problem(error: etree.XMLSyntaxError, part: str) -> str:
    """What went wrong reading ``part``, and what to do, by the kind of parser error.

    An entity loop or amplification is an attack, a resource limit a part too
    big or too deep, anything else a damaged file.
    """
    detail = readable(str(error.msg))
    code = _code(error)
    if code == etree.ErrorTypes.ERR_ENTITY_LOOP or "amplification" in detail.lower():
        return (
            f"{part} declares XML entities that expand without bound "
            f"(an entity expansion or 'billion laughs' attack: {detail}): "
            "this is not a real Word document; do not open it, "
            "and ask its author for a copy saved from Word"
        )
    if code == etree.ErrorTypes.ERR_NO_MEMORY:
        return f"too large to read: it ran out of memory reading {part}"
    if code == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
        return (
            f"{part} is too large or too deeply nested to read safely ({detail}): "
            "open it in Word, save it again and drop it in again"
        )
    return (
        f"malformed XML in {part} ({detail}): the file is damaged; "
        "open it in Word, which offers to repair it, save it and drop it in again"
    )


def _code(error: etree.XMLSyntaxError) -> int:
    """libxml2's error number (lxml sets ``code``; its type stubs leave it out)."""
    return int(getattr(error, "code", 0))


def readable(message: str) -> str:
    """The parser's message without its hints to programmers (parser options to set).

    >>> readable("Excessive depth in document: 256, use XML_PARSE_HUGE option, line 2, column 9")
    'Excessive depth in document: 256, line 2, column 9'
    """
    pieces = " ".join(message.split()).split(", ")
    return ", ".join(p for p in pieces if "XML_PARSE_" not in p and "xmlCtxt" not in p)


def dtd_problem(part: str) -> str:
    """The message for a part that declares a DTD."""
    return (
        f"{part} contains an XML document type declaration (DTD), which Word documents never have "
        "(Word refuses to open the file, and its entities can hide or change text): "
        "ask its author for a copy saved from Word and drop that in instead"
    )


def failing_part(path: Path, error: etree.XMLSyntaxError) -> str | None:
    """The XML part of the zip at ``path`` that gives the parser this same ``error``.

    Only called once python-docx has failed, to name the part in the message;
    ``None`` when no part (or no readable zip) reproduces it.
    """
    wanted = str(error.msg)
    try:
        with zipfile.ZipFile(path) as package:
            names = [n for n in package.namelist() if n.lower().endswith(_XML_SUFFIXES)]
            return next((n for n in names if _error_of(package.read(n)) == wanted), None)
    except (OSError, zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError):
        # a member the zip module cannot inflate (bad data, unknown method, encrypted):
        # the message then goes without the part's name
        return None


def _error_of(data: bytes) -> str | None:
    """The parser's message for ``data``, or ``None`` when it parses."""
    try:
        parse_xml(data)
    except etree.XMLSyntaxError as e:
        return str(e.msg)
    return None
