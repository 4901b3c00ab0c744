"""docs/spec.md agrees with the model: every field, key, JSON type, strict rule and tag.

The field tables of docs/spec.md are checked against the field kinds cell by
cell (``row_cells`` says what each cell must read), and its tag tables against
the union tables of ``respmodel._unions``, so the reference cannot drift from
the code.  Only the "sent by" column is written by hand.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

import respmodel
from respmodel import _events  # noqa: F401  (registers ServerEvent and TranscriptionUsage)
from respmodel._kinds import (
    INT_MAX,
    INT_MIN,
    Bool,
    Const,
    Enum,
    FieldInfo,
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
from respmodel._naming import camelize
from respmodel._unions import UNIONS
from respmodel._voices import KNOWN_VOICE_NAMES

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "spec.md"
NONE = "—"
"""What a cell holds when there is nothing to say (no strict rule)."""

CLASSES: list[type] = [
    value
    for value in (getattr(respmodel, name) for name in respmodel.__all__)
    if isinstance(value, type) and issubclass(value, respmodel.Model) and field_infos(value)
]
"""The public model classes with modelled fields: each has a field table in the doc."""


def value_list(values: tuple[str, ...]) -> str:
    return ", ".join(f"`{v}`" for v in values)


def json_type(kind: Kind) -> str:
    """The JSON column of a field of this kind."""
    if isinstance(kind, Enum):
        return "string, open enum"
    if isinstance(kind, (Const, Str)):
        return "string"
    if isinstance(kind, Int):
        return "integer"
    if isinstance(kind, Float):
        return "number"
    if isinstance(kind, Bool):
        return "boolean"
    if isinstance(kind, IntOrInf):
        return "integer or string"
    if isinstance(kind, Metadata):
        return "object of strings"
    if isinstance(kind, Json):
        return "object, opaque" if kind.object_only else "any JSON, opaque"
    if isinstance(kind, Obj):
        return f"object `{kind.cls.__name__}`"
    if isinstance(kind, Union):
        info = UNIONS[kind.name]
        return f"string or object `{kind.name}`" if info.allows_str else f"object `{kind.name}`"
    if isinstance(kind, Seq):
        item = kind.item
        if isinstance(item, Enum):
            return "array of strings, open enum"
        if isinstance(item, Str):
            return "array of strings"
        if isinstance(item, Obj):
            return f"array of `{item.cls.__name__}`"
        if isinstance(item, Union):
            return f"array of `{item.name}`"
    raise AssertionError(f"no JSON column for {kind!r}")


def strict_rule(kind: Kind) -> str:
    """The "strict mode also requires" column of a field of this kind."""
    if isinstance(kind, Enum):
        return "one of " + value_list(kind.values)
    if isinstance(kind, Const):
        return f"exactly `{kind.value}`"
    if isinstance(kind, Int):
        return "≥ 0" if kind.nonneg else NONE
    if isinstance(kind, Float):
        return NONE if kind.lo is None else f"in [{kind.lo}, {kind.hi}]"
    if isinstance(kind, IntOrInf):
        return '≥ 0 as an integer; `"inf"` as a string'
    if isinstance(kind, Metadata):
        return (
            f"at most {kind.max_pairs} pairs; keys of at most {kind.max_key}"
            f" characters, values of at most {kind.max_value}"
        )
    if isinstance(kind, Seq):
        inner = strict_rule(kind.item)
        return NONE if inner == NONE else f"each {inner}"
    return NONE


def row_cells(info: FieldInfo) -> list[str]:
    """The first four cells of a field's row: wire key, camelCase key, JSON, strict rule."""
    return [f"`{info.snake}`", f"`{info.camel}`", json_type(info.kind), strict_rule(info.kind)]


# --------------------------------------------------------------------------- reading the doc


@functools.cache
def sections() -> dict[str, list[str]]:
    """The doc's lines by heading (the heading's text without ``#`` and backticks)."""
    out: dict[str, list[str]] = {}
    current: list[str] = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"#{1,6} (.*)", line)
        if m:
            title = m.group(1).replace("`", "").strip()
            assert title not in out, f"two sections named {title!r}"
            current = out[title] = []
        else:
            current.append(line)
    return out


def table(lines: list[str], header: str) -> list[list[str]]:
    """The rows (as stripped cells) of the first table in ``lines`` whose first cell is ``header``."""
    rows: list[list[str]] = []
    inside = False
    for line in lines:
        if not line.startswith("|"):
            if inside:
                break
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if not inside:
            inside = cells[0] == header
            continue
        if set(cells[0]) <= {"-", ":"}:
            continue
        rows.append(cells)
    return rows


