"""The respmodel command, run as users run it: in a subprocess, on files and standard input."""

from __future__ import annotations

import collections
import gzip
import io
import itertools
import os
import random
import re
import shutil
import subprocess
import sys
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any, NamedTuple

import orjson
import pytest

import respmodel
from respmodel import _cli, _parallel

ROOT = Path(respmodel.__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
ENV.pop("RESPMODEL_TRACEBACK", None)


def spawn(
    *args: str,
    stdin: bytes | None = None,
    command: tuple[str, ...] = (sys.executable, "-m", "respmodel"),
) -> Result:
    """Run the real command in a subprocess, as users do, and capture what it writes."""
    done = subprocess.run(
        [*command, *args],
        input=stdin,
        # No input given: not a pipe, so that the command decodes the bundled sample.
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True,
        env=ENV,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    return Result(done.returncode, done.stdout, done.stderr)


class Result(NamedTuple):
    returncode: int
    stdout: bytes
    stderr: bytes


def run(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> Result:
    """Run ``respmodel.main`` in this process (much faster), with its own stdin, stdout, stderr."""
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdin, sys.stdout, sys.stderr, os.getcwd()
    sys.stdin = io.TextIOWrapper(io.BufferedReader(io.BytesIO(stdin)))
    sys.stdout = io.TextIOWrapper(out, write_through=True)
    sys.stderr = io.TextIOWrapper(err, write_through=True)
    try:
        if cwd is not None:
            os.chdir(cwd)
        try:
            code = _cli.main(list(args))
        except SystemExit as exc:  # argparse: --help, --version, usage errors
            code = exc.code if isinstance(exc.code, int) else 2
        return Result(code, out.getvalue(), err.getvalue())
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved[:3]
        os.chdir(saved[3])


def decode_json(*args: str, stdin: bytes = b"") -> dict[str, Any]:
    """The --json summary of a decode that succeeded."""
    result = run("decode", "--json", *args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return orjson.loads(result.stdout)  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- a session to decode


def _usage(rng: random.Random) -> dict[str, Any]:
    it, ia, cached = rng.randint(0, 500), rng.randint(0, 900), rng.randint(0, 300)
    ot, oa = rng.randint(0, 200), rng.randint(0, 700)
    return {
        "total_tokens": it + ia + ot + oa,
        "input_tokens": it + ia,
        "output_tokens": ot + oa,
        "input_token_details": {"text_tokens": it, "audio_tokens": ia, "cached_tokens": cached},
        "output_token_details": {"text_tokens": ot, "audio_tokens": oa},
    }


def _response(rng: random.Random, n: int) -> dict[str, Any]:
    status, details = rng.choice(
        [
            ("completed", None),
            ("completed", None),
            ("cancelled", {"type": "cancelled", "reason": "turn_detected"}),
            ("cancelled", {"type": "cancelled", "reason": "client_cancelled"}),
            ("incomplete", {"type": "incomplete", "reason": "max_output_tokens"}),
            ("failed", {"type": "failed", "error": {"type": "server_error", "code": "overloaded"}}),
            (
                "failed",
                {"type": "failed", "error": {"type": "invalid_request_error", "code": None}},
            ),
        ]
    )
    output: list[dict[str, Any]] = [
        {
            "type": "message",
            "id": f"msg_{n}",
            "role": "assistant",
            "content": [{"type": "audio", "transcript": "Hi"}],
        }
    ]
    output.extend(
        {
            "type": "function_call",
            "id": f"fc_{n}",
            "call_id": "c",
            "name": rng.choice(["get_weather", "book_table"]),
            "arguments": "{}",
        }
        for _ in range(rng.randint(0, 2))
    )
    if rng.random() < 0.3:
        output.append(
            {
                "type": "mcp_call",
                "id": f"mcp_{n}",
                "server_label": "docs",
                "name": rng.choice(["search", "fetch"]),
                "arguments": "{}",
                "output": "ok",
            }
        )
    if rng.random() < 0.1:
        output.append({"type": "image_generation_call", "id": f"img_{n}"})  # an unknown item
    response: dict[str, Any] = {
        "id": f"resp_{n}",
        "object": "realtime.response",
        "status": status,
        "status_details": details,
        "output": output,
    }
    if rng.random() < 0.9:
        response["usage"] = _usage(rng)
    return response


def make_session(seed: int = 7, responses: int = 40) -> list[bytes]:
    """Lines of a session: typed and generic events (beta and GA), bare responses, bad and blank lines."""
    rng = random.Random(seed)
    lines: list[bytes] = []
    for n in range(responses):
        ga = rng.random() < 0.5
        eid: dict[str, Any] = {} if rng.random() < 0.2 else {"event_id": f"event_{n}_{len(lines)}"}
        response = _response(rng, n)
        lines.append(
            orjson.dumps(
                {
                    "type": "response.created",
                    **eid,
                    "response": {"id": response["id"], "status": "in_progress"},
                }
            )
        )
        lines.append(
            orjson.dumps(
                {
                    "type": "response.output_item.added",
                    **eid,
                    "response_id": response["id"],
                    "output_index": 0,
                    "item": response["output"][0],
                }
            )
        )
        delta = "response.output_audio.delta" if ga else "response.audio.delta"
        transcript = (
            "response.output_audio_transcript.delta" if ga else "response.audio_transcript.delta"
        )
        for _ in range(rng.randint(2, 8)):
            lines.append(
                orjson.dumps(
                    {
                        "type": delta,
                        **eid,
                        "response_id": response["id"],
                        "delta": "AAAA" * rng.randint(1, 50),
                    }
                )
            )
            lines.append(orjson.dumps({"type": transcript, **eid, "delta": "word "}))
        lines.append(
            orjson.dumps(
                {
                    "type": "conversation.item.done" if ga else "conversation.item.created",
                    **eid,
                    "previous_item_id": None,
                    "item": response["output"][0],
                }
            )
        )
        if rng.random() < 0.1:
            lines.append(orjson.dumps(response))  # a bare response line
        else:
            lines.append(orjson.dumps({"type": "response.done", **eid, "response": response}))
        if rng.random() < 0.1:
            lines.append(b"")
    lines.insert(5, b'{"type": "response.done", "response": {"output": "x"}}')
    lines.insert(20, b'{"type": "response.audio.delta", "delta": "AAA')
    lines.insert(33, b"WARNING ws-recorder: ping timeout")
    lines.insert(50, b"[1, 2, 3]")
    lines.insert(51, b"   ")
    return lines


SESSION = make_session()
SESSION_BYTES = b"\n".join(SESSION) + b"\n"


def _reason(details: Any) -> Any:
    if not isinstance(details, dict):
        return None
    if details.get("reason") is not None:
        return details["reason"]
    error = details.get("error")
    if isinstance(error, dict):
        return error.get("code") or error.get("type")
    return None


USAGE_KEYS = (
    "total",
    "input",
    "output",
    "text",
    "audio",
    "cached",
    "input_text",
    "input_audio",
    "input_image",
    "cached_text",
    "cached_audio",
    "cached_image",
    "output_text",
    "output_audio",
    "output_reasoning",
)


def independent_summary(lines: list[bytes]) -> dict[str, Any]:
    """The summary, counted straight from orjson-parsed lines, without respmodel."""
    by_type: collections.Counter[str] = collections.Counter()
    statuses: dict[str, Any] = {}
    usage: collections.Counter[str] = collections.Counter()
    with_usage = 0
    calls: collections.Counter[str] = collections.Counter()
    mcp: collections.Counter[str] = collections.Counter()
    bad = []
    salvaged = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = orjson.loads(line)
        except orjson.JSONDecodeError:
            bad.append(n)
            continue
        if not isinstance(d, dict):
            bad.append(n)
            continue
        if "type" not in d and d.get("object") == "realtime.response":
            kind, r = "realtime.response", d
        else:
            kind, r = d["type"], d.get("response") if d["type"] == "response.done" else None
        if r is not None and not isinstance(r.get("output", []), list):
            salvaged.append(n)  # the wrong type: salvaged, the response still counts
        by_type[kind] += 1
        if r is None:
            continue
        status = r.get("status", "(none)")
        entry = statuses.setdefault(status, {"count": 0, "reasons": collections.Counter()})
        entry["count"] += 1
        reason = _reason(r.get("status_details"))
        if reason is not None:
            entry["reasons"][reason] += 1
        u = r.get("usage")
        if u:
            with_usage += 1
            i, o = u.get("input_token_details") or {}, u.get("output_token_details") or {}
            usage.update(
                {
                    "total": u["total_tokens"],
                    "input": u["input_tokens"],
                    "output": u["output_tokens"],
                    "input_text": i.get("text_tokens", 0),
                    "input_audio": i.get("audio_tokens", 0),
                    "cached": i.get("cached_tokens", 0),
                    "output_text": o.get("text_tokens", 0),
                    "output_audio": o.get("audio_tokens", 0),
                    "text": i.get("text_tokens", 0) + o.get("text_tokens", 0),
                    "audio": i.get("audio_tokens", 0) + o.get("audio_tokens", 0),
                    "input_image": i.get("image_tokens", 0),
                    "cached_text": (i.get("cached_tokens_details") or {}).get("text_tokens", 0),
                    "cached_audio": (i.get("cached_tokens_details") or {}).get("audio_tokens", 0),
                    "cached_image": (i.get("cached_tokens_details") or {}).get("image_tokens", 0),
                    "output_reasoning": o.get("reasoning_tokens", 0),
                }
            )
        for item in r.get("output") if isinstance(r.get("output"), list) else []:
            if item.get("type") == "function_call":
                calls[item["name"]] += 1
            elif item.get("type") == "mcp_call":
                mcp[item["name"]] += 1
    return {
        "lines": len(lines),
        "events": sum(by_type.values()),
        "bad_lines": len(bad),
        "salvaged_events": len(salvaged),
        "events_by_type": dict(by_type),
        "responses": {
            "count": sum(e["count"] for e in statuses.values()),
            "salvaged": len(salvaged),
            "by_status": {
                s: {"count": e["count"], "reasons": dict(e["reasons"])} for s, e in statuses.items()
            },
        },
        "usage": {"responses": with_usage, **{k: usage[k] for k in USAGE_KEYS}},
        "function_calls": dict(calls),
        "mcp_calls": dict(mcp),
        "bad_line_numbers": bad,
        "salvaged_line_numbers": salvaged,
    }


def anonymous(summary: dict[str, Any]) -> dict[str, Any]:
    """The summary without the input's name (in the source, the errors and the sessions)."""
    return {
        **summary,
        "source": None,
        "errors": [{**e, "file": None} for e in summary["errors"]],
        "salvaged": [{**e, "file": None} for e in summary["salvaged"]],
        "by_session": [{**e, "file": None} for e in summary["by_session"]],
    }


def assert_matches(summary: dict[str, Any], lines: list[bytes]) -> None:
    """The command's --json summary agrees with the independent count."""
    expected = independent_summary(lines)
    assert sorted({e["line"] for e in summary["errors"]}) == expected.pop("bad_line_numbers")
    assert sorted({e["line"] for e in summary["salvaged"]}) == expected.pop("salvaged_line_numbers")
    for key, value in expected.items():
        assert summary[key] == value, key
    assert summary["bytes"] == sum(len(line) + 1 for line in lines)


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session above, as a .jsonl file."""
    path = tmp_path_factory.mktemp("cli") / "session.jsonl"
    path.write_bytes(SESSION_BYTES)
    return path


@pytest.fixture(scope="module")
def sample_lines() -> list[bytes]:
    """The bundled sample's lines."""
    with as_file(files("respmodel") / "data" / "sample_session.jsonl") as path:
        return path.read_bytes().rstrip(b"\n").split(b"\n")


# --------------------------------------------------------------------------- conventions


@pytest.mark.parametrize(
    "command",
    [[], ["decode"], ["convert"], ["validate"]],
    ids=["respmodel", "decode", "convert", "validate"],
)
def test_help_on_every_command(command: list[str]) -> None:
    """--help works on the command and on every subcommand."""
    result = run(*command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(b"usage: respmodel")
    assert result.stderr == b""


def test_module_runs_in_a_subprocess(sample_lines: list[bytes]) -> None:
    """python -m respmodel decode runs end to end on the bundled sample: summary on stdout, throughput on stderr."""
    result = spawn("decode", "--json")
    assert result.returncode == 0, result.stderr
    assert_matches(orjson.loads(result.stdout), sample_lines)
    assert result.stderr.startswith(b"respmodel: decoded ")
    assert b"events/s" in result.stderr


def test_module_help_in_a_subprocess() -> None:
    """python -m respmodel --help prints the usage and exits 0."""
    result = spawn("--help")
    assert result.returncode == 0
    assert result.stdout.startswith(b"usage: respmodel")


def test_bad_input_in_a_subprocess(tmp_path: Path) -> None:
    """Binary garbage given to the real command: one line on stderr, status 2, no traceback."""
    path = tmp_path / "garbage.bin"
    path.write_bytes(bytes(range(256)) * 8)
    result = spawn("decode", str(path))
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr == f"respmodel: error: {path}: binary data, not JSON lines\n".encode()


def test_version() -> None:
    """--version prints the package version."""
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"respmodel {respmodel.__version__}"


def test_no_command_is_a_usage_error() -> None:
    """Without a subcommand the command prints usage and exits 2."""
    result = run()
    assert result.returncode == 2
    assert b"usage: respmodel" in result.stderr


def test_console_script_runs() -> None:
    """The installed console script decodes the bundled sample."""
    script = shutil.which("respmodel")
    if script is None:
        pytest.skip("the respmodel console script is not installed on PATH")
    result = spawn("decode", "--json", command=(script,))
    assert result.returncode == 0, result.stderr
    doc = orjson.loads(result.stdout)
    assert (doc["bad_lines"], doc["salvaged_events"]) == (2, 1)


# --------------------------------------------------------------------------- decode


def test_decode_json_matches_independent_count(session: Path) -> None:
    """Events by type, statuses and reasons, usage, calls and bad lines agree with orjson counting."""
    assert_matches(decode_json(str(session)), SESSION)


def test_decode_text_summary(session: Path) -> None:
    """The text summary has every section, with the numbers of the JSON summary."""
    result = run("decode", str(session))
    assert result.returncode == 0
    text = result.stdout.decode()
    summary = decode_json(str(session))
    for title in (
        "events by type",
        "responses by status",
        "token usage",
        "function calls",
        "MCP calls",
        "bad lines",
    ):
        assert f"\n{title}" in text
    for kind, count in summary["events_by_type"].items():
        assert re.search(rf"^  {re.escape(kind)} +{count:,}$", text, re.M), kind
    for error in summary["errors"] + summary["salvaged"]:
        assert f"line {error['line']}: {error['path']}: {error['message']}" in text
    assert summary["salvaged"]
    assert "\nsalvaged (1 event, 1 finished response)" in text
    assert f"{summary['usage']['input']:,}" in text


def test_decode_reports_throughput_on_stderr(session: Path) -> None:
    """Throughput (events/s, MB/s) goes to stderr, so stdout stays the summary alone."""
    result = run("decode", "--json", str(session))
    assert re.fullmatch(
        rb"respmodel: decoded [\d,]+ events and 3 bad lines \([\d.,]+ MB\) in "
        rb"[\d.]+ s: [\d,]+ events/s, [\d.,]+ MB/s\n",
        result.stderr,
    ), result.stderr
    orjson.loads(result.stdout)


def test_decode_stdin_and_gzip_agree_with_file(session: Path, tmp_path: Path) -> None:
    """'-' reads stdin; gzip input (file or stdin) is decompressed; the summaries are the same."""
    gz = tmp_path / "session.jsonl.gz"
    gz.write_bytes(gzip.compress(SESSION_BYTES))
    plain = decode_json(str(session))
    for summary in (
        decode_json("-", stdin=SESSION_BYTES),
        decode_json(str(gz)),
        decode_json("-", stdin=gz.read_bytes()),
    ):
        assert anonymous(summary) == anonymous(plain)


def test_decode_camel_input(session: Path, tmp_path: Path) -> None:
    """--case camel decodes the camelCase form to the same summary."""
    camel = tmp_path / "camel.jsonl"
    assert (
        run("convert", "--to", "camel", str(session), str(camel)).returncode == 1
    )  # bad lines kept
    summary = decode_json("--case", "camel", str(camel))
    ignore = {"bytes": None}  # compact JSON and camel keys change the size
    assert {**anonymous(summary), **ignore} == {**anonymous(decode_json(str(session))), **ignore}


def test_decode_strict_counts_more_bad_lines(tmp_path: Path) -> None:
    """--strict turns deviations into bad lines; lenient decoding keeps them."""
    path = tmp_path / "s.jsonl"
    path.write_bytes(b'{"type": "response.done", "response": {"x_new": 1}}\n')
    assert decode_json(str(path))["bad_lines"] == 0
    strict = decode_json("--strict", str(path))
    assert strict["errors"] == [
        {"file": str(path), "line": 1, "path": "$.response.x_new", "message": "unknown field"}
    ]


def test_jobs_give_identical_results(session: Path) -> None:
    """--jobs N decodes in N processes with the same summary as one process."""
    one = decode_json(str(session))
    result = spawn("decode", "--json", "--jobs", "2", str(session))
    assert result.returncode == 0, result.stderr
    assert orjson.loads(result.stdout) == one
    assert b"2 processes" in result.stderr


def test_jobs_on_stdin_give_identical_results(monkeypatch: pytest.MonkeyPatch) -> None:
    """Input that cannot be seeked (stdin, gzip) is split into chunks of lines: same summary."""
    monkeypatch.setattr(_parallel, "CHUNK_BYTES", 2000)  # many chunks for a small session
    one = decode_json("-", stdin=SESSION_BYTES)
    assert decode_json("--jobs", "2", "-", stdin=SESSION_BYTES) == one


def test_split_ranges_cut_at_line_starts(session: Path) -> None:
    """Byte ranges cover the file, in order, and each starts at the start of a line."""
    data = session.read_bytes()
    ranges = _parallel.split_ranges(str(session), len(data), 7)
    assert len(ranges) == 7
    assert ranges[0][0] == 0
    assert ranges[-1][1] == len(data)
    for (_, end), (start, _) in itertools.pairwise(ranges):
        assert end == start
        assert data[start - 1 : start] == b"\n"


def test_decode_is_fast_on_deltas(tmp_path: Path) -> None:
    """A session of audio deltas decodes at a rate far above a real-time stream's."""
    path = tmp_path / "deltas.jsonl"
    line = orjson.dumps(
        {
            "type": "response.output_audio.delta",
            "event_id": "e",
            "response_id": "r",
            "item_id": "i",
            "output_index": 0,
            "content_index": 0,
            "delta": "A" * 400,
        }
    )
    path.write_bytes(b"\n".join([line] * 20000) + b"\n")
    result = run("decode", str(path))
    rate = re.search(rb"([\d,]+) events/s", result.stderr)
    assert rate is not None
    assert int(rate.group(1).replace(b",", b"")) > 20_000


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("command", ["decode", "validate", "convert"])
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.jsonl", None, "missing.jsonl: no such file"),
        ("folder", "dir", "folder: is a directory"),
        ("garbage.bin", bytes(range(256)) * 8, "garbage.bin: binary data, not JSON lines"),
        ("empty.jsonl", b"", "empty.jsonl: empty input (no JSON lines)"),
        ("blank.jsonl", b"\n \n\n", "blank.jsonl: empty input (no JSON lines)"),
        ("broken.gz", b"\x1f\x8b\x08\x00broken", "broken.gz: cannot read: "),
    ],
)
def test_bad_input_is_one_line_error(
    tmp_path: Path, command: str, name: str, content: Any, message: str
) -> None:
    """Input that is not a session gets one line on stderr and exit status 2, never a traceback."""
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    args = ["--to", "camel", name] if command == "convert" else [name]
    result = run(command, *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().startswith(f"respmodel: error: {message}")
    assert result.stderr.count(b"\n") == 1
    assert b"Traceback" not in result.stderr


def test_bad_jobs_is_a_usage_error() -> None:
    """--jobs takes a positive integer."""
    result = run("decode", "--jobs", "0")
    assert result.returncode == 2
    assert b"--jobs: must be at least 1, got 0" in result.stderr


# --------------------------------------------------------------------------- convert


def test_convert_round_trip_keeps_every_json_value(session: Path, tmp_path: Path) -> None:
    """snake -> camel -> snake gives back every line's JSON value; bad lines are kept as they were."""
    camel, back = tmp_path / "camel.jsonl", tmp_path / "back.jsonl"
    first = run("convert", "--to", "camel", str(session), str(camel))
    assert first.returncode == 1  # the session has bad lines, copied through and reported
    assert first.stderr.count(b"kept as it was, not converted") == 3
    assert run("convert", "--to", "snake", str(camel), str(back)).returncode == 1
    out = back.read_bytes().split(b"\n")[:-1]
    assert len(out) == len(SESSION)
    for original, converted in zip(SESSION, out, strict=True):
        try:
            value = orjson.loads(original)
        except orjson.JSONDecodeError:
            assert converted == original or (not original.strip() and not converted)
            continue
        assert orjson.loads(converted) == value


def test_convert_writes_camel_keys(tmp_path: Path) -> None:
    """convert --to camel renames modelled keys and leaves generic events alone; stdin to stdout."""
    done = orjson.dumps(
        {
            "type": "response.done",
            "event_id": "e",
            "response": {"status_details": None, "usage": {"input_tokens": 1}},
        }
    )
    delta = orjson.dumps({"type": "response.audio.delta", "event_id": "e", "item_id": "i"})
    result = run("convert", "--to", "camel", stdin=done + b"\n" + delta + b"\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split(b"\n")
    assert orjson.loads(lines[0]) == {
        "type": "response.done",
        "eventId": "e",
        "response": {"statusDetails": None, "usage": {"inputTokens": 1}},
    }
    assert lines[1] == delta


def test_convert_says_where_salvaged_values_keep_their_keys() -> None:
    """A salvaged value keeps its key as received in the other style, and stderr says where."""
    response = {"object": "realtime.response", "output_audio_format": 5, "max_output_tokens": []}
    result = run("convert", "--to", "camel", stdin=orjson.dumps(response) + b"\n")
    assert result.returncode == 0, result.stderr
    assert orjson.loads(result.stdout) == response
    assert result.stderr.decode().splitlines() == [
        "respmodel: line 1: salvaged, kept under its key as received: "
        "$.output_audio_format: expected string, got number 5 (and 1 more problem)"
    ]


def test_convert_refuses_to_overwrite_its_input(session: Path, tmp_path: Path) -> None:
    """Converting a file onto itself is refused before anything is written."""
    path = tmp_path / "s.jsonl"
    path.write_bytes(SESSION_BYTES)
    result = run("convert", "--to", "camel", str(path), str(path))
    assert result.returncode == 2
    assert b"would overwrite the input" in result.stderr
    assert path.read_bytes() == SESSION_BYTES


# --------------------------------------------------------------------------- validate


def test_validate_clean_file(tmp_path: Path) -> None:
    """A file without problems: exit status 0."""
    expected = independent_summary(SESSION)
    bad = {*expected["bad_line_numbers"], *expected["salvaged_line_numbers"]}
    path = tmp_path / "ok.jsonl"
    path.write_bytes(b"\n".join(line for n, line in enumerate(SESSION, 1) if n not in bad) + b"\n")
    result = run("validate", str(path))
    assert result.returncode == 0, result.stdout
    assert b"no problems" in result.stdout


def test_validate_lists_problems(session: Path) -> None:
    """Problems are listed as 'line N: PATH: MESSAGE', one per line, and the exit status is 1."""
    result = run("validate", str(session))
    assert result.returncode == 1
    listed = result.stdout.decode().splitlines()
    counted = independent_summary(SESSION)
    expected = sorted(counted["bad_line_numbers"] + counted["salvaged_line_numbers"])
    assert [int(re.match(r"line (\d+): \$", line).group(1)) for line in listed] == expected  # type: ignore[union-attr]
    assert listed[0] == f'line {expected[0]}: $.response.output: expected array, got string "x"'
    assert b"4 problems on 4 of" in result.stderr


def test_validate_strict(tmp_path: Path) -> None:
    """validate --strict reports what lenient validation accepts."""
    path = tmp_path / "s.jsonl"
    path.write_bytes(b'{"type": "response.output_item.done", "item": {"type": "reasoning"}}\n')
    assert run("validate", str(path)).returncode == 0
    result = run("validate", "--strict", str(path))
    assert result.returncode == 1
    assert result.stdout.startswith(b'line 1: $.item.type: unknown tag: expected one of "message"')


def test_validate_bundled_sample() -> None:
    """With no FILE, validate checks the bundled sample and finds its three bad lines."""
    result = run("validate")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 3


# --------------------------------------------------------------------------- progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal() -> None:
    """A progress bar is made when stderr is a terminal, and not otherwise."""
    assert _cli.Progress.maybe(_Terminal()) is not None
    assert _cli.Progress.maybe(io.StringIO()) is None


def drawn(progress: _cli.Progress, done: int, total: int, decoded: int) -> None:
    """Update the bar as if its last redraw were long ago."""
    progress.last -= 1
    progress.update(done, total, decoded)


def test_progress_bar_draws_and_clears_without_a_stray_character() -> None:
    """The bar is redrawn in place with a percentage and cleared over its whole width."""
    stream = _Terminal()
    progress = _cli.Progress(stream)
    drawn(progress, _cli.LARGE, 2 * _cli.LARGE, _cli.LARGE)
    line = stream.getvalue()
    assert line.startswith("\rrespmodel: [")
    assert " 50%" in line
    progress.close()
    assert stream.getvalue() == line + "\r" + " " * (len(line) - 1) + "\r"


def test_progress_bar_hidden_for_small_input() -> None:
    """Nothing is drawn while the input is small on disk and little was decoded."""
    stream = _Terminal()
    drawn(_cli.Progress(stream), 10, _cli.LARGE - 1, 10)
    assert stream.getvalue() == ""


@pytest.mark.parametrize("total", [0, 1000], ids=["stdin", "small-gzip"])
def test_progress_bar_shows_once_much_is_decoded(total: int) -> None:
    """Standard input (size unknown) and a small gzip file of a large session get a bar too."""
    stream = _Terminal()
    drawn(_cli.Progress(stream), 500, total, _cli.LARGE)
    assert stream.getvalue().startswith("\rrespmodel: ")


def test_progress_rate_is_of_decoded_bytes() -> None:
    """The rate counts decoded bytes (as the final line does), not compressed bytes read."""
    stream = _Terminal()
    progress = _cli.Progress(stream)
    progress.start -= 1.0  # one second ago
    drawn(progress, 1000, 2000, 100_000_000)
    rate = float(re.search(r"([\d.]+) MB/s", stream.getvalue()).group(1))  # type: ignore[union-attr]
    assert rate > 50  # about 100 MB/s, not 0.001


def test_progress_bar_redrawn_shorter_leaves_no_trace() -> None:
    """A shorter redraw pads over the end of the longer one before it."""
    stream = _Terminal()
    progress = _cli.Progress(stream)
    drawn(progress, 0, 0, 10**12)
    first = len(stream.getvalue())
    drawn(progress, 0, 0, _cli.LARGE)
    assert len(stream.getvalue()) - first == first


def test_no_progress_when_stderr_is_not_a_terminal(session: Path) -> None:
    """Quiet otherwise: stderr holds the throughput line only."""
    result = run("decode", str(session))
    assert b"\r" not in result.stderr
