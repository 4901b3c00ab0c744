"""The full checker: every problem of a JSON value, each with its JSON path.

The generated decoders (``_codegen``) stop at the first problem and track no
paths, which keeps the common case fast.  Only when one of them gives up does
this walk run, over the same input, applying the same rules, which each field
kind owns (``Kind.check``), and list every problem it finds.  It is plain,
interpreted Python: it runs only on bad input, so it is written to be read.
"""

from __future__ import annotations

import keyword
from typing import Any

from ._errors import ErrorDetail
from ._kinds import describe, field_infos
from ._unions import UNIONS, UnionInfo

__all__ = ["MAX_LISTED", "key_path", "problems"]

MAX_LISTED = 1000
"""At most this many problems of one input are listed (``DecodeError.errors``); the rest are counted."""


def key_path(path: str, key: str) -> str:
    """``$.a`` + ``b`` -> ``$.a.b``; keys that are not identifiers are quoted.

    A key longer than 64 characters is shortened (``$["aaa…"]``), so that an
    error about a huge unknown key stays readable.
    """
    if len(key) > 64:
        key = key[:63] + "…"
    elif key.isidentifier() and not keyword.iskeyword(key):
        return f"{path}.{key}"
    escaped = key.replace("\\", "\\\\").replace('"', '\\"')
    return f'{path}["{escaped}"]'


def tag_of(cls: type) -> str | None:
    """The ``type`` value a tagged model class stands for (None for untagged classes)."""
    tag = cls.__dict__.get("type")
    return tag if isinstance(tag, str) else None


class _Walk:
    """One walk over one input: the mode, and the problems found so far."""

    def __init__(self, camel: bool, strict: bool) -> None:
        self.camel, self.strict = camel, strict
        self.errs: list[ErrorDetail] = []
        self.unlisted = 0

    def bad(self, path: str, message: str) -> None:
        if len(self.errs) < MAX_LISTED:
            self.errs.append(ErrorDetail(path, message))
        else:
            self.unlisted += 1  # counted, not spelled out: 100k problems stay fast

    def child(self, path: str, key: str) -> str:
        return key_path(path, key)

    def obj(self, cls: type, d: dict[str, Any], path: str) -> None:
        fields = field_infos(cls)
        tag = tag_of(cls)
        if self.strict:
            known = {f.key(self.camel) for f in fields}
            if tag is not None:
                known.add("type")
            for k in d:
                if k not in known:
                    self.bad(key_path(path, k), "unknown field")
        if tag is not None:
            # A union dispatches on the tag, so this only fails when a class is asked for directly.
            v = d.get("type")
            if v is not None and v != tag:
                self.bad(f"{path}.type", f'expected "{tag}", got {describe(v)}')
        for f in fields:
            key = f.key(self.camel)
            v = d.get(key)
            if v is not None:
                f.kind.check(v, f"{path}.{key}", self)

    def union(self, name: str, value: Any, path: str) -> None:
        info: UnionInfo = UNIONS[name]
        if value.__class__ is not dict:
            if not (info.allows_str and value.__class__ is str):
                if len(self.errs) >= MAX_LISTED:  # a huge array of wrong values: count them
                    self.unlisted += 1
                    return
                expected = "string or object" if info.allows_str else "object"
                self.bad(path, f"expected {expected}, got {describe(value)}")
            return
        tag = value.get("type")
        expected = info.expected_tags()
        if tag.__class__ is str:
            cls = info.tags.get(tag)
            if cls is not None:
                self.obj(cls, value, path)
            elif self.strict and not info.open:
                self.bad(f"{path}.type", f"unknown tag: expected {expected}, got {describe(tag)}")
        elif "type" in value:
            if tag is not None or self.strict:
                self.bad(f"{path}.type", f"expected {expected}, got {describe(tag)}")
        elif info.untagged is not None and info.untagged_key in value:
            self.obj(info.untagged, value, path)
        elif self.strict and not info.untagged_unknown:
            self.bad(path, f'missing tag "type": expected {expected}')


def problems(
    target: type | UnionInfo, data: Any, camel: bool, strict: bool
) -> tuple[list[ErrorDetail], int]:
    """The problems of parsed JSON ``data`` read as ``target``, in document order.

    The first :data:`MAX_LISTED`, and how many more were found.
    """
    walk = _Walk(camel, strict)
    if isinstance(target, UnionInfo):
        walk.union(target.name, data, "$")
    elif data.__class__ is dict:
        walk.obj(target, data, "$")
    else:
        walk.bad("$", f"expected object, got {describe(data)}")
    return walk.errs, walk.unlisted
