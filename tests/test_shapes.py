"""to_shape and ``convert --shape``: the beta, GA and Azure shapes said in one another.

The oracle is the openai package's own pydantic models of both shapes
(installed with the ``tests`` extra, never at run time): a translated
payload validates against the target shape's models everywhere except where
the report says something was kept untranslated.
"""

from __future__ import annotations

import re
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import respmodel
from tests.conftest import DATA, corpus_payloads, wire_payloads
from tests.strategies import model_json, names, response_json, union_json
from tests.test_cli import run

TYPES = {
    "response": respmodel.Response,
    "item": respmodel.OutputItem,
    "part": respmodel.ContentPart,
}


def _payloads() -> list[tuple[str, str, Any]]:
    """Every payload in tests/data: the corpus events whole, what they carry, the wire set."""
    out = []
    for path in sorted((DATA / "corpus").glob("*.json")):
        doc = orjson.loads(path.read_bytes())
        if "." in doc.get("type", ""):
            out.append((path.name, "event", doc))
    return out + corpus_payloads() + wire_payloads()


PAYLOADS = _payloads()
IDS = [f"{name}:{what}" for name, what, _ in PAYLOADS]


def decoded(what: str, data: Any, case: str = "snake") -> Any:
    text = orjson.dumps(data)
    if what == "event":
        return respmodel.loads_event(text, case=case)  # type: ignore[arg-type]
    return respmodel.loads(text, TYPES[what], case=case)  # type: ignore[arg-type]


def as_json(obj: Any, case: str = "snake") -> Any:
    return orjson.loads(respmodel.dumps(obj, case=case))  # type: ignore[arg-type]


def translated(data: Any, what: str, shape: str) -> tuple[Any, list[str]]:
    """The JSON of ``data`` said in ``shape``, and the paths of the notes."""
    result = respmodel.to_shape(decoded(what, data), shape)  # type: ignore[arg-type]
    return as_json(result.value), [n.path for n in result.notes]


# --------------------------------------------------------------------------- the oracle


def _oracle() -> Any:
    try:
        import openai.types.beta.realtime as beta
        import openai.types.realtime as ga
        from pydantic import TypeAdapter, ValidationError
    except ImportError as exc:  # pragma: no cover - the tests extra installs openai
        pytest.skip(f"the openai package (the oracle for both shapes) cannot be imported: {exc}")
    return TypeAdapter, ValidationError, beta, ga


def oracle_error_paths(what: str, shape: str, data: Any) -> list[str]:
    """The JSON paths the openai models of ``shape`` reject in ``data`` (empty: it validates)."""
    adapter_of, invalid, beta, ga = _oracle()
    module = ga if shape == "ga" else beta
    prefix: tuple[Any, ...] = ()
    if what == "response":
        tp: Any = module.RealtimeResponse
    elif what == "event":
        tp = module.RealtimeServerEvent
    elif what == "item":
        tp = module.ConversationItem
    elif shape == "beta":
        tp = beta.ConversationItemContent
    else:  # GA has no union of parts: a part is checked as the content of a message
        tag = data.get("type", "")
        role = "user" if str(tag).startswith("input_") else "assistant"
        data = {"type": "message", "role": role, "content": [data]}
        tp, prefix = ga.ConversationItem, ("content", 0)
    try:
        adapter_of(tp).validate_python(data)
    except invalid as exc:
        paths = _closest([_steps(data, err) for err in exc.errors()])
        return sorted({_render(p, prefix) for p in paths if not _oracle_gap(data, p)})
    return []


Step = tuple[str, Any]


def _steps(data: Any, err: Any) -> tuple[Step, ...]:
    """A pydantic error location as steps: JSON keys and indexes, and the union members tried."""
    steps: list[Step] = []
    here, loc = data, err["loc"]
    for i, key in enumerate(loc):
        in_dict = isinstance(here, dict) and isinstance(key, str) and key in here
        if in_dict or (isinstance(here, list) and isinstance(key, int) and 0 <= key < len(here)):
            steps.append(("key", key))
            here = here[key]
        elif i == len(loc) - 1 and err["type"] == "missing":
            steps.append(("key", key))  # a required key left out
        else:
            steps.append(("member", str(key)))
    return tuple(steps)


