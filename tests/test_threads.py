"""Thread safety: threads decoding at once in a fresh process agree with one thread.

respmodel generates its checkers, fillers and encoders on first use.  Here 8
threads, released together by a barrier in a process that has generated
nothing yet, each decode a different shape (responses, items, parts, voices,
usage; snake and camel; lenient and strict; loads and structure; valid and
invalid input) and write everything back.  Their results must be exactly
those of a fresh process doing the same work in one thread.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson

import respmodel
from tests.conftest import corpus_payloads
from tests.test_forward_compat import AZURE, BETA, GA, MIXED

ROOT = Path(__file__).resolve().parent.parent

# Runs in a fresh interpreter: reads the jobs, imports respmodel (which generates
# nothing), then runs the jobs on 8 threads at once or on one thread.
CHILD = r"""
import json, sys, threading
jobs = json.load(open(sys.argv[1]))
threaded = sys.argv[2] == "threads"
import respmodel

def run(job):
    tp = getattr(respmodel, job["type"])
    out, objs = [], []
    for text in job["payloads"]:
        try:
            if job["api"] == "loads":
                obj = respmodel.loads(text, tp, case=job["case"], strict=job["strict"])
            else:
                obj = respmodel.structure(json.loads(text), tp, case=job["case"], strict=job["strict"])
        except respmodel.DecodeError as err:
            out.append(["error", [[e.path, e.message] for e in err.errors]])
            continue
        objs.append(obj)
        out.append(["ok", type(obj).__name__, respmodel.dumps(obj).decode(),
                    respmodel.dumps(obj, case="camel").decode(), repr(obj)])
    return out, objs

results = [None] * len(jobs)
if threaded:
    sys.setswitchinterval(1e-6)
    barrier = threading.Barrier(len(jobs))
    def work(i):
        barrier.wait()
        results[i] = run(jobs[i])
    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
else:
    for i, job in enumerate(jobs):
        results[i] = run(job)
# Objects decoded on the threads equal the same decoded again, now, on this thread.
again = [run(job)[1] for job in jobs]
same = all(r[1] == objs and [hash(o) for o in r[1]] == [hash(o) for o in objs]
           for r, objs in zip(results, again))
print(json.dumps({"results": [r[0] for r in results], "same": same}))
"""

TYPES = {"response": "Response", "item": "OutputItem", "part": "ContentPart"}


def _camel(data: Any, tp: Any) -> str:
    return respmodel.dumps(respmodel.loads(orjson.dumps(data), tp), case="camel").decode()


def jobs() -> list[dict[str, Any]]:
    """Eight jobs, one per thread, each a different shape and mode."""
    corpus = corpus_payloads()
    by_what = {w: [d for _, what, d in corpus if what == w] for w in TYPES}
    shapes = [BETA, GA, AZURE, MIXED]
    items = [item for shape in shapes for item in shape["output"]]
    parts = [part for item in items for part in item.get("content", [])]
    voices = [
        "alloy",
        {"id": "voice_1"},
        AZURE["voice"],
        MIXED["voice"],
        {"type": "openai", "name": "x"},
        {"type": "azure-realtime-native", "name": "n"},
        {"type": "elevenlabs"},
        5,
    ]
    bad = [
        {"output": "x"},
        {"usage": {"total_tokens": "1"}},
        {"status": "paused", "future": 1},
        {"output": [{"type": "future"}, {"id": "x"}]},
        {"temperature": 9},
    ]

    def job(tp: str, case: str, strict: bool, api: str, payloads: list[str]) -> dict[str, Any]:
        return {"type": tp, "case": case, "strict": strict, "api": api, "payloads": payloads}

    def texts(values: list[Any]) -> list[str]:
        return [orjson.dumps(v).decode() for v in values]

    return [
        job("Response", "snake", False, "loads", texts(by_what["response"])),
        job("Response", "camel", False, "loads", [_camel(s, respmodel.Response) for s in shapes]),
        job("OutputItem", "snake", True, "loads", texts(items + by_what["item"])),
        job(
            "ContentPart",
            "camel",
            True,
            "loads",
            [_camel(p, respmodel.ContentPart) for p in parts + by_what["part"]],
        ),
        job("Voice", "snake", False, "loads", texts(voices)),
        job(
            "Usage",
            "camel",
            True,
            "structure",
            [_camel(s["usage"], respmodel.Usage) for s in shapes],
        ),
        job("Response", "snake", True, "loads", texts(bad + shapes)),
        job(
            "Response", "camel", False, "structure", [_camel(s, respmodel.Response) for s in shapes]
        ),
    ]


def run_child(mode: str, path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), mode],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_eight_threads_in_a_fresh_process_agree_with_one_thread(tmp_path: Path) -> None:
    """8 threads decoding different shapes at once, hooks generated on first use, match one thread."""
    path = tmp_path / "jobs.json"
    path.write_text(json.dumps(jobs()))
    serial = run_child("serial", path)
    assert serial["same"]
    outcomes = [r[0] for job in serial["results"] for r in job]
    assert {"ok", "error"} <= set(outcomes)
    assert len(outcomes) > 60
    for _ in range(2):
        threaded = run_child("threads", path)
        assert threaded["same"]
        assert threaded["results"] == serial["results"]
