"""Where sessions come from: paths, folders, glob patterns and standard input, opened for reading.

:func:`expand` turns what a user names (files, folders, patterns, ``-``) into
a sorted list of session files; :func:`open_source` opens one of them (plain
or gzip, told by content) as a :class:`Source`, whose lines are read with a
bounded length.  A source that cannot be read raises :class:`InputError`,
whose message is one line.
"""

from __future__ import annotations

import contextlib
import glob
import io
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterator
from typing import IO, Any

from ._errors import RespmodelError
from ._stream import GZIP_MAGIC, MAX_LINE, LineTooLong, bounded_lines, open_path

__all__ = ["STDIN", "InputError", "Source", "expand", "open_source"]

STDIN = "-"
HEAD = 64 * 1024
"""How much of an input is looked at first for NUL bytes, to tell binary data from JSON text."""
SUFFIXES = (".jsonl", ".jsonl.gz")
"""The files a folder contributes (every one below it, at any depth)."""
_GLOB_CHARS = frozenset("*?[")


class InputError(RespmodelError):
    """An input cannot be read as a session; the message is one line."""


def expand(specs: list[str] | tuple[str, ...]) -> list[str]:
    """The session files named by ``specs``: files, folders (their ``*.jsonl`` and
    ``*.jsonl.gz``, sorted), glob patterns (sorted matches) and ``-`` (standard input)."""
    out: list[str] = []
    for spec in specs:
        spec = os.fspath(spec)
        if spec == STDIN:
            out.append(spec)
        elif os.path.isdir(spec):
            found = sorted(
                os.path.join(root, name)
                for root, _, names in os.walk(spec)
                for name in names
                if name.endswith(SUFFIXES)
            )
            if not found:
                raise InputError(f"{spec}: is a directory with no *.jsonl or *.jsonl.gz files")
            out.extend(found)
        elif os.path.lexists(spec) or not _GLOB_CHARS.intersection(spec):
            out.append(spec)
        else:
            matches = sorted(m for m in glob.glob(spec, recursive=True) if not os.path.isdir(m))
            if not matches:
                raise InputError(f"{spec}: no file matches")
            out.extend(matches)
    return out


class Source:
    """An opened input: a name for messages, its lines, and what is known about its size."""

    def __init__(
        self,
        name: str,
        f: IO[bytes],
        *,
        path: str | None = None,
        size: int | None = None,
        position: Callable[[], int] | None = None,
    ) -> None:
        self.name = name
        self.file = f
        self.path = path
        """A regular, uncompressed file: ``--jobs`` may split it into byte ranges."""
        self.size = size
        """The size on disk (compressed, for gzip), when known."""
        self.position = position
        """Where reading is on disk (a gzip file's compressed position), when known."""
        self.lines: int = 0
        self.bytes: int = 0

    def check_head(self) -> None:
        """Refuse binary data: NUL bytes near the start (JSON text never holds one)."""
        peek = getattr(self.file, "peek", None)
        if peek is None:
            return
        try:
            head = peek(HEAD)[:HEAD]
        except (EOFError, zlib.error, OSError) as exc:
            raise InputError(f"{self.name}: cannot read: {exc}") from None
        if b"\x00" in head:
            raise InputError(f"{self.name}: binary data, not JSON lines")

    def done_on_disk(self) -> int:
        """How far reading is, in bytes of the file as stored."""
        return self.position() if self.position is not None else self.bytes

    def iter_lines(
        self, max_line: int = MAX_LINE, progress: Callable[[Source], None] | None = None
    ) -> Iterator[bytes | LineTooLong]:
        """Every line (at most ``max_line`` bytes each), counted in ``lines`` and ``bytes``."""
        n = b = 0
        try:
            for line in bounded_lines(self.file, max_line):
                n += 1
                b += len(line) if type(line) is bytes else line.size  # type: ignore[union-attr]
                if not n & 1023:
                    self.lines, self.bytes = n, b
                    if progress is not None:
                        progress(self)
                yield line
        except (EOFError, zlib.error, OSError) as exc:
            raise InputError(f"{self.name}: cannot read: {exc}") from None
        finally:
            self.lines, self.bytes = n, b


@contextlib.contextmanager
def open_source(spec: str | None, name: str | None = None) -> Iterator[Source]:
    """Open a session: a path, ``-`` (standard input), or None (the bundled sample)."""
    if spec is None:
        from importlib.resources import as_file, files

        sample = "sample_session.jsonl"
        with (
            as_file(files("respmodel") / "data" / sample) as path,
            _open_file(str(path), f"{sample} (the bundled sample)") as src,
        ):
            yield src
        return
    if spec == STDIN:
        stdin: Any = sys.stdin.buffer
        if not hasattr(stdin, "peek"):
            stdin = io.BufferedReader(stdin)
        if stdin.peek(2)[:2] == GZIP_MAGIC:
            import gzip

            stdin = gzip.GzipFile(fileobj=stdin, mode="rb")
        src = Source(name or "<stdin>", stdin)
        src.check_head()
        yield src
        return
    with _open_file(spec, name or spec) as src:
        yield src


@contextlib.contextmanager
def _open_file(path: str, name: str) -> Iterator[Source]:
    if os.path.isdir(path):
        raise InputError(f"{name}: is a directory")
    try:
        f = open_path(path)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot open: {exc.strerror or exc}") from None
    with f:
        raw: Any = getattr(f, "_raw_file", None)
        st = os.fstat((raw or f).fileno())
        if not stat.S_ISREG(st.st_mode):  # a pipe or a device: read it as a stream
            src = Source(name, f)
        elif raw is None:
            src = Source(name, f, path=path, size=st.st_size)
        else:
            src = Source(name, f, size=st.st_size, position=raw.tell)
        src.check_head()
        yield src