def _closest(paths: list[tuple[Step, ...]]) -> list[tuple[Step, ...]]:
    """The errors that matter: at each union, those of the member that came closest."""
    members: dict[str, list[tuple[Step, ...]]] = {}
    keys: dict[Step, list[tuple[Step, ...]]] = {}
    out: list[tuple[Step, ...]] = []
    for p in paths:
        if not p:
            out.append(p)
        elif p[0][0] == "member":
            members.setdefault(p[0][1], []).append(p[1:])
        else:
            keys.setdefault(p[0], []).append(p[1:])
    if members:
        out.extend(_closest(min(members.values(), key=len)))
    for step, rest in keys.items():
        out.extend((step, *r) for r in _closest(rest))
    return out


def _render(steps: tuple[Step, ...], prefix: tuple[Any, ...]) -> str:
    keys = [k for _, k in steps][len(prefix) :]
    return "$" + "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in keys)


def _oracle_gap(data: Any, steps: tuple[Step, ...]) -> bool:
    """Whether the error is one the openai models are behind the API on.

    A custom voice reference (``{"id": "voice_..."}``) is GA's way to name a
    custom voice; the openai package's GA models still take strings only.
    """
    here = data
    for _, key in steps:
        if isinstance(here, dict) and key == "voice":
            voice = here.get("voice")
            return isinstance(voice, dict) and set(voice) == {"id"}
        try:
            here = here[key]
        except (KeyError, IndexError, TypeError):
            return False
    return False


def related(a: str, b: str) -> bool:
    """Whether one path is the other, or lies under it."""
    return a == b or a.startswith((b + ".", b + "[")) or b.startswith((a + ".", a + "["))


@pytest.mark.parametrize("shape", ["ga", "beta"])
@pytest.mark.parametrize(("name", "what", "data"), PAYLOADS, ids=IDS)
def test_translation_validates_against_the_openai_models(
    name: str, what: str, data: Any, shape: str
) -> None:
    """Every payload said in a shape validates against openai's models of it, but where reported.

    Problems the payload has in both shapes are not the translation's (Azure
    leaves out ``event_id``, which both of openai's shapes require): they are
    left aside.
    """
    out, notes = translated(data, what, shape)
    rejected = oracle_error_paths(what, shape, out)
    either = set(oracle_error_paths(what, "ga", data)) & set(oracle_error_paths(what, "beta", data))
    unexplained = [p for p in rejected if p not in either and not any(related(p, n) for n in notes)]
    assert unexplained == [], (rejected, notes)


# --------------------------------------------------------------------------- round trips


def _shape_of(data: Any, what: str, shape: str) -> bool:
    """Whether ``data`` is already said in ``shape`` (translating it changes nothing)."""
    return translated(data, what, shape)[0] == data


@pytest.mark.parametrize(("name", "what", "data"), PAYLOADS, ids=IDS)
def test_beta_to_ga_to_beta_gives_back_the_json(name: str, what: str, data: Any) -> None:
    """A payload said in beta comes back unchanged from GA (and GA adds nothing beta would not)."""
    beta, _ = translated(data, what, "beta")
    ga = respmodel.to_shape(decoded(what, beta), "ga").value
    assert as_json(respmodel.to_shape(ga, "beta").value) == beta
    if _shape_of(data, what, "beta"):
        assert beta == data


GA_PAYLOADS = [
    (name, what, data)
    for name, what, data in PAYLOADS
    if _shape_of(data, what, "ga") and data.get("type") != "conversation.item.created"
]


@pytest.mark.parametrize(
    ("name", "what", "data"), GA_PAYLOADS, ids=[f"{n}:{w}" for n, w, _ in GA_PAYLOADS]
)
def test_ga_to_beta_to_ga_gives_back_the_json(name: str, what: str, data: Any) -> None:
    """A payload said in GA comes back unchanged from beta (GA's own item.created aside)."""
    beta = respmodel.to_shape(decoded(what, data), "beta").value
    assert as_json(respmodel.to_shape(beta, "ga").value) == data