def field_table(name: str) -> list[list[str]]:
    assert name in sections(), f"docs/spec.md has no section {name}"
    rows = table(sections()[name], "wire")
    assert rows, f"the section {name} has no field table"
    return rows


# --------------------------------------------------------------------------- the checks


def test_classes_are_found() -> None:
    """The classes checked include the response, its parts, the voices and the typed events."""
    names = {cls.__name__ for cls in CLASSES}
    assert {
        "Response",
        "Usage",
        "McpCallItem",
        "AzureAvatarVoiceSync",
        "ResponseDoneEvent",
    } <= names


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_field_table_lists_every_field(cls: type) -> None:
    """A class's table lists its fields in order, with both keys, JSON type and strict rule."""
    rows = field_table(cls.__name__)
    assert [r[:4] for r in rows] == [row_cells(f) for f in field_infos(cls)]


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_field_table_says_who_sends_each_field(cls: type) -> None:
    """Every row names the systems that send the field."""
    for row in field_table(cls.__name__):
        assert len(row) == 5, row
        assert re.fullmatch(r"(beta|GA|Azure|—)(, (beta|GA|Azure))*( \(.+\))?", row[4]), row


def test_no_field_table_for_a_class_that_does_not_exist() -> None:
    """Every field table in the doc belongs to a public model class."""
    names = {cls.__name__ for cls in CLASSES}
    with_tables = {title for title, lines in sections().items() if table(lines, "wire")}
    assert with_tables == names


def test_camel_keys_follow_the_one_rule() -> None:
    """The rule the doc states turns each snake_case key it shows into the camelCase key beside it."""
    for cls in CLASSES:
        for row in field_table(cls.__name__):
            assert row[1] == f"`{camelize(row[0].strip('`'))}`"


@pytest.mark.parametrize("name", sorted(UNIONS))
def test_tag_table_maps_each_tag_to_its_class(name: str) -> None:
    """A union's section lists each tag with its class, the fallback class and any untagged member."""
    info = UNIONS[name]
    assert name in sections(), f"docs/spec.md has no section {name}"
    rows = table(sections()[name], "type")
    tagged = {r[0].strip("`"): r[1].strip("`") for r in rows if re.fullmatch(r"`[^`]+`", r[0])}
    assert tagged == {tag: cls.__name__ for tag, cls in info.tags.items()}
    others = {r[1].strip("`") for r in rows if not re.fullmatch(r"`[^`]+`", r[0])}
    expected = {info.unknown.__name__}
    if info.untagged is not None:
        expected.add(info.untagged.__name__)
    assert others == expected


def test_known_voice_names_are_listed() -> None:
    """The Voice section names every built-in voice."""
    text = "\n".join(sections()["Voice"])
    for name in KNOWN_VOICE_NAMES:
        assert f"`{name}`" in text, name


def test_integer_range_is_stated() -> None:
    """The doc gives the range every integer field is held to, in every mode."""
    text = DOC.read_text(encoding="utf-8")
    assert str(INT_MIN) in text
    assert str(INT_MAX) in text


TEXT_SUFFIXES = {".py", ".md", ".rst", ".toml", ".ini", ".cfg", ".txt", ".cjs", ".sh", ".in"}


def repository_text_files() -> list[Path]:
    """The project's own text files (not the payloads under tests/data); the sdist lacks some folders."""
    out = [p for p in ROOT.iterdir() if p.is_file() and p.suffix in TEXT_SUFFIXES]
    for folder in ("respmodel", "docs", "tests", "benchmarks", "scripts", "examples", ".ci"):
        out.extend(
            p
            for p in (sorted((ROOT / folder).rglob("*")) if (ROOT / folder).is_dir() else [])
            if p.is_file() and (p.suffix in TEXT_SUFFIXES or folder == ".ci")
        )
    return out


def test_the_project_cites_no_file_outside_it() -> None:
    """No text file of the project points at the resource notes that lived outside it."""
    outside = ("SPEC" + ".md", "shared" + "/SPEC", "../" + "shared")
    found = [
        f"{p.relative_to(ROOT)}: {word}"
        for p in repository_text_files()
        for word in outside
        if word in p.read_text(encoding="utf-8", errors="replace")
    ]
    assert found == []
