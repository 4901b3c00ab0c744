"""Writing rows (one per finished response) to CSV, JSON Lines or Parquet, chosen by extension.

Every output file is written to a temporary file beside it and renamed into
place once complete: a failure (a full disk, an interrupt) never leaves a
half-written file behind.  Parquet needs ``pyarrow`` (the ``respmodel[parquet]``
extra), imported only when a ``.parquet`` file is asked for.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from typing import IO, Any

import orjson

from ._sources import InputError
from ._summary import ROW_FIELDS

__all__ = ["atomic_output", "row_writer"]

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[IO[bytes]]:
    """A binary file that appears at ``path`` only once everything was written to it.

    A path that is not a regular file (``/dev/stdout``, a pipe) is written in place.
    """
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        special = False
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if special:
        try:
            f = open(path, "wb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        try:
            with f:
                yield f
        except OSError as exc:
            raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        return
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".respmodel-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise InputError(
            f"{path}: cannot write: {exc.strerror or exc} (nothing was written)"
        ) from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


class _CsvRows:
    def __init__(self, f: IO[bytes]) -> None:
        self.text = io.TextIOWrapper(f, encoding="utf-8", newline="", write_through=False)
        self.writer = csv.writer(self.text)
        self.writer.writerow(ROW_FIELDS)

    def write(self, rows: list[list[Any]]) -> None:
        self.writer.writerows(["" if v is None else v for v in row] for row in rows)

    def close(self) -> None:
        self.text.flush()
        self.text.detach()


class _JsonlRows:
    def __init__(self, f: IO[bytes]) -> None:
        self.f = f

    def write(self, rows: list[list[Any]]) -> None:
        dumps = orjson.dumps
        self.f.write(
            b"".join(dumps(dict(zip(ROW_FIELDS, row, strict=True))) + b"\n" for row in rows)
        )

    def close(self) -> None:
        pass


class _ParquetRows:
    def __init__(self, f: IO[bytes]) -> None:
        try:
            import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]
            import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]
        except ImportError:
            raise InputError(
                "writing Parquet needs pyarrow: pip install 'respmodel[parquet]'"
            ) from None
        types = {"file": pa.string(), "line": pa.int64(), "cost": pa.float64()}
        self.schema = pa.schema(
            [
                (name, types.get(name, pa.int64() if name.endswith("_tokens") else pa.string()))
                for name in ROW_FIELDS
            ]
        )
        self.pa = pa
        self.writer = pq.ParquetWriter(f, self.schema)

    def write(self, rows: list[list[Any]]) -> None:
        if rows:
            columns = list(zip(*rows, strict=True))
            self.writer.write_table(
                self.pa.Table.from_arrays(
                    [
                        self.pa.array(c, type=t.type)
                        for c, t in zip(columns, self.schema, strict=True)
                    ],
                    schema=self.schema,
                )
            )

    def close(self) -> None:
        self.writer.close()


def format_of(path: str) -> str:
    """``csv``, ``jsonl`` or ``parquet``, by the file's extension."""
    for ext, kind in FORMATS.items():
        if path.lower().endswith(ext):
            return kind
    raise InputError(f"{path}: unknown rows format: use .csv, .jsonl or .parquet")


@contextlib.contextmanager
def row_writer(path: str) -> Iterator[Any]:
    """A writer of row batches (``write(rows)``) into ``path``, in the format of its extension."""
    kind = format_of(path)
    if kind == "parquet":  # fail before anything is read, not at the end
        try:
            import pyarrow.parquet  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401
        except ImportError:
            raise InputError(
                "writing Parquet needs pyarrow: pip install 'respmodel[parquet]'"
            ) from None
    with atomic_output(path) as f:
        writer: Any = {"csv": _CsvRows, "jsonl": _JsonlRows, "parquet": _ParquetRows}[kind](f)
        yield writer
        writer.close()
