"""The ``respmodel`` command: decode, convert and validate recorded sessions.

``respmodel decode`` summarises a session (JSON Lines of server events, or of
bare responses): events by type, responses by status, token usage, function
and MCP calls, bad lines.  ``respmodel convert`` rewrites a session in the
other key style, line by line; ``respmodel validate`` lists every problem.
Exit status: 0 when all is well, 1 when ``validate`` (or ``convert``) found
lines it could not decode, 2 for bad usage or input that cannot be read.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import itertools
import multiprocessing
import os
import stat
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import IO, Any

import orjson

from ._converter import is_camel
from ._errors import DecodeError
from ._events import GenericEvent, ResponseDoneEvent, event_decoder
from ._items import FunctionCallItem, McpCallItem
from ._json import _parse, dumps
from ._response import Response
from ._stream import ErrorRecord, decode_lines, open_path

__all__ = ["main"]

PROG = "respmodel"
SAMPLE = "sample_session.jsonl"
LARGE = 16 * 1024 * 1024
"""Inputs at least this large (in bytes) get a progress bar, when stderr is a terminal."""
HEAD = 64 * 1024
"""How much of the input is looked at first, to tell JSON text from binary data."""
CHUNK_BYTES = 4 * 1024 * 1024
"""Lines per task, in bytes, when ``--jobs`` splits an input that cannot be seeked (stdin, gzip)."""
MAX_ERRORS_SHOWN = 20


class InputError(Exception):
    """The input cannot be read as a session; the message is one line."""


# --------------------------------------------------------------------------- input


class Input:
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
        """A regular, uncompressed file: ``--jobs`` splits it by byte ranges."""
        self.size = size
        """The size on disk (compressed, for gzip), when known."""
        self.position = position
        """Where reading is, on disk (for the progress bar of a gzip file)."""
        self.lines = 0
        self.bytes = 0
        self._head = b""

    def check_head(self) -> None:
        """Read the first lines and refuse binary data (NUL bytes, or text that is not UTF-8)."""
        try:
            head = self.file.read(HEAD)
            if head and not head.endswith(b"\n"):
                head += self.file.readline()
        except (EOFError, zlib.error, OSError) as exc:
            raise InputError(f"{self.name}: cannot read: {exc}") from None
        if b"\x00" in head:
            raise InputError(f"{self.name}: binary data, not JSON lines")
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{self.name}: binary data, not UTF-8 JSON lines") from None
        self._head = head

    def iter_lines(self, progress: Progress | None = None) -> Iterator[bytes]:
        """Every line, counting lines and bytes (in ``lines`` and ``bytes`` once exhausted)."""
        n = b = 0
        head, self._head = self._head, b""
        sources: list[Iterable[bytes]] = [io.BytesIO(head), self.file] if head else [self.file]
        try:
            for source in sources:
                for line in source:
                    n += 1
                    b += len(line)
                    if progress is not None and not n & 1023:
                        progress.update(b)
                    yield line
        except (EOFError, zlib.error, OSError) as exc:
            raise InputError(f"{self.name}: cannot read: {exc}") from None
        finally:
            self.lines, self.bytes = n, b


@contextlib.contextmanager
def open_input(spec: str | None) -> Iterator[Input]:
    """The input named on the command line: a path, ``-`` (stdin), or None (the sample)."""
    if spec is None:
        from importlib.resources import as_file, files

        with (
            as_file(files("respmodel") / "data" / SAMPLE) as path,
            _open_path(str(path), f"{SAMPLE} (the bundled sample)") as inp,
        ):
            yield inp
        return
    if spec == "-":
        stdin: Any = sys.stdin.buffer
        if not hasattr(stdin, "peek"):
            stdin = io.BufferedReader(stdin)
        if stdin.peek(2)[:2] == b"\x1f\x8b":
            import gzip

            stdin = gzip.GzipFile(fileobj=stdin, mode="rb")
        inp = Input("<stdin>", stdin)
        inp.check_head()
        yield inp
        return
    with _open_path(spec, spec) as inp:
        yield inp


@contextlib.contextmanager
def _open_path(path: str, name: str) -> Iterator[Input]:
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
            inp = Input(name, f)
        elif raw is None:
            inp = Input(name, f, path=path, size=st.st_size)
        else:
            inp = Input(name, f, size=st.st_size, position=raw.tell)
        inp.check_head()
        yield inp


# --------------------------------------------------------------------------- progress


class Progress:
    """A one-line progress bar on a terminal, redrawn at most ten times a second."""

    def __init__(
        self, stream: IO[str], total: int, position: Callable[[], int] | None = None
    ) -> None:
        self.stream, self.total, self.position = stream, total, position
        self.start = self.last = time.perf_counter()
        self.drawn = False

    @classmethod
    def maybe(cls, stream: IO[str], inp: Input) -> Progress | None:
        """A progress bar for a large input, when ``stream`` is a terminal; otherwise None."""
        if inp.size is None or inp.size < LARGE:
            return None
        try:
            if not stream.isatty():
                return None
        except (AttributeError, ValueError):
            return None
        return cls(stream, inp.size, inp.position)

    def update(self, done: int) -> None:
        now = time.perf_counter()
        if now - self.last < 0.1:
            return
        self.last = now
        if self.position is not None:
            done = self.position()
        frac = min(done / self.total, 1.0) if self.total else 1.0
        width = 30
        filled = int(frac * width)
        rate = done / max(now - self.start, 1e-9) / 1e6
        self.stream.write(
            f"\r{PROG}: [{'#' * filled}{'.' * (width - filled)}] {frac:4.0%}  {rate:6.1f} MB/s"
        )
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()
            self.drawn = False


# --------------------------------------------------------------------------- the summary


def _n(value: Any) -> int:
    return value if value.__class__ is int else 0


USAGE_KEYS = (
    "total",
    "input",
    "output",
    "text",
    "audio",
    "cached",
    "input_text",
    "input_audio",
    "output_text",
    "output_audio",
)


class Summary:
    """What ``decode`` reports; partial summaries of consecutive parts merge in order."""

    def __init__(self) -> None:
        self.lines = 0
        self.bytes = 0
        self.by_type: dict[Any, int] = {}
        self.statuses: dict[str, list[Any]] = {}  # status -> [count, {reason: count}]
        self.usage = dict.fromkeys(USAGE_KEYS, 0)
        self.usage_responses = 0
        self.function_calls: collections.Counter[str] = collections.Counter()
        self.mcp_calls: collections.Counter[str] = collections.Counter()
        self.errors: list[tuple[int, str, str]] = []
        self.bad_lines = 0

    def add_records(self, records: Iterable[Any]) -> None:
        """Count every record (the loop every event of a session goes through)."""
        by_type = self.by_type
        get = by_type.get
        for rec in records:
            if rec.__class__ is ErrorRecord:
                self.bad_lines += 1
                self.errors.extend((rec.line, e.path, e.message) for e in rec.errors)
                continue
            ev = rec.event
            cls = ev.__class__
            if cls is GenericEvent:
                t = ev.type
            elif cls is Response:
                t = "realtime.response"
                self.add_response(ev)
            else:
                t = cls.type
                if cls is ResponseDoneEvent:
                    self.add_response(ev.response)
            by_type[t] = get(t, 0) + 1

    def add_response(self, r: Response | None) -> None:
        """Count a finished response: its status and reason, usage and calls."""
        if r is None:
            return
        status = r.status if r.status is not None else "(none)"
        entry = self.statuses.get(status)
        if entry is None:
            entry = self.statuses[status] = [0, {}]
        entry[0] += 1
        sd = r.status_details
        if sd is not None:
            reason = sd.reason
            if reason is None and sd.error is not None:
                reason = sd.error.code or sd.error.type
            if reason is not None:
                entry[1][reason] = entry[1].get(reason, 0) + 1
        u = r.usage
        if u is not None:
            self.usage_responses += 1
            t = self.usage
            t["total"] += _n(u.total_tokens)
            t["input"] += _n(u.input_tokens)
            t["output"] += _n(u.output_tokens)
            i, o = u.input_token_details, u.output_token_details
            if i is not None:
                t["input_text"] += _n(i.text_tokens)
                t["input_audio"] += _n(i.audio_tokens)
                t["cached"] += _n(i.cached_tokens)
            if o is not None:
                t["output_text"] += _n(o.text_tokens)
                t["output_audio"] += _n(o.audio_tokens)
            t["text"] = t["input_text"] + t["output_text"]
            t["audio"] = t["input_audio"] + t["output_audio"]
        for item in r.output or ():
            if isinstance(item, FunctionCallItem):
                self.function_calls[item.name if item.name is not None else "(no name)"] += 1
            elif isinstance(item, McpCallItem):
                self.mcp_calls[item.name if item.name is not None else "(no name)"] += 1

    def merge(self, other: Summary) -> None:
        """Add the summary of the lines that follow this summary's lines."""
        offset = self.lines
        self.lines += other.lines
        self.bytes += other.bytes
        for t, c in other.by_type.items():
            self.by_type[t] = self.by_type.get(t, 0) + c
        for status, (count, reasons) in other.statuses.items():
            entry = self.statuses.setdefault(status, [0, {}])
            entry[0] += count
            for reason, c in reasons.items():
                entry[1][reason] = entry[1].get(reason, 0) + c
        for k in USAGE_KEYS:
            self.usage[k] += other.usage[k]
        self.usage_responses += other.usage_responses
        self.function_calls.update(other.function_calls)
        self.mcp_calls.update(other.mcp_calls)
        self.bad_lines += other.bad_lines
        self.errors.extend((line + offset, path, msg) for line, path, msg in other.errors)

    @property
    def events(self) -> int:
        return sum(self.by_type.values())

    def to_json(self, source: str) -> dict[str, Any]:
        """The summary as one JSON document (counts sorted, largest first)."""
        by_status = {
            status: {"count": count, "reasons": _ranked(reasons)}
            for status, (count, reasons) in sorted(
                self.statuses.items(), key=lambda kv: (-kv[1][0], kv[0])
            )
        }
        return {
            "source": source,
            "lines": self.lines,
            "bytes": self.bytes,
            "events": self.events,
            "bad_lines": self.bad_lines,
            "events_by_type": _ranked(
                {("(no type)" if t is None else t): c for t, c in self.by_type.items()}
            ),
            "responses": {
                "count": sum(c for c, _ in self.statuses.values()),
                "by_status": by_status,
            },
            "usage": {"responses": self.usage_responses, **self.usage},
            "function_calls": _ranked(self.function_calls),
            "mcp_calls": _ranked(self.mcp_calls),
            "errors": [
                {"line": line, "path": path, "message": msg} for line, path, msg in self.errors
            ],
        }

    def render(self, source: str) -> str:
        """The summary as text for a terminal."""
        doc = self.to_json(source)
        out = [
            f"{source}: {doc['lines']:,} lines, {doc['events']:,} events, "
            f"{doc['bad_lines']:,} bad lines"
        ]
        out.append("")
        out.append("events by type")
        out.extend(_table(doc["events_by_type"]))
        out.append("")
        responses = doc["responses"]
        out.append(f"responses by status ({responses['count']:,} finished)")
        width = max((len(s) for s in responses["by_status"]), default=0)
        for status, entry in responses["by_status"].items():
            reasons = ", ".join(f"{r} {c:,}" for r, c in entry["reasons"].items())
            line = f"  {status:<{width}}  {entry['count']:>8,}"
            out.append(f"{line}   {reasons}" if reasons else line)
        if not responses["by_status"]:
            out.append("  (none)")
        out.append("")
        u = doc["usage"]
        out.append(f"token usage ({u['responses']:,} responses with usage)")
        out.append(f"  {'':<6}  {'total':>10}  {'text':>10}  {'audio':>10}  {'cached':>10}")
        out.append(
            f"  {'input':<6}  {u['input']:>10,}  {u['input_text']:>10,}  "
            f"{u['input_audio']:>10,}  {u['cached']:>10,}"
        )
        out.append(
            f"  {'output':<6}  {u['output']:>10,}  {u['output_text']:>10,}  "
            f"{u['output_audio']:>10,}"
        )
        out.append(f"  {'all':<6}  {u['total']:>10,}  {u['text']:>10,}  {u['audio']:>10,}")
        for title, key in (("function calls", "function_calls"), ("MCP calls", "mcp_calls")):
            out.append("")
            out.append(title)
            out.extend(_table(doc[key]) if doc[key] else ["  (none)"])
        out.append("")
        out.append(f"bad lines ({doc['bad_lines']:,})")
        errors = doc["errors"]
        out.extend(
            f"  line {e['line']}: {e['path']}: {e['message']}" for e in errors[:MAX_ERRORS_SHOWN]
        )
        if len(errors) > MAX_ERRORS_SHOWN:
            out.append(
                f"  ... {len(errors) - MAX_ERRORS_SHOWN:,} more problems "
                f"(respmodel validate lists them all)"
            )
        if not errors:
            out.append("  (none)")
        return "\n".join(out) + "\n"


