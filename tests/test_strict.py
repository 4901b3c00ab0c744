"""Strict mode rejects each deviation lenient mode keeps, and lists every path.

The deviations are derived from the field kinds of every class: an unknown
key on every object, an unknown value for every open enum, a wrong
``object`` literal, a broken constraint (negative counts, temperature out of
range, too much metadata), an unknown, missing or null tag at every union.
Each one alone is one problem at one path; all of them at once, nested
through a whole response, are every path, exactly.  Lenient decoding keeps
each payload and writes it back unchanged.  The rules are those of
docs/spec.md, sections "Lenient and strict" and "Tagged unions".
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest

import respmodel
from respmodel._kinds import (
    Bool,
    Const,
    Enum,
    Float,
    Int,
    IntOrInf,
    Json,
    Kind,
    Metadata,
    Obj,
    Seq,
    Str,
    Union,
    field_infos,
)
from respmodel._unions import UNIONS

RESOURCE_MODULES = ("_response", "_usage", "_items", "_parts", "_voices", "_audio")
CLASSES = sorted(
    (
        c
        for c in vars(respmodel).values()
        if isinstance(c, type)
        and issubclass(c, respmodel.Model)
        and c is not respmodel.Model
        and c.__module__.rsplit(".", 1)[-1] in RESOURCE_MODULES
    ),
    key=lambda c: c.__name__,
)
UNION_NAMES = ("OutputItem", "ContentPart", "Voice", "AudioFormat", "McpError")
UNKNOWN_KEY = "x_future"  # unknown in both key styles
Paths = list[str]


def tag_of(cls: type) -> str | None:
    tag = cls.__dict__.get("type")
    return tag if isinstance(tag, str) else None


def valid(kind: Kind) -> Any:
    """A value of ``kind`` that strict decoding accepts."""
    if isinstance(kind, Enum):
        return kind.values[0]
    if isinstance(kind, Const):
        return kind.value
    if isinstance(kind, Str):
        return "s"
    if isinstance(kind, Int):
        return 3 if kind.nonneg else -3
    if isinstance(kind, Float):
        return 0.8 if kind.lo is not None else -0.5
    if isinstance(kind, Bool):
        return True
    if isinstance(kind, IntOrInf):
        return "inf"
    if isinstance(kind, Metadata):
        return {"topic": "weather"}
    if isinstance(kind, Json):
        return {"a": [1, None]}
    if isinstance(kind, Obj):
        return {}
    if isinstance(kind, Union):
        info = UNIONS[kind.name]
        return {"type": next(iter(info.tags))}
    if isinstance(kind, Seq):
        return [valid(kind.item)]
    raise TypeError(kind)


def deviant(kind: Kind, camel: bool, path: str, members: int = 0) -> tuple[Any, Paths] | None:
    """A value of ``kind`` that lenient decoding keeps and strict decoding refuses, and where.

    Nested objects deviate everywhere they can (``full``); a union gives its
    ``members``-th member class.  None when the kind has no such value.
    """
    if isinstance(kind, Enum):
        return "future_value", [path]
    if isinstance(kind, Const):
        return "realtime.future", [path]
    if isinstance(kind, Int):
        return (-1, [path]) if kind.nonneg else None
    if isinstance(kind, Float):
        return (1.5, [path]) if kind.lo is not None else None
    if isinstance(kind, IntOrInf):
        return -5, [path]
    if isinstance(kind, Metadata):
        return {f"k{i}": "v" for i in range(17)}, [path]
    if isinstance(kind, Obj):
        return full(kind.cls, camel, path)
    if isinstance(kind, Union):
        info = UNIONS[kind.name]
        classes = list(info.tags.values())
        return full(classes[members % len(classes)], camel, path)
    if isinstance(kind, Seq):
        if isinstance(kind.item, Union):
            return union_array(kind.item.name, camel, path)
        inner = deviant(kind.item, camel, f"{path}[1]")
        if inner is None:
            return None
        return [valid(kind.item), inner[0]], inner[1]
    return None  # Str, Bool, Json: any value of the right JSON type is fine


def full(cls: type, camel: bool, path: str = "$") -> tuple[dict[str, Any], Paths]:
    """An object of ``cls`` deviating in every field it can, plus an unknown key."""
    data: dict[str, Any] = {UNKNOWN_KEY: {"inner": [1]}}
    paths = [f"{path}.{UNKNOWN_KEY}"]
    if tag_of(cls):
        data["type"] = tag_of(cls)
    for f in field_infos(cls):
        key = f.key(camel)
        found = deviant(f.kind, camel, f"{path}.{key}")
        if found is None:
            data[key] = valid(f.kind)
        else:
            data[key], more = found
            paths += more
    return data, paths


def union_array(name: str, camel: bool, path: str) -> tuple[list[Any], Paths]:
    """Every member of a union, each deviating everywhere, then an unknown, a null and no tag."""
    info = UNIONS[name]
    out: list[Any] = []
    paths: Paths = []
    for i, cls in enumerate(info.tags.values()):
        data, more = full(cls, camel, f"{path}[{i}]")
        out.append(data)
        paths += more
    n = len(out)
    out += [{"type": "future_tag", "a": 1}, {"type": None, "a": 1}, {"a": 1}]
    paths += [f"{path}[{n}].type", f"{path}[{n + 1}].type"]
    if not info.untagged_unknown:  # MCP errors without a tag are valid (opaque in Azure)
        paths.append(f"{path}[{n + 2}]")
    return out, paths


def single_deviations(camel: bool) -> list[tuple[str, Any, Any, Paths]]:
    """(label, type, payload, paths): each deviation alone, in every class, at every union."""
    out = []
    for cls in CLASSES:
        base: dict[str, Any] = {"type": tag_of(cls)} if tag_of(cls) else {}
        out.append(
            (f"{cls.__name__}: unknown key", cls, {**base, UNKNOWN_KEY: 1}, [f"$.{UNKNOWN_KEY}"])
        )
        for f in field_infos(cls):
            kind = f.kind
            if isinstance(kind, (Obj, Union)) or (
                isinstance(kind, Seq) and isinstance(kind.item, (Obj, Union))
            ):
                continue  # nested objects: covered by their own class and by union_cases
            key = f.key(camel)
            found = deviant(kind, camel, f"$.{key}")
            if found is not None:
                out.append((f"{cls.__name__}.{f.name}", cls, {**base, key: found[0]}, found[1]))
    for name in UNION_NAMES:
        tp = getattr(respmodel, name)
        out += [
            (f"{name}: unknown tag", tp, {"type": "future_tag"}, ["$.type"]),
            (f"{name}: null tag", tp, {"type": None, "a": 1}, ["$.type"]),
        ]
        if UNIONS[name].untagged_unknown:
            pass  # an object without a tag is a valid member, kept whole (see test_forward_compat)
        elif UNIONS[name].untagged is None:
            out.append((f"{name}: no tag", tp, {"a": 1}, ["$"]))
        else:
            out.append((f"{name}: no tag, no id", tp, {"name": "x"}, ["$"]))
            out.append(
                (
                    f"{name}: untagged with unknown key",
                    tp,
                    {"id": "v", UNKNOWN_KEY: 1},
                    [f"$.{UNKNOWN_KEY}"],
                )
            )
    return out


def paths_of(data: Any, tp: Any, case: str) -> list[str]:
    with pytest.raises(respmodel.DecodeError) as info:
        respmodel.loads(orjson.dumps(data), tp, strict=True, case=case)
    return [e.path for e in info.value.errors]


def kept_leniently(data: Any, tp: Any, case: str) -> None:
    obj = respmodel.loads(orjson.dumps(data), tp, case=case)
    assert orjson.loads(respmodel.dumps(obj, case=case)) == data


SNAKE = single_deviations(False)
CAMEL = single_deviations(True)


@pytest.mark.parametrize(("label", "tp", "data", "paths"), SNAKE, ids=[row[0] for row in SNAKE])
def test_each_deviation_alone_is_one_path_snake(
    label: str, tp: Any, data: Any, paths: Paths
) -> None:
    """A single deviation (snake_case keys) is kept leniently and is exactly one strict problem."""
    kept_leniently(data, tp, "snake")
    assert paths_of(data, tp, "snake") == paths


@pytest.mark.parametrize(("label", "tp", "data", "paths"), CAMEL, ids=[row[0] for row in CAMEL])
def test_each_deviation_alone_is_one_path_camel(
    label: str, tp: Any, data: Any, paths: Paths
) -> None:
    """A single deviation (camelCase keys) is kept leniently and is exactly one strict problem."""
    kept_leniently(data, tp, "camel")
    assert paths_of(data, tp, "camel") == paths


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_deviation_of_a_class_is_listed(cls: type, case: str) -> None:
    """An object deviating in every field at once lists each field's path once."""
    data, paths = full(cls, case == "camel")
    kept_leniently(data, cls, case)
    found = paths_of(data, cls, case)
    assert sorted(found) == sorted(paths)


