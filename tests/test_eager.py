"""Eager decoding: finished objects at decode, built through twins; evolve; caches; generated code."""

from __future__ import annotations

import copy
import json
import linecache
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import orjson
import pytest

import respmodel
from respmodel import _dispatch, _json
from respmodel._codegen import source_of
from respmodel._kinds import Kind
from respmodel._modes import mode
from respmodel._unions import UNIONS

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "golden"
CORPUS = sorted((DATA / "corpus").glob("*.json"))


def _responses() -> list[dict[str, Any]]:
    out = []
    for path in CORPUS:
        doc = json.loads(path.read_bytes())
        if isinstance(doc.get("response"), dict):
            out.append(doc["response"])
    return out


RESPONSES = _responses()


def _objects(value: Any) -> Iterator[Any]:
    """Every respmodel object in a decoded tree, the root first."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, (respmodel.Model, respmodel.Unknown)):
            yield v
            if isinstance(v, respmodel.Model):
                stack.extend(getattr(v, a.name) for a in attrs.fields(type(v)))
        elif isinstance(v, tuple):
            stack.extend(v)


@pytest.mark.parametrize("data", RESPONSES, ids=range(len(RESPONSES)))
def test_every_decoded_object_is_of_its_public_class(data: dict[str, Any]) -> None:
    """No twin leaves a decoder: each object's class is a public respmodel class."""
    for obj in _objects(respmodel.loads(orjson.dumps(data))):
        cls = type(obj)
        assert obj.__class__ is cls
        assert cls.__name__ in respmodel.__all__
        assert "Twin" not in cls.__name__


def test_decoded_objects_are_finished_at_decode() -> None:
    """Every slot of every object is set when loads returns (nothing waits for a read)."""
    for data in RESPONSES:
        for obj in _objects(respmodel.loads(orjson.dumps(data))):
            for slot in (a.name for a in attrs.fields(type(obj))):
                object.__getattribute__(obj, slot)  # AttributeError if unset


def test_decoded_objects_stay_frozen() -> None:
    """The public class of a decoded object is frozen, as constructed objects are."""
    resp = respmodel.loads(orjson.dumps(RESPONSES[0]))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        resp.status = "failed"  # type: ignore[misc]


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_decoded_objects_pickle_copy_compare_and_hash(protocol: int) -> None:
    """Objects built through twins pickle, copy, compare and hash like constructed ones."""
    for data in RESPONSES:
        resp = respmodel.loads(orjson.dumps(data))
        for other in (
            pickle.loads(pickle.dumps(resp, protocol)),
            copy.copy(resp),
            copy.deepcopy(resp),
        ):
            assert type(other) is respmodel.Response
            assert other == resp
            assert hash(other) == hash(resp)
            assert respmodel.dumps(other) == respmodel.dumps(resp)
        built = respmodel.structure(data)  # keeps nothing of its input: encodes field by field
        assert built == resp
        assert hash(built) == hash(resp)
        assert orjson.loads(respmodel.dumps(built)) == data


def test_evolve_does_not_check_what_it_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    """attrs.evolve accepts the values it copies from a checked object without calling a kind."""
    calls: list[str] = []
    for name in ("convert", "problem"):
        original = getattr(Kind, name)

        def spy(self: Kind, value: Any, _name: str = name, _f: Any = original) -> Any:
            calls.append(f"{type(self).__name__}.{_name}")
            return _f(self, value)

        monkeypatch.setattr(Kind, name, spy)
        for sub in Kind.__subclasses__():
            for cls in (sub, *sub.__subclasses__()):
                if name in cls.__dict__:
                    monkeypatch.setattr(cls, name, spy)
    for data in RESPONSES:
        resp = respmodel.loads(orjson.dumps({**data, "metadata": None}))
        evolved = attrs.evolve(resp, status="cancelled")
        assert evolved.status == "cancelled"
        assert evolved.output == resp.output
    assert calls == []


def test_evolve_checks_what_changes() -> None:
    """A value passed to attrs.evolve is checked like any constructor argument."""
    resp = respmodel.loads(orjson.dumps(RESPONSES[0]))
    with pytest.raises(respmodel.ValidationError, match=r"Response\.temperature"):
        attrs.evolve(resp, temperature="hot")
    with pytest.raises(respmodel.ValidationError, match=r"Response\.output\[0\]"):
        attrs.evolve(resp, output=(respmodel.TextPart(),))


