"""The exceptions respmodel raises: one root, with structured subclasses."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = ["DecodeError", "EncodeError", "ErrorDetail", "RespmodelError", "ValidationError"]


class RespmodelError(Exception):
    """Root of every exception respmodel raises on purpose."""


@attrs.frozen
class ErrorDetail:
    """One problem found in the input: where it is and what is wrong there."""

    path: str
    """A JSON path into the input, like ``$.output[1].content[0].type``."""
    message: str
    """What was expected and what was found."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class DecodeError(RespmodelError, ValueError):
    """The input is not JSON, or not the resource it should be.

    ``errors`` lists every problem found (at least one); ``path`` and
    ``message`` are those of the first.
    """

    errors: tuple[ErrorDetail, ...]

    def __init__(self, errors: Sequence[ErrorDetail]) -> None:
        if not errors:
            raise ValueError("DecodeError needs at least one ErrorDetail")
        self.errors = tuple(errors)
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
        if len(self.errors) == 1:
            return str(self.errors[0])
        lines = [f"{len(self.errors)} problems:"]
        lines.extend(f"  {e}" for e in self.errors)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[type[DecodeError], tuple[tuple[ErrorDetail, ...]]]:
        return (type(self), (self.errors,))

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