@pytest.mark.parametrize("members", range(5))
def test_a_whole_deviant_response_lists_every_path(members: int, case: str) -> None:
    """A response deviating everywhere, nested to the last level, lists exactly every path."""
    camel = case == "camel"
    data, paths = full(respmodel.Response, camel)
    # The single union fields (voice, audio format and voice, MCP error) take a different
    # member in each run; the arrays hold every member every time.
    for key, name in (("voice", "Voice"),):
        data[key], _ = full(list(UNIONS[name].tags.values())[members % 5], camel, f"$.{key}")
    paths = [p for p in paths if not p.startswith("$.voice")]
    paths += full(list(UNIONS["Voice"].tags.values())[members % 5], camel, "$.voice")[1]
    kept_leniently(data, respmodel.Response, case)
    found = paths_of(data, respmodel.Response, case)
    assert len(found) == len(set(found)) == len(paths) > 80
    assert set(found) == set(paths)


def test_the_deviant_response_is_clean_once_every_deviation_is_removed() -> None:
    """The same response with valid values only decodes strictly (the deviations were the problems)."""

    def clean(cls: type) -> dict[str, Any]:
        data: dict[str, Any] = {"type": tag_of(cls)} if tag_of(cls) else {}
        for f in field_infos(cls):
            kind = f.kind
            if isinstance(kind, Obj):
                data[f.snake] = clean(kind.cls)
            elif isinstance(kind, Seq) and isinstance(kind.item, Union):
                data[f.snake] = [clean(c) for c in UNIONS[kind.item.name].tags.values()]
            elif isinstance(kind, Seq) and isinstance(kind.item, Obj):
                data[f.snake] = [clean(kind.item.cls)]
            elif isinstance(kind, Union):
                data[f.snake] = clean(next(iter(UNIONS[kind.name].tags.values())))
            else:
                data[f.snake] = valid(kind)
        return data

    data = clean(respmodel.Response)
    obj = respmodel.loads(orjson.dumps(data), strict=True)
    assert orjson.loads(respmodel.dumps(obj)) == data


