"""Usage and cost across recorded sessions: the summary and the rows, for the command and for code.

:func:`summarize` reads session files (folders and patterns too) and returns
a :class:`Summary`: events by type, finished responses by status, token usage
per session and per model, transcription usage, function and MCP calls, bad
lines (with their file and line), and cost when prices are given.
:func:`iter_rows` yields one :class:`Row` per finished response.  Both run in
``jobs`` processes, splitting the work across files and within large files,
with the same result as one process.

Sessions.  Each file holds one session or more: a ``session.created`` or
``session.updated`` event starts a *segment* named by its ``session.id`` and
``session.model`` (an event that leaves one out keeps the previous value);
lines before any session event belong to an unnamed session of the file.  A
response is counted for the session and the model of its segment.
"""

from __future__ import annotations

import collections
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from ._errors import ValidationError
from ._events import (
    GenericEvent,
    InputAudioTranscriptionCompletedEvent,
    ResponseDoneEvent,
    TranscriptionDurationUsage,
    TranscriptionTokenUsage,
)
from ._items import FunctionCallItem, McpCallItem
from ._pricing import RATES, TOKEN_FIELDS, Pricer
from ._response import Response
from ._sources import STDIN, InputError, Source, expand, open_source
from ._stream import MAX_LINE, ErrorRecord, decode_lines

__all__ = ["ROW_FIELDS", "Row", "Summary", "iter_rows", "summarize"]

BATCH = 4096
"""Records counted between two hand-overs of finished rows (bounds their memory)."""

USAGE_KEYS = (
    "total",
    "input",
    "output",
    "text",
    "audio",
    "cached",
    *RATES,  # a count for each token category a price table has a rate for
    "output_reasoning",
)
"""The token counts of a summary's ``usage``; ``text`` and ``audio`` are input plus output."""

_FROM_TOKENS = {
    "total": "total_tokens",
    "input": "input_tokens",
    "output": "output_tokens",
    "cached": "cached_tokens",
    "input_text": "input_text_tokens",
    "input_audio": "input_audio_tokens",
    "input_image": "input_image_tokens",
    "cached_text": "cached_text_tokens",
    "cached_audio": "cached_audio_tokens",
    "cached_image": "cached_image_tokens",
    "output_text": "output_text_tokens",
    "output_audio": "output_audio_tokens",
    "output_reasoning": "output_reasoning_tokens",
}
_INDEX = {name: i for i, name in enumerate(TOKEN_FIELDS)}
TRANSCRIPTION_KEYS = ("input", "output", "total", "input_text", "input_audio")
SESSION_EVENTS = frozenset(("session.created", "session.updated"))


class _Unset:
    """What a session event left out, to be taken from the segment before it."""

    def __repr__(self) -> str:
        return "<unset>"

    def __reduce__(self) -> str:
        return "_UNSET"  # one object, in every process


_UNSET: Any = _Unset()
_ZERO = (0,) * len(TOKEN_FIELDS)

ROW_FIELDS = (
    "file",
    "line",
    "session_id",
    "model",
    "response_id",
    "status",
    "reason",
    *TOKEN_FIELDS,
    "cost",
)
"""The columns of a row, in order."""


@attrs.frozen
class Row:
    """A finished response: where it is, its session and model, status, tokens and cost.

    Token counts are 0 when the response had none; ``cost`` is None when the
    response was not priced (no prices given, no usage, or an unknown model).
    """

    file: str
    line: int
    session_id: str | None
    model: str | None
    response_id: str | None
    status: str | None
    reason: str | None
    input_tokens: int
    output_tokens: int
    total_tokens: int
    input_text_tokens: int
    input_audio_tokens: int
    input_image_tokens: int
    cached_tokens: int
    cached_text_tokens: int
    cached_audio_tokens: int
    cached_image_tokens: int
    output_text_tokens: int
    output_audio_tokens: int
    output_reasoning_tokens: int
    cost: float | None


def _n(value: Any) -> int:
    return value if value.__class__ is int else 0


