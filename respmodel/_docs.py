"""Field descriptions in ``help()``: the attribute docstrings of the model classes.

Each modelled field is described once, by the string literal that follows it
in its class body (an *attribute docstring*).  Type checkers show that string
on hover and Sphinx puts it in the reference, both reading the source; this
module reads the same source so that ``help(respmodel.Response)`` lists every
field, its type and its description under the class docstring.

Nothing is read at import: :func:`document` gives each model class a ``__doc__``
that builds its text on first access (``help()``, ``inspect.getdoc``, Sphinx)
and keeps it.  Python compiles the attribute docstrings away, so they cost
nothing at import either.  Without the source (a build that ships bytecode
only) a class keeps its plain docstring.
"""

from __future__ import annotations

import ast
import inspect
import sys
from itertools import pairwise
from typing import Any

import attrs

from ._base import Model
from ._kinds import KIND_KEY

__all__ = ["HEADING", "document", "field_docs"]

HEADING = "Fields (each is None when its key is absent or null):"
"""The line that starts the generated part of a class's ``__doc__`` (docs/conf.py cuts it)."""


class _LazyDoc:
    """A class's ``__doc__``: its docstring, then its fields, built on first access."""

    __slots__ = ("cls", "doc", "text")

    def __init__(self, cls: type, doc: str | None) -> None:
        self.cls = cls
        self.doc = doc
        self.text: str | None = None

    def __get__(self, obj: object, owner: type | None = None) -> str | None:
        # type.__doc__ calls __get__(None, cls) on a descriptor in the class dict.
        text = self.text
        if text is None:
            text = self.text = _class_doc(self.cls, self.doc)
        return text


def document(namespace: dict[str, Any]) -> None:
    """Give each model class defined in ``namespace`` (a module's ``globals()``) its lazy doc."""
    module = namespace["__name__"]
    for value in list(namespace.values()):
        if isinstance(value, type) and issubclass(value, Model) and value.__module__ == module:
            # type.__setattr__ stores the descriptor in the class dict, where
            # type.__doc__ looks for it; no per-class work happens here.
            type.__setattr__(value, "__doc__", _LazyDoc(value, value.__dict__.get("__doc__")))


_SOURCE_DOCS: dict[str, dict[str, dict[str, str]]] = {}


def _module_docs(module_name: str) -> dict[str, dict[str, str]]:
    """``{class qualname: {attribute: docstring}}`` of a module's top-level classes."""
    cached = _SOURCE_DOCS.get(module_name)
    if cached is not None:
        return cached
    out: dict[str, dict[str, str]] = {}
    module = sys.modules.get(module_name)
    try:
        tree = ast.parse(inspect.getsource(module)) if module is not None else None
    except (OSError, TypeError, SyntaxError):
        tree = None
    for node in tree.body if tree is not None else ():
        if isinstance(node, ast.ClassDef):
            docs = out[node.name] = {}
            for stmt, after in pairwise(node.body):
                if (
                    isinstance(stmt, ast.AnnAssign)
                    and isinstance(stmt.target, ast.Name)
                    and isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)
                ):
                    docs[stmt.target.id] = inspect.cleandoc(after.value.value)
    _SOURCE_DOCS[module_name] = out
    return out


def field_docs(cls: type) -> dict[str, str]:
    """The description of each modelled field of ``cls``, in declaration order.

    Read from the attribute docstrings of ``cls`` and its bases (a field
    declared in a base keeps the base's description); a field without one
    maps to ``""``.
    """
    found: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("respmodel."):
            found.update(_module_docs(klass.__module__).get(klass.__qualname__, {}))
    return {a.name: found.get(a.name, "") for a in attrs.fields(cls) if KIND_KEY in a.metadata}


def _class_doc(cls: type, doc: str | None) -> str | None:
    try:
        docs = field_docs(cls)
    except Exception:  # pragma: no cover - never let help() fail over a description
        return doc
    if not docs or not any(docs.values()):
        return doc
    lines = [inspect.cleandoc(doc or ""), "", HEADING, ""]
    for name, text in docs.items():
        if lines[-1]:
            lines.append("")
        lines.append(f"{name}: {_annotation(cls, name)}")
        lines.extend("    " + line if line else "" for line in text.splitlines())
    return "\n".join(lines).lstrip("\n")


def _annotation(cls: type, name: str) -> str:
    """The annotation of field ``name`` as written in the source of the class that declares it.

    Not ``attrs.Attribute.type``: ``attrs.resolve_types`` (which cattrs calls)
    replaces those strings with the types they name.
    """
    for klass in cls.__mro__:
        written = inspect.get_annotations(klass).get(name)
        if written is not None:
            return written if isinstance(written, str) else inspect.formatannotation(written)
    return "?"  # pragma: no cover - every modelled field is annotated
