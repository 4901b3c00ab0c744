"""Usage and cost across folders of sessions: respmodel.summarize, respmodel.iter_rows, decode PATH...

Every expected number is counted from the raw JSON by tests/sessions.py, not by respmodel.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

import respmodel
from respmodel import _parallel

from .sessions import PRICES, independent, make_folder
from .test_cli import run


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight generated session files (plain, gzip, in a subfolder), and a file to be ignored."""
    root = tmp_path_factory.mktemp("sessions")
    make_folder(root)
    return root


@pytest.fixture(scope="module")
def files(folder: Path) -> list[Path]:
    """The session files of the folder, in the order a folder is read."""
    return sorted(p for p in folder.rglob("*") if p.name.endswith((".jsonl", ".jsonl.gz")))


@pytest.fixture(scope="module")
def prices(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The user's price table, as a JSON file."""
    path = tmp_path_factory.mktemp("prices") / "prices.json"
    path.write_bytes(orjson.dumps(PRICES))
    return path


def decode_json(*args: str) -> dict[str, Any]:
    result = run("decode", "--json", *args)
    assert result.returncode == 0, result.stderr
    return orjson.loads(result.stdout)  # type: ignore[no-any-return]


def test_folder_reads_every_session_file_sorted(folder: Path, files: list[Path]) -> None:
    """A folder contributes its *.jsonl and *.jsonl.gz files, at any depth, sorted; nothing else."""
    assert respmodel.summarize(folder).files == len(files) == 8
    sessions = respmodel.summarize(folder).to_json()["by_session"]
    assert [s["file"] for s in sessions] == [
        str(p) for p in files for _ in range(2 if p == files[1] else 1)
    ]


def test_files_and_sessions_counted(folder: Path, files: list[Path]) -> None:
    """The summary says how many files and sessions it read (one file holds two sessions)."""
    doc = decode_json(str(folder))
    assert (doc["files"], doc["sessions"]) == (8, 9)
    assert doc["source"] == str(folder)


def test_usage_in_total_matches_raw_json(folder: Path, files: list[Path]) -> None:
    """Total usage equals the sums over the raw JSON; cached tokens are within input, not added."""
    expected = independent(files)["total"]
    usage = respmodel.summarize(folder).to_json()["usage"]
    for key in ("total", "input", "output", "cached", "cached_audio", "input_audio"):
        assert usage[key] == expected[key], key
    assert usage["total"] == usage["input"] + usage["output"]


def test_usage_per_model_matches_raw_json(folder: Path, files: list[Path]) -> None:
    """Per model: responses and tokens, each response counted for its session's model."""
    expected = independent(files)["models"]
    by_model = respmodel.summarize(folder).to_json()["by_model"]
    assert set(by_model) == {("(unknown)" if m is None else m) for m in expected}
    for model, counts in expected.items():
        got = by_model["(unknown)" if model is None else model]
        assert (got["responses"], got["usage"]["total"]) == (counts["responses"], counts["total"])


def test_usage_per_session_matches_raw_json(folder: Path, files: list[Path]) -> None:
    """Per session (file and session id): responses and tokens."""
    expected = independent(files)["sessions"]
    got = {
        (s["file"], s["id"]): (s["responses"], s["usage"]["total"])
        for s in respmodel.summarize(folder).to_json()["by_session"]
    }
    assert got == {key: (c["responses"], c["total"]) for key, c in expected.items()}


def test_session_update_without_model_keeps_the_model(files: list[Path]) -> None:
    """session.updated without a model keeps the session's model (every session has one)."""
    sessions = respmodel.summarize(files[0]).to_json()["by_session"]
    assert [s["models"] for s in sessions] == [["gpt-realtime"]]


def test_transcription_usage_counted_apart(folder: Path, files: list[Path]) -> None:
    """Transcription usage (tokens, or seconds) is its own line, not part of responses' usage."""
    expected = independent(files)
    t = respmodel.summarize(folder).to_json()["transcription"]
    assert t["events"] == expected["transcription"]["events"]
    for key in ("input", "output", "input_audio"):
        assert t[key] == expected["transcription"][key], key
    assert t["seconds"] == pytest.approx(expected["seconds"])


def test_salvaged_lines_report_file_and_line(folder: Path, files: list[Path]) -> None:
    """A salvaged line is reported with its file and line number, and still counted."""
    doc = respmodel.summarize(folder).to_json()
    assert doc["bad_lines"] == 0
    assert doc["salvaged_events"] == doc["responses"]["salvaged"] == independent(files)["salvaged"]
    assert doc["salvaged"] == [
        {
            "file": str(files[3]),
            "line": 6,
            "path": "$.response.output",
            "message": 'expected array, got string "x"',
        }
    ]


def test_prices_file_gives_cost_per_session_model_and_total(
    folder: Path, files: list[Path], prices: Path
) -> None:
    """--prices FILE: cost per response from the table; unknown models are unpriced, not guessed."""
    expected = independent(files, PRICES)
    doc = decode_json("--prices", str(prices), str(folder))
    assert doc["cost"]["usd"] == pytest.approx(expected["total"]["cost_microusd"] / 1e6, abs=1e-5)
    assert doc["cost"]["priced"] == expected["total"]["priced"]
    assert doc["cost"]["unpriced"] == expected["total"]["unpriced"] > 0
    for model, counts in expected["models"].items():
        cost = doc["by_model"]["(unknown)" if model is None else model]["cost"]
        assert cost["usd"] == pytest.approx(counts["cost_microusd"] / 1e6, abs=1e-5)
        assert cost["unpriced"] == counts["unpriced"]
    per_session = {(s["file"], s["id"]): s["cost"]["usd"] for s in doc["by_session"]}
    for key, counts in expected["sessions"].items():
        assert per_session[key] == pytest.approx(counts["cost_microusd"] / 1e6, abs=1e-5)


def test_prices_csv_equals_json(folder: Path, tmp_path: Path, prices: Path) -> None:
    """A CSV price table prices like the same table in JSON."""
    path = tmp_path / "prices.csv"
    columns = sorted({k for rates in PRICES.values() for k in rates})
    with path.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["model", *columns])
        writer.writerows([model, *(r.get(c, "") for c in columns)] for model, r in PRICES.items())
    table = respmodel.load_prices(path)
    assert (
        respmodel.summarize(folder, prices=table).to_json()
        == respmodel.summarize(folder, prices=respmodel.load_prices(prices)).to_json()
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[1]", "expected an object of models"),
        (b'{"m": {"input_text": 1}}', "m: no output_text rate"),
        (b'{"m": {"input_text": 1, "output_text": -2}}', "output_text: not a price: -2"),
        (b'{"m": {"input_text": 1, "output_text": 2, "audio": 3}}', "unknown rate 'audio'"),
        (b'{"m": {"input_text": "x", "output_text": 2}}', "input_text: not a price: 'x'"),
        (b"{", "not JSON"),
    ],
)
def test_bad_price_table_is_one_line_error(tmp_path: Path, content: bytes, message: str) -> None:
    """A price table that cannot be used is refused in one line, exit status 2."""
    path = tmp_path / "p.json"
    path.write_bytes(content)
    result = run("decode", "--prices", str(path))
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert result.stderr.count(b"\n") == 1