# --------------------------------------------------------------------------- nothing lost


def leaves(value: Any, path: str = "$") -> dict[str, Any]:
    """Every scalar (and empty container) of JSON by its path."""
    if isinstance(value, dict) and value:
        out: dict[str, Any] = {}
        for k, v in value.items():
            out.update(leaves(v, f"{path}.{k}"))
        return out
    if isinstance(value, list) and value:
        out = {}
        for i, v in enumerate(value):
            out.update(leaves(v, f"{path}[{i}]"))
        return out
    return {path: value}


# The places the table moves or renames, written from the table in the README.
MOVED = re.compile(
    r"^\$(\.response)?\.(modalities|output_modalities|voice|output_audio_format|audio)([.\[]|$)"
    r"|^\$(\.item|(\.response)?\.output\[\d+\])?\.content\[\d+\]\.type$"
    r"|^\$(\.part)?\.type$"
)


def at(value: Any, path: str) -> Any:
    for key in re.findall(r"\.([^.\[]+)|\[(\d+)\]", path):
        value = value[key[0]] if key[0] else value[int(key[1])]
    return value


@pytest.mark.parametrize("shape", ["ga", "beta"])
@pytest.mark.parametrize(("name", "what", "data"), PAYLOADS, ids=IDS)
def test_nothing_is_lost_silently(name: str, what: str, data: Any, shape: str) -> None:
    """Only what the table moves changes; every note names something kept as it was."""
    out, notes = translated(data, what, shape)
    after = leaves(out)
    changed = [p for p, v in leaves(data).items() if p not in after or after[p] != v]
    assert [p for p in changed if not MOVED.match(p)] == []
    for path in notes:
        assert_kept(out, data, path)


def assert_kept(out: Any, source: Any, path: str) -> None:
    """The value a note names is in the translation: where it was, or where the table put it."""
    if MOVED.match(path):
        at(out, path)
    else:
        assert at(out, path) == at(source, path)


# --------------------------------------------------------------------------- the table


BETA_TO_GA = [
    (
        {"modalities": ["text", "audio"], "voice": "alloy", "output_audio_format": "pcm16"},
        {
            "output_modalities": ["audio"],
            "audio": {"output": {"voice": "alloy", "format": {"type": "audio/pcm", "rate": 24000}}},
        },
    ),
    (
        {"modalities": ["text"], "output_audio_format": "g711_ulaw"},
        {"output_modalities": ["text"], "audio": {"output": {"format": {"type": "audio/pcmu"}}}},
    ),
    (
        {"output_audio_format": "g711_alaw"},
        {"audio": {"output": {"format": {"type": "audio/pcma"}}}},
    ),
    (
        {"voice": None, "modalities": None},
        {"audio": {"output": {"voice": None}}, "output_modalities": None},
    ),
    (
        {"x_future": {"a": 1}, "voice": "marin"},
        {"x_future": {"a": 1}, "audio": {"output": {"voice": "marin"}}},
    ),
]


@pytest.mark.parametrize(("beta", "ga"), BETA_TO_GA)
def test_responses_translate_by_the_table(beta: dict[str, Any], ga: dict[str, Any]) -> None:
    """A beta response says the same in GA by the table, and back."""
    out, notes = translated(beta, "response", "ga")
    assert (out, notes) == (ga, [])
    assert translated(ga, "response", "beta")[0] == beta


def test_a_custom_voice_reference_moves_to_beta_and_is_reported() -> None:
    """GA's {"id": ...} voice goes to beta's voice (so that it comes back), reported there."""
    ga = {"audio": {"output": {"voice": {"id": "voice_1"}}}}
    assert translated(ga, "response", "beta") == ({"voice": {"id": "voice_1"}}, ["$.voice"])


