"""When a document says it was last saved: the order of a workplan's versions.

Word keeps it in its core properties (``docProps/core.xml``), a PDF in its
information dictionary (``ModDate``, else ``CreationDate``). Both are given
back in UTC without a zone, so the two compare; ``None`` when the document
does not say, or says something unreadable.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

# D:YYYYMMDDHHmmSS then Z or an offset +HH'mm'; everything after the year may be left off.
_PDF_DATE = re.compile(
    r"(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?"
)


def saved_at_word(core_properties: Any) -> datetime | None:
    """When Word last saved the document, from python-docx's ``core_properties``, in UTC."""
    try:
        when = core_properties.modified
    except ValueError:  # a malformed date in docProps/core.xml
        return None
    if not isinstance(when, datetime):
        return None
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when


def saved_at_pdf(metadata: dict[str, Any]) -> datetime | None:
    """The PDF's ``ModDate`` (else ``CreationDate``) in UTC.

    >>> saved_at_pdf({"ModDate": "D:20231123095401+01'00'"})
    datetime.datetime(2023, 11, 23, 8, 54, 1)
    """
    for name in ("ModDate", "CreationDate"):
        value = metadata.get(name)
        if isinstance(value, bytes):
            value = value.decode("latin-1", "replace")
        match = _PDF_DATE.match(value.strip()) if isinstance(value, str) else None
        if match is None:
            continue
        year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups()[:6])
        try:
            when = datetime(year, month or 1, day or 1, hour, minute, second)
        except ValueError:
            continue
        if match.group(8):
            offset = timedelta(hours=int(match.group(9)), minutes=int(match.group(10) or 0))
            when = when - offset if match.group(8) == "+" else when + offset
        return when
    return None
