"""Field descriptions: every modelled field has one, ``help()`` shows it, and it agrees with its kind."""

from __future__ import annotations

import inspect
import pydoc
from pathlib import Path

import attrs
import pytest

import respmodel
from respmodel import _docs
from respmodel._kinds import KIND_KEY, Enum, Float, Kind, Metadata, Seq

from .test_import import run_fresh


def public_model_classes() -> list[type[respmodel.Model]]:
    """The public classes (``respmodel.__all__``) that have modelled fields."""
    out = []
    for name in respmodel.__all__:
        value = getattr(respmodel, name)
        if isinstance(value, type) and issubclass(value, respmodel.Model):
            out.append(value)
    return out


def modelled_fields(cls: type) -> list[attrs.Attribute[object]]:
    """The attrs fields of ``cls`` that carry a kind."""
    return [a for a in attrs.fields(cls) if KIND_KEY in a.metadata]


FIELDS = [
    pytest.param(cls, a.name, id=f"{cls.__name__}.{a.name}")
    for cls in public_model_classes()
    for a in modelled_fields(cls)
]


def kind_of(cls: type, name: str) -> Kind:
    """The kind of field ``name`` of ``cls``."""
    kind: Kind = attrs.fields_dict(cls)[name].metadata[KIND_KEY]
    return kind


def help_text(cls: type) -> str:
    """What ``help(cls)`` prints, without pydoc's ``|`` margin."""
    text = pydoc.render_doc(cls, renderer=pydoc.plaintext)
    return "\n".join(line.removeprefix(" |  ").rstrip() for line in text.splitlines())


def test_public_classes_are_found() -> None:
    """The classes checked below include the resource, its parts and the typed events."""
    names = {cls.__name__ for cls in public_model_classes()}
    assert {"Response", "Usage", "MessageItem", "AzurePersonalVoice", "ResponseDoneEvent"} <= names


@pytest.mark.parametrize(("cls", "name"), FIELDS)
def test_field_has_a_description(cls: type, name: str) -> None:
    """Every modelled field of every public class has a non-empty description."""
    assert _docs.field_docs(cls)[name].strip()


@pytest.mark.parametrize(("cls", "name"), FIELDS)
def test_help_shows_the_description(cls: type, name: str) -> None:
    """``help(cls)`` lists the field under the class docstring, with its whole description."""
    shown = help_text(cls)
    assert f"\n{name}: " in shown
    for line in _docs.field_docs(cls)[name].splitlines():
        if line:
            assert "    " + line in shown


def enum_values(cls: type, name: str) -> tuple[str, ...]:
    """The known values of an open-enum field (or of the items of an array of them), else ()."""
    kind = kind_of(cls, name)
    if isinstance(kind, Seq):
        kind = kind.item
    return kind.values if isinstance(kind, Enum) else ()


def has_limits(cls: type, name: str) -> bool:
    """Whether the field's kind enforces a range or size limits."""
    kind = kind_of(cls, name)
    return (isinstance(kind, Float) and kind.lo is not None) or isinstance(kind, Metadata)


ENUM_FIELDS = [p for p in FIELDS if enum_values(*p.values)]
LIMITED_FIELDS = [p for p in FIELDS if has_limits(*p.values)]


@pytest.mark.parametrize(("cls", "name"), ENUM_FIELDS)
def test_description_names_the_known_values(cls: type, name: str) -> None:
    """An open enum's description lists every known value, quoted as on the wire."""
    text = _docs.field_docs(cls)[name]
    for value in enum_values(cls, name):
        assert f'``"{value}"``' in text, value
    assert "open enum" in text.lower()


@pytest.mark.parametrize(("cls", "name"), LIMITED_FIELDS)
def test_description_states_the_constraint(cls: type, name: str) -> None:
    """A bounded number or a size-limited map states the limits its kind enforces."""
    kind = kind_of(cls, name)
    text = _docs.field_docs(cls)[name]
    if isinstance(kind, Float):
        assert f"[{kind.lo}, {kind.hi}]" in text
    else:
        assert isinstance(kind, Metadata)
        for number in (kind.max_pairs, kind.max_key, kind.max_value):
            assert str(number) in text


def test_enum_and_limit_fields_are_found() -> None:
    """The two tables above are not empty: status, temperature and metadata are in them."""
    assert "Response.status" in {p.id for p in ENUM_FIELDS}
    assert {"Response.temperature", "Response.metadata"} <= {p.id for p in LIMITED_FIELDS}


def test_field_count() -> None:
    """135 fields are declared in the model modules, each with its own description."""
    declared = {
        (klass, name)
        for cls in public_model_classes()
        for klass in cls.__mro__
        if "__attrs_attrs__" in vars(klass)
        for name in _docs._module_docs(klass.__module__).get(klass.__qualname__, {})
        if name in attrs.fields_dict(klass)
        and KIND_KEY in attrs.fields_dict(klass)[name].metadata
        and not attrs.fields_dict(klass)[name].inherited
    }
    assert len(declared) == 135


def test_class_docstring_comes_first() -> None:
    """The generated text starts with the class's own docstring, then the fields."""
    doc = inspect.getdoc(respmodel.Usage)
    assert doc is not None
    assert doc.startswith("Token counts billed for a response.\n\n" + _docs.HEADING)


def test_instances_have_the_same_doc() -> None:
    """``obj.__doc__`` is the class's text, as help(obj) needs."""
    assert respmodel.Usage().__doc__ == respmodel.Usage.__doc__


def test_subclass_keeps_its_own_doc() -> None:
    """A user's subclass of a model class has its own docstring, not its base's fields."""

    @attrs.frozen(kw_only=True, repr=False, eq=False)
    class Mine(respmodel.Usage):
        """Mine."""

    assert Mine.__doc__ == "Mine."


def test_without_source_the_plain_docstring_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the source cannot be read, a class's doc is its plain docstring."""

    def no_source(obj: object) -> str:
        raise OSError("no source")

    monkeypatch.setattr(_docs, "_SOURCE_DOCS", {})
    monkeypatch.setattr(inspect, "getsource", no_source)
    assert _docs._class_doc(respmodel.Usage, "Plain.") == "Plain."


def test_import_reads_no_source(tmp_path: Path) -> None:
    """Importing respmodel (events included) parses no source; the first help() does."""
    out = run_fresh(
        """
        import json, respmodel, respmodel._docs as d
        respmodel.ResponseDoneEvent
        before = len(d._SOURCE_DOCS)
        respmodel.Response.__doc__
        print(json.dumps([before, sorted(d._SOURCE_DOCS)]))
        """,
        tmp_path,
    )
    assert out[0] == 0
    assert "respmodel._response" in out[1]
