"""Faults the command survives: signals, dead workers, closed pipes, full disks, hostile lines.

Each test runs the real command in a subprocess, as a user or a job scheduler would.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import orjson
import pytest

from .test_cli import ENV, ROOT, SESSION_BYTES, run, spawn

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc and sends POSIX signals"
)

COMMAND = (sys.executable, "-m", "respmodel")


@pytest.fixture(scope="module")
def sample() -> bytes:
    with as_file(files("respmodel") / "data" / "sample_session.jsonl") as path:
        return path.read_bytes()


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory, sample: bytes) -> Iterator[Path]:
    """A session of about 64 MB: long enough to be caught running."""
    path = tmp_path_factory.mktemp("big") / "big.jsonl"
    with path.open("wb") as f:
        for _ in range(60):
            f.write(sample)
    yield path
    path.unlink()  # pytest keeps the temporary folders of the last runs


@pytest.fixture(scope="module")
def big_gz(big: Path) -> Iterator[Path]:
    """The big session, gzip-compressed (split into chunks by the parent, not by ranges)."""
    path = big.with_suffix(".gz")
    with big.open("rb") as src, path.open("wb") as dst:
        z = zlib.compressobj(1, zlib.DEFLATED, 31)
        while chunk := src.read(1 << 20):
            dst.write(z.compress(chunk))
        dst.write(z.flush())
    yield path
    path.unlink()


def start(*args: str, **kwargs: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*COMMAND, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        cwd=ROOT,
        **kwargs,
    )


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (children, their children...)."""
    out: list[int] = []
    todo = [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                kids = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            out.extend(kids)
            todo.extend(kids)
    return out


def workers(pid: int) -> list[int]:
    """The worker processes of a running command (not its resource tracker)."""
    found = []
    for p in descendants(pid):
        try:
            cmdline = Path(f"/proc/{p}/cmdline").read_bytes()
        except OSError:
            continue
        if b"resource_tracker" not in cmdline:
            found.append(p)
    return found


def wait_for_workers(proc: subprocess.Popen[bytes], n: int = 2) -> list[int]:
    for _ in range(600):
        found = workers(proc.pid)
        if len(found) >= n:
            return found
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    raise AssertionError(f"the command never ran {n} workers: {proc.communicate()}")


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_gone(pids: list[int]) -> list[int]:
    """The processes still alive after a while (reaping takes a moment, not minutes)."""
    for _ in range(200):
        left = [p for p in pids if alive(p)]
        if not left:
            return []
        time.sleep(0.05)
    return left


# --------------------------------------------------------------------------- signals and workers


def test_ctrl_c_under_jobs_reports_once(big: Path) -> None:
    """Ctrl-C (SIGINT to the process group) with --jobs 2: one line, status 130, no tracebacks."""
    proc = start("decode", "--jobs", "2", str(big), start_new_session=True)
    children = wait_for_workers(proc)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert err.decode().splitlines() == ["respmodel: interrupted"]
    assert wait_gone(children) == []


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["TERM", "KILL"])
def test_no_orphans_when_the_parent_is_killed(big: Path, sig: signal.Signals) -> None:
    """SIGTERM (or SIGKILL) to the parent under --jobs 2 leaves no worker or tracker behind."""
    proc = start("decode", "--jobs", "2", str(big))
    wait_for_workers(proc)
    children = descendants(proc.pid)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == (143 if sig == signal.SIGTERM else -signal.SIGKILL)
    if sig == signal.SIGTERM:
        assert err.decode().splitlines() == ["respmodel: terminated"]
    assert wait_gone(children) == []


def test_a_dead_worker_is_one_clear_error(big_gz: Path) -> None:
    """A worker killed while a gzip input is fed to it: one error line, status 2, no hang."""
    proc = start("decode", "--jobs", "2", str(big_gz))
    victim, *others = wait_for_workers(proc)
    os.kill(victim, signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    assert err.decode().splitlines() == [
        "respmodel: error: a worker process died (killed by SIGKILL); nothing was counted"
    ]
    assert wait_gone(others) == []


def test_closed_output_pipe_exits_with_the_sigpipe_status(tmp_path: Path) -> None:
    """The reader goes away (respmodel validate | head): status 141 (128 + SIGPIPE), quietly."""
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"not json\n" * 20000)
    proc = start("validate", str(path))
    assert proc.stdout is not None
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 141
    assert b"Traceback" not in err


