"""What a typing or attrs user's first reflexes do with respmodel's public classes."""

from __future__ import annotations

import typing
from typing import Any, Literal

import attrs
import pytest

import respmodel
from respmodel import (
    AudioFormat,
    AudioOutput,
    ContentPart,
    ErrorRecord,
    EventRecord,
    McpCallItem,
    McpError,
    MessageItem,
    OutputItem,
    Response,
    ServerEvent,
    Voice,
)

PUBLIC_CLASSES = sorted(
    (
        obj
        for obj in (getattr(respmodel, name) for name in respmodel.__all__)
        if isinstance(obj, type)
    ),
    key=lambda cls: cls.__name__,
)


def test_the_public_classes_are_all_there() -> None:
    """The parametrised tests below see every event class and both stream records."""
    names = {cls.__name__ for cls in PUBLIC_CLASSES}
    assert {"Response", "ResponseDoneEvent", "GenericEvent", "EventRecord", "ErrorRecord"} <= names


@pytest.mark.parametrize("cls", PUBLIC_CLASSES, ids=lambda cls: cls.__name__)
def test_get_type_hints_resolves(cls: type) -> None:
    """``typing.get_type_hints`` resolves every annotation of every public class."""
    hints = typing.get_type_hints(cls)
    if attrs.has(cls):
        assert {a.name for a in attrs.fields(cls)} <= set(hints)


@pytest.mark.parametrize(
    ("cls", "name", "expected"),
    [
        (Response, "object", Literal["realtime.response"] | str | None),
        (Response, "output", tuple[OutputItem, ...] | None),
        (Response, "voice", Voice | None),
        (MessageItem, "content", tuple[ContentPart, ...] | None),
        (McpCallItem, "error", McpError | None),
        (AudioOutput, "format", AudioFormat | None),
        (EventRecord, "event", ServerEvent | Response),
    ],
)
def test_hints_name_the_public_unions(cls: type, name: str, expected: Any) -> None:
    """A field typed with a union alias resolves to that very union."""
    assert typing.get_type_hints(cls)[name] == expected


def test_record_ok_is_a_literal() -> None:
    """``ok`` is typed ``Literal[True]`` / ``Literal[False]``, which is what narrows the records."""
    assert typing.get_type_hints(EventRecord)["ok"] == typing.ClassVar[Literal[True]]
    assert typing.get_type_hints(ErrorRecord)["ok"] == typing.ClassVar[Literal[False]]


def test_attrs_resolve_types() -> None:
    """``attrs.resolve_types`` (what cattrs runs on an attrs class) succeeds on the model classes."""
    for cls in PUBLIC_CLASSES:
        if attrs.has(cls):
            attrs.resolve_types(cls)
    assert attrs.fields_dict(Response)["output"].type == tuple[OutputItem, ...] | None


def test_wire_dict_comes_from_unstructure() -> None:
    """``respmodel.unstructure`` gives the JSON, where ``attrs.asdict`` gives attributes (README)."""
    resp = respmodel.loads(b'{"id": "r", "output": [{"type": "message", "id": "i"}], "x_new": 1}')
    assert respmodel.unstructure(resp) == {
        "id": "r",
        "output": [{"type": "message", "id": "i"}],
        "x_new": 1,
    }
    as_dict = attrs.asdict(resp)
    assert as_dict["id"] == "r"
    assert as_dict["status"] is None
    assert "type" not in as_dict["output"][0]


def test_attrs_asdict_gives_the_attributes_only() -> None:
    """``attrs.asdict`` gives the modelled fields and ``extra``/``json_nulls``: nothing internal."""
    resp = respmodel.loads(b'{"id": "r", "usage": {"total_tokens": 1}}')
    modelled = {a.name for a in attrs.fields(Response) if "respmodel" in a.metadata}
    assert set(attrs.asdict(resp)) == modelled | {"extra", "json_nulls"}