KEPT_GOING_TO_GA = [
    ({"temperature": 0.8}, "$.temperature"),
    ({"temperature": 1.5}, "$.temperature"),
    ({"modalities": ["text", "audio", "avatar"]}, "$.modalities"),
    ({"modalities": ["audio", "text"]}, "$.modalities"),
    ({"voice": {"type": "azure-standard", "name": "en-US-AvaNeural"}}, "$.voice"),
    ({"output_audio_format": "pcm16_8000hz"}, "$.output_audio_format"),
    ({"voice": "alloy", "audio": {"output": {"voice": "ash"}}}, "$.voice"),
    ({"modalities": ["text"], "output_modalities": ["text"]}, "$.modalities"),
    ({"voice": "alloy", "audio": None}, "$.voice"),
    ({"voice": "ash", "audio": {"output": {"format": {"type": "audio/pcmu"}}}}, "$.voice"),
    ({"output_audio_format": None, "audio": {}}, "$.output_audio_format"),
]


@pytest.mark.parametrize(("data", "path"), KEPT_GOING_TO_GA)
def test_what_ga_cannot_say_is_kept_and_reported(data: dict[str, Any], path: str) -> None:
    """A value without a GA counterpart stays where it was, and its path is reported."""
    assert translated(data, "response", "ga") == (data, [path])


KEPT_GOING_TO_BETA = [
    (
        {"audio": {"output": {"format": {"type": "audio/pcm", "rate": 16000}}}},
        "$.audio.output.format",
    ),
    ({"audio": {"output": {"format": {"type": "audio/pcm"}}}}, "$.audio.output.format"),
    ({"audio": {"output": {"format": {"type": "audio/opus"}}}}, "$.audio.output.format"),
    ({"output_modalities": ["audio", "text"]}, "$.output_modalities"),
    ({"audio": None}, "$.audio"),
    ({"audio": {}}, "$.audio"),
    ({"voice": {"type": "azure-custom", "name": "v", "endpoint_id": "e"}}, "$.voice"),
    ({"output_audio_format": "pcm16_16000hz"}, "$.output_audio_format"),
    ({"modalities": ["text", "animation"]}, "$.modalities"),
]


@pytest.mark.parametrize(("data", "path"), KEPT_GOING_TO_BETA)
def test_what_beta_cannot_say_is_kept_and_reported(data: dict[str, Any], path: str) -> None:
    """A GA value (or Azure addition) without an OpenAI beta counterpart stays, reported."""
    assert translated(data, "response", "beta") == (data, [path])


def test_a_format_left_behind_keeps_its_audio_object() -> None:
    """The voice moves to the top while an untranslatable format stays in audio.output."""
    data = {"audio": {"output": {"format": {"type": "audio/pcm"}, "voice": "marin", "speed": 1.1}}}
    out, notes = translated(data, "response", "beta")
    assert out == {
        "voice": "marin",
        "audio": {"output": {"format": {"type": "audio/pcm"}, "speed": 1.1}},
    }
    assert notes == ["$.audio.output", "$.audio.output.format"]


EVENT_NAMES = [
    ("response.audio.delta", "response.output_audio.delta"),
    ("response.audio.done", "response.output_audio.done"),
    ("response.audio_transcript.delta", "response.output_audio_transcript.delta"),
    ("response.audio_transcript.done", "response.output_audio_transcript.done"),
    ("response.text.delta", "response.output_text.delta"),
    ("response.text.done", "response.output_text.done"),
    ("conversation.item.created", "conversation.item.added"),
]


@pytest.mark.parametrize(("beta", "ga"), EVENT_NAMES)
def test_events_are_renamed_both_ways(beta: str, ga: str) -> None:
    """Each beta event name has its GA name, and back; the other keys travel unchanged."""
    event = {"type": beta, "event_id": "ev_1", "item_id": "item_1", "delta": "x", "x_new": [1]}
    assert translated(event, "event", "ga") == ({**event, "type": ga}, [])
    assert translated({**event, "type": ga}, "event", "beta") == (event, [])


