"""How a decoder reads its input: key style, strictness and source, as one value."""

from __future__ import annotations

from typing import Any, Literal

__all__ = ["Case", "Mode", "is_camel", "mode", "mode_of"]

Case = Literal["snake", "camel"]


def is_camel(case: Any) -> bool:
    """True for ``"camel"``, False for ``"snake"``; anything else is a ValueError."""
    if case == "snake":
        return False
    if case == "camel":
        return True
    raise ValueError(f'case must be "snake" or "camel", not {case!r}')


class Mode:
    """One of the ten ways of decoding; there is exactly one object per way.

    ``camel``: the key style of the input.  ``strict``: report every
    deviation from the spec.  ``python``: the input is Python data handed to
    ``structure`` (it may hold anything, and belongs to the caller, so nothing
    of it is kept), not the output of ``orjson.loads``.  ``salvage``: the
    second try of lenient decoding, on parsed JSON the first try refused: a
    known field whose JSON type is wrong is kept raw instead of failing.
    """

    __slots__ = ("camel", "name", "python", "salvage", "strict")

    def __init__(self, camel: bool, strict: bool, python: bool, salvage: bool = False) -> None:
        self.camel, self.strict, self.python, self.salvage = camel, strict, python, salvage
        self.name = "_".join(
            ("camel" if camel else "snake", "strict" if strict else "lenient")
            + (("python",) if python else ())
            + (("salvage",) if salvage else ())
        )

    def __repr__(self) -> str:
        return f"Mode({self.name})"

    @property
    def json(self) -> Mode:
        """The same key style and strictness, reading parsed JSON text."""
        return mode(self.camel, self.strict, False)

    @property
    def salvaging(self) -> Mode:
        """The salvage mode of this key style (parsed JSON, lenient)."""
        return _SALVAGE[self.camel]


_MODES = {
    (c, s, p): Mode(c, s, p) for c in (False, True) for s in (False, True) for p in (False, True)
}
_SALVAGE = {c: Mode(c, False, False, salvage=True) for c in (False, True)}


def mode(camel: bool, strict: bool, python: bool = False) -> Mode:
    """The mode object for these settings (any truthy value counts as True)."""
    return _MODES[(bool(camel), bool(strict), bool(python))]


def mode_of(case: Any, strict: Any, python: bool = False) -> Mode:
    """The mode a public entry point's ``case`` and ``strict`` arguments ask for.

    Normalised before anything is cached on it: ``strict=1`` and
    ``strict=True`` are one mode, and a bad ``case`` is a ValueError.
    """
    return mode(is_camel(case), bool(strict), python)