def cattrs_reads_annotated_overrides() -> bool:
    """cattrs 26.1 and later read ``Annotated[T, cattrs.override(...)]`` in attrs field types."""
    from importlib.metadata import version

    major, minor = (int(p) for p in version("cattrs").split(".")[:2])
    return (major, minor) >= (26, 1)


needs_annotated_overrides = pytest.mark.skipif(
    not cattrs_reads_annotated_overrides(), reason="cattrs < 26.1 reads no per-field overrides"
)
MODEL_CLASSES = [cls for cls in PUBLIC_CLASSES if issubclass(cls, respmodel.Model)]


@needs_annotated_overrides
@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_unconfigured_converter_refuses(cls: type[respmodel.Model]) -> None:
    """A cattrs converter respmodel never configured refuses every model class, naming configure_converter."""
    import cattrs

    obj = respmodel.structure({}, cls)
    with pytest.raises(respmodel.UnconfiguredConverterError, match="configure_converter"):
        cattrs.Converter().unstructure(obj)


@needs_annotated_overrides
def test_unconfigured_preconf_converter_refuses_inside_a_user_class() -> None:
    """A respmodel object in the user's own attrs class, through an unconfigured orjson converter, refuses."""
    from cattrs.preconf.orjson import make_converter

    @attrs.frozen
    class Turn:
        usage: respmodel.Usage

    with pytest.raises(respmodel.UnconfiguredConverterError):
        make_converter().unstructure(Turn(respmodel.Usage(total_tokens=3)))


@needs_annotated_overrides
def test_unconfigured_converter_refuses_to_structure_extra() -> None:
    """Structuring input that names ``extra`` through an unconfigured converter refuses too."""
    import cattrs

    with pytest.raises(respmodel.UnconfiguredConverterError):
        cattrs.Converter(detailed_validation=False).structure({"extra": {}}, respmodel.Usage)
    with pytest.raises(cattrs.ClassValidationError) as caught:  # cattrs groups what it catches
        cattrs.Converter().structure({"extra": {}}, respmodel.Usage)
    assert [type(e) for e in caught.value.exceptions] == [respmodel.UnconfiguredConverterError]


def test_refusal_is_a_respmodel_error_and_a_type_error() -> None:
    """The refusal is a RespmodelError and a TypeError, as a caller of cattrs expects of a bad type."""
    assert issubclass(respmodel.UnconfiguredConverterError, respmodel.RespmodelError)
    assert issubclass(respmodel.UnconfiguredConverterError, TypeError)


def test_configured_converter_ignores_the_refusal() -> None:
    """Once hints are resolved (as cattrs resolves them), a configured converter still gives the wire dict."""
    typing.get_type_hints(respmodel.Usage, include_extras=True)
    attrs.resolve_types(respmodel.Usage)
    converter = respmodel.make_converter()
    usage = respmodel.loads(b'{"total_tokens": 3, "x_new": null}', respmodel.Usage)
    assert converter.unstructure(usage) == {"total_tokens": 3, "x_new": None}
    usage = converter.structure({"total_tokens": 3}, respmodel.Usage)
    assert usage == respmodel.Usage(total_tokens=3)


def test_plain_hints_show_no_cattrs_metadata() -> None:
    """``typing.get_type_hints`` without extras gives ``extra`` its plain type."""
    assert typing.get_type_hints(respmodel.Usage)["extra"] == respmodel.FrozenDict[str, Any]


@pytest.mark.skipif(
    cattrs_reads_annotated_overrides(), reason="cattrs 26.1+ refuses (tested above)"
)
def test_older_cattrs_write_the_attributes() -> None:
    """Before cattrs 26.1 an unconfigured converter writes attributes, as the README says."""
    import cattrs

    out = cattrs.Converter().unstructure(respmodel.Usage(total_tokens=3))
    assert out["total_tokens"] == 3
    assert out["input_tokens"] is None
    assert {"extra", "json_nulls"} <= set(out)