@pytest.mark.parametrize(
    ("tag", "shape"),
    [
        ("conversation.item.done", "beta"),
        ("response.mcp_call.completed", "beta"),
        ("mcp_list_tools.in_progress", "beta"),
        ("input_audio_buffer.timeout_triggered", "beta"),
        ("transcription_session.updated", "ga"),
        ("response.audio_timestamp.delta", "ga"),
        ("response.animation_viseme.done", "beta"),
        ("session.avatar.connecting", "ga"),
        ("conversation.item.annotated", "ga"),
        ("x.unheard_of", "beta"),
    ],
)
def test_events_of_one_shape_only_are_kept_and_reported(tag: str, shape: str) -> None:
    """An event type the target shape lacks (or nobody knows) keeps its name, reported at $.type."""
    event = {"type": tag, "event_id": "ev_1", "item": {"type": "message", "role": "user"}}
    assert translated(event, "event", shape) == (event, ["$.type"])


def test_events_of_both_shapes_are_left_alone() -> None:
    """An event both shapes send alike comes back as the very same object, with no notes."""
    event = respmodel.loads_event(b'{"type": "rate_limits.updated", "rate_limits": []}')
    for shape in ("ga", "beta"):
        result = respmodel.to_shape(event, shape)
        assert result.value is event
        assert result.notes == ()


def test_session_configuration_is_reported() -> None:
    """session.created keeps its session as it was, and says so."""
    event = {"type": "session.created", "session": {"modalities": ["text"], "voice": "alloy"}}
    assert translated(event, "event", "ga") == (event, ["$.session"])


def test_item_created_becomes_added_and_back() -> None:
    """conversation.item.created (beta) is conversation.item.added (GA) and the reverse, as typed events."""
    created = {
        "type": "conversation.item.created",
        "previous_item_id": None,
        "item": {
            "type": "message",
            "role": "assistant",
            "content": [{"type": "text", "text": "hi"}],
        },
    }
    added = {
        **created,
        "type": "conversation.item.added",
        "item": {**created["item"], "content": [{"type": "output_text", "text": "hi"}]},
    }
    ga = respmodel.to_shape(decoded("event", created), "ga")
    assert isinstance(ga.value, respmodel.ConversationItemAddedEvent)
    assert as_json(ga.value) == added
    beta = respmodel.to_shape(ga.value, "beta")
    assert isinstance(beta.value, respmodel.ConversationItemCreatedEvent)
    assert as_json(beta.value) == created


def test_ga_item_created_stays_created_in_beta() -> None:
    """GA still lists conversation.item.created: going to beta it keeps its name."""
    event = {"type": "conversation.item.created", "item": {"type": "function_call", "name": "f"}}
    assert translated(event, "event", "beta") == (event, [])


PARTS = [
    ({"type": "text", "text": "hi"}, {"type": "output_text", "text": "hi"}),
    (
        {"type": "audio", "transcript": "hi", "x": 1},
        {"type": "output_audio", "transcript": "hi", "x": 1},
    ),
    ({"type": "audio", "audio": None}, {"type": "output_audio", "audio": None}),
]


@pytest.mark.parametrize(("beta", "ga"), PARTS)
def test_assistant_parts_translate(beta: dict[str, Any], ga: dict[str, Any]) -> None:
    """text and audio parts are output_text and output_audio, nulls and unknown keys kept."""
    assert translated(beta, "part", "ga") == (ga, [])
    assert translated(ga, "part", "beta") == (beta, [])


@pytest.mark.parametrize(
    ("what", "data", "shape"),
    [
        ("part", {"type": "item_reference", "id": "item_1"}, "ga"),
        ("part", {"type": "input_image", "image_url": "data:"}, "beta"),
        ("part", {"type": "refusal", "refusal": "no"}, "ga"),
        ("item", {"type": "mcp_call", "name": "f"}, "beta"),
        ("item", {"type": "mcp_list_tools", "tools": []}, "beta"),
        ("item", {"type": "web_search_call", "status": "searching"}, "ga"),
        ("item", {"type": "file_search_call", "queries": ["q"]}, "beta"),
        ("item", {"type": "reasoning", "summary": []}, "ga"),
    ],
)
def test_parts_and_items_of_one_shape_are_kept_and_reported(
    what: str, data: dict[str, Any], shape: str
) -> None:
    """A part or item type the target shape lacks stays as it was, reported at its path."""
    assert translated(data, what, shape) == (data, ["$"])


