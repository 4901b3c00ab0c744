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

from ._errors import ErrorDetail, Problems
from ._kinds import describe, field_infos
from ._unions import UNIONS, UnionInfo

__all__ = ["MAX_LISTED", "key_path", "problems", "problems_within", "tag_of"]

MAX_LISTED = 1000
"""At most this many problems of one input go into a DecodeError; the rest are counted."""


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
    """One walk over one input: the mode, and the problems found so far.

    With ``owners``, each problem also records the objects it lies in (the
    JSON object and its path, outermost first), for salvage to hand each
    decoded object the problems below it.
    """

    def __init__(
        self, camel: bool, strict: bool, owners: bool = False, limit: int | None = None
    ) -> None:
        self.camel, self.strict = camel, strict
        self.errs: list[ErrorDetail] = []
        self.owners: list[tuple[tuple[dict[str, Any], str], ...]] | None = [] if owners else None
        self._within: list[tuple[dict[str, Any], str]] = []
        self.limit = limit
        self.unlisted = 0
        self.unlisted_within: dict[int, int] = {}
        """With ``owners``: the problems not listed, by the JSON object they lie in."""

    def full(self) -> bool:
        """Whether the next problem is only counted (``limit`` problems are listed)."""
        return self.limit is not None and len(self.errs) >= self.limit

    def bad(self, path: str, message: str) -> None:
        if self.full():
            self.count()  # counted, not spelled out: 100k problems stay fast
            return
        self.errs.append(ErrorDetail(path, message))
        if self.owners is not None:
            self.owners.append(tuple(self._within))

    def count(self) -> None:
        """Count one more problem without listing it (``limit`` problems are listed)."""
        self.unlisted += 1
        if self.owners is not None:
            counts = self.unlisted_within
            for d, _ in self._within:
                counts[id(d)] = counts.get(id(d), 0) + 1

    def child(self, path: str, key: str) -> str:
        return key_path(path, key)

    def obj(self, cls: type, d: dict[str, Any], path: str) -> None:
        self._within.append((d, path))
        self._obj(cls, d, path)
        self._within.pop()

    def _obj(self, cls: type, d: dict[str, Any], path: str) -> None:
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
                if self.full():  # a huge array of wrong values: counted, not described
                    self.count()
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


def _walk(walk: _Walk, target: type | UnionInfo, data: Any) -> _Walk:
    if isinstance(target, UnionInfo):
        walk.union(target.name, data, "$")
    elif data.__class__ is dict:
        walk.obj(target, data, "$")
    else:
        walk.bad("$", f"expected object, got {describe(data)}")
    return walk


def problems(
    target: type | UnionInfo, data: Any, camel: bool, strict: bool
) -> tuple[list[ErrorDetail], int]:
    """The problems of parsed JSON ``data`` read as ``target``, in document order.

    The first :data:`MAX_LISTED`, and how many more were found.
    """
    walk = _walk(_Walk(camel, strict, limit=MAX_LISTED), target, data)
    return walk.errs, walk.unlisted


def problems_within(target: type | UnionInfo, data: Any, camel: bool) -> dict[int, Problems]:
    """The lenient problems of ``data`` by the JSON object they lie in, at any depth.

    Keyed by ``id()`` of each JSON object (a dict of ``data``) that holds a
    problem somewhere below it; each path starts at that object (``$``).  The
    first :data:`MAX_LISTED` problems of ``data`` are listed, the rest counted.
    """
    walk = _walk(_Walk(camel, False, owners=True, limit=MAX_LISTED), target, data)
    assert walk.owners is not None
    found: dict[int, list[ErrorDetail]] = {}
    for err, owners in zip(walk.errs, walk.owners, strict=True):
        for d, prefix in owners:
            detail = (
                err if prefix == "$" else ErrorDetail("$" + err.path[len(prefix) :], err.message)
            )
            found.setdefault(id(d), []).append(detail)
    more = walk.unlisted_within
    for key in more.keys() - found.keys():
        found[key] = []
    return {key: Problems(listed, more.get(key, 0)) for key, listed in found.items()}