# --------------------------------------------------------------------------- output files


def _limit_file_size() -> None:  # pragma: no cover - runs in the child
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))


def test_convert_failing_write_leaves_no_file(tmp_path: Path) -> None:
    """A write that fails half-way (file size limit, as a full disk): one line, no file left."""
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [*COMMAND, "convert", "--to", "camel", "respmodel/data/sample_session.jsonl", str(out)],
        capture_output=True,
        env=ENV,
        cwd=ROOT,
        preexec_fn=_limit_file_size,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    lines = done.stderr.decode().splitlines()
    assert (
        lines[-1] == f"respmodel: error: {out}: cannot write: File too large (nothing was written)"
    )
    assert list(tmp_path.iterdir()) == []


def test_convert_to_a_full_device_is_one_line(tmp_path: Path) -> None:
    """Writing to /dev/full: one line naming the problem, status 2."""
    result = spawn("convert", "--to", "camel", "respmodel/data/sample_session.jsonl", "/dev/full")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[-1] == (
        "respmodel: error: /dev/full: cannot write: No space left on device"
    )


def test_convert_replaces_the_output_only_when_complete(tmp_path: Path) -> None:
    """An existing output file is replaced whole, never truncated first."""
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"old\n")
    assert run("convert", "--to", "camel", "-", str(out), stdin=b"{").returncode == 1
    assert out.read_bytes() == b"{\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


# --------------------------------------------------------------------------- hostile lines

HOSTILE = b'{"type": []}'


@pytest.mark.parametrize("command", ["decode", "validate", "convert"])
def test_a_line_that_breaks_the_decoder_never_stops_the_run(tmp_path: Path, command: str) -> None:
    """A line on which decoding raises is one bad line; the lines after it are still read."""
    path = tmp_path / "s.jsonl"
    good = b'{"type": "response.done", "response": {"id": "r"}}'
    path.write_bytes(b"\n".join([good, HOSTILE, good, HOSTILE, good]) + b"\n")
    if command == "decode":
        doc = orjson.loads(run("decode", "--json", str(path)).stdout)
        assert doc["events"] + doc["bad_lines"] == 5
        assert doc["responses"]["count"] == 3
        assert {e["line"] for e in doc["errors"]} <= {2, 4}
    elif command == "validate":
        result = run("validate", str(path))
        listed = {line.split(b":")[0] for line in result.stdout.splitlines()}
        assert listed <= {b"line 2", b"line 4"}
        assert b"Traceback" not in result.stderr
        assert b"5 non-blank lines" in result.stdout + result.stderr
    else:
        result = run("convert", "--to", "camel", str(path))
        converted = orjson.dumps(orjson.loads(good))  # no key to rename, compact
        out = result.stdout.splitlines()
        assert out[::2] == [converted] * 3
        assert [orjson.loads(line) for line in out[1::2]] == [orjson.loads(HOSTILE)] * 2


def test_over_long_line_is_one_bad_line(tmp_path: Path) -> None:
    """A line over --max-line-bytes is a bad line (never read whole); the rest goes on."""
    path = tmp_path / "s.jsonl"
    long = b'{"type": "response.text.delta", "delta": "' + b"x" * 5000 + b'"}'
    path.write_bytes(SESSION_BYTES[:0] + b'{"type": "a"}\n' + long + b'\n{"type": "b"}\n')
    doc = orjson.loads(run("decode", "--json", "--max-line-bytes", "1000", str(path)).stdout)
    assert (doc["events"], doc["bad_lines"]) == (2, 1)
    assert doc["errors"][0]["line"] == 2
    size = len(long) + 1  # newline included
    assert doc["errors"][0]["message"] == (
        f"line too long: {size:,} bytes, more than the limit of 1,000"
    )
    assert orjson.loads(run("decode", "--json", str(path)).stdout)["bad_lines"] == 0


MEASURE = """
import os, resource, subprocess, sys
with open(sys.argv[1], "wb") as out:
    code = subprocess.call(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=out)
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
"""Runs a command from a small, fresh interpreter: the peak RSS of its children is the
command's own (a child forked from the big pytest process would start with its RSS)."""