def test_evolved_object_encodes_its_change_and_keeps_the_rest() -> None:
    """dumps of an evolved object has the new value and every other key as decoded."""
    for data in RESPONSES:
        resp = respmodel.loads(orjson.dumps(data))
        out = orjson.loads(respmodel.dumps(attrs.evolve(resp, status="cancelled")))
        assert out == {**data, "status": "cancelled"}


def test_structure_of_a_large_input_takes_the_one_pass_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """structure() of a valid 2,000-item response copies nothing first and equals loads."""
    item = RESPONSES[0]["output"][0] if RESPONSES[0].get("output") else {"type": "message"}
    data = {**RESPONSES[0], "output": [dict(item, id=f"item_{i}") for i in range(2000)]}

    def no_copy(value: Any, max_depth: int = 0) -> Any:
        raise AssertionError("own() called on valid input")

    monkeypatch.setattr(_dispatch, "own", no_copy)
    obj = respmodel.structure(data)
    assert len(obj.output) == 2000
    assert obj == respmodel.loads(orjson.dumps(data))
    data["output"][0]["id"] = "changed later"
    assert obj.output[0].id == "item_0"  # nothing of the caller's input was kept


def test_mode_arguments_do_not_grow_the_caches() -> None:
    """strict=0..999 (and True/False) are two modes, not a thousand cached decoders."""
    payload = orjson.dumps(RESPONSES[0])
    respmodel.loads(payload)
    respmodel.loads(payload, strict=True)
    before = (len(_json._LOADS) + len(_json._STRUCTURE), len(_dispatch._DECODERS))
    for i in range(1000):
        respmodel.loads(payload, strict=i)  # type: ignore[arg-type]
        respmodel.structure(RESPONSES[0], strict=i)  # type: ignore[arg-type]
    after = (len(_json._LOADS) + len(_json._STRUCTURE), len(_dispatch._DECODERS))
    assert after[0] == before[0]
    assert after[1] <= before[1] + 2  # structure's two modes, at most


def test_bad_input_generates_no_code() -> None:
    """Reporting a problem walks the input; it compiles nothing."""
    respmodel.loads(b"{}", strict=True)
    before = {k for k in linecache.cache if k.startswith("<respmodel ")}
    with pytest.raises(respmodel.DecodeError):
        respmodel.loads(b'{"output": 5, "usage": {"input_tokens": "x"}}', strict=True)
    after = {k for k in linecache.cache if k.startswith("<respmodel ")}
    assert after == before


def test_salvage_generates_its_decoders_once() -> None:
    """The first salvaged input compiles the salvage decoders; later ones compile nothing."""
    respmodel.loads(b'{"output": 5}')
    before = {k for k in linecache.cache if k.startswith("<respmodel ")}
    assert respmodel.loads(b'{"output": 5, "usage": {"input_tokens": "x"}}').problems
    after = {k for k in linecache.cache if k.startswith("<respmodel ")}
    assert after == before


@pytest.mark.parametrize(
    ("kwargs", "payload"),
    [
        ({"metadata": {"k": 1}}, {"metadata": {"k": 1}}),
        ({"temperature": "hot"}, {"temperature": "hot"}),
        ({"max_output_tokens": 2.5}, {"max_output_tokens": 2.5}),
        ({"object": 5}, {"object": 5}),
        ({"id": True}, {"id": True}),
    ],
)
def test_constructors_and_strict_decoding_give_the_same_message(
    kwargs: dict[str, Any], payload: dict[str, Any]
) -> None:
    """A value a constructor rejects is rejected by decoding with the same message."""
    with pytest.raises(respmodel.ValidationError) as built:
        respmodel.Response(**kwargs)
    with pytest.raises(respmodel.DecodeError) as decoded:
        respmodel.loads(orjson.dumps(payload), strict=True)
    assert built.value.message == decoded.value.message
    assert built.value.field.replace("Response", "$") == decoded.value.path


# --------------------------------------------------------------------------- tags read once


MEMBERS = [(name, tag) for name, info in UNIONS.items() for tag in info.tags]
TAGGED = sorted(
    {cls for info in UNIONS.values() for cls in info.tags.values()}, key=lambda c: c.__name__
)


@pytest.mark.parametrize(("union", "tag"), MEMBERS, ids=[f"{u}-{t}" for u, t in MEMBERS])
def test_a_member_found_by_its_tag_keeps_every_other_key(union: str, tag: str) -> None:
    """A union member (whose decoder leaves the tag check to the union) keeps unknown keys."""
    data = orjson.dumps({"type": tag, "x_new": [1]})
    obj = respmodel.loads(data, getattr(respmodel, union))
    assert type(obj) is UNIONS[union].tags[tag]
    assert obj.extra == {"x_new": (1,)}
    assert respmodel.dumps(obj) == data


