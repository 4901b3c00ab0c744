# pyright: strict
"""Typed usage of respmodel's public API, as a user's code would write it.

This file is never run (pytest does not collect it: see ``norecursedirs`` in
pyproject.toml); the ``typing`` tox environment checks it with mypy --strict
and pyright in strict mode.  Each function is one use.  A use that must be
rejected carries both checkers' comments, each with its error code: ``# type:
ignore[code]`` for mypy and ``# pyright: ignore[rule]`` for pyright (which is
told to skip the former: ``enableTypeIgnoreComments``).  Each checker fails
on a comment that silences nothing (mypy's ``warn_unused_ignores``,
pyright's ``reportUnnecessaryTypeIgnoreComment``), so the rejection is
checked, not just tolerated.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs
import cattrs
from cattrs.preconf.orjson import OrjsonConverter
from typing_extensions import assert_type

import respmodel
from respmodel import (
    AudioFormat,
    ContentPart,
    DecodeError,
    ErrorDetail,
    ErrorRecord,
    EventRecord,
    FrozenDict,
    FunctionCallItem,
    McpError,
    MessageItem,
    OutputItem,
    OutputTextPart,
    Response,
    ServerEvent,
    UnknownItem,
    Usage,
    ValidationError,
    Voice,
)


def decode_a_response(data: bytes) -> None:
    """``loads`` and ``structure`` without a type give a Response."""
    assert_type(respmodel.loads(data), Response)
    assert_type(respmodel.loads(data, strict=True, case="camel"), Response)
    assert_type(respmodel.structure({"id": "resp_1"}), Response)


def read_what_salvage_found(data: bytes) -> None:
    """``problems`` is a tuple of ErrorDetail with a count of the unlisted ones."""
    problems = respmodel.loads(data).problems
    assert_type(problems, respmodel.Problems)
    assert_type(problems.unlisted, int)
    for problem in problems:
        assert_type(problem, ErrorDetail)


def decode_a_class(data: bytes) -> None:
    """``loads`` with a class returns an instance of that class."""
    assert_type(respmodel.loads(data, Usage), Usage)
    assert_type(respmodel.loads(data, MessageItem, strict=True, case="camel"), MessageItem)


def decode_every_input_type(data: bytes) -> None:
    """bytes, bytearray, memoryview and str are all accepted."""
    respmodel.loads(data)
    respmodel.loads(bytearray(data))
    respmodel.loads(memoryview(data))
    respmodel.loads(data.decode())


def decode_a_union(data: bytes) -> None:
    """A union alias is a valid type argument; the result is narrowed by isinstance."""
    item = respmodel.loads(data, OutputItem)
    if isinstance(item, FunctionCallItem):
        assert_type(item.arguments, str | None)


def a_union_decodes_to_the_union(data: bytes) -> None:
    """``loads`` and ``structure`` with a union alias are typed as that union (PEP 747)."""
    assert_type(respmodel.loads(data, OutputItem), OutputItem)
    assert_type(respmodel.loads(data, ContentPart, strict=True), ContentPart)
    assert_type(respmodel.loads(data, Voice, case="camel"), Voice)
    assert_type(respmodel.structure({"type": "audio/pcm"}, AudioFormat), AudioFormat)
    assert_type(respmodel.structure({"type": "http_error"}, McpError), McpError)
    assert_type(respmodel.loads(data, ServerEvent), ServerEvent)


def schema() -> None:
    """``json_schema`` takes a class or a union alias and gives a JSON object."""
    assert_type(respmodel.json_schema(Response), dict[str, Any])
    assert_type(respmodel.json_schema(OutputItem, case="camel", strict=True), dict[str, Any])


def reject_bad_arguments(data: bytes) -> None:
    """The key style is a literal, input must be JSON text, the type a type."""
    respmodel.loads(data, Response, case="kebab")  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    respmodel.loads(123)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    respmodel.loads(data, 3)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]


def reject_attribute_typos(resp: Response, item: FunctionCallItem, usage: Usage) -> None:
    """A misspelt attribute is an error in both checkers, not ``Any``."""
    _ = resp.staus  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownVariableType]
    _ = item.argument  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownVariableType]
    _ = usage.total_token  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownVariableType]


def narrow_records(lines: list[bytes]) -> None:
    """A record narrows on ``ok``: to EventRecord when true, to ErrorRecord when false."""
    for record in respmodel.iter_events(lines):
        # Both checkers narrow on ``is True`` / ``is False``.
        if record.ok is True:
            assert_type(record, EventRecord)
            assert_type(record.event, ServerEvent | Response)
        else:
            assert_type(record, ErrorRecord)
            assert_type(record.errors, tuple[ErrorDetail, ...])


def narrow_records_on_truth(lines: list[bytes]) -> None:
    """mypy also narrows on ``if record.ok:``; pyright narrows a union on no member's truth."""
    for record in respmodel.iter_events(lines):
        if record.ok:
            _event = record.event  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownVariableType]
        else:
            _errors = record.errors  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownVariableType]


