"""The bundled sample session: reproducible from its script, well-formed apart from known lines.

These tests read ``respmodel/data/sample_session.jsonl`` as plain JSON lines and load
``scripts/make_sample.py`` from its path; they never import the respmodel package.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "make_sample.py"
SAMPLE = ROOT / "respmodel" / "data" / "sample_session.jsonl"


@pytest.fixture(scope="module")
def make_sample() -> ModuleType:
    """The generator script, imported from its file."""
    spec = importlib.util.spec_from_file_location("make_sample", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def lines() -> list[str]:
    """The committed sample, split into lines (without their line ends)."""
    text = SAMPLE.read_bytes().decode("utf-8")
    assert text.endswith("\n")
    return text[:-1].split("\n")


def parses(line: str) -> bool:
    """Whether a line is valid JSON."""
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def events(lines: list[str], skip: set[int]) -> list[dict[str, Any]]:
    """The parsed events of the non-blank lines whose 1-based numbers are not in skip."""
    return [json.loads(line) for n, line in enumerate(lines, 1) if line and n not in skip]


def test_committed_sample_is_what_the_script_writes(
    make_sample: ModuleType, tmp_path: Path
) -> None:
    """The committed sample is byte-identical to the script's output with the default seed."""
    out = tmp_path / "sample.jsonl"
    assert make_sample.main(["--out", str(out)]) == 0
    assert out.read_bytes() == SAMPLE.read_bytes()


def test_same_seed_same_bytes(make_sample: ModuleType) -> None:
    """Generation is deterministic per seed and changes with the seed."""
    first = make_sample.generate(seed=7, events=300).to_bytes()
    assert make_sample.generate(seed=7, events=300).to_bytes() == first
    assert make_sample.generate(seed=8, events=300).to_bytes() != first


def test_every_other_line_is_an_event(make_sample: ModuleType, lines: list[str]) -> None:
    """Every non-blank line except the three deliberate bad ones is a JSON object with a type."""
    sample = make_sample.generate()
    assert len(sample.bad_lines) == 3
    for number, line in enumerate(lines, 1):
        if not line or number in sample.bad_lines:
            continue
        event = json.loads(line)
        assert isinstance(event, dict), number
        assert isinstance(event.get("type"), str), number
        response = event.get("response")
        if response is not None:
            assert isinstance(response, dict), number
            assert isinstance(response.get("output", []), list), number


def test_bad_and_blank_lines_are_the_announced_ones(
    make_sample: ModuleType, lines: list[str]
) -> None:
    """The bad lines are one truncated event, one non-JSON line and one wrong-typed field."""
    sample = make_sample.generate()
    assert [n for n, line in enumerate(lines, 1) if not line] == sample.blank_lines
    assert len(sample.blank_lines) == 2
    bad = {n: lines[n - 1] for n in sample.bad_lines}
    unparsable = [number for number, line in bad.items() if not parses(line)]
    assert len(unparsable) == 2
    truncated = [n for n in unparsable if lines[n].startswith(lines[n - 1])]
    assert len(truncated) == 1  # a cut-off copy of the event on the next line
    assert lines[truncated[0]] != lines[truncated[0] - 1]
    assert not any(bad[n].lstrip().startswith("{") for n in unparsable if n not in truncated)
    (wrong,) = set(bad) - set(unparsable)
    assert json.loads(bad[wrong]) == {"type": "response.done", "response": {"output": "x"}}


def test_all_three_shapes_are_present(make_sample: ModuleType, lines: list[str]) -> None:
    """Beta event names, GA event names and Azure voice objects all occur in the sample."""
    parsed = events(lines, set(make_sample.generate().bad_lines))
    types = {event["type"] for event in parsed}
    beta = {
        "response.audio.delta",
        "response.audio_transcript.delta",
        "response.text.delta",
        "conversation.item.created",
    }
    ga = {
        "response.output_audio.delta",
        "response.output_audio_transcript.delta",
        "response.output_text.delta",
        "conversation.item.added",
        "conversation.item.done",
    }
    assert beta <= types
    assert ga <= types
    voices = [
        event["response"]["voice"]
        for event in parsed
        if event["type"] == "response.done" and isinstance(event["response"].get("voice"), dict)
    ]
    assert any(str(voice.get("type", "")).startswith("azure-") for voice in voices)
    assert any("event_id" not in event for event in parsed)  # Azure documentation style
    assert any("event_id" in event for event in parsed)


def test_usage_adds_up(make_sample: ModuleType, lines: list[str]) -> None:
    """Every response.done usage has total = input + output and cached <= input."""
    parsed = events(lines, set(make_sample.generate().bad_lines))
    done = [e["response"] for e in parsed if e["type"] == "response.done"]
    assert {r["status"] for r in done} == {"completed", "cancelled", "incomplete", "failed"}
    for response in done:
        usage = response.get("usage")
        if usage is None:
            continue
        assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"]
        details = usage["input_token_details"]
        assert details["cached_tokens"] <= usage["input_tokens"]
        outputs = usage["output_token_details"]
        assert sum(outputs.values()) == usage["output_tokens"]
