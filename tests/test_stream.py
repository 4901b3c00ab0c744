"""Streams: a recorded session decodes line by line, bad lines become error records, nothing stops."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

import respmodel
from respmodel import _stream

DONE = {
    "type": "response.done",
    "event_id": "e1",
    "response": {"id": "resp_1", "object": "realtime.response", "status": "completed"},
}
DELTA = {"type": "response.output_audio.delta", "event_id": "e2", "delta": "AAAA"}
BETA_DELTA = {"type": "response.audio.delta", "delta": "AAAA"}
BARE = {"id": "resp_2", "object": "realtime.response", "status": "cancelled"}

LINES = [
    orjson.dumps(DONE),
    b"",
    orjson.dumps(DELTA),
    b"   ",
    b'{"type": ["response.done"], "response": {}}',
    b"WARNING: reconnecting",
    orjson.dumps(BETA_DELTA),
    orjson.dumps(BARE),
]
"""Line 1 typed, 2 blank, 3 generic, 4 blank, 5 and 6 bad, 7 generic, 8 a bare response."""

TEXT = b"\n".join(LINES) + b"\n"


def summary(records: Iterator[Any]) -> list[tuple[int, Any]]:
    """(line, event class name or the first error's path) per record."""
    return [(r.line, type(r.event).__name__ if r.ok else r.path) for r in records]


EXPECTED = [
    (1, "ResponseDoneEvent"),
    (3, "GenericEvent"),
    (5, "$.type"),
    (6, "$"),
    (7, "GenericEvent"),
    (8, "Response"),
]


def test_iterable_of_bytes_lines() -> None:
    """An iterable of byte lines yields a record per non-blank line, numbered from 1."""
    assert summary(respmodel.iter_events(LINES)) == EXPECTED


def test_iterable_of_str_frames() -> None:
    """Str frames (a websocket's messages) decode the same way."""
    assert summary(respmodel.iter_events([line.decode() for line in LINES])) == EXPECTED


def test_lines_with_line_ends() -> None:
    """Lines that keep their line ends (as files give them) decode the same way."""
    assert summary(respmodel.iter_events(io.BytesIO(TEXT).readlines())) == EXPECTED


def test_blank_lines_are_skipped_but_counted() -> None:
    """Blank lines yield nothing, and the lines after them keep their real numbers."""
    records = list(respmodel.iter_events([b"", b"\n", b" \t\r\n", orjson.dumps(DELTA)]))
    assert [r.line for r in records] == [4]


def test_bad_line_yields_error_record_and_stream_goes_on() -> None:
    """A bad line is an ErrorRecord with line, path and message; the lines after it still decode."""
    records = list(respmodel.iter_events(LINES))
    bad = [r for r in records if not r.ok]
    assert [type(r) for r in bad] == [respmodel.ErrorRecord] * 2
    assert (bad[0].line, bad[0].path, bad[0].message) == (
        5,
        "$.type",
        "expected a string, got array of 1",
    )
    assert (bad[1].line, bad[1].path) == (6, "$")
    assert bad[1].message.startswith("invalid JSON: ")
    assert records[-1].ok
    assert records[-1].line == 8


def test_error_record_lists_every_problem() -> None:
    """A strict error record carries every problem of its line, each with its path."""
    line = b'{"type": "response.done", "response": {"id": 1, "usage": {"input_tokens": "x"}}}'
    (record,) = respmodel.iter_events([line], strict=True)
    assert [e.path for e in record.errors] == ["$.response.id", "$.response.usage.input_tokens"]
    assert str(record).splitlines()[0] == "line 1: $.response.id: expected string, got number 1"


def test_salvaged_line_is_an_event_record_with_its_problems() -> None:
    """Leniently, wrong-typed fields are salvaged: the line decodes and its event lists them."""
    line = b'{"type": "response.done", "response": {"id": 1, "usage": {"input_tokens": "x"}}}'
    (record,) = respmodel.iter_events([line])
    assert record.ok
    assert [e.path for e in record.event.problems] == [
        "$.response.id",
        "$.response.usage.input_tokens",
    ]
    assert record.event.response.id is None
    assert respmodel.dumps(record.event) == line.replace(b", ", b",").replace(b": ", b":")


@pytest.mark.parametrize(
    ("line", "path", "message"),
    [
        (b"[1, 2]", "$", "expected object, got array of 2"),
        (b"42", "$", "expected object, got number 42"),
        (b'{"type": 1}', "$.type", "expected a string, got number 1"),
        (b"\xff\xfe{}", "$", "invalid JSON: "),
        (b'{"type": "response.done"', "$", "invalid JSON: "),
    ],
)
def test_bad_lines_table(line: bytes, path: str, message: str) -> None:
    """Lines that are not server events become error records naming where and what."""
    (record,) = respmodel.iter_events([line])
    assert not record.ok
    assert record.path == path
    assert record.message.startswith(message)


def test_non_text_element_is_an_error_record() -> None:
    """An element that is neither bytes nor str is a bad line, not a crash."""
    (record,) = respmodel.iter_events([123])  # type: ignore[list-item]
    assert record.message == "expected bytes, bytearray, memoryview or str, got int"


def test_bare_response_line_is_a_response() -> None:
    """A line holding a bare response (no type, object realtime.response) decodes as a Response."""
    (record,) = respmodel.iter_events([orjson.dumps(BARE)])
    assert record.event == respmodel.Response(
        id="resp_2", object="realtime.response", status="cancelled"
    )


def test_untyped_object_is_generic_leniently_and_bad_strictly() -> None:
    """An object with neither type nor a response's object is generic leniently, an error strictly."""
    (lenient,) = respmodel.iter_events([b'{"x": 1}'])
    (strict,) = respmodel.iter_events([b'{"x": 1}'], strict=True)
    assert type(lenient.event) is respmodel.GenericEvent
    assert (strict.ok, strict.path) == (False, "$")


def test_strict_mode_reports_unknown_fields() -> None:
    """strict=True applies to every line of the stream."""
    line = orjson.dumps({**DONE, "x_new": 1})
    assert next(iter(respmodel.iter_events([line]))).ok
    (record,) = respmodel.iter_events([line], strict=True)
    assert (record.ok, record.path, record.message) == (False, "$.x_new", "unknown field")


def test_camel_stream() -> None:
    """case="camel" decodes the camelCase form; generic events are taken as they are."""
    camel = [
        respmodel.dumps(respmodel.loads_event(orjson.dumps(d)), case="camel") for d in (DONE, DELTA)
    ]
    assert b'"eventId"' in camel[0]
    records = list(respmodel.iter_events(camel, case="camel"))
    assert [r.event for r in records] == [
        respmodel.loads_event(orjson.dumps(d)) for d in (DONE, DELTA)
    ]


def test_path_to_jsonl(tmp_path: Path) -> None:
    """A path (str or Path) to a .jsonl file is read line by line."""
    path = tmp_path / "s.jsonl"
    path.write_bytes(TEXT)
    assert summary(respmodel.iter_events(path)) == EXPECTED
    assert summary(respmodel.iter_events(str(path))) == EXPECTED


def test_path_to_gzip(tmp_path: Path) -> None:
    """A gzip file is decompressed, recognised by its content whatever its name."""
    for name in ("s.jsonl.gz", "s.jsonl"):
        path = tmp_path / name
        path.write_bytes(gzip.compress(TEXT))
        assert summary(respmodel.iter_events(path)) == EXPECTED


def test_binary_file_object(tmp_path: Path) -> None:
    """A binary file object is read line by line; a gzip one is decompressed."""
    assert summary(respmodel.iter_events(io.BytesIO(TEXT))) == EXPECTED
    path = tmp_path / "s.gz"
    path.write_bytes(gzip.compress(TEXT))
    with open(path, "rb") as f:
        assert summary(respmodel.iter_events(f)) == EXPECTED


def test_text_file_object() -> None:
    """A text file object works too."""
    assert summary(respmodel.iter_events(io.StringIO(TEXT.decode()))) == EXPECTED


def test_missing_file_raises_at_once(tmp_path: Path) -> None:
    """A path that does not exist raises FileNotFoundError when iter_events is called."""
    with pytest.raises(FileNotFoundError):
        respmodel.iter_events(tmp_path / "missing.jsonl")


@pytest.mark.parametrize("source", [TEXT, bytearray(TEXT), memoryview(TEXT)])
def test_bytes_source_is_a_type_error(source: Any) -> None:
    """Raw bytes are refused with a hint (iterating them would give ints, not lines)."""
    with pytest.raises(TypeError, match="splitlines"):
        respmodel.iter_events(source)


def test_stream_reads_lazily() -> None:
    """Records come as lines arrive: the source is not read ahead."""
    consumed = []

    def source() -> Iterator[bytes]:
        for i in range(1000):
            consumed.append(i)
            yield orjson.dumps({**DELTA, "event_id": f"e{i}"})

    records = respmodel.iter_events(source())
    first = next(records)
    assert first.line == 1
    assert first.event.event_id == "e0"
    assert len(consumed) == 1


def test_records_are_values() -> None:
    """Records compare by value and pickle (to send them between processes)."""
    import pickle

    a = list(respmodel.iter_events(LINES))
    b = list(respmodel.iter_events(LINES))
    assert a == b
    assert pickle.loads(pickle.dumps(a)) == a


def test_bundled_sample_streams() -> None:
    """The bundled sample's three deliberate faults: two lines that are not JSON, one salvaged."""
    from importlib.resources import as_file, files

    with as_file(files("respmodel") / "data" / "sample_session.jsonl") as path:
        records = list(respmodel.iter_events(path))
    assert len(records) > 1000
    assert sum(not r.ok for r in records) == 2
    salvaged = [r for r in records if r.ok and r.event.problems]
    assert [str(p) for r in salvaged for p in r.event.problems] == [
        '$.response.output: expected array, got string "x"'
    ]


def test_iter_events_bounds_line_length(tmp_path: Path) -> None:
    """A line of a path longer than max_line is one ErrorRecord; the lines after it decode."""
    path = tmp_path / "s.jsonl"
    path.write_bytes(b'{"type": "a"}\n' + b"x" * 500 + b'\n{"type": "b"}\n')
    records = list(respmodel.iter_events(path, max_line=100))
    assert [r.ok for r in records] == [True, False, True]
    assert records[1].message == "line too long: 501 bytes, more than the limit of 100"  # type: ignore[union-attr]


def test_iter_events_survives_a_line_that_breaks_the_decoder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A line on which the decoder raises a bug's exception is an ErrorRecord; the stream goes on."""
    real = _stream.event_decoder

    def buggy(*args: Any, **kwargs: Any) -> Any:
        decode = real(*args, **kwargs)

        def broken(d: Any) -> Any:
            if d.get("type") == "boom":
                raise TypeError("unhashable type: 'list'")
            return decode(d)

        return broken

    monkeypatch.setattr(_stream, "event_decoder", buggy)
    records = list(respmodel.iter_events([b'{"type": "boom"}', b'{"type": "a"}']))
    assert [r.ok for r in records] == [False, True]
    assert str(records[0]) == "line 1: $: cannot decode: TypeError: unhashable type: 'list'"
