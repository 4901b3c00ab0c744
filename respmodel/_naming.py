"""The one renaming rule of the camelCase form."""

from __future__ import annotations

import functools

__all__ = ["camelize"]


@functools.cache
def camelize(snake: str) -> str:
    """``conversation_id`` -> ``conversationId``; a name without ``_`` is unchanged."""
    head, *rest = snake.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)
