"""Numbers that JSON text holds but parsing cannot keep: what strict decoding reports.

orjson reads an integer from -2**63 to 2**64-1 as that integer and every
other number as the nearest 64-bit float.  Two kinds of number therefore
change on the way in: an integer beyond that range (``18446744073709551616``
reads as ``1.8446744073709552e+19``) and a number too small for a float
(``1e-400`` reads as ``0.0``); a number too large for one (``1e400``) is
refused by orjson itself.  A float's last digits beyond what a 64-bit float
holds are rounding, not a change of value, and are not reported.

Lenient decoding keeps what orjson gives (an integer field refuses the
float, and salvage reports that).  Strict decoding reports every such
number, wherever it is, with its JSON path: ``lossy_numbers`` finds them.
It must read the text itself, which costs about as much again as parsing,
so it looks twice: a quick scan of the bytes for anything that could be
such a number (a run of 19 digits, or an exponent of three digits), and
only when that finds one, a second parse with Python's ``json`` module,
which hands over each number's text.
"""

from __future__ import annotations

from typing import Any

from ._check import key_path
from ._errors import DecodeError, ErrorDetail
from ._kinds import INT_MAX, INT_MIN

__all__ = ["decode_strictly", "lossy_numbers"]


def _table() -> bytes:
    """The text with every digit made "0", "e"/"E" made "e", "+"/"-" made "-", the rest spaces."""
    table = bytearray(b" " * 256)
    for digit in b"0123456789":
        table[digit] = ord("0")
    for byte, to in ((b"e", b"e"), (b"E", b"e"), (b"+", b"-"), (b"-", b"-")):
        table[byte[0]] = to[0]
    return bytes(table)


_TABLE = _table()
_SIGNS = (b"0" * 19, b"0e000", b"0e-000")
"""What a lossy number looks like after ``_TABLE``: 19 digits in a row, or a 3-digit exponent."""


def _suspect(data: bytes) -> bool:
    text = data.translate(_TABLE)
    return any(sign in text for sign in _SIGNS)


class _Lossy:
    """A number whose text parsing changes, standing in for it in the second parse."""

    __slots__ = ("text", "why")

    def __init__(self, text: str, why: str) -> None:
        self.text, self.why = text, why


def _int(text: str) -> Any:
    # int() refuses over 4,300 digits (and takes long on many): no such integer fits.
    if len(text) > 21 or not INT_MIN <= int(text) <= INT_MAX:
        return _Lossy(text, "an integer beyond -2**63 to 2**64-1, which is read as a float")
    return 0


def _float(text: str) -> Any:
    mantissa = text.lower().partition("e")[0]
    if float(text) == 0.0 and mantissa.strip("-+0.") != "":
        return _Lossy(text, "a number too small for a 64-bit float, which is read as 0.0")
    return 0.0


def _shown(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:39]}… ({len(text)} characters)"


def lossy_numbers(data: Any) -> list[ErrorDetail]:
    """Every number of JSON text ``data`` (already parsed once by orjson) that parsing changes."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if not _suspect(raw):
        return []
    import json  # only here: most input never gets this far

    try:
        tree = json.loads(raw, parse_int=_int, parse_float=_float)
    except (ValueError, RecursionError):  # what orjson reads and json not: nothing to say
        return []
    found: list[ErrorDetail] = []
    todo: list[tuple[Any, str]] = [(tree, "$")]
    while todo:
        value, path = todo.pop()
        if isinstance(value, _Lossy):
            message = f"the number {_shown(value.text)} cannot be read exactly: {value.why}"
            found.append(ErrorDetail(path, message))
        elif isinstance(value, dict):
            todo.extend((v, key_path(path, k)) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            todo.extend((v, f"{path}[{i}]") for i, v in reversed(list(enumerate(value))))
    return found


def decode_strictly(decode: Any, value: Any, data: Any) -> Any:
    """``decode(value)`` for strict decoding of text ``data``: its lossy numbers are problems too."""
    lossy = lossy_numbers(data)
    if not lossy:
        return decode(value)
    try:
        decode(value)
    except DecodeError as exc:
        raise DecodeError([*exc.errors, *lossy]) from None
    raise DecodeError(lossy)