def decode_measured(path: Path, out: Path) -> tuple[dict[str, Any], int]:
    """The --json summary of a decode in a subprocess, and its peak RSS in KiB."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(out), *COMMAND, "decode", "--json", str(path)],
        capture_output=True,
        env=ENV,
        cwd=ROOT,
        check=True,
        timeout=600,
    )
    code, rss = (int(x) for x in done.stdout.split())
    assert code == 0, done.stderr
    return orjson.loads(out.read_bytes()), rss


def test_huge_line_in_small_gzip_keeps_memory_bounded(tmp_path: Path) -> None:
    """A small gzip file holding one 300 MB line: one bad line, and peak RSS under 200 MB."""
    path = tmp_path / "bomb.jsonl.gz"
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    with path.open("wb") as f:
        f.write(z.compress(b'{"type": "a"}\n'))
        chunk = b"a" * (1 << 20)
        for _ in range(300):
            f.write(z.compress(chunk))
        f.write(z.compress(b'\n{"type": "b"}\n'))
        f.write(z.flush())
    doc, rss = decode_measured(path, tmp_path / "out.json")
    path.unlink()  # pytest keeps the temporary folders of the last runs
    assert (doc["events"], doc["bad_lines"]) == (2, 1)
    assert rss < 200 * 1024


def test_file_without_newline_keeps_memory_bounded(tmp_path: Path) -> None:
    """A 400 MB file without a newline: one bad line, and peak RSS under 200 MB."""
    path = tmp_path / "long.jsonl"
    with path.open("wb") as f:
        chunk = b"a" * (1 << 20)
        for _ in range(400):
            f.write(chunk)
    doc, rss = decode_measured(path, tmp_path / "out.json")
    path.unlink()
    assert (doc["events"], doc["bad_lines"]) == (0, 1)
    assert rss < 200 * 1024


def test_dev_zero_is_refused_as_binary() -> None:
    """respmodel decode /dev/zero: refused at once as binary data, never read to the end."""
    result = spawn("decode", "/dev/zero")
    assert result.returncode == 2
    assert result.stderr == b"respmodel: error: /dev/zero: binary data, not JSON lines\n"


def test_invalid_utf8_is_a_bad_line_wherever_it_is(tmp_path: Path) -> None:
    """Invalid UTF-8 makes one bad line, in the first 64 KiB as later: the same message."""
    bad = b'{"type": "caf\xe9"}'
    filler = b'{"type": "response.text.delta", "delta": "' + b"x" * 1000 + b'"}'
    path = tmp_path / "s.jsonl"
    path.write_bytes(b"\n".join([bad, *[filler] * 100, bad]) + b"\n")
    doc = orjson.loads(run("decode", "--json", str(path)).stdout)
    assert (doc["events"], doc["bad_lines"]) == (100, 2)
    first, last = doc["errors"]
    assert (first["line"], last["line"]) == (1, 102)
    assert first["message"] == last["message"]


# --------------------------------------------------------------------------- words and inputs


def test_counts_are_pluralised(tmp_path: Path) -> None:
    """One problem, one bad line, one event: singular nouns."""
    path = tmp_path / "s.jsonl"
    path.write_bytes(b'{"type": "a"}\nnot json\n')
    assert (
        run("validate", str(path))
        .stderr.decode()
        .endswith("1 problem on 1 of 2 non-blank lines (lenient)\n")
    )
    stderr = run("decode", str(path)).stderr.decode()
    assert stderr.startswith("respmodel: decoded 1 event and 1 bad line (")
    summary = run("decode", str(path)).stdout.decode().splitlines()[0]
    assert summary.endswith(": 1 file, 1 session, 2 lines, 1 event, 1 bad line")


def test_piped_stdin_is_read_without_a_dash(tmp_path: Path) -> None:
    """cat x.jsonl | respmodel decode reads the pipe, not the bundled sample."""
    path = tmp_path / "s.jsonl"
    path.write_bytes(SESSION_BYTES)
    piped = orjson.loads(spawn("decode", "--json", stdin=SESSION_BYTES).stdout)
    named = orjson.loads(spawn("decode", "--json", str(path)).stdout)
    assert piped["source"] == "<stdin>"
    assert piped["events"] == named["events"]
    assert piped["usage"] == named["usage"]


def test_no_path_and_no_pipe_decodes_the_sample() -> None:
    """With nothing piped in, decode with no PATH summarises the bundled sample."""
    doc = orjson.loads(spawn("decode", "--json").stdout)
    assert doc["source"] == "sample_session.jsonl (the bundled sample)"