@pytest.mark.parametrize(
    ("part", "ga", "beta"),
    [
        ({"type": "text", "text": ""}, "text", "text"),
        ({"type": "audio", "transcript": ""}, "audio", "audio"),
        ({"type": "output_text", "text": ""}, "output_text", "text"),
        ({"type": "output_audio", "transcript": ""}, "output_audio", "audio"),
    ],
)
def test_content_part_events_name_parts_as_ga_does(
    part: dict[str, Any], ga: str, beta: str
) -> None:
    """GA's content-part events say text and audio, as beta does: only output_* parts change, to beta."""
    event = {"type": "response.content_part.added", "event_id": "ev_1", "part": part}
    for shape, tag in (("ga", ga), ("beta", beta)):
        out, notes = translated(event, "event", shape)
        assert (out["part"]["type"], notes) == (tag, [])


def test_parts_inside_a_response_are_translated_and_reported_by_path() -> None:
    """A response's message parts translate in place; a kept part is named by its full path."""
    data = {
        "type": "response.done",
        "response": {
            "output": [
                {"type": "function_call", "name": "f"},
                {
                    "type": "message",
                    "role": "assistant",
                    "content": [
                        {"type": "text", "text": "a"},
                        {"type": "item_reference", "id": "i"},
                    ],
                },
            ]
        },
    }
    out, notes = translated(data, "event", "ga")
    assert out["response"]["output"][1]["content"] == [
        {"type": "output_text", "text": "a"},
        {"type": "item_reference", "id": "i"},
    ]
    assert out["response"]["output"][0] == data["response"]["output"][0]
    assert notes == ["$.response.output[1].content[1]"]


# --------------------------------------------------------------------------- the API


def test_an_unchanged_object_is_returned_itself() -> None:
    """Translating into the shape an object is already in returns that very object."""
    resp = respmodel.loads(b'{"output_modalities": ["audio"], "usage": {"total_tokens": 1}}')
    result = respmodel.to_shape(resp, "ga")
    assert result.value is resp
    assert result.complete


def test_constructed_and_camel_objects_translate() -> None:
    """Objects made by constructors, or decoded from camelCase, translate and encode in their style."""
    made = respmodel.Response(modalities=("text",), output_audio_format="pcm16", temperature=0.7)
    result = respmodel.to_shape(made, "ga")
    assert as_json(result.value) == {
        "output_modalities": ["text"],
        "audio": {"output": {"format": {"type": "audio/pcm", "rate": 24000}}},
        "temperature": 0.7,
    }
    assert [str(n) for n in result.notes] == [
        "$.temperature: temperature has no GA counterpart: kept as it was"
    ]
    camel = respmodel.loads(b'{"outputAudioFormat": "g711_ulaw", "xKey": 1}', case="camel")
    ga = respmodel.to_shape(camel, "ga").value
    assert as_json(ga, "camel") == {
        "audio": {"output": {"format": {"type": "audio/pcmu"}}},
        "xKey": 1,
    }


def test_the_input_is_not_changed() -> None:
    """to_shape makes new objects: the input encodes as before."""
    text = b'{"type":"response.done","response":{"modalities":["text"],"output":[{"type":"message","content":[{"type":"text","text":"a"}]}]}}'
    event = respmodel.loads_event(text)
    respmodel.to_shape(event, "ga")
    assert respmodel.dumps(event) == text


@pytest.mark.parametrize("shape", ["GA", "azure", "", None, 1, ["ga"]])
def test_an_unknown_shape_is_a_validation_error(shape: Any) -> None:
    """A shape other than "ga" and "beta" is respmodel's ValidationError."""
    with pytest.raises(respmodel.ValidationError, match='shape: expected "ga" or "beta"'):
        respmodel.to_shape(respmodel.Response(), shape)


