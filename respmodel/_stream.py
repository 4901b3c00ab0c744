"""Streams of server events: a recorded session, line by line, with line numbers.

:func:`iter_events` reads a JSON Lines file (plain or gzip), a file object, or
any iterable of lines or frames, and yields one record per non-blank line:
an :class:`EventRecord` for a line that decodes, an :class:`ErrorRecord` for
one that does not.  A bad line never stops the stream.  Nothing is read
ahead: memory stays flat however long the session is.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any, ClassVar, Literal, cast

import attrs
import orjson

from ._converter import Case, is_camel
from ._errors import DecodeError, ErrorDetail, RespmodelError
from ._events import ServerEvent, event_decoder
from ._json import _parse
from ._numbers import decode_strictly
from ._response import Response

__all__ = ["ErrorRecord", "EventRecord", "iter_events"]

GZIP_MAGIC = b"\x1f\x8b"
MAX_LINE = 16 * 1024 * 1024
"""The default longest line read, in bytes (newline included); a longer one is a bad line."""


@attrs.frozen
class EventRecord:
    """A line that decoded: its number (from 1) and its event.

    ``event`` is a server event, or a :class:`respmodel.Response` for a line
    that holds a bare response resource (no ``type``, ``"object":
    "realtime.response"``), as recorders that keep only responses write.
    """

    line: int
    """The line's number in the source, counted from 1 (blank lines count)."""
    event: ServerEvent | Response
    """The decoded event, or a ``Response`` for a line that holds a bare response."""
    ok: ClassVar[Literal[True]] = True
    """Always true; typed ``Literal[True]`` so that checkers tell the records apart.

    mypy narrows ``EventRecord | ErrorRecord`` on ``if record.ok:``, pyright
    on ``if record.ok is True:``.
    """


@attrs.frozen
class ErrorRecord:
    """A line that did not decode: its number (from 1) and every problem found in it."""

    line: int
    """The line's number in the source, counted from 1 (blank lines count)."""
    errors: tuple[ErrorDetail, ...]
    """The problems found in the line (at least one), each with its JSON path."""
    unlisted: int = 0
    """How many more problems were found than ``errors`` lists (see ``DecodeError.unlisted``)."""
    ok: ClassVar[Literal[False]] = False
    """Always false; typed ``Literal[False]`` (see ``EventRecord.ok``)."""

    @property
    def path(self) -> str:
        """The JSON path of the first problem (``$`` when the line is not JSON)."""
        return self.errors[0].path

    @property
    def message(self) -> str:
        """The message of the first problem."""
        return self.errors[0].message

    def __str__(self) -> str:
        lines = [f"line {self.line}: {e}" for e in self.errors]
        if self.unlisted:
            lines.append(f"line {self.line}: ... and {self.unlisted} more problems")
        return "\n".join(lines)


def _is_blank(line: Any) -> bool:
    try:
        return not bytes(line).strip() if isinstance(line, memoryview) else not line.strip()
    except (AttributeError, TypeError):
        return False


class LineTooLong:
    """Stands for a line longer than the limit, skipped without being kept in memory."""

    __slots__ = ("limit", "size")

    def __init__(self, size: int, limit: int) -> None:
        self.size, self.limit = size, limit

    def detail(self) -> ErrorDetail:
        return ErrorDetail(
            "$", f"line too long: {self.size:,} bytes, more than the limit of {self.limit:,}"
        )


def bounded_lines(f: IO[bytes], limit: int = MAX_LINE) -> Iterator[bytes | LineTooLong]:
    """The lines of a binary file, each at most ``limit`` bytes; a longer one is skipped.

    In its place comes a :class:`LineTooLong`, so that line numbers stay right
    and memory stays bounded however long a line (or a file without newlines) is.
    """
    readline = f.readline
    cap = limit + 1
    while True:
        line = readline(cap)
        if len(line) <= limit:
            if not line:
                return
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield LineTooLong(size, limit)


_new = object.__new__
_set_line = EventRecord.__dict__["line"].__set__
_set_event = EventRecord.__dict__["event"].__set__


