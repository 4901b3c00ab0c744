"""The ``respmodel`` command: decode, convert and validate recorded sessions.

This module parses arguments and formats results only: the counting is
:mod:`respmodel._summary` (the code of :func:`respmodel.summarize`), with its
worker processes in :mod:`respmodel._parallel`; the inputs are
:mod:`respmodel._sources`, the prices :mod:`respmodel._pricing`, the rows
:mod:`respmodel._rows`.

Exit status: 0 when all is well, 1 when ``validate`` (or ``convert``) found
lines it could not decode, 2 for bad usage or input that cannot be read, 130
on Ctrl-C, 141 when the reader of the output went away, 143 on SIGTERM.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import os
import re
import signal
import stat
import sys
import time
from collections.abc import Callable, Iterator
from typing import IO, Any

import orjson

from ._converter import is_camel
from ._errors import DecodeError, RespmodelError
from ._events import event_decoder
from ._json import _parse, dumps
from ._pricing import GenaiPrices, Pricer, load_prices
from ._sources import STDIN, InputError, Source, expand, open_source
from ._stream import MAX_LINE, LineTooLong, decode_lines
from ._summary import Options, Summary, run

__all__ = ["main"]

PROG = "respmodel"
LARGE = 16 * 1024 * 1024
"""Inputs at least this large (in bytes) get a progress bar, when stderr is a terminal."""
MAX_ERRORS_SHOWN = 20
MAX_SESSIONS_SHOWN = 20
MAX_NOTES_SHOWN = 40


class Terminated(BaseException):
    """SIGTERM reached the command: stop, reap the workers, exit 143."""


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 bad line``, ``2 bad lines``: a count and its noun, in the right number."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


# --------------------------------------------------------------------------- progress


class Progress:
    """A one-line progress bar on a terminal, redrawn at most ten times a second.

    It shows once the input is known to be large (``total``, on disk) or once
    that much was decoded (standard input, small gzip files of large sessions).
    The rate is that of the decoded bytes, as in the line printed at the end.
    """

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.start = self.last = time.perf_counter()
        self.width = 0  # of what is drawn now

    @classmethod
    def maybe(cls, stream: IO[str]) -> Progress | None:
        """A progress bar when ``stream`` is a terminal; otherwise None."""
        try:
            if not stream.isatty():
                return None
        except (AttributeError, ValueError):
            return None
        return cls(stream)

    def update(self, done: int, total: int, decoded: int) -> None:
        now = time.perf_counter()
        if now - self.last < 0.1 or max(total, decoded) < LARGE:
            return
        self.last = now
        rate = decoded / max(now - self.start, 1e-9) / 1e6
        if total:
            frac = min(done / total, 1.0)
            filled = int(frac * 30)
            text = f"{PROG}: [{'#' * filled}{'.' * (30 - filled)}] {frac:4.0%}  {rate:6.1f} MB/s"
        else:
            text = f"{PROG}: {decoded / 1e6:,.1f} MB decoded  {rate:6.1f} MB/s"
        pad = " " * max(self.width - len(text), 0)
        self.stream.write(f"\r{text}{pad}")
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


@contextlib.contextmanager
def progress_bar() -> Iterator[Progress | None]:
    progress = Progress.maybe(sys.stderr)
    try:
        yield progress
    finally:
        if progress is not None:
            progress.close()


# --------------------------------------------------------------------------- inputs


def input_specs(paths: list[str]) -> list[str | None]:
    """What to read: the paths given; else standard input when it is piped; else the sample."""
    if paths:
        return list(expand(paths))
    return [STDIN] if _stdin_is_piped() else [None]


def _stdin_is_piped() -> bool:
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (AttributeError, ValueError, OSError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def source_name(paths: list[str], specs: list[str | None]) -> str:
    """What the summary is of: the one path given, or how many; else stdin or the sample."""
    if len(paths) > 1:
        return plural(len(paths), "path")
    if paths:
        return _name(paths[0])
    return "sample_session.jsonl (the bundled sample)" if specs == [None] else "<stdin>"


def _name(spec: str) -> str:
    return "<stdin>" if spec == STDIN else spec


def pricer_of(args: argparse.Namespace) -> Pricer | None:
    if args.prices is not None:
        return load_prices(args.prices)
    if args.cost:
        return GenaiPrices()
    return None


# --------------------------------------------------------------------------- the text summary


def render(summary: Summary, source: str) -> str:
    """The summary as text for a terminal."""
    doc = summary.to_json(source)
    out = [
        f"{source}: {plural(doc['files'], 'file')}, {plural(doc['sessions'], 'session')}, "
        f"{plural(doc['lines'], 'line')}, {plural(doc['events'], 'event')}, "
        f"{plural(doc['bad_lines'], 'bad line')}"
        + (f", {doc['salvaged_events']:,} salvaged" if doc["salvaged_events"] else ""),
        "",
        "events by type",
        *_table(doc["events_by_type"]),
        "",
    ]
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
    out.append(f"token usage ({plural(u['responses'], 'response')} with usage)")
    out.append(
        f"  {'':<6}  {'total':>10}  {'text':>10}  {'audio':>10}  {'cached':>10}  {'cached audio':>12}"
    )
    out.append(
        f"  {'input':<6}  {u['input']:>10,}  {u['input_text']:>10,}  "
        f"{u['input_audio']:>10,}  {u['cached']:>10,}  {u['cached_audio']:>12,}"
    )
    out.append(
        f"  {'output':<6}  {u['output']:>10,}  {u['output_text']:>10,}  {u['output_audio']:>10,}"
    )
    out.append(f"  {'all':<6}  {u['total']:>10,}  {u['text']:>10,}  {u['audio']:>10,}")
    t = doc["transcription"]
    out.append("")
    out.append(
        f"input transcription ({plural(t['events'], 'transcript')}, billed apart): "
        f"{t['input']:,} input tokens ({t['input_audio']:,} audio), "
        f"{t['output']:,} output tokens, {t['seconds']:,.1f} s of audio"
    )
    priced = "cost" in doc
    out.append("")
    out.append("by model")
    rows: list[Any] = [
        (
            model,
            f"{m['responses']:,}",
            f"{m['usage']['total']:,}",
            _usd(m["cost"]) if priced else "",
        )
        for model, m in doc["by_model"].items()
    ]
    out.extend(_columns(rows, ("model", "responses", "tokens", "cost" if priced else "")))
    sessions = doc["by_session"]
    out.append("")
    out.append(f"by session ({plural(len(sessions), 'session')})")
    rows = [
        (
            f"{s['id'] or '(no id)'}",
            ", ".join(s["models"]) or "(unknown)",
            f"{s['responses']:,}",
            f"{s['usage']['total']:,}",
            _usd(s["cost"]) if priced else "",
        )
        for s in sessions[:MAX_SESSIONS_SHOWN]
    ]
    out.extend(
        _columns(rows, ("session", "model", "responses", "tokens", "cost" if priced else ""))
    )
    if len(sessions) > MAX_SESSIONS_SHOWN:
        out.append(f"  ... {len(sessions) - MAX_SESSIONS_SHOWN:,} more (--json lists them all)")
    if priced:
        c = doc["cost"]
        out.append("")
        out.append(
            f"cost: ${c['usd']:,.4f} for {plural(c['priced'], 'priced response')}; "
            f"{plural(c['unpriced'], 'response')} with usage unpriced (unknown model, or usage priced only by guessing)"
        )
    for title, key in (("function calls", "function_calls"), ("MCP calls", "mcp_calls")):
        out.append("")
        out.append(title)
        out.extend(_table(doc[key]) if doc[key] else ["  (none)"])
    out.append("")
    out.append(f"bad lines ({doc['bad_lines']:,})")
    several = doc["files"] > 1
    out.extend(_problem_lines(doc["errors"], several) or ["  (none)"])
    if doc["salvaged"]:
        out.append("")
        out.append(
            f"salvaged ({plural(doc['salvaged_events'], 'event')}, "
            f"{plural(doc['responses']['salvaged'], 'finished response')}): fields of the "
            f"wrong JSON type read as None, their values kept"
        )
        out.extend(_problem_lines(doc["salvaged"], several))
    if doc["bad_files"]:
        out.append("")
        out.append(f"files not read to the end ({doc['bad_files'].__len__():,})")
        out.extend(f"  {f['file']}: {f['message']}" for f in doc["bad_files"])
    return "\n".join(out) + "\n"


def _problem_lines(problems: list[dict[str, Any]], several: bool) -> list[str]:
    """Problems as ``line N: PATH: MESSAGE`` (file first when several), the first few only."""
    out = [
        f"  {e['file'] + ': ' if several else ''}line {e['line']}: {e['path']}: {e['message']}"
        for e in problems[:MAX_ERRORS_SHOWN]
    ]
    if len(problems) > MAX_ERRORS_SHOWN:
        more = len(problems) - MAX_ERRORS_SHOWN
        out.append(f"  ... {plural(more, 'more problem')} (respmodel validate lists them all)")
    return out


def _usd(cost: dict[str, Any]) -> str:
    if not cost["priced"]:
        return "unpriced" if cost["unpriced"] else ""
    text = f"${cost['usd']:,.4f}"
    return text + (f" ({cost['unpriced']:,} unpriced)" if cost["unpriced"] else "")


def _table(counts: dict[str, int]) -> list[str]:
    width = max((len(k) for k in counts), default=0)
    return [f"  {k:<{width}}  {c:>8,}" for k, c in counts.items()]


def _columns(rows: list[Any], header: tuple[str, ...]) -> list[str]:
    if not rows:
        return ["  (none)"]
    widths = [max(len(r[i]) for r in (*rows, header)) for i in range(len(header))]

    def line(r: tuple[str, ...]) -> str:
        cells = [
            r[0].ljust(widths[0]),
            *(c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)),
        ]
        return ("  " + "  ".join(cells)).rstrip()

    return [line(header), *(line(r) for r in rows)]


# --------------------------------------------------------------------------- the commands


def cmd_decode(args: argparse.Namespace) -> int:
    specs = input_specs(args.paths)
    pricer = pricer_of(args)
    options = Options(is_camel(args.case), args.strict, args.jobs, args.max_line_bytes, pricer)
    source = source_name(args.paths, specs)
    started = time.perf_counter()
    with progress_bar() as bar, _rows_output(args.rows) as on_rows:
        report = bar.update if bar is not None else None
        summary = run(specs, options, on_rows=on_rows, progress=report)
    elapsed = max(time.perf_counter() - started, 1e-9)
    if summary.events == 0 and summary.bad_lines == 0:
        raise InputError(f"{source}: empty input (no JSON lines)")
    if args.json:
        sys.stdout.buffer.write(orjson.dumps(summary.to_json(source), option=orjson.OPT_INDENT_2))
        sys.stdout.buffer.write(b"\n")
    else:
        sys.stdout.write(render(summary, source))
    sys.stdout.flush()
    mb = summary.bytes / 1e6
    print(
        f"{PROG}: decoded {plural(summary.events, 'event')} and "
        f"{plural(summary.bad_lines, 'bad line')} ({mb:,.1f} MB) in {elapsed:.3f} s: "
        f"{summary.events / elapsed:,.0f} events/s, {mb / elapsed:,.1f} MB/s"
        + (f", {args.jobs} processes" if args.jobs > 1 else ""),
        file=sys.stderr,
    )
    if summary.bad_files:  # the totals are incomplete: say so, and fail
        print(
            f"{PROG}: error: {plural(len(summary.bad_files), 'file')} not read to the end "
            f"(listed in the summary; what was read is counted)",
            file=sys.stderr,
        )
        return 2
    return 0


@contextlib.contextmanager
def _rows_output(path: str | None) -> Iterator[Callable[[list[list[Any]]], None] | None]:
    if path is None:
        yield None
        return
    from ._rows import row_writer

    with row_writer(path) as writer:
        yield writer.write


def cmd_validate(args: argparse.Namespace) -> int:
    specs = input_specs(args.paths)
    counts = collections.Counter[str]()
    several = len(specs) > 1
    with progress_bar() as bar:
        for spec in specs:
            try:
                _validate_one(spec, args, counts, bar, several)
            except InputError as exc:  # noqa: PERF203 - once per file
                if not several:
                    raise
                counts["problems"] += 1  # one of several files cannot be read: listed
                sys.stdout.write(f"{exc}\n")
    bad, events, problems = counts["bad"], counts["events"], counts["problems"]
    name = source_name(args.paths, specs)
    if events == 0 and bad == 0:
        raise InputError(f"{name}: empty input (no JSON lines)")
    mode = "strict" if args.strict else "lenient"
    if problems:
        print(
            f"{PROG}: {name}: {plural(problems, 'problem')} on {bad:,} of "
            f"{plural(events + bad, 'non-blank line')} ({mode})",
            file=sys.stderr,
        )
        return 1
    print(f"{name}: {plural(events, 'non-blank line')}, no problems ({mode})")
    return 0


def _validate_one(
    spec: str | None,
    args: argparse.Namespace,
    counts: collections.Counter[str],
    bar: Progress | None,
    several: bool,
) -> None:
    """List the problems of one input, counting lines and problems into ``counts``."""
    write = sys.stdout.write
    with open_source(spec) as src:
        prefix = f"{src.name}: " if several else ""

        def report(s: Source) -> None:
            if bar is not None:
                bar.update(s.done_on_disk(), s.size or 0, s.bytes)

        lines = src.iter_lines(args.max_line_bytes, report)
        for rec in decode_lines(lines, is_camel(args.case), args.strict):
            # A line that decoded with salvage has problems too: listed as a bad line's are.
            problems = rec.event.problems if rec.ok else rec.errors
            if not problems:
                counts["events"] += 1
                continue
            if bar is not None:
                bar.close()
            counts["bad"] += 1
            for e in problems:
                counts["problems"] += 1
                write(f"{prefix}line {rec.line}: {e.path}: {e.message}\n")
            unlisted = rec.event.problems.unlisted if rec.ok else rec.unlisted
            if unlisted:
                counts["problems"] += unlisted
                write(f"{prefix}line {rec.line}: ... and {unlisted:,} more problems\n")


def cmd_convert(args: argparse.Namespace) -> int:
    to, shape = args.to, args.shape
    if to is None and shape is None:
        raise InputError("convert: give --to camel|snake, --shape ga|beta, or both")
    if args.source is not None:
        source = args.source
    elif to is not None:
        source = "snake" if to == "camel" else "camel"
    else:
        source = "snake"
    case = to or source
    decode = event_decoder(is_camel(source), False, responses=True)
    translate = _translator(shape)
    notes = ShapeNotes()
    bad = converted = 0
    loads = orjson.loads
    with open_source(args.input) as src, _open_output(args.output, src) as out:
        write = out.write
        for n, line in enumerate(src.iter_lines(args.max_line_bytes), 1):
            if isinstance(line, LineTooLong):
                bad += 1
                _kept(n, f"{line.detail()}; dropped", "not converted")
                continue
            try:
                obj = decode(loads(line))
                if translate is not None:
                    translated = translate(obj)
                    obj = translated.value
                    if translated.notes:
                        notes.add(n, translated.notes)
                text = dumps(obj, case=case)
            except orjson.JSONDecodeError:
                if not line.strip():
                    write(b"\n")
                    continue
                bad += 1
                _kept(n, str(_parse_error(line).errors[0]))
            except RespmodelError as exc:
                bad += 1
                _kept(n, str(exc.errors[0]) if isinstance(exc, DecodeError) else str(exc))
            except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
                bad += 1  # a decoder bug: the line is kept, the run goes on
                _kept(n, f"$: cannot decode: {type(exc).__name__}: {exc}")
            else:
                write(text)
                write(b"\n")
                converted += 1
                if case != source and obj.problems:
                    _salvaged_as_received(n, obj.problems)
                continue
            write(line if line.endswith(b"\n") else line + b"\n")
    if converted == 0 and bad == 0:
        raise InputError(f"{src.name}: empty input (no JSON lines)")
    if shape is not None:
        notes.report(shape)
    return 1 if bad else 0


def _salvaged_as_received(n: int, problems: Any) -> None:
    """Say that a converted line kept values salvage set aside under their keys as received."""
    first = problems[0]
    more = len(problems) - 1 + problems.unlisted
    also = f" (and {plural(more, 'more problem')})" if more else ""
    _kept(n, f"{first.path}: {first.message}{also}", "salvaged, kept under its key as received")


def _translator(shape: str | None) -> Callable[[Any], Any] | None:
    if shape is None:
        return None
    from ._shapes import to_shape

    target: Any = shape

    def translate(obj: Any) -> Any:
        return to_shape(obj, target)

    return translate


class ShapeNotes:
    """What ``convert --shape`` kept untranslated, counted by kind (a path without indexes)."""

    def __init__(self) -> None:
        self.lines = 0
        self.counts: collections.Counter[str] = collections.Counter()
        self.first: dict[str, int] = {}

    def add(self, n: int, notes: Any) -> None:
        self.lines += 1
        for note in notes:
            key = f"{_INDEX.sub('[*]', note.path)}: {note.message}"
            self.counts[key] += 1
            self.first.setdefault(key, n)

    def report(self, shape: str) -> None:
        target = "GA" if shape == "ga" else "beta"
        if not self.lines:
            return
        print(
            f"{PROG}: {plural(self.lines, 'line')} kept something the {target} shape cannot "
            f"say, unchanged (not an error):",
            file=sys.stderr,
        )
        ranked = self.counts.most_common()
        for key, count in ranked[:MAX_NOTES_SHOWN]:
            print(f"  {count:>8,}  {key} (first on line {self.first[key]:,})", file=sys.stderr)
        if len(ranked) > MAX_NOTES_SHOWN:
            print(f"  ... {plural(len(ranked) - MAX_NOTES_SHOWN, 'more kind')}", file=sys.stderr)


_INDEX = re.compile(r"\[\d+\]")


def _kept(n: int, message: str, what: str = "kept as it was, not converted") -> None:
    print(f"{PROG}: line {n}: {what}: {message}", file=sys.stderr)


def _parse_error(line: bytes) -> DecodeError:
    try:
        _parse(line)
    except DecodeError as exc:
        return exc
    raise AssertionError("unreachable: orjson rejected the line once")  # pragma: no cover


@contextlib.contextmanager
def _open_output(spec: str, src: Source) -> Iterator[IO[bytes]]:
    if spec == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    if src.path is not None and os.path.exists(spec) and os.path.samefile(spec, src.path):
        raise InputError(f"{spec}: the output would overwrite the input")
    if os.path.isdir(spec):
        raise InputError(f"{spec}: is a directory")
    from ._rows import atomic_output

    with atomic_output(spec) as f:
        yield f


# --------------------------------------------------------------------------- arguments


def _positive(text: str) -> int:
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

    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument(
        "--case",
        choices=("snake", "camel"),
        default="snake",
        help="key style of the input (default: snake, the wire form)",
    )
    reading.add_argument(
        "--max-line-bytes",
        type=_positive,
        default=MAX_LINE,
        metavar="N",
        help=f"a longer line is a bad line, skipped without being read into memory "
        f"(default: {MAX_LINE:,}, 16 MiB)",
    )
    checking = argparse.ArgumentParser(add_help=False, parents=[reading])
    checking.add_argument(
        "--strict",
        action="store_true",
        help="report every deviation from the spec (unknown keys, tags, values)",
    )
    paths_help = (
        "session files (JSON Lines, plain or gzip), folders (every *.jsonl and *.jsonl.gz "
        "below them) or glob patterns; '-' reads standard input; default: standard input "
        "when it is piped, else the bundled sample session"
    )

    p = commands.add_parser(
        "decode",
        parents=[checking],
        help="summarise recorded sessions: usage and cost per session and model",
        description="Decode every line of the sessions and print a summary: files and "
        "sessions, events by type, responses by status with their reasons, token usage "
        "(in total, per model, per session), input transcription usage, cost, function "
        "and MCP calls, and the bad lines.  Throughput goes to standard error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=paths_help)
    p.add_argument("--json", action="store_true", help="print the summary as one JSON document")
    p.add_argument(
        "--jobs",
        type=_positive,
        default=1,
        metavar="N",
        help="decode in N processes, across files and within large ones (same result as one)",
    )
    p.add_argument(
        "--cost",
        action="store_true",
        help="price every response by its model with the genai-prices package "
        "(pip install 'respmodel[cost]'; offline)",
    )
    p.add_argument(
        "--prices",
        metavar="FILE",
        help="price every response from your own table, JSON or CSV: per model (or "
        "'prefix*'), US dollars per million tokens of input_text, input_audio, "
        "input_image, cached_text, cached_audio, cached_image, output_text, output_audio",
    )
    p.add_argument(
        "--rows",
        metavar="FILE",
        help="write one row per finished response to FILE: .csv, .jsonl, or .parquet "
        "(pip install 'respmodel[parquet]')",
    )
    p.set_defaults(run=cmd_decode)

    p = commands.add_parser(
        "convert",
        parents=[reading],
        help="rewrite a session in the other key style, or the other API shape",
        description="Rewrite a session line by line between the wire form (snake_case) and "
        "the camelCase form of the JS SDK, losslessly (--to), and/or between the beta "
        "(and Azure) and GA shapes of the API (--shape).  A line that does not "
        "decode is copied unchanged and reported (a line over the length limit is "
        "dropped and reported); the exit status is then 1.  What the target shape "
        "cannot say is kept unchanged and counted on standard error, by kind; it is "
        "not an error.  The output file appears only once complete.",
    )
    p.add_argument(
        "--to", choices=("camel", "snake"), help="key style to write (default: that of the input)"
    )
    p.add_argument(
        "--shape",
        choices=("ga", "beta"),
        help="API shape to write: ga (output_modalities, audio.output, output_text parts, "
        "response.output_audio.delta, ...) or beta (modalities, voice, text parts, "
        "response.audio.delta, ...)",
    )
    p.add_argument(
        "--from",
        dest="source",
        choices=("camel", "snake"),
        help="key style of the input (default: the other one with --to, else snake)",
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
        parents=[checking],
        help="list every problem in sessions",
        description="Decode every line of the sessions and list each problem as "
        "'line N: PATH: MESSAGE' (prefixed by the file when there are several).  "
        "Exit status 1 when there are any.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=paths_help)
    p.set_defaults(run=cmd_validate)
    return parser


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    """Run the ``respmodel`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    if getattr(args, "prices", None) is not None and getattr(args, "cost", False):
        print(f"{PROG}: error: --cost and --prices FILE exclude each other", file=sys.stderr)
        return 2
    saved: Any = None
    with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
        saved = signal.signal(signal.SIGTERM, _terminate)
    try:
        return int(args.run(args))
    except RespmodelError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print(f"{PROG}: terminated", file=sys.stderr)
        return 143
    except BrokenPipeError:
        # The reader went away (``respmodel decode | head``): stop quietly, with the
        # status of a command killed by SIGPIPE, as shells report it.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 128 + signal.SIGPIPE
    except Exception as exc:  # a bug: still one line, as the command promises
        if os.environ.get("RESPMODEL_TRACEBACK"):
            raise
        print(
            f"{PROG}: internal error: {type(exc).__name__}: {exc} "
            f"(set RESPMODEL_TRACEBACK=1 to see where)",
            file=sys.stderr,
        )
        return 2
    finally:
        if saved is not None:
            signal.signal(signal.SIGTERM, saved)
