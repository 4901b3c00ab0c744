"""Reading every field of a decoded object: the "decode + read all" operation.

respmodel builds nested objects lazily, on the first read of a field, so a
decode that nobody reads is not comparable with an eager decoder's.  Every
library is therefore also timed decoding *and* reading every value, through
the same walker; only the way a class lists its fields differs by library.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["make_walker"]

_LEAVES = frozenset({str, int, float, bool, type(None)})


def make_walker(fields_of: Callable[[type], tuple[str, ...]]) -> Callable[[Any], int]:
    """A function that reads every value below an object and returns how many leaves it read.

    ``fields_of(cls)`` names the attributes to read on an instance of ``cls``
    (asked once per class).  Lists, tuples and dicts (values only) are walked
    the same way for every library.
    """
    names_by_class: dict[type, tuple[str, ...]] = {}

    def walk(value: Any) -> int:
        cls = value.__class__
        if cls in _LEAVES:
            return 1
        count = 0
        if cls is list or cls is tuple:
            for item in value:
                count += walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                count += walk(item)
        else:
            names = names_by_class.get(cls)
            if names is None:
                names = names_by_class[cls] = fields_of(cls)
            for name in names:
                count += walk(getattr(value, name))
        return count

    return walk
