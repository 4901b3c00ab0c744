"""Made once, read without a lock: the cache every generated function and decoder lives in."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import TypeVar

__all__ = ["LOCK", "memo"]

T = TypeVar("T")

LOCK = threading.RLock()
"""Held while code is generated: threads in a fresh process see finished functions only.

Re-entrant, because generating one function may generate those it calls."""


def memo(table: dict[Hashable, T], key: Hashable, make: Callable[[], T]) -> T:
    """``table[key]``, made by ``make()`` under the lock the first time (double-checked)."""
    value = table.get(key)
    if value is None:
        with LOCK:
            value = table.get(key)
            if value is None:
                value = table[key] = make()
    return value