@pytest.mark.parametrize("cls", TAGGED, ids=lambda c: c.__name__)
def test_a_class_asked_for_directly_checks_its_tag(cls: type[respmodel.Model]) -> None:
    """Asked for by class, a member checks the tag itself: a wrong one fails, a missing one is counted."""
    with pytest.raises(respmodel.DecodeError, match=r"\$\.type"):
        respmodel.loads(b'{"type": "no such tag"}', cls)
    untagged = respmodel.loads(b'{"x_new": 1}', cls)
    assert untagged.extra == {"x_new": 1}
    assert respmodel.dumps(untagged) == b'{"x_new":1}'


def test_typed_events_keep_unknown_keys() -> None:
    """An event found by its type (its decoder does not check the type again) keeps unknown keys."""
    data = b'{"type":"response.done","event_id":"e","x_new":1}'
    event = respmodel.loads_event(data)
    assert event.extra == {"x_new": 1}
    assert respmodel.dumps(event) == data


# --------------------------------------------------------------------------- generated source


@pytest.mark.parametrize(
    ("name", "kind", "target", "camel", "strict"),
    [
        ("decode_Response_snake_lenient", "decode", respmodel.Response, False, False),
        ("decode_Response_camel_strict", "decode", respmodel.Response, True, True),
        ("decode_OutputItem_snake_lenient", "decode", "OutputItem", False, False),
        ("member_MessageItem_snake_lenient", "member", respmodel.MessageItem, False, False),
        ("encode_Response_snake", "encode", respmodel.Response, False, False),
        ("init_Response", "init", respmodel.Response, False, False),
    ],
)
def test_generated_source_matches_the_golden_file(
    name: str, kind: str, target: Any, camel: bool, strict: bool
) -> None:
    """A change to the code templates shows in review as a change to tests/data/golden/."""
    source = source_of(kind, target, mode(camel, strict))
    path = GOLDEN / f"{name}.py.txt"
    if os.environ.get("RESPMODEL_UPDATE_GOLDEN"):
        path.write_text(source, encoding="utf-8")
    assert source == path.read_text(encoding="utf-8"), (
        f"generated source changed; review it and rerun with RESPMODEL_UPDATE_GOLDEN=1 ({path})"
    )


# --------------------------------------------------------------------------- threads, cold


_THREADS = r"""
import json, sys, threading
import orjson, respmodel
payloads = json.loads(sys.stdin.read())
modes = [(c, s) for c in ("snake", "camel") for s in (False, True)]
jobs = []
for case, strict in modes:
    for p in payloads:
        data = orjson.dumps(p) if case == "snake" else None
        jobs.append((case, strict, p))
def run(case, strict, p):
    try:
        if case == "camel":
            p = orjson.loads(respmodel.dumps(respmodel.loads(orjson.dumps(p)), case="camel"))
        obj = respmodel.loads(orjson.dumps(p), strict=strict, case=case)
        read = [obj.status, obj.usage and obj.usage.total_tokens,
                [type(i).__name__ for i in obj.output or ()]]
        return ["ok", respmodel.dumps(obj, case=case).decode(), repr(read)]
    except respmodel.DecodeError as exc:
        return ["error", str(exc)]
barrier = threading.Barrier(8)
results = [None] * 8
def worker(k):
    barrier.wait()
    results[k] = [run(*job) for job in jobs]
threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
for t in threads: t.start()
for t in threads: t.join()
serial = [run(*job) for job in jobs]
print(json.dumps({"same": all(r == serial for r in results), "n": len(serial)}))
"""


def test_eight_threads_in_a_fresh_process_decode_and_read_identically() -> None:
    """8 threads that all decode first thing (code generated under their feet) agree with serial."""
    out = subprocess.run(
        [sys.executable, "-c", _THREADS],
        input=json.dumps(RESPONSES),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    result = json.loads(out.stdout)
    assert result == {"same": True, "n": 4 * len(RESPONSES)}


def test_metadata_argument_accepted_as_is_only_when_all_strings() -> None:
    """A read-only metadata of strings is stored as given; any other key or value is refused."""
    metadata = respmodel.FrozenDict({"a": "b"})
    assert respmodel.Response(metadata=metadata).metadata is metadata
    for bad in (respmodel.FrozenDict({1: "a"}), respmodel.FrozenDict({"a": 1})):
        with pytest.raises(respmodel.ValidationError):
            respmodel.Response(metadata=bad)
