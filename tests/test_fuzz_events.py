"""Fuzzing the other entry points: loads_event, iter_events and the cattrs converter hooks.

Every input gives an object or respmodel's own error (never a bare exception),
what decodes encodes back to the same JSON, strict accepts nothing lenient
refuses, and the converter hooks decide exactly as ``structure`` does.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import orjson
from hypothesis import given
from hypothesis import strategies as st

import respmodel
from tests.test_fuzz import (
    FUZZ,
    assert_readable,
    damaged,
    mutate,
    outcome,
    payloads,
    same,
    same_json,
    text_of,
    texts,
)


def _sample_events() -> list[Any]:
    """The events of the bundled session that are JSON objects (its bad lines left out)."""
    path = Path(respmodel.__file__).parent / "data" / "sample_session.jsonl"
    out = []
    for line in path.read_bytes().splitlines():
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        if isinstance(value, dict):
            out.append(value)
    return out


SESSION = _sample_events()[::7]  # every 7th: all kinds of event, a quick draw

WRAP = {
    respmodel.Response: lambda d: {"type": "response.done", "event_id": "e1", "response": d},
    respmodel.OutputItem: lambda d: {"type": "response.output_item.done", "item": d},
    respmodel.ContentPart: lambda d: {"type": "response.content_part.added", "part": d},
}


@st.composite
def events(draw: st.DrawFn, camel: bool) -> Any:
    """A mutated server event: a typed one around a drawn payload, or one of a real session."""
    tp, payload = draw(payloads(camel))
    wrap = WRAP.get(tp)
    if wrap is not None and draw(st.booleans()):
        start = wrap(payload)
    else:
        start = draw(st.sampled_from(SESSION))
    return draw(mutate(start))


def check_event(text: Any, case: str) -> None:
    """loads_event: an event or a DecodeError, lossless, strict within lenient."""
    lenient = outcome(lambda: respmodel.loads_event(text, case=case))  # type: ignore[arg-type]
    strict = outcome(lambda: respmodel.loads_event(text, case=case, strict=True))  # type: ignore[arg-type]
    if strict[0] == "ok":
        assert lenient[0] == "ok", "strict accepted what lenient refused"
        assert strict[1] == lenient[1]
    if lenient[0] == "ok":
        assert same_json(orjson.loads(respmodel.dumps(lenient[1], case=case)), orjson.loads(text))


@FUZZ
@given(data=st.data())
def test_mutated_events_decode_losslessly_or_fail_with_paths(
    case: str, data: st.DataObject
) -> None:
    """Mutated typed and generic events, the type key included, give an event or a DecodeError."""
    check_event(orjson.dumps(data.draw(events(case == "camel"))), case)


@FUZZ
@given(data=st.data())
def test_damaged_event_bytes_give_an_event_or_a_decode_error(
    case: str, data: st.DataObject
) -> None:
    """Cut, flipped and spliced bytes of events give an event or a DecodeError."""
    tp, text = data.draw(damaged(case == "camel"))
    wrap = WRAP.get(tp)
    if wrap is not None:  # the damaged payload inside an event, bytes as they are
        text = b'{"type":"response.done","response":' + text + b"}"
    check_event(text, case)


@FUZZ
@given(data=st.data())
def test_iter_events_gives_one_record_per_line_and_never_raises(
    case: str, data: st.DataObject
) -> None:
    """A stream of mutated, damaged and blank lines gives one record per non-blank line."""
    camel = case == "camel"
    lines = data.draw(
        st.lists(
            st.one_of(
                events(camel).map(orjson.dumps),
                texts(camel).map(lambda t: text_of(t[1], t[2])),
                st.sampled_from([b"", b"   ", b"not json", b'{"type": []}', b"[1]", b"\xff\xfe"]),
            ),
            max_size=6,
        )
    )
    stream = io.BytesIO(b"\n".join(lines) + b"\n")
    records = list(respmodel.iter_events(stream, case=case))
    expected = [i + 1 for i, line in enumerate(lines) if line.strip()]
    assert [r.line for r in records] == expected
    for record in records:
        if record.ok:
            line = lines[record.line - 1]
            assert same_json(
                orjson.loads(respmodel.dumps(record.event, case=case)), orjson.loads(line)
            )
        else:
            assert record.errors
            assert all(e.path.startswith("$") for e in record.errors)


@FUZZ
@given(data=st.data())
def test_converter_hooks_decide_as_structure_does(case: str, data: st.DataObject) -> None:
    """A configured converter's structure hooks give structure()'s object or its DecodeError."""
    tp, tree, splice = data.draw(texts(case == "camel"))
    if splice is not None:
        return  # raw text splices are not Python values
    strict = data.draw(st.booleans())
    converter = respmodel.make_converter(case=case, strict=strict)
    by_hook = outcome(lambda: converter.structure(tree, tp))
    by_structure = outcome(lambda: respmodel.structure(tree, tp, case=case, strict=strict))
    assert same(by_hook, by_structure)
    if by_hook[0] == "error":
        assert_readable(by_hook[1])
        return
    assert same_json(converter.unstructure(by_hook[1]), orjson.loads(orjson.dumps(tree)))
