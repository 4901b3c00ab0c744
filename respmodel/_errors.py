"""The exceptions respmodel raises: one root, with structured subclasses."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = [
    "DecodeError",
    "EncodeError",
    "ErrorDetail",
    "Problems",
    "RespmodelError",
    "UnconfiguredConverterError",
    "ValidationError",
]


class RespmodelError(Exception):
    """Root of every exception respmodel raises on purpose."""


class UnconfiguredConverterError(RespmodelError, TypeError):
    """A cattrs converter met a respmodel class that ``configure_converter`` never taught it.

    Raised by cattrs 26.1 and later when they would otherwise convert a
    respmodel object attribute by attribute.
    """


@attrs.frozen
class ErrorDetail:
    """One problem found in the input: where it is and what is wrong there."""

    path: str
    """A JSON path into the input, like ``$.output[1].content[0].type``."""
    message: str
    """What was expected and what was found."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class Problems(tuple[ErrorDetail, ...]):
    """What salvage found in a decoded object: a tuple of problems, and how many more.

    Like a ``DecodeError``, it lists the first 1000 problems of a decode and
    counts the others in ``unlisted`` (a field salvaged for a huge array of
    wrong values holds a problem per value: the first ones say what is wrong).
    Compares, hashes and pickles as the tuple it is.
    """

    unlisted: int
    """How many more problems were found than are listed."""

    def __new__(cls, listed: Sequence[ErrorDetail], unlisted: int = 0) -> Problems:
        self = super().__new__(cls, listed)
        self.unlisted = unlisted
        return self

    def __reduce__(self) -> tuple[type[Problems], tuple[tuple[ErrorDetail, ...], int]]:
        return (type(self), (tuple(self), self.unlisted))

    def __repr__(self) -> str:
        more = f", unlisted={self.unlisted}" if self.unlisted else ""
        return f"Problems({tuple.__repr__(self)}{more})"


MESSAGE_LISTS = 100
"""At most this many problems are spelled out in a DecodeError's message (all are in ``errors``)."""


class DecodeError(RespmodelError, ValueError):
    """The input is not JSON, or not the resource it should be.

    ``errors`` lists the problems found (at least one); ``path`` and
    ``message`` are those of the first.  ``unlisted`` counts problems found
    but not listed in ``errors`` (0 unless whoever raised it capped the
    list: decoding lists the first 1000).  The message spells out at most
    the first 100 problems, and says how many there are in all.
    """

    errors: tuple[ErrorDetail, ...]
    unlisted: int

    def __init__(self, errors: Sequence[ErrorDetail], unlisted: int = 0) -> None:
        if not errors:
            raise ValueError("DecodeError needs at least one ErrorDetail")
        self.errors = tuple(errors)
        self.unlisted = unlisted
        super().__init__(self._render())

    @property
    def path(self) -> str:
        """The JSON path of the first problem."""
        return self.errors[0].path

    @property
    def message(self) -> str:
        """The message of the first problem."""
        return self.errors[0].message

    def _render(self) -> str:
        total = len(self.errors) + self.unlisted
        if total == 1:
            return str(self.errors[0])
        shown = self.errors[:MESSAGE_LISTS]
        if len(shown) == total:
            lines = [f"{total} problems:"]
        else:
            lines = [f"{total} problems (the first {len(shown)} listed):"]
        lines.extend(f"  {e}" for e in shown)
        if len(shown) < total:
            lines.append(f"  ... and {total - len(shown)} more")
        return "\n".join(lines)

    def __reduce__(self) -> tuple[type[DecodeError], tuple[tuple[ErrorDetail, ...], int]]:
        return (type(self), (self.errors, self.unlisted))

    def at(self, field: str) -> ValidationError:
        """The first problem as a constructor's error: its path continued below ``field``."""
        first = self.errors[0]
        return ValidationError(f"{field}{first.path[1:]}", first.message)


class EncodeError(RespmodelError, ValueError):
    """An object holds a value that JSON cannot represent."""


class ValidationError(RespmodelError, ValueError):
    """A value given to a respmodel constructor breaks the field's type or constraint."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")

    def __reduce__(self) -> tuple[type[ValidationError], tuple[str, str]]:
        return (type(self), (self.field, self.message))
