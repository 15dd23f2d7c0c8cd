"""Reading a file's records as a stream: line by line from the zip, each checked as it comes.

Nothing holds a whole member in memory: a member is read in chunks (``Package.chunks``, which
checks its size and SHA-256 against the signed manifest when the last chunk is read), cut into
lines, and each line is parsed and checked against the table's rules (``records.validate_row``)
before the next is read. A preview or an import therefore needs memory for a batch of rows, not for
the file.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from .package import Package
from ..validation import row_passes
from .records import KIND_LABELS, OMITTED_WHEN_NULL, SCALED, ExchangeError, stored_form, validate_row

_DECODER = json.JSONDecoder()
MAX_LINE = 16 * 1024 * 1024  # a record of a dozen fields of at most 200,000 characters each fits


def lines(package: Package, member: str, label: str) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) of every non-blank line of ``member``; nothing when it is absent.
    Raises :class:`ExchangeError` for a line over :data:`MAX_LINE` bytes (16 MiB) and as
    :meth:`Package.chunks` does (a member longer than declared, altered or unreadable)."""
    if member not in package.members:
        return
    pending = b""
    number = 0
    for chunk in package.chunks(member):
        pending += chunk
        if b"\n" not in chunk:
            if len(pending) > MAX_LINE:
                raise ExchangeError(f"ข้อมูล{label}ในไฟล์ {package.path.name} มีบรรทัดยาวเกินกำหนด ไฟล์นี้อาจเสียหาย")
            continue
        *complete, pending = pending.split(b"\n")
        for line in complete:
            number += 1
            if line and not line.isspace():  # what line.strip() says, without a copy of the line
                yield number, line
    if pending.strip():
        yield number + 1, pending


def parse(package: Package, label: str, number: int, line: bytes) -> Any:
    """The JSON value on line ``number`` of a member (``label`` names its kind in Thai for the
    message). Raises :class:`ExchangeError` for a line that is not JSON, not UTF-8 or nested too
    deep."""
    try:
        if line[:2] == b'{"':
            # What json.loads does with bytes that begin so (detect_encoding says UTF-8 then),
            # without finding that out again for every line.
            return _DECODER.decode(line.decode("utf-8", "surrogatepass"))
        return json.loads(line)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise ExchangeError(
            f"ข้อมูล{label} บรรทัดที่ {number} ในไฟล์ {package.path.name} อ่านไม่ได้ ไฟล์นี้อาจเสียหาย"
        ) from None


def rows(package: Package, table: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, Any], int]]:
    """(line number, row, bytes of its line) of ``table``'s member, each row checked against
    ``columns`` and the table's rules; raises :class:`ExchangeError` at the first bad one."""
    for number, row, line in rows_with_lines(package, table, columns):
        yield number, row, len(line)


def rows_with_lines(package: Package, table: str, columns: tuple[str, ...], *,
                    member: str | None = None) -> Iterator[tuple[int, dict[str, Any], bytes]]:
    """(line number, row, its line's bytes) of ``table``'s member (``records/<table>.jsonl``, or
    ``member``: the owners' versions a relay carries, ``relayed.py``), checked as :func:`rows`
    checks them (the line: to digest it as read, see ``seals.line_digest``)."""
    label = KIND_LABELS[table]
    names = frozenset(columns)
    passes = row_passes(table, columns)
    decode = _DECODER.decode
    # A column left out when null (a history row without typed text: half a school's rows) is
    # put back as None before the one-call check, as validate_row would put it back.
    optional = tuple(name for name in OMITTED_WHEN_NULL.get(table, ()) if name in names)
    scaled = any(key[0] == table for key in SCALED)
    for number, line in lines(package, member or f"records/{table}.jsonl", label):
        # parse() and validate_row() for the usual line and row, inline (each row of a school's
        # file passed through three calls more); anything else goes through them, which say why.
        row = None
        if line[:2] == b'{"':
            try:
                row = decode(line.decode("utf-8", "surrogatepass"))
            except (ValueError, RecursionError):
                pass
        if row is None:
            row = parse(package, label, number, line)
        if scaled:
            row = stored_form(table, row)  # an amount in the old unit (records.SCALED)
        if optional and type(row) is dict and row.keys() != names:
            for name in optional:
                if name not in row:
                    row[name] = None
        if type(row) is dict and row.keys() == names and passes(row):
            yield number, row, line
        else:
            yield number, validate_row(table, number, row, columns), line
