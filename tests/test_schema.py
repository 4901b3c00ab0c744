"""``json_schema``: a draft 2020-12 schema that accepts what ``loads`` accepts, in each mode."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jsonschema
import orjson
import pytest

import respmodel
from tests.conftest import DATA, corpus_payloads, wire_payloads

TYPES: dict[str, Any] = {
    "response": respmodel.Response,
    "item": respmodel.OutputItem,
    "part": respmodel.ContentPart,
    "event": respmodel.ServerEvent,
}
UNIONS = {
    "OutputItem": respmodel.OutputItem,
    "ContentPart": respmodel.ContentPart,
    "Voice": respmodel.Voice,
    "AudioFormat": respmodel.AudioFormat,
    "McpError": respmodel.McpError,
    "ServerEvent": respmodel.ServerEvent,
}
MODEL_CLASSES = [
    obj
    for obj in (getattr(respmodel, name) for name in respmodel.__all__)
    if isinstance(obj, type) and issubclass(obj, respmodel.Model) and obj is not respmodel.Model
]
TARGETS = [*MODEL_CLASSES, *UNIONS.values()]


def target_id(tp: Any) -> str:
    """A readable test id for a class or a union alias."""
    if isinstance(tp, type):
        return tp.__name__
    # A union alias; from Python 3.14 on, its __name__ is "Union" whatever it holds.
    return next(n for n, u in UNIONS.items() if u == tp)


@cache
def validator(tp: Any, case: str, strict: bool) -> jsonschema.Draft202012Validator:
    """A validator of ``json_schema(tp, case, strict)`` (made once per test session)."""
    return jsonschema.Draft202012Validator(
        respmodel.json_schema(tp, case=case, strict=strict)  # type: ignore[arg-type]
    )


def decodes(data: bytes, tp: Any, case: str, strict: bool) -> bool:
    """Whether ``loads`` accepts ``data`` as ``tp`` as it is (DecodeError, or salvage: no).

    The schema describes the resource, not salvage: a field of the wrong JSON
    type, which lenient decoding salvages, is invalid for the lenient schema.
    """
    try:
        obj = respmodel.loads(data, tp, case=case, strict=strict)  # type: ignore[call-overload]
    except respmodel.DecodeError:
        return False
    return not getattr(obj, "problems", ())  # a union's bare string has none


def valid(data: bytes, tp: Any, case: str, strict: bool) -> bool:
    """Whether the schema accepts ``data``, parsed as a schema validator would (exact integers)."""
    return validator(tp, case, strict).is_valid(json.loads(data))


def all_payloads() -> list[tuple[str, str, str, bytes]]:
    """(id, kind, case, JSON) for every payload under tests/data: corpus, wire and camel."""
    out = []
    for path in sorted((DATA / "corpus").glob("*.json")):
        doc = orjson.loads(path.read_bytes())
        what = "event" if "." in doc.get("type", "") else "item"
        out.append((f"corpus/{path.name}", what, "snake", path.read_bytes()))
    for name, what, doc in corpus_payloads():
        out.append((f"corpus/{name}:{what}", what, "snake", orjson.dumps(doc)))
    for name, what, doc in wire_payloads():
        out.append((f"wire/{name}", what, "snake", orjson.dumps(doc)))
    for path in sorted((DATA / "camel" / "expected").glob("*.json")):
        if not path.name.startswith("_"):
            what = path.name.split("_", 1)[0]
            out.append((f"camel/{path.name}", what, "camel", path.read_bytes()))
    return out


PAYLOADS = all_payloads()


def is_json(line: bytes) -> bool:
    """Whether ``line`` is JSON at all (the sample session has broken lines on purpose)."""
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def test_schema_is_valid_draft_2020_12(case: str, strict: bool) -> None:
    """The schema of ServerEvent, which reaches every model class, is valid against the 2020-12 meta-schema."""
    schema = respmodel.json_schema(respmodel.ServerEvent, case=case, strict=strict)  # type: ignore[arg-type]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert {cls.__name__ for cls in MODEL_CLASSES} | set(UNIONS) <= set(schema["$defs"])


@pytest.mark.parametrize("tp", TARGETS, ids=target_id)
def test_every_class_and_union_has_a_schema(tp: Any, case: str, strict: bool) -> None:
    """Each model class and union alias has a schema whose root refers to its own definition."""
    schema = respmodel.json_schema(tp, case=case, strict=strict)  # type: ignore[arg-type]
    assert schema["$ref"] == f"#/$defs/{target_id(tp)}"
    assert schema["$defs"][target_id(tp)]["title"] == target_id(tp)


def test_every_payload_is_checked() -> None:
    """The data set below is the whole of tests/data: corpus, wire and camel files."""
    kinds = {p[0].split("/", 1)[0] for p in PAYLOADS}
    assert kinds == {"corpus", "wire", "camel"}
    assert len(PAYLOADS) > 150


@pytest.mark.parametrize(("name", "what", "case", "data"), PAYLOADS, ids=[p[0] for p in PAYLOADS])
def test_payload_is_valid_leniently(name: str, what: str, case: str, data: bytes) -> None:
    """Every payload in tests/data is valid against its lenient schema."""
    assert valid(data, TYPES[what], case, strict=False)


@pytest.mark.parametrize(("name", "what", "case", "data"), PAYLOADS, ids=[p[0] for p in PAYLOADS])
def test_payload_schema_agrees_with_loads(
    name: str, what: str, case: str, data: bytes, strict: bool
) -> None:
    """The schema accepts a payload exactly when ``loads`` decodes it, in either mode."""
    assert valid(data, TYPES[what], case, strict) == decodes(data, TYPES[what], case, strict)


def test_sample_session_agrees_with_loads_event() -> None:
    """Every event of the bundled sample session: strict schema and strict decoding agree."""
    path = next((DATA.parent.parent / "respmodel" / "data").glob("*.jsonl"))
    lines = [line for line in path.read_bytes().splitlines() if is_json(line)]
    assert len(lines) > 50
    disagree = [
        i
        for i, line in enumerate(lines)
        if valid(line, respmodel.ServerEvent, "snake", True)
        != decodes(line, respmodel.ServerEvent, "snake", True)
    ]
    assert disagree == []


# (type, JSON, valid leniently): every payload below is rejected by strict decoding.
BAD: list[tuple[Any, str, bool]] = [
    # unknown keys, and keys in the other style
    (respmodel.Response, '{"id": "r", "x_new": 1}', True),
    (respmodel.Response, '{"conversationId": "c"}', True),
    (respmodel.Usage, '{"totalTokens": 1}', True),
    # enums and constants
    (respmodel.Response, '{"status": "paused"}', True),
    (respmodel.Response, '{"status": 1}', False),
    (respmodel.Response, '{"object": "realtime.item"}', True),
    (respmodel.Response, '{"modalities": ["text", "smell"]}', True),
    (respmodel.Response, '{"modalities": ["text", null]}', False),
    (respmodel.Response, '{"modalities": "text"}', False),
    # integers
    (respmodel.Usage, '{"total_tokens": -1}', True),
    (respmodel.Usage, '{"total_tokens": "12"}', False),
    (respmodel.Usage, '{"total_tokens": true}', False),
    (respmodel.Usage, '{"total_tokens": 1.5}', False),
    (respmodel.Usage, '{"total_tokens": 18446744073709551616}', False),
    (respmodel.Usage, '{"total_tokens": -9223372036854775809}', False),
    # numbers, booleans, integer-or-"inf"
    (respmodel.Response, '{"temperature": 1.5}', True),
    (respmodel.Response, '{"temperature": 0.59}', True),
    (respmodel.Response, '{"temperature": "hot"}', False),
    (respmodel.McpApprovalResponseItem, '{"approve": 1}', False),
    (respmodel.Response, '{"max_output_tokens": "infinite"}', True),
    (respmodel.Response, '{"max_output_tokens": -5}', True),
    (respmodel.Response, '{"max_output_tokens": 2.5}', False),
    # metadata
    (respmodel.Response, '{"metadata": {"k": 1}}', False),
    (respmodel.Response, '{"metadata": []}', False),
    (respmodel.Response, json.dumps({"metadata": {f"k{i}": "v" for i in range(17)}}), True),
    (respmodel.Response, json.dumps({"metadata": {"k" * 65: "v"}}), True),
    (respmodel.Response, json.dumps({"metadata": {"k": "v" * 513}}), True),
    # opaque JSON and nested objects
    (respmodel.FileSearchResult, '{"attributes": [1]}', False),
    (respmodel.Response, '{"usage": []}', False),
    (respmodel.Response, '{"usage": {"input_token_details": {"cached_tokens": -2}}}', True),
    (respmodel.Response, '{"status_details": {"type": "failed", "error": {"x": 1}}}', True),
    # tagged unions
    (respmodel.OutputItem, '{"type": "reasoning", "id": "i"}', True),
    (respmodel.OutputItem, '{"id": "i"}', True),
    (respmodel.OutputItem, '{"type": null}', True),
    (respmodel.OutputItem, '{"type": 3}', False),
    (respmodel.OutputItem, '"message"', False),
    (respmodel.OutputItem, '{"type": "message", "role": "robot"}', True),
    (respmodel.OutputItem, '{"type": "message", "content": [{"type": "video"}]}', True),
    (respmodel.OutputItem, '{"type": "message", "content": [7]}', False),
    (respmodel.OutputItem, '{"type": "mcp_call", "error": {"type": "timeout"}}', True),
    (respmodel.MessageItem, '{"type": "function_call"}', False),
    (respmodel.Response, '{"output": [{"type": "function_call", "arguments": {}}]}', False),
    (respmodel.Voice, "12", False),
    (respmodel.Voice, '{"name": "x"}', True),
    (respmodel.Voice, '{"id": "v", "name": "x"}', True),
    (respmodel.Voice, '{"id": 5}', False),
    (respmodel.Voice, '{"type": "azure-personal", "model": "Other"}', True),
    (respmodel.AudioFormat, '{"type": "audio/pcm", "rate": -1}', True),
    (respmodel.AudioFormat, '{"type": "audio/opus"}', True),
    # events: every string type is a member, strictly too; no type is not
    (respmodel.ServerEvent, '{"event_id": "e"}', True),
    (respmodel.ServerEvent, '{"type": null}', True),
    (respmodel.ServerEvent, '{"type": "response.done", "response": {"status": "paused"}}', True),
    (respmodel.ServerEvent, '{"type": "response.output_item.added", "output_index": -1}', True),
]


@pytest.mark.parametrize(("tp", "data", "lenient_ok"), BAD, ids=[b[1][:60] for b in BAD])
def test_bad_input_strict_schema_agrees(tp: Any, data: str, lenient_ok: bool) -> None:
    """Strict decoding rejects the input, and so does the strict schema."""
    raw = data.encode()
    assert not decodes(raw, tp, "snake", strict=True)
    assert not valid(raw, tp, "snake", strict=True)


@pytest.mark.parametrize(("tp", "data", "lenient_ok"), BAD, ids=[b[1][:60] for b in BAD])
def test_bad_input_lenient_schema_agrees(tp: Any, data: str, lenient_ok: bool) -> None:
    """Lenient decoding (without salvage) and the lenient schema take the same view of the input."""
    raw = data.encode()
    assert decodes(raw, tp, "snake", strict=False) is lenient_ok
    assert valid(raw, tp, "snake", strict=False) is lenient_ok


GOOD: list[tuple[Any, str]] = [
    (respmodel.ServerEvent, '{"type": "response.audio.delta", "delta": "AAAA", "x": [1]}'),
    (respmodel.Voice, '"alloy"'),
    (respmodel.Voice, '"a-voice-nobody-knows"'),
    (respmodel.Voice, '{"id": "voice_1"}'),
    (respmodel.Response, '{"max_output_tokens": "inf", "temperature": 0.6, "metadata": {}}'),
    (respmodel.Response, '{"id": null, "output": null, "usage": {"total_tokens": 0}}'),
    (respmodel.MessageItem, '{"role": "user", "type": null}'),
    (respmodel.McpProtocolError, '{"type": "protocol_error", "code": -32600}'),
    (respmodel.McpTool, '{"input_schema": [1, {"a": null}], "annotations": "x"}'),
    (respmodel.Usage, '{"total_tokens": 18446744073709551615}'),
]


@pytest.mark.parametrize(("tp", "data"), GOOD, ids=[g[1][:60] for g in GOOD])
def test_good_input_valid_in_both_modes(tp: Any, data: str, strict: bool) -> None:
    """Input that strict decoding accepts is valid against both schemas."""
    raw = data.encode()
    assert decodes(raw, tp, "snake", strict)
    assert valid(raw, tp, "snake", strict)


def test_camel_schema_uses_camel_keys() -> None:
    """The camel schema names the camelCase keys, and rejects the snake ones strictly."""
    schema = respmodel.json_schema(respmodel.Usage, case="camel")
    assert "inputTokenDetails" in schema["$defs"]["Usage"]["properties"]
    assert not valid(b'{"input_tokens": 1}', respmodel.Usage, "camel", strict=True)
    assert valid(b'{"inputTokens": 1}', respmodel.Usage, "camel", strict=True)


def test_integral_float_is_the_known_difference() -> None:
    """JSON Schema counts 1.0 as an integer; respmodel does not (documented in the README)."""
    raw = b'{"total_tokens": 1.0}'
    assert valid(raw, respmodel.Usage, "snake", strict=True)
    assert not decodes(raw, respmodel.Usage, "snake", strict=True)


def test_each_call_gives_a_new_schema() -> None:
    """The result is the caller's to change: another call is unaffected."""
    first = respmodel.json_schema(respmodel.Response)
    first["$defs"].clear()
    assert respmodel.json_schema(respmodel.Response)["$defs"]