@pytest.mark.parametrize("name", UNION_NAMES)
def test_unknown_missing_and_null_tags_in_arrays_are_each_listed(name: str, case: str) -> None:
    """In an array of union members, each unknown, null or missing tag has its own path."""
    data, paths = union_array(name, case == "camel", "$")
    tp = getattr(respmodel, name)
    for i, element in enumerate(data):
        head = f"$[{i}]"
        mine = [p for p in paths if p == head or p.startswith((head + ".", head + "["))]
        kept_leniently(element, tp, case)
        if not mine:  # valid in strict mode too (an MCP error without a tag)
            respmodel.loads(orjson.dumps(element), tp, case=case, strict=True)
            continue
        assert sorted(paths_of(element, tp, case)) == sorted("$" + p[len(head) :] for p in mine)


def test_strict_camel_reports_snake_keys_and_strict_snake_reports_camel_keys() -> None:
    """Each key style's strict decoding names the other style's keys as unknown, at every level."""
    snake = {
        "conversation_id": "c",
        "usage": {"input_token_details": {"cached_tokens": 1}},
        "output": [{"type": "function_call", "call_id": "x"}],
    }
    camel = {
        "conversationId": "c",
        "usage": {"inputTokenDetails": {"cachedTokens": 1}},
        "output": [{"type": "function_call", "callId": "x"}],
    }
    # Unknown keys of an object first, then the problems inside its fields, in field order.
    assert paths_of(snake, respmodel.Response, "camel") == [
        "$.conversation_id",
        "$.output[0].call_id",
        "$.usage.input_token_details",
    ]
    assert paths_of(camel, respmodel.Response, "snake") == [
        "$.conversationId",
        "$.output[0].callId",
        "$.usage.inputTokenDetails",
    ]
    kept_leniently(snake, respmodel.Response, "camel")
    kept_leniently(camel, respmodel.Response, "snake")