def tokens_of(u: Any) -> tuple[int, ...]:
    """The tokens tuple of a :class:`respmodel.Usage` (missing counts are 0)."""
    i, o = u.input_token_details, u.output_token_details
    c = i.cached_tokens_details if i is not None else None
    return (
        _n(u.input_tokens),
        _n(u.output_tokens),
        _n(u.total_tokens),
        _n(i.text_tokens) if i is not None else 0,
        _n(i.audio_tokens) if i is not None else 0,
        _n(i.image_tokens) if i is not None else 0,
        _n(i.cached_tokens) if i is not None else 0,
        _n(c.text_tokens) if c is not None else 0,
        _n(c.audio_tokens) if c is not None else 0,
        _n(c.image_tokens) if c is not None else 0,
        _n(o.text_tokens) if o is not None else 0,
        _n(o.audio_tokens) if o is not None else 0,
        _n(o.reasoning_tokens) if o is not None else 0,
    )


# --------------------------------------------------------------------------- tallies


class Tally:
    """Finished responses, their usage and their cost (of a segment, session, model or all)."""

    __slots__ = ("cost", "priced", "responses", "tokens", "unpriced", "with_usage")

    def __init__(self) -> None:
        self.responses: int = 0
        self.with_usage: int = 0
        self.tokens: list[int] = [0] * len(TOKEN_FIELDS)
        self.cost: float = 0.0
        self.priced: int = 0
        self.unpriced: int = 0

    def add_tokens(self, t: tuple[int, ...]) -> None:
        self.with_usage += 1
        tokens = self.tokens
        for i, v in enumerate(t):
            tokens[i] += v

    def add_cost(self, cost: float | None) -> None:
        if cost is None:
            self.unpriced += 1
        else:
            self.priced += 1
            self.cost += cost

    def merge(self, other: Tally) -> None:
        self.responses += other.responses
        self.with_usage += other.with_usage
        self.tokens = [a + b for a, b in zip(self.tokens, other.tokens, strict=True)]
        self.cost += other.cost
        self.priced += other.priced
        self.unpriced += other.unpriced

    def usage(self) -> dict[str, int]:
        t = self.tokens
        out = {k: t[_INDEX[_FROM_TOKENS[k]]] for k in USAGE_KEYS if k in _FROM_TOKENS}
        out["text"] = out["input_text"] + out["output_text"]
        out["audio"] = out["input_audio"] + out["output_audio"]
        return {"responses": self.with_usage, **{k: out[k] for k in USAGE_KEYS}}

    def cost_json(self) -> dict[str, Any]:
        return {"usd": round(self.cost, 6), "priced": self.priced, "unpriced": self.unpriced}


class Transcription:
    """Finished input transcriptions and their own usage (tokens, or seconds of audio)."""

    __slots__ = ("counts", "events", "seconds", "with_usage")

    def __init__(self) -> None:
        self.events: int = 0
        self.with_usage: int = 0
        self.counts: list[int] = [0] * len(TRANSCRIPTION_KEYS)
        self.seconds: float = 0.0

    def add(self, usage: Any) -> None:
        self.events += 1
        if usage is None:
            return
        if usage.__class__ is TranscriptionTokenUsage:
            d = usage.input_token_details
            self.with_usage += 1
            for i, v in enumerate(
                (
                    _n(usage.input_tokens),
                    _n(usage.output_tokens),
                    _n(usage.total_tokens),
                    _n(d.text_tokens) if d is not None else 0,
                    _n(d.audio_tokens) if d is not None else 0,
                )
            ):
                self.counts[i] += v
        elif usage.__class__ is TranscriptionDurationUsage:
            self.with_usage += 1
            s = usage.seconds
            if s.__class__ in (int, float):
                self.seconds += s

    def merge(self, other: Transcription) -> None:
        self.events += other.events
        self.with_usage += other.with_usage
        self.counts = [a + b for a, b in zip(self.counts, other.counts, strict=True)]
        self.seconds += other.seconds

    def to_json(self) -> dict[str, Any]:
        return {
            "events": self.events,
            "with_usage": self.with_usage,
            **dict(zip(TRANSCRIPTION_KEYS, self.counts, strict=True)),
            "seconds": round(self.seconds, 6),
        }