def test_ambiguous_cached_tokens_are_unpriced(tmp_path: Path, prices: Path) -> None:
    """Cached tokens not split by modality, on input of text and audio: unpriced, not guessed."""
    usage = {
        "input_tokens": 10,
        "output_tokens": 0,
        "total_tokens": 10,
        "input_token_details": {"text_tokens": 4, "audio_tokens": 6, "cached_tokens": 5},
    }
    path = tmp_path / "s.jsonl"
    path.write_bytes(
        b'{"type": "session.created", "session": {"id": "s", "model": "gpt-realtime"}}\n'
        + orjson.dumps({"type": "response.done", "response": {"usage": usage}})
        + b"\n"
    )
    cost = respmodel.summarize(path, prices=respmodel.load_prices(prices)).to_json()["cost"]
    assert (cost["priced"], cost["unpriced"]) == (0, 1)


def test_genai_prices_cost_matches_the_package(folder: Path, files: list[Path]) -> None:
    """--cost prices each response as genai-prices does, and leaves unknown models unpriced."""
    genai_prices = pytest.importorskip("genai_prices")
    doc = decode_json("--cost", str(folder))
    expected = 0.0
    unpriced = 0
    for row in independent(files)["rows"]:
        file, line, _, model, _, total, _ = row
        if total is None:
            continue
        raw = _raw_line(Path(file), line)
        u = raw.get("response", raw)["usage"]
        i, o = u["input_token_details"], u["output_token_details"]
        usage = genai_prices.Usage(
            input_tokens=u["input_tokens"],
            output_tokens=u["output_tokens"],
            input_audio_tokens=i["audio_tokens"],
            cache_read_tokens=i["cached_tokens"],
            cache_audio_read_tokens=i["cached_tokens_details"]["audio_tokens"],
            output_audio_tokens=o["audio_tokens"],
        )
        try:
            price = genai_prices.calc_price(usage, model or "", provider_id="openai")
        except LookupError:
            unpriced += 1
            continue
        expected += float(price.total_price)
    assert doc["cost"]["usd"] == pytest.approx(expected, abs=1e-5)
    assert doc["cost"]["unpriced"] == unpriced > 0


