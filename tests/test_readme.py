"""The README's usage example runs, and says what it prints."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import respmodel

README = Path(__file__).parent.parent / "README.md"


def usage_block() -> list[str]:
    """The lines of the first Python block after the "## Usage" heading."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Usage\n", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    return match.group(1).splitlines()


def test_usage_example_prints_what_its_comments_say() -> None:
    """Each commented line of the usage example evaluates to the value in its comment."""
    namespace: dict[str, Any] = {}
    lines = usage_block()
    checked = 0
    for i, line in enumerate(lines):
        if not line.strip() or line.startswith("#"):
            continue
        code, _, comment = line.partition("  # ")
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt.startswith("# respmodel.DecodeError: "):
            with pytest.raises(respmodel.DecodeError) as info:
                exec(code, namespace)
            assert str(info.value) == nxt.removeprefix("# respmodel.DecodeError: ")
            checked += 1
        elif comment.startswith(("(", "True", "FrozenDict(")):
            # The comment opens with the value's repr, maybe followed by an explanation.
            assert comment.startswith(repr(eval(code, namespace)))
            checked += 1
        else:
            exec(code, namespace)
    assert checked >= 4