@pytest.mark.parametrize(
    "obj", [respmodel.Usage(), {"type": "response.done"}, None, "text", respmodel.OpenAIVoice()]
)
def test_other_objects_are_refused(obj: Any) -> None:
    """Anything but a response, item, part or event is an UnsupportedTypeError (a RespmodelError)."""
    with pytest.raises(respmodel.UnsupportedTypeError, match="to_shape translates"):
        respmodel.to_shape(obj, "ga")


# --------------------------------------------------------------------------- fuzzing


def _typed_event(cls: type) -> st.SearchStrategy[Any]:
    return model_json(cls)


EVENT_TAGS = sorted(
    {
        *(b for b, _ in EVENT_NAMES),
        *(g for _, g in EVENT_NAMES),
        "conversation.item.done",
        "session.created",
        "response.audio_timestamp.delta",
        "response.mcp_call.failed",
        "rate_limits.updated",
    }
)
events = st.one_of(
    *(
        _typed_event(c)
        for c in (
            respmodel.ResponseCreatedEvent,
            respmodel.ResponseDoneEvent,
            respmodel.ResponseOutputItemAddedEvent,
            respmodel.ConversationItemCreatedEvent,
            respmodel.ConversationItemAddedEvent,
            respmodel.ConversationItemDoneEvent,
            respmodel.ResponseContentPartDoneEvent,
        )
    ),
    st.builds(
        lambda tag, rest: {**rest, "type": tag},
        st.sampled_from(EVENT_TAGS) | names,
        st.dictionaries(names, st.none() | names, max_size=3),
    ),
)
anything = st.one_of(
    response_json("any").map(lambda d: ("response", d)),
    union_json("OutputItem").map(lambda d: ("item", d)),
    union_json("ContentPart").map(lambda d: ("part", d)),
    events.map(lambda d: ("event", d)),
)


@given(anything, st.sampled_from(["ga", "beta"]))
def test_any_decoded_object_translates_or_errs_cleanly(pair: tuple[str, Any], shape: str) -> None:
    """Any decoded object translates to one that encodes and decodes back equal; notes name kept values."""
    what, data = pair
    try:
        obj = decoded(what, data)
    except respmodel.RespmodelError:
        return
    try:
        result = respmodel.to_shape(obj, shape)  # type: ignore[arg-type]
    except respmodel.RespmodelError:
        return
    out = as_json(result.value)
    assert decoded(what, out) == result.value  # what was built is what its JSON decodes to
    source = as_json(obj)
    for note in result.notes:
        assert_kept(out, source, note.path)


@given(anything)
def test_going_through_ga_changes_nothing_beta_says(pair: tuple[str, Any]) -> None:
    """beta -> GA -> beta equals beta, for any decoded object."""
    what, data = pair
    try:
        obj = decoded(what, data)
    except respmodel.RespmodelError:
        return
    beta = respmodel.to_shape(obj, "beta").value  # type: ignore[arg-type]
    again = respmodel.to_shape(respmodel.to_shape(beta, "ga").value, "beta").value
    assert as_json(again) == as_json(beta)


# --------------------------------------------------------------------------- the command


@pytest.fixture(scope="module")
def sample() -> bytes:
    with as_file(files("respmodel") / "data" / "sample_session.jsonl") as path:
        return path.read_bytes()


SUMMARY_KEYS = (
    "responses",
    "usage",
    "transcription",
    "by_model",
    "function_calls",
    "mcp_calls",
    "bad_lines",
    "events",
    "sessions",
)


def test_the_sample_converts_to_ga_with_the_same_summary(sample: bytes, tmp_path: Path) -> None:
    """The bundled sample said in GA decodes to the same usage, statuses and calls."""
    source, target = tmp_path / "beta.jsonl", tmp_path / "ga.jsonl"
    source.write_bytes(sample)
    result = run("convert", "--shape", "ga", str(source), str(target))
    assert result.returncode == 1  # the sample's deliberate bad lines are kept and reported
    assert b"lines kept something the GA shape cannot say" in result.stderr
    before = orjson.loads(run("decode", "--json", str(source)).stdout)
    after = orjson.loads(run("decode", "--json", str(target)).stdout)
    assert {k: after[k] for k in SUMMARY_KEYS} == {k: before[k] for k in SUMMARY_KEYS}
    for a, b in zip(after["by_session"], before["by_session"], strict=True):
        assert {**a, "file": None} == {**b, "file": None}
    lines = target.read_bytes().split(b"\n")
    assert len(lines) == len(sample.split(b"\n"))
    types = {orjson.loads(x).get("type") for x in lines if x.startswith(b"{") and _parses(x)}
    assert types.isdisjoint({b for b, _ in EVENT_NAMES})