def _raw_line(path: Path, line: int) -> dict[str, Any]:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return orjson.loads(data.split(b"\n")[line - 1])  # type: ignore[no-any-return]


def test_rows_one_per_finished_response(folder: Path, files: list[Path], prices: Path) -> None:
    """iter_rows: file, line, session, model, response id, tokens and cost of every response."""
    expected = independent(files, PRICES)["rows"]
    rows = list(respmodel.iter_rows(folder, prices=respmodel.load_prices(prices)))
    got = [
        (r.file, r.line, r.session_id, r.model, r.response_id, r.total_tokens, r.cost) for r in rows
    ]
    assert [g[:5] for g in got] == [e[:5] for e in expected]
    assert [g[5] for g in got] == [e[5] or 0 for e in expected]
    assert [g[6] for g in got] == pytest.approx([e[6] for e in expected])


@pytest.mark.parametrize("ext", ["csv", "jsonl"])
def test_rows_file_totals_match(folder: Path, files: list[Path], tmp_path: Path, ext: str) -> None:
    """--rows FILE.csv / FILE.jsonl: one row per response, whose tokens add up to the summary's."""
    out = tmp_path / f"rows.{ext}"
    doc = decode_json("--rows", str(out), str(folder))
    if ext == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text())))
    else:
        rows = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert len(rows) == doc["responses"]["count"] == independent(files)["total"]["responses"]
    assert sum(int(r["total_tokens"]) for r in rows) == independent(files)["total"]["total"]
    assert list(rows[0]) == list(respmodel.Row.__annotations__)


def test_rows_parquet_read_back(
    folder: Path, files: list[Path], tmp_path: Path, prices: Path
) -> None:
    """--rows FILE.parquet (respmodel[parquet]): read back with pyarrow, totals as the summary."""
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "rows.parquet"
    doc = decode_json("--rows", str(out), "--prices", str(prices), str(folder))
    table = pq.read_table(out)
    expected = independent(files, PRICES)["total"]
    assert table.num_rows == doc["responses"]["count"] == expected["responses"]
    assert sum(table.column("total_tokens").to_pylist()) == expected["total"]
    assert sum(table.column("cached_audio_tokens").to_pylist()) == expected["cached_audio"]
    costs = [c for c in table.column("cost").to_pylist() if c is not None]
    assert sum(costs) == pytest.approx(doc["cost"]["usd"], abs=1e-5)


def test_rows_unknown_extension_is_refused(folder: Path, tmp_path: Path) -> None:
    """--rows with an extension that names no format: one line, status 2, nothing written."""
    result = run("decode", "--rows", str(tmp_path / "rows.xlsx"), str(folder))
    assert result.returncode == 2
    assert b"unknown rows format" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_globs_and_several_paths(folder: Path, files: list[Path]) -> None:
    """Glob patterns and several paths read the files they name, in the order given."""
    by_glob = respmodel.summarize([str(folder / "*.jsonl"), str(folder / "sub")])
    plain = [p for p in files if p.parent == folder and p.name.endswith(".jsonl")]
    assert by_glob.files == len(plain) + 1
    result = run("decode", str(folder / "*.nothing"))
    assert result.returncode == 2
    assert b"no file matches" in result.stderr