class Segment:
    """A run of lines of one file under one session event (or before any)."""

    __slots__ = ("file", "model", "pending", "rows", "session", "tally", "transcription", "when")

    def __init__(self, file: str, session: Any, model: Any, when: Any = None) -> None:
        self.file = file
        self.session: Any = session
        self.model: Any = model
        self.when: Any = when
        """The session's time (Unix seconds; prices by date), when the session says."""
        self.tally = Tally()
        self.transcription = Transcription()
        self.pending: list[tuple[tuple[int, ...] | None, list[Any] | None]] = []
        """Responses seen before the session and model were known (a part of a split file)."""
        self.rows: list[list[Any]] = []

    @property
    def resolved(self) -> bool:
        return self.session is not _UNSET and self.model is not _UNSET and self.when is not _UNSET

    def resolve(self, prev: Segment | None, pricer: Pricer | None) -> None:
        """Take what the session event left out from the segment before; price what waited."""
        if self.session is _UNSET:
            self.session = prev.session if prev is not None else None
        same = prev is not None and prev.session == self.session
        if self.model is _UNSET:
            self.model = prev.model if same else None  # type: ignore[union-attr]
        if self.when is _UNSET:
            self.when = prev.when if same else None  # type: ignore[union-attr]
        for tokens, row in self.pending:
            cost = None
            if tokens is not None:
                cost = pricer.price(self.model, tokens, self.when) if pricer is not None else None
                if pricer is not None:
                    self.tally.add_cost(cost)
            if row is not None:
                row[2], row[3], row[-1] = self.session, self.model, cost
        self.pending = []


# --------------------------------------------------------------------------- the summary