def decode_lines(
    lines: Iterable[Any], camel: bool, strict: bool, first: int = 1
) -> Iterator[EventRecord | ErrorRecord]:
    """The records of ``lines``, numbered from ``first``; blank lines are skipped."""
    decode = event_decoder(camel, strict, responses=True)
    loads = orjson.loads
    n = first - 1
    for line in lines:
        n += 1
        try:
            event = decode_strictly(decode, loads(line), line) if strict else decode(loads(line))
        except orjson.JSONDecodeError:
            if line.__class__ is LineTooLong:
                yield ErrorRecord(n, (line.detail(),))
                continue
            if _is_blank(line):
                continue
            try:
                _parse(line)  # the DecodeError that loads would raise, with its message
            except DecodeError as exc:
                yield ErrorRecord(n, exc.errors)
            continue
        except RespmodelError as exc:
            yield ErrorRecord(n, _details(exc), getattr(exc, "unlisted", 0))
            continue
        except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
            # A decoder bug must not end the stream and lose the lines after it:
            # the line is reported as bad, with what went wrong.
            yield ErrorRecord(n, (ErrorDetail("$", f"cannot decode: {type(exc).__name__}: {exc}"),))
            continue
        # An EventRecord without __init__: this loop runs once per event of a session.
        record = _new(EventRecord)
        _set_line(record, n)
        _set_event(record, event)
        yield record


def _details(exc: RespmodelError) -> tuple[ErrorDetail, ...]:
    errors = getattr(exc, "errors", None)
    if errors:
        return tuple(errors)
    return (ErrorDetail("$", str(exc)),)


def open_path(path: str | os.PathLike[str]) -> IO[bytes]:
    """A binary file over ``path``, decompressed if it is gzip (told by its first bytes)."""
    f: Any = open(path, "rb")  # noqa: SIM115 - closed by the caller
    try:
        if f.peek(2)[:2] == GZIP_MAGIC:
            return cast("IO[bytes]", _GzipReader(f))
    except BaseException:
        f.close()
        raise
    return f  # type: ignore[no-any-return]


class _GzipReader(gzip.GzipFile):
    """A GzipFile that also closes the file it reads from."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__(fileobj=raw, mode="rb")
        self._raw_file = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw_file.close()


def _closing(
    records: Iterator[EventRecord | ErrorRecord], f: IO[bytes]
) -> Iterator[EventRecord | ErrorRecord]:
    with f:
        yield from records


def iter_events(
    source: str | os.PathLike[str] | IO[bytes] | IO[str] | Iterable[bytes | str],
    *,
    case: Case = "snake",
    strict: bool = False,
    max_line: int = MAX_LINE,
) -> Iterator[EventRecord | ErrorRecord]:
    """Decode a recorded session line by line, yielding a record per non-blank line.

    ``source`` is a path (``.jsonl``, or gzip-compressed: recognised by its
    content, whatever its name), a file object (binary or text; a binary one
    holding gzip is decompressed), or any iterable of lines or frames (bytes
    or str, one JSON document each).  Each line decodes like
    :func:`respmodel.loads_event`, or to a :class:`respmodel.Response` when it
    holds a bare response resource.  A line that does not decode yields an
    :class:`ErrorRecord` with its line number and problems, and the stream
    goes on.  Blank lines are skipped (but counted in line numbers).  A path
    is opened at once (a missing file raises here) and closed when the
    iteration ends; a line of it longer than ``max_line`` bytes (16 MiB by
    default) is an :class:`ErrorRecord`, skipped without being read into memory.
    """
    camel, strict = is_camel(case), bool(strict)
    if isinstance(source, (str, os.PathLike)):
        f = open_path(source)
        return _closing(decode_lines(bounded_lines(f, max_line), camel, strict), f)
    if isinstance(source, (bytes, bytearray, memoryview)):
        raise TypeError(
            "iter_events takes a path, a file object or an iterable of lines, not "
            f"{type(source).__name__}; split the text into lines first (.splitlines())"
        )
    if isinstance(source, io.BufferedReader) and source.peek(2)[:2] == GZIP_MAGIC:
        source = gzip.GzipFile(fileobj=source, mode="rb")
    return decode_lines(source, camel, strict)