@pytest.mark.parametrize("jobs", [2, 3])
def test_jobs_give_the_same_summary_and_rows(
    folder: Path, prices: Path, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Processes split the work across files and within large ones: same summary, same rows."""
    monkeypatch.setattr(_parallel, "SPLIT_BYTES", 4000)  # split even these small files
    table = respmodel.load_prices(prices)
    one = respmodel.summarize(folder, prices=table).to_json()
    assert respmodel.summarize(folder, prices=table, jobs=jobs).to_json() == one
    assert list(respmodel.iter_rows(folder, prices=table, jobs=jobs)) == list(
        respmodel.iter_rows(folder, prices=table)
    )


def test_jobs_split_one_file_with_sessions_across_parts(tmp_path: Path, files: list[Path]) -> None:
    """One plain file cut into byte ranges: sessions and models that span parts stay whole."""
    path = tmp_path / "one.jsonl"
    path.write_bytes(files[1].read_bytes() * 3)
    one = respmodel.summarize(path).to_json()
    assert respmodel.summarize(path, jobs=2).to_json() == one
    assert [s["models"] for s in one["by_session"]] == [
        ["gpt-4o-mini-realtime-preview"],
        ["phi4-mm-realtime"],
    ]


@pytest.mark.parametrize(
    ("paths", "kwargs", "error"),
    [
        ("missing.jsonl", {}, "missing.jsonl: no such file"),
        (".", {"jobs": 0}, "jobs: expected a positive integer, got 0"),
    ],
)
def test_api_errors_are_respmodel_errors(paths: str, kwargs: Any, error: str) -> None:
    """The public API answers bad arguments with respmodel's own errors."""
    with pytest.raises(respmodel.RespmodelError, match=error):
        respmodel.summarize(paths, **kwargs)


def test_genai_prices_at_the_session_date(tmp_path: Path) -> None:
    """--cost prices a response at its session's date (created_at) where prices changed."""
    genai_prices = pytest.importorskip("genai_prices")
    import datetime

    usage = {"input_tokens": 1000, "output_tokens": 1000, "total_tokens": 2000}
    lines = []
    expected = []
    for n, day in enumerate((datetime.date(2024, 6, 1), datetime.date(2026, 11, 1))):
        at = datetime.datetime(day.year, day.month, day.day, 12, tzinfo=datetime.timezone.utc)
        session = {"id": f"s{n}", "model": "o3", "created_at": int(at.timestamp())}
        lines.append(orjson.dumps({"type": "session.created", "session": session}))
        lines.append(orjson.dumps({"type": "response.done", "response": {"usage": usage}}))
        price = genai_prices.calc_price(
            genai_prices.Usage(input_tokens=1000, output_tokens=1000),
            "o3",
            provider_id="openai",
            genai_request_timestamp=at,
        )
        expected.append(float(price.total_price))
    path = tmp_path / "s.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    rows = list(respmodel.iter_rows(path, prices=respmodel.GenaiPrices()))
    assert [r.cost for r in rows] == pytest.approx(expected)
    assert expected[0] != expected[1]


@pytest.mark.parametrize(
    ("module", "args", "message"),
    [
        ("genai_prices", ["--cost"], "--cost needs the genai-prices package"),
        ("pyarrow", ["--rows", "rows.parquet"], "writing Parquet needs pyarrow"),
    ],
)
def test_missing_extra_is_one_line(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    module: str,
    args: Any,
    message: str,
) -> None:
    """Without an optional extra, its option says what to install, in one line, before reading."""
    monkeypatch.setitem(sys.modules, module, None)  # import fails, as when not installed
    monkeypatch.setitem(sys.modules, module + ".parquet", None)
    result = run("decode", *args, str(folder), cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert result.stderr.count(b"\n") == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_unreadable_file_in_a_folder_is_listed_and_the_rest_counted(
    folder: Path, files: list[Path], tmp_path: Path, jobs: str
) -> None:
    """A broken gzip file among others: listed, what was read counted, the others too; status 2."""
    root = tmp_path / "sessions"
    root.mkdir()
    for path in files[:3]:
        (root / path.name).write_bytes(path.read_bytes())
    packed = files[0].read_bytes()
    (root / "broken.jsonl.gz").write_bytes(packed[: len(packed) // 2])  # cut short
    result = run("decode", "--json", "--jobs", jobs, str(root))
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[-1] == (
        "respmodel: error: 1 file not read to the end (listed in the summary; what was read is counted)"
    )
    doc = orjson.loads(result.stdout)
    assert [f["file"] for f in doc["bad_files"]] == [str(root / "broken.jsonl.gz")]
    assert doc["bad_files"][0]["message"].startswith("cannot read: ")
    assert doc["files"] == 4
    clean = respmodel.summarize(files[:3]).to_json()
    assert doc["responses"]["count"] >= clean["responses"]["count"]


def test_validate_lists_an_unreadable_file_and_goes_on(files: list[Path], tmp_path: Path) -> None:
    """validate over several files: one that cannot be read is a problem; the others are checked."""
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\x00" * 100)
    result = run("validate", str(binary), str(files[3]))
    assert result.returncode == 1
    assert result.stdout.decode().splitlines() == [
        f"{binary}: binary data, not JSON lines",
        f'{files[3]}: line 6: $.response.output: expected array, got string "x"',
    ]