class Summary:
    """What a run over sessions found; partial summaries of consecutive parts merge in order.

    :meth:`to_json` gives it as one JSON-ready dict; its parts are attributes:
    ``files``, ``lines``, ``bytes``, ``events``, ``bad_lines``, ``by_type``,
    ``errors`` (``(file, line, path, message)``), ``salvaged`` (the same, for what
    lenient decoding salvaged), ``salvaged_events``, ``salvaged_responses``,
    ``sessions()`` and ``models()``
    (a name -> :class:`Tally` map), ``total`` and ``transcription``.
    """

    def __init__(self, pricer: Pricer | None = None, rows: bool = False) -> None:
        self.files: int = 0
        self.lines: int = 0
        self.bytes: int = 0
        self.by_type: dict[Any, int] = {}
        self.statuses: dict[str, list[Any]] = {}  # status -> [count, {reason: count}]
        self.function_calls: collections.Counter[str] = collections.Counter()
        self.mcp_calls: collections.Counter[str] = collections.Counter()
        self.errors: list[tuple[str, int, str, str]] = []
        self.bad_lines: int = 0
        self.salvaged: list[tuple[str, int, str, str]] = []
        """What lenient decoding salvaged: ``(file, line, path, message)``."""
        self.salvaged_events: int = 0
        self.salvaged_responses: int = 0
        self.bad_files: list[tuple[str, str]] = []
        """Files that could not be read, or not to the end (what was read is counted)."""
        self.segments: list[Segment] = []
        self.priced: bool = pricer is not None
        self._pricer = pricer
        self._want_rows = rows
        self._file_lines = 0  # lines of the last file so far
        self._rows_from = 0  # segments before this one hold no rows

    # ---- counting

    def start_file(self, name: str, continuation: bool = False) -> None:
        """Begin a file (or, with ``continuation``, a later part of one)."""
        if continuation:
            self.segments.append(Segment(name, _UNSET, _UNSET, _UNSET))
        else:
            self.files += 1
            self.segments.append(Segment(name, None, None))
        self._file_lines = 0

    def add_records(self, records: Iterable[Any]) -> None:
        """Count every record (the loop every event of a session goes through)."""
        by_type = self.by_type
        get = by_type.get
        seg = self.segments[-1]
        for rec in records:
            if rec.__class__ is ErrorRecord:
                self.bad_lines += 1
                self.errors.extend((seg.file, rec.line, e.path, e.message) for e in rec.errors)
                continue
            ev = rec.event
            cls = ev.__class__
            if cls is GenericEvent:
                t = ev.type
                if t.__class__ is not str:
                    t = None  # counted as "(no type)"
                elif t in SESSION_EVENTS:
                    seg = self._session_event(ev, seg)
            else:
                if ev._problems is not None:
                    self._salvaged(ev, seg, rec.line)
                if cls is Response:
                    t = "realtime.response"
                    self._add_response(ev, seg, rec.line)
                else:
                    t = cls.type
                    if cls is ResponseDoneEvent:
                        self._add_response(ev.response, seg, rec.line)
                    elif cls is InputAudioTranscriptionCompletedEvent:
                        seg.transcription.add(ev.usage)
            by_type[t] = get(t, 0) + 1

    def _salvaged(self, ev: Any, seg: Segment, line: int) -> None:
        """Count an event (or bare response) that decoded with salvage, and list its problems."""
        self.salvaged_events += 1
        self.salvaged.extend((seg.file, line, e.path, e.message) for e in ev.problems)

    def _session_event(self, ev: Any, seg: Segment) -> Segment:
        session = ev.data.get("session")
        if not isinstance(session, Mapping):
            return seg
        sid, model = session.get("id"), session.get("model")
        sid = sid if sid.__class__ is str else _UNSET
        model = model if model.__class__ is str else _UNSET
        when = session.get("created_at")
        if when.__class__ is not int:
            when = session.get("expires_at")  # within the hour of its start
        when = when if when.__class__ is int else _UNSET
        if sid is _UNSET and model is _UNSET and when is _UNSET:
            return seg
        if (
            seg.resolved
            and (sid is _UNSET or sid == seg.session)
            and (model is _UNSET or model == seg.model)
            and (when is _UNSET or when == seg.when)
        ):
            return seg  # nothing changes
        new = Segment(seg.file, sid, model, when)
        if seg.resolved:
            new.resolve(seg, self._pricer)
        self.segments.append(new)
        return new

    def _add_response(self, r: Response | None, seg: Segment, line: int) -> None:
        """Count a finished response: its status and reason, usage, cost, calls and row."""
        if r is None:
            return
        status = r.status if r.status is not None else "(none)"
        entry = self.statuses.get(status)
        if entry is None:
            entry = self.statuses[status] = [0, {}]
        entry[0] += 1
        if r._problems is not None:
            self.salvaged_responses += 1
        reason = None
        sd = r.status_details
        if sd is not None:
            reason = sd.reason
            if reason is None and sd.error is not None:
                reason = sd.error.code or sd.error.type
            if reason is not None:
                entry[1][reason] = entry[1].get(reason, 0) + 1
        tally = seg.tally
        tally.responses += 1
        u = r.usage
        tokens = tokens_of(u) if u is not None else None
        if tokens is not None:
            tally.add_tokens(tokens)
        row: list[Any] | None = None
        if self._want_rows:
            row = [
                seg.file,
                line,
                None,
                None,
                r.id if r.id.__class__ is str else None,
                r.status if r.status.__class__ is str else None,
                reason if reason.__class__ is str else None,
                *(tokens or _ZERO),
                None,
            ]
            seg.rows.append(row)
        if seg.resolved:
            cost = None
            if tokens is not None and self._pricer is not None:
                cost = self._pricer.price(seg.model, tokens, seg.when)
                tally.add_cost(cost)
            if row is not None:
                row[2], row[3], row[-1] = seg.session, seg.model, cost
        else:
            seg.pending.append((tokens, row))
        for item in r.output or ():
            if isinstance(item, FunctionCallItem):
                self.function_calls[item.name if item.name is not None else "(no name)"] += 1
            elif isinstance(item, McpCallItem):
                self.mcp_calls[item.name if item.name is not None else "(no name)"] += 1

    # ---- merging parts

    def detach(self) -> Summary:
        """Drop what cannot or need not cross to another process (the pricer)."""
        self._pricer = None
        return self

    def merge(self, other: Summary) -> None:
        """Add the summary of what follows: a later part of the same file, or later files."""
        offset = self._file_lines if other.files == 0 else 0
        if other.files == 0:
            self._file_lines += other.lines
        else:
            self._file_lines = other._file_lines
        self.files += other.files
        self.lines += other.lines
        self.bytes += other.bytes
        for t, c in other.by_type.items():
            self.by_type[t] = self.by_type.get(t, 0) + c
        for status, (count, reasons) in other.statuses.items():
            entry = self.statuses.setdefault(status, [0, {}])
            entry[0] += count
            for reason, c in reasons.items():
                entry[1][reason] = entry[1].get(reason, 0) + c
        self.function_calls.update(other.function_calls)
        self.mcp_calls.update(other.mcp_calls)
        self.bad_lines += other.bad_lines
        self.salvaged_events += other.salvaged_events
        self.salvaged_responses += other.salvaged_responses
        self.salvaged.extend((f, line + offset, p, m) for f, line, p, m in other.salvaged)
        self.bad_files.extend(other.bad_files)
        self.errors.extend((f, line + offset, p, m) for f, line, p, m in other.errors)
        prev = self.segments[-1] if self.segments else None
        for seg in other.segments:
            if offset:
                for row in seg.rows:
                    row[1] += offset
            if not seg.resolved:
                seg.resolve(prev, self._pricer)
            self.segments.append(seg)
            prev = seg

    def take_rows(self) -> list[list[Any]]:
        """The rows of the responses counted so far and not taken yet, in order."""
        out: list[list[Any]] = []
        for seg in self.segments[self._rows_from :]:
            out.extend(seg.rows)
            seg.rows = []
        self._rows_from = max(len(self.segments) - 1, 0)
        return out

    def finish_file(self, src: Source) -> None:
        self.lines += src.lines
        self.bytes += src.bytes
        self._file_lines += src.lines

    # ---- results

    @property
    def events(self) -> int:
        """Lines that decoded."""
        return sum(self.by_type.values())

    @property
    def total(self) -> Tally:
        """Every finished response, with its usage and cost."""
        total = Tally()
        for seg in self.segments:
            total.merge(seg.tally)
        return total

    @property
    def transcription(self) -> Transcription:
        """Every finished input transcription, with its usage."""
        total = Transcription()
        for seg in self.segments:
            total.merge(seg.transcription)
        return total

    def sessions(self) -> dict[tuple[str, str | None], tuple[Tally, Transcription, list[str]]]:
        """Per session (file, session id): its responses, its transcriptions, its models."""
        out: dict[tuple[str, str | None], tuple[Tally, Transcription, list[str]]] = {}
        named = {seg.file for seg in self.segments if seg.session is not None}
        for seg in self.segments:
            key = (seg.file, seg.session)
            empty = not seg.tally.responses and not seg.transcription.events
            if empty and seg.session is None and seg.file in named:
                continue  # the lines before a file's first session event: nothing to count
            entry = out.get(key)
            if entry is None:
                entry = out[key] = (Tally(), Transcription(), [])
            entry[0].merge(seg.tally)
            entry[1].merge(seg.transcription)
            if seg.model is not None and seg.model not in entry[2]:
                entry[2].append(seg.model)
        return out

    def models(self) -> dict[str | None, Tally]:
        """Per model: its finished responses, their usage and cost (None: model unknown)."""
        out: dict[str | None, Tally] = {}
        for seg in self.segments:
            if not seg.tally.responses:
                continue
            tally = out.get(seg.model)
            if tally is None:
                tally = out[seg.model] = Tally()
            tally.merge(seg.tally)
        return out

    def to_json(self, source: str | None = None) -> dict[str, Any]:
        """The summary as one JSON-ready dict (counts sorted, largest first)."""
        by_status = {
            status: {"count": count, "reasons": _ranked(reasons)}
            for status, (count, reasons) in sorted(
                self.statuses.items(), key=lambda kv: (-kv[1][0], kv[0])
            )
        }
        total = self.total
        sessions = [
            {
                "file": file,
                "id": sid,
                "models": models,
                "responses": tally.responses,
                "usage": tally.usage(),
                **({"cost": tally.cost_json()} if self.priced else {}),
                "transcription": transcription.to_json(),
            }
            for (file, sid), (tally, transcription, models) in self.sessions().items()
        ]
        models = {
            ("(unknown)" if model is None else model): {
                "responses": tally.responses,
                "usage": tally.usage(),
                **({"cost": tally.cost_json()} if self.priced else {}),
            }
            for model, tally in sorted(
                self.models().items(), key=lambda kv: (-kv[1].responses, kv[0] or "")
            )
        }
        doc: dict[str, Any] = {}
        if source is not None:
            doc["source"] = source
        doc.update(
            {
                "files": self.files,
                "sessions": len(sessions),
                "lines": self.lines,
                "bytes": self.bytes,
                "events": self.events,
                "bad_lines": self.bad_lines,
                "salvaged_events": self.salvaged_events,
                "events_by_type": _ranked(
                    {("(no type)" if t is None else t): c for t, c in self.by_type.items()}
                ),
                "responses": {
                    "count": sum(c for c, _ in self.statuses.values()),
                    "salvaged": self.salvaged_responses,
                    "by_status": by_status,
                },
                "usage": total.usage(),
                "transcription": self.transcription.to_json(),
            }
        )
        if self.priced:
            doc["cost"] = total.cost_json()
        doc.update(
            {
                "by_model": models,
                "by_session": sessions,
                "function_calls": _ranked(self.function_calls),
                "mcp_calls": _ranked(self.mcp_calls),
                "errors": [
                    {"file": f, "line": line, "path": p, "message": m}
                    for f, line, p, m in self.errors
                ],
                "salvaged": [
                    {"file": f, "line": line, "path": p, "message": m}
                    for f, line, p, m in self.salvaged
                ],
                "bad_files": [{"file": f, "message": m} for f, m in self.bad_files],
            }
        )
        return doc