def _ranked(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _table(counts: dict[str, int]) -> list[str]:
    width = max((len(k) for k in counts), default=0)
    return [f"  {k:<{width}}  {c:>8,}" for k, c in counts.items()]


# --------------------------------------------------------------------------- decoding, in parts


def summarize_lines(lines: Iterable[bytes], camel: bool, strict: bool) -> Summary:
    """The summary of some lines (numbered from 1)."""
    summary = Summary()
    summary.add_records(decode_lines(lines, camel, strict))
    return summary


def summarize_chunk(lines: list[bytes], camel: bool, strict: bool) -> Summary:
    """A worker's task for input that cannot be seeked: lines handed over by the parent."""
    summary = summarize_lines(lines, camel, strict)
    summary.lines = len(lines)
    summary.bytes = sum(map(len, lines))
    return summary


def summarize_range(path: str, start: int, end: int, camel: bool, strict: bool) -> Summary:
    """A worker's task for a regular file: the lines in bytes [start, end) (line-aligned)."""
    with open(path, "rb") as f:
        f.seek(start)
        counted: list[int] = [0, 0]

        def lines() -> Iterator[bytes]:
            left = end - start
            for line in f:
                counted[0] += 1
                counted[1] += len(line)
                yield line
                left -= len(line)
                if left <= 0:
                    break

        summary = summarize_lines(lines(), camel, strict)
    summary.lines, summary.bytes = counted
    return summary


def split_ranges(path: str, size: int, parts: int) -> list[tuple[int, int]]:
    """Cut a file into at most ``parts`` byte ranges, each starting at a line start."""
    bounds = [0]
    with open(path, "rb") as f:
        for i in range(1, parts):
            pos = size * i // parts
            if pos <= bounds[-1]:
                continue
            f.seek(pos - 1)
            f.readline()  # to the end of the line holding byte pos - 1
            start = f.tell()
            if start >= size:
                break
            if start > bounds[-1]:
                bounds.append(start)
    bounds.append(size)
    return list(itertools.pairwise(bounds))


def _chunks(lines: Iterable[bytes]) -> Iterator[list[bytes]]:
    chunk: list[bytes] = []
    size = 0
    for line in lines:
        chunk.append(line)
        size += len(line)
        if size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _in_order(
    pool: ProcessPoolExecutor,
    fn: Callable[..., Summary],
    tasks: Iterable[tuple[Any, ...]],
    window: int,
) -> Iterator[Summary]:
    """Results of ``fn`` over ``tasks``, in order, with at most ``window`` tasks in flight."""
    pending: collections.deque[Future[Summary]] = collections.deque()
    for task in tasks:
        pending.append(pool.submit(fn, *task))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def summarize(
    inp: Input, camel: bool, strict: bool, jobs: int, progress: Progress | None
) -> Summary:
    """Decode the whole input, in ``jobs`` processes; the result does not depend on ``jobs``."""
    if jobs <= 1:
        summary = summarize_lines(inp.iter_lines(progress), camel, strict)
        summary.lines, summary.bytes = inp.lines, inp.bytes
        return summary
    total = Summary()
    # spawn: the same on every OS, and safe whatever threads the caller runs.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        if inp.path is not None and inp.size is not None:
            ranges = split_ranges(inp.path, inp.size, jobs * 4)
            tasks: Iterable[tuple[Any, ...]] = (
                (inp.path, start, end, camel, strict) for start, end in ranges
            )
            for part in _in_order(pool, summarize_range, tasks, jobs * 2):
                total.merge(part)
                if progress is not None:
                    progress.update(total.bytes)
        else:
            tasks = ((chunk, camel, strict) for chunk in _chunks(inp.iter_lines(progress)))
            for part in _in_order(pool, summarize_chunk, tasks, jobs * 2):
                total.merge(part)
    return total


# --------------------------------------------------------------------------- the commands


def cmd_decode(args: argparse.Namespace) -> int:
    camel = is_camel(args.case)
    with open_input(args.file) as inp:
        progress = Progress.maybe(sys.stderr, inp)
        started = time.perf_counter()
        try:
            summary = summarize(inp, camel, args.strict, args.jobs, progress)
        finally:
            if progress is not None:
                progress.close()
        elapsed = max(time.perf_counter() - started, 1e-9)
    if summary.events == 0 and summary.bad_lines == 0:
        raise InputError(f"{inp.name}: empty input (no JSON lines)")
    if args.json:
        sys.stdout.buffer.write(orjson.dumps(summary.to_json(inp.name), option=orjson.OPT_INDENT_2))
        sys.stdout.buffer.write(b"\n")
    else:
        sys.stdout.write(summary.render(inp.name))
    sys.stdout.flush()
    mb = summary.bytes / 1e6
    print(
        f"{PROG}: decoded {summary.events:,} events and {summary.bad_lines:,} bad lines "
        f"({mb:,.1f} MB) in {elapsed:.3f} s: {summary.events / elapsed:,.0f} events/s, "
        f"{mb / elapsed:,.1f} MB/s" + (f", {args.jobs} processes" if args.jobs > 1 else ""),
        file=sys.stderr,
    )
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    camel = is_camel(args.case)
    problems = bad = events = 0
    write = sys.stdout.write
    with open_input(args.file) as inp:
        progress = Progress.maybe(sys.stderr, inp)
        try:
            for rec in decode_lines(inp.iter_lines(progress), camel, args.strict):
                if rec.__class__ is ErrorRecord:
                    if progress is not None:
                        progress.close()
                    bad += 1
                    for e in rec.errors:
                        problems += 1
                        write(f"line {rec.line}: {e.path}: {e.message}\n")
                else:
                    events += 1
        finally:
            if progress is not None:
                progress.close()
    if events == 0 and bad == 0:
        raise InputError(f"{inp.name}: empty input (no JSON lines)")
    mode = "strict" if args.strict else "lenient"
    if problems:
        print(
            f"{PROG}: {inp.name}: {problems:,} problems on {bad:,} of {events + bad:,} "
            f"non-blank lines ({mode})",
            file=sys.stderr,
        )
        return 1
    print(f"{inp.name}: {events:,} non-blank lines, no problems ({mode})")
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    to = args.to
    source = args.source or ("snake" if to == "camel" else "camel")
    decode = event_decoder(is_camel(source), False, responses=True)
    bad = converted = 0
    loads = orjson.loads
    with open_input(args.input) as inp, _open_output(args.output, inp) as out:
        write = out.write
        for n, line in enumerate(inp.iter_lines(), 1):
            try:
                obj = decode(loads(line))
            except (orjson.JSONDecodeError, DecodeError) as exc:
                if not line.strip():
                    write(b"\n")
                    continue
                bad += 1
                error = exc if isinstance(exc, DecodeError) else _parse_error(line)
                print(
                    f"{PROG}: line {n}: kept as it was, not converted: {error.errors[0]}",
                    file=sys.stderr,
                )
                write(line if line.endswith(b"\n") else line + b"\n")
                continue
            write(dumps(obj, case=to))
            write(b"\n")
            converted += 1
    if converted == 0 and bad == 0:
        raise InputError(f"{inp.name}: empty input (no JSON lines)")
    return 1 if bad else 0


def _parse_error(line: bytes) -> DecodeError:
    try:
        _parse(line)
    except DecodeError as exc:
        return exc
    raise AssertionError("unreachable: orjson rejected the line once")  # pragma: no cover


@contextlib.contextmanager
def _open_output(spec: str, inp: Input) -> Iterator[IO[bytes]]:
    if spec == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    if inp.path is not None and os.path.exists(spec) and os.path.samefile(spec, inp.path):
        raise InputError(f"{spec}: the output would overwrite the input")
    if os.path.isdir(spec):
        raise InputError(f"{spec}: is a directory")
    try:
        f = open(spec, "wb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise InputError(f"{spec}: cannot write: {exc.strerror or exc}") from None
    with f:
        yield f


# --------------------------------------------------------------------------- arguments


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Decode, convert and validate recorded Realtime API sessions "
        "(JSON Lines of server events, or of responses).",
        epilog="Run 'respmodel COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    file_help = (
        "a session: JSON Lines, plain or gzip; '-' reads standard input; "
        "default: the bundled sample session"
    )
    p = commands.add_parser(
        "decode",
        help="summarise a recorded session",
        description="Decode every line of a session and print a summary: events by type, "
        "responses by status with their reasons, token usage, function and MCP "
        "calls, and the bad lines.  Throughput goes to standard error.",
    )
    p.add_argument("file", nargs="?", metavar="FILE|-", help=file_help)
    p.add_argument("--json", action="store_true", help="print the summary as one JSON document")
    p.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="decode in N processes (same result as one; default: 1)",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="report every deviation from the spec (unknown keys, tags, values)",
    )
    p.add_argument(
        "--case",
        choices=("snake", "camel"),
        default="snake",
        help="key style of the input (default: snake, the wire form)",
    )
    p.set_defaults(run=cmd_decode)

    p = commands.add_parser(
        "convert",
        help="rewrite a session in the other key style",
        description="Rewrite a session line by line between the wire form (snake_case) and "
        "the camelCase form of the JS SDK, losslessly.  A line that does not "
        "decode is copied unchanged and reported; the exit status is then 1.",
    )
    p.add_argument("--to", choices=("camel", "snake"), required=True, help="key style to write")
    p.add_argument(
        "--from",
        dest="source",
        choices=("camel", "snake"),
        help="key style of the input (default: the other one)",
    )
    p.add_argument(
        "input",
        nargs="?",
        default="-",
        metavar="IN",
        help="input session, plain or gzip (default: standard input)",
    )
    p.add_argument(
        "output",
        nargs="?",
        default="-",
        metavar="OUT",
        help="output file (default: standard output)",
    )
    p.set_defaults(run=cmd_convert)

    p = commands.add_parser(
        "validate",
        help="list every problem in a session",
        description="Decode every line of a session and list each problem as "
        "'line N: PATH: MESSAGE'.  Exit status 1 when there are any.",
    )
    p.add_argument("file", nargs="?", metavar="FILE|-", help=file_help)
    p.add_argument(
        "--strict",
        action="store_true",
        help="report every deviation from the spec (unknown keys, tags, values)",
    )
    p.add_argument(
        "--case",
        choices=("snake", "camel"),
        default="snake",
        help="key style of the input (default: snake, the wire form)",
    )
    p.set_defaults(run=cmd_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``respmodel`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except InputError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``respmodel decode | head``): stop quietly.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:  # a bug: still one line, as the command promises
        if os.environ.get("RESPMODEL_TRACEBACK"):
            raise
        print(
            f"{PROG}: internal error: {type(exc).__name__}: {exc} "
            f"(set RESPMODEL_TRACEBACK=1 to see where)",
            file=sys.stderr,
        )
        return 2