@pytest.mark.parametrize(
    "tp",
    [int, respmodel.UnknownItem, respmodel.GenericEvent, respmodel.Response | None, "Response"],
    ids=repr,
)
def test_unsupported_type_rejected(tp: Any) -> None:
    """Anything ``loads`` does not take is an UnsupportedTypeError."""
    with pytest.raises(respmodel.UnsupportedTypeError, match="not a respmodel class or union"):
        respmodel.json_schema(tp)


def test_unknown_key_style_rejected() -> None:
    """``case`` must be "snake" or "camel"."""
    with pytest.raises(ValueError, match="case must be"):
        respmodel.json_schema(respmodel.Response, case="kebab")  # type: ignore[arg-type]


PROBES: list[Any] = [None, "x", "inf", "completed", -1, 1.5, 0.7, True, [], {}, {"type": "message"}]
"""Values put in place of each value of a payload: one of each JSON type, and edge values."""

MUTATED = [
    "wire/response_spec_custom_voice_id_mcp.json",
    "wire/response_spec_ga_audio_pcm_voice_object.json",
    "wire/item_071_azure-js-fixture-item-mcp-list-tools-input-schema.json",
    "wire/item_spec_file_search_call.json",
    "corpus/010_doc-beta-response-done-function-call-horoscope.json",
    "corpus/064_oa-beta-content-part-done.json",
]