def _ranked(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


# --------------------------------------------------------------------------- one process


def _count_source(
    summary: Summary,
    src: Source,
    camel: bool,
    strict: bool,
    max_line: int,
    on_rows: Callable[[list[list[Any]]], None] | None,
    progress: Callable[[Source], None] | None,
) -> None:
    records = decode_lines(src.iter_lines(max_line, progress), camel, strict)
    if on_rows is None:
        summary.add_records(records)
    else:
        while True:
            batch = list(itertools.islice(records, BATCH))
            if not batch:
                break
            summary.add_records(batch)
            on_rows(summary.take_rows())
    summary.finish_file(src)


# --------------------------------------------------------------------------- the run


@attrs.define
class Options:
    """How to decode and count (the command's options, and the API's keywords)."""

    camel: bool = False
    strict: bool = False
    jobs: int = 1
    max_line: int = MAX_LINE
    pricer: Pricer | None = None


def run(
    specs: list[str | None],
    options: Options,
    *,
    on_rows: Callable[[list[list[Any]]], None] | None = None,
    progress: Callable[[int, int, int], None] | None = None,
) -> Summary:
    """Count every session of ``specs`` (paths as :func:`expand` gives them; None: the sample).

    ``on_rows`` receives the rows of finished responses, in order, as they are
    final; ``progress(done, total, decoded)`` the bytes on disk read so far (total 0:
    unknown) and the bytes decoded (uncompressed).
    """
    summary = Summary(options.pricer, on_rows is not None)
    jobs = options.jobs
    rows = on_rows is not None
    if jobs > 1 and specs and None not in specs:
        from ._parallel import run_parallel  # multiprocessing loads only when used

        files = [s for s in specs if s is not None]
        run_parallel(summary, files, options, rows, on_rows, progress)
        return summary
    sizes = [_size(s) for s in specs]
    total = sum(s or 0 for s in sizes) if None not in sizes else 0
    done_before = decoded_before = 0
    keep_going = len(specs) > 1
    for spec in specs:
        report = None
        if progress is not None:
            base, decoded = done_before, decoded_before

            def report(s: Source, base: int = base, decoded: int = decoded) -> None:
                progress(base + s.done_on_disk(), total, decoded + s.bytes)

        src = count_file(summary, spec, options, on_rows, report, keep_going)
        if src is not None:
            done_before += src.size if src.size is not None else src.bytes
            decoded_before += src.bytes
    return summary


def count_file(
    summary: Summary,
    spec: str | None,
    options: Options,
    on_rows: Callable[[list[list[Any]]], None] | None,
    progress: Callable[[Source], None] | None,
    keep_going: bool,
) -> Source | None:
    """Count one input into ``summary``; returns it (None if it could not be opened).

    With ``keep_going``, an input that cannot be read (binary data, a broken
    gzip file) is listed in ``bad_files`` instead of ending the run; what was
    read of it before the problem stays counted.
    """
    opened: list[Source] = []
    try:
        with open_source(spec) as src:
            opened.append(src)
            summary.start_file(src.name)
            _count_source(
                summary, src, options.camel, options.strict, options.max_line, on_rows, progress
            )
    except InputError as exc:
        if not keep_going or spec is None:
            raise
        name = "<stdin>" if spec == STDIN else spec
        if opened:
            summary.finish_file(opened[0])  # the lines read before the problem
        else:
            summary.start_file(name)
        summary.bad_files.append((name, str(exc).removeprefix(f"{name}: ")))
    return opened[0] if opened else None


def _size(spec: str | None) -> int | None:
    if spec is None or spec == STDIN:
        return None
    try:
        return os.stat(spec).st_size
    except OSError:
        return None


# --------------------------------------------------------------------------- the public API


def _specs(paths: Any) -> list[str | None]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return list(expand([os.fspath(p) for p in paths]))


def summarize(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    case: str = "snake",
    strict: bool = False,
    jobs: int = 1,
    prices: Pricer | None = None,
    max_line: int = MAX_LINE,
) -> Summary:
    """Decode every session named by ``paths`` and count them: a :class:`Summary`.

    ``paths`` is a path or several: files (JSON Lines, plain or gzip),
    folders (every ``*.jsonl`` and ``*.jsonl.gz`` below them), glob patterns,
    or ``"-"`` for standard input.  ``prices`` (from :func:`respmodel.load_prices`,
    or :class:`respmodel.GenaiPrices`) prices each finished response by its
    model.  ``jobs`` decodes in that many processes, with the same result.
    A line longer than ``max_line`` bytes is a bad line.  Raises
    :class:`respmodel.RespmodelError` when an input cannot be read.
    """
    from ._converter import is_camel

    options = Options(is_camel(case), bool(strict), _check_jobs(jobs), max_line, prices)
    return run(_specs(paths), options)


def iter_rows(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    case: str = "snake",
    strict: bool = False,
    jobs: int = 1,
    prices: Pricer | None = None,
    max_line: int = MAX_LINE,
) -> Iterator[Row]:
    """One :class:`Row` per finished response of the sessions named by ``paths``, in order.

    Takes the arguments of :func:`summarize`.  With ``jobs`` above 1 the rows
    are gathered (a part at a time) before they are yielded; otherwise they
    stream as the files are read.
    """
    from ._converter import is_camel

    options = Options(is_camel(case), bool(strict), _check_jobs(jobs), max_line, prices)
    specs = _specs(paths)
    buffer: collections.deque[list[Any]] = collections.deque()
    if options.jobs > 1:
        run(specs, options, on_rows=buffer.extend)
        while buffer:
            yield Row(*buffer.popleft())
        return
    # One process: a generator per file, so that rows stream.
    for spec in specs:
        summary = Summary(options.pricer, rows=True)
        with open_source(spec) as src:
            summary.start_file(src.name)
            records = decode_lines(src.iter_lines(options.max_line), options.camel, options.strict)
            while True:
                batch = list(itertools.islice(records, BATCH))
                if not batch:
                    break
                summary.add_records(batch)
                for row in summary.take_rows():
                    yield Row(*row)


def _check_jobs(jobs: int) -> int:
    if jobs.__class__ is not int or jobs < 1:
        raise ValidationError("jobs", f"expected a positive integer, got {jobs!r}")
    return jobs