def encode(resp: Response) -> None:
    """``dumps`` gives bytes in either key style; ``unstructure`` plain JSON values."""
    assert_type(respmodel.dumps(resp), bytes)
    assert_type(respmodel.dumps(resp, case="camel"), bytes)
    tree = respmodel.unstructure(resp, case="snake")
    assert_type(respmodel.structure(tree, Response, strict=True), Response)


def read_attributes(resp: Response) -> None:
    """Attributes have the types docs/spec.md gives them, ``None`` when absent."""
    assert_type(resp.id, str | None)
    assert_type(resp.output, tuple[OutputItem, ...] | None)
    assert_type(resp.usage, Usage | None)
    assert_type(resp.temperature, float | None)
    assert_type(resp.max_output_tokens, int | Literal["inf"] | None)
    assert_type(resp.metadata, FrozenDict[str, str] | None)
    assert_type(resp.extra, FrozenDict[str, Any])
    assert_type(resp.json_nulls, frozenset[str])
    if resp.usage is not None:
        assert_type(resp.usage.output_tokens, int | None)


def walk_the_output(resp: Response) -> list[str]:
    """Output items narrow by isinstance, down to their content parts."""
    texts: list[str] = []
    for item in resp.output or ():
        if isinstance(item, MessageItem):
            texts.extend(
                part.text
                for part in item.content or ()
                if isinstance(part, OutputTextPart) and part.text is not None
            )
        elif isinstance(item, UnknownItem):
            assert_type(item.data, FrozenDict[str, Any])
    return texts


def construct_and_evolve() -> Response:
    """Constructors take keyword arguments; ``attrs.evolve`` keeps the class."""
    resp = Response(
        id="resp_1",
        status="completed",
        output=(MessageItem(role="assistant", content=(OutputTextPart(text="hi"),)),),
        usage=Usage(total_tokens=3, input_tokens=1, output_tokens=2),
        voice="alloy",
        max_output_tokens="inf",
    )
    assert_type(attrs.evolve(resp, status="cancelled"), Response)
    return resp


def frozen(resp: Response) -> None:
    """Assignment to an attribute is rejected."""
    resp.id = "other"  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]


def handle_errors(data: bytes) -> None:
    """DecodeError carries a path, a message and every problem found."""
    try:
        respmodel.loads(data, strict=True)
    except DecodeError as exc:
        assert_type(exc.path, str)
        assert_type(exc.message, str)
        assert_type(exc.errors, tuple[ErrorDetail, ...])
    try:
        Usage(input_tokens=-1)
    except ValidationError as exc:
        assert_type(exc.field, str)
    except respmodel.RespmodelError:
        pass


@attrs.frozen
class Turn:
    """A user's own class that embeds respmodel types."""

    response: Response
    items: tuple[OutputItem, ...]
    previous: Response | None = None


def own_converter(payload: dict[str, Any]) -> Turn:
    """A user's converter learns respmodel's types without losing its own."""
    converter = cattrs.Converter()
    respmodel.configure_converter(converter, case="camel", strict=True)
    turn = converter.structure(payload, Turn)
    assert_type(converter.unstructure(turn), Any)
    return turn


def preconfigured_converter(data: bytes) -> None:
    """``make_converter`` gives an orjson converter."""
    converter = respmodel.make_converter(case="snake")
    assert_type(converter, OrjsonConverter)
    assert_type(converter.loads(data, Turn), Turn)


def version() -> None:
    """``__version__`` is a string."""
    assert_type(respmodel.__version__, str)


def folder_usage(folder: str) -> float:
    """``summarize`` and ``iter_rows`` give typed results; prices are optional."""
    prices = respmodel.load_prices("prices.json")
    assert_type(prices, respmodel.PriceTable)
    summary = respmodel.summarize([folder], prices=prices, jobs=2)
    assert_type(summary, respmodel.Summary)
    assert_type(summary.to_json()["usage"], Any)
    total = 0.0
    for row in respmodel.iter_rows(folder, prices=respmodel.GenaiPrices()):
        assert_type(row, respmodel.Row)
        assert_type(row.cost, float | None)
        total += row.cost or 0.0
    return total


def transcription(data: bytes) -> int | None:
    """The transcription event's usage is a tagged union."""
    event = respmodel.loads_event(data)
    if isinstance(event, respmodel.InputAudioTranscriptionCompletedEvent):
        usage = event.usage
        if isinstance(usage, respmodel.TranscriptionTokenUsage):
            return usage.input_tokens
    return None


def to_ga(data: bytes) -> list[str]:
    """``to_shape`` keeps the kind of object it is given, and types its notes."""
    translated = respmodel.to_shape(respmodel.loads(data), "ga")
    assert_type(translated, respmodel.Translated[Response])
    assert_type(translated.value, Response)
    event = respmodel.to_shape(respmodel.loads_event(data), "beta")
    assert_type(event.value, ServerEvent)
    shape: respmodel.Shape = "beta"
    assert_type(respmodel.to_shape(respmodel.loads(data, OutputItem), shape).value, OutputItem)
    respmodel.to_shape(respmodel.Usage(), "ga")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    respmodel.to_shape(respmodel.Response(), "azure")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    return [f"{note.path}: {note.message}" for note in translated.notes]