def mutations(doc: Any) -> list[Any]:
    """Copies of ``doc`` with one change each: a value replaced by a probe, a key added or removed."""
    out: list[Any] = []

    def walk(node: Any, rebuild: Any) -> None:
        out.extend(rebuild(probe) for probe in PROBES)
        if isinstance(node, dict):
            out.append(rebuild({**node, "x_unknown": 1}))
            for key, value in node.items():
                rest = {k: v for k, v in node.items() if k != key}
                out.append(rebuild(rest))
                walk(value, lambda v, key=key, node=node: rebuild({**node, key: v}))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, lambda v, i=i, node=node: rebuild([*node[:i], v, *node[i + 1 :]]))

    walk(doc, lambda v: v)
    return out


@pytest.mark.parametrize("name", MUTATED)
def test_mutated_payloads_agree(name: str, case: str, strict: bool) -> None:
    """Each one-change mutation of a rich payload: the schema accepts it exactly when ``loads`` does."""
    folder, file = name.split("/")
    tp = TYPES["event" if folder == "corpus" else file.split("_", 1)[0]]
    raw = (DATA / folder / file).read_bytes()
    # The camel form of the same payload, as respmodel writes it.
    doc = orjson.loads(respmodel.dumps(respmodel.loads(raw, tp), case=case))  # type: ignore[arg-type]
    disagree = [
        m
        for m in map(orjson.dumps, mutations(doc))
        if valid(m, tp, case, strict) != decodes(m, tp, case, strict)
    ]
    assert disagree == []