def _parses(line: bytes) -> bool:
    try:
        orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return True


def test_convert_shape_and_case_together() -> None:
    """--shape and --to combine: one pass says a line in GA with camelCase keys."""
    line = b'{"type":"response.done","response":{"output_audio_format":"pcm16","status":"completed"}}\n'
    result = run("convert", "--shape", "ga", "--to", "camel", stdin=line)
    assert result.returncode == 0
    assert orjson.loads(result.stdout) == {
        "type": "response.done",
        "response": {
            "status": "completed",
            "audio": {"output": {"format": {"type": "audio/pcm", "rate": 24000}}},
        },
    }
    assert result.stderr == b""  # nothing kept untranslated, nothing to say


def test_convert_shape_keeps_the_key_style() -> None:
    """--shape alone writes the key style it reads (--from, snake by default)."""
    line = b'{"type":"response.done","eventId":"e","response":{"outputAudioFormat":"g711_alaw"}}\n'
    result = run("convert", "--shape", "ga", "--from", "camel", stdin=line)
    assert (result.returncode, result.stderr) == (0, b"")
    assert orjson.loads(result.stdout) == {
        "type": "response.done",
        "eventId": "e",
        "response": {"audio": {"output": {"format": {"type": "audio/pcma"}}}},
    }


def test_convert_needs_a_target() -> None:
    """convert without --to or --shape is a usage error, in one line."""
    result = run("convert", stdin=b"{}\n")
    assert result.returncode == 2
    assert (
        result.stderr
        == b"respmodel: error: convert: give --to camel|snake, --shape ga|beta, or both\n"
    )


def test_convert_shape_keeps_bad_lines_and_goes_on() -> None:
    """A line that fails is copied and reported; the lines after it are still translated."""
    lines = b'{"type":"response.text.delta","delta":"a"}\n[1, 2]\nnot json\n{"type":"response.text.done","text":"a"}\n'
    result = run("convert", "--shape", "ga", stdin=lines)
    assert result.returncode == 1
    out = result.stdout.split(b"\n")
    assert orjson.loads(out[0])["type"] == "response.output_text.delta"
    assert out[1:3] == lines.split(b"\n")[1:3]
    assert orjson.loads(out[3])["type"] == "response.output_text.done"
    assert result.stderr.count(b"kept as it was, not converted") == 2


def test_every_sample_line_comes_back_to_beta_from_ga(sample: bytes) -> None:
    """Each line of the bundled sample: said in beta, then in GA, then in beta again, is unchanged."""
    checked = 0
    for line in sample.split(b"\n"):
        try:
            event = respmodel.loads_event(line)
        except respmodel.DecodeError:
            continue  # the sample's deliberate bad lines
        beta = respmodel.to_shape(event, "beta").value
        again = respmodel.to_shape(respmodel.to_shape(beta, "ga").value, "beta").value
        assert respmodel.dumps(again) == respmodel.dumps(beta) or as_json(again) == as_json(beta)
        checked += 1
    assert checked > 3000


def test_convert_counts_what_it_kept_and_still_succeeds() -> None:
    """What GA cannot say is counted by kind on stderr, with its first line; the exit status stays 0."""
    line = b'{"type":"response.done","response":{"temperature":0.8}}\n'
    result = run("convert", "--shape", "ga", stdin=line * 3)
    assert result.returncode == 0
    assert result.stdout == line * 3
    assert result.stderr == (
        b"respmodel: 3 lines kept something the GA shape cannot say, unchanged (not an error):\n"
        b"         3  $.response.temperature: temperature has no GA counterpart: kept as it was"
        b" (first on line 1)\n"
    )
