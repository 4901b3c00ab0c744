"""Folders of generated sessions, and their usage counted straight from the raw JSON.

The counts here never use respmodel: each line is parsed with orjson and the
session, model and usage read off the dicts, so that tests compare the code
under test against an independent reckoning.
"""

from __future__ import annotations

import collections
import gzip
import random
from pathlib import Path
from typing import Any

import orjson

MODELS = ("gpt-realtime", "gpt-4o-mini-realtime-preview", "phi4-mm-realtime")

PRICES = {
    "gpt-realtime": {
        "input_text": 4.0,
        "input_audio": 32.0,
        "cached_text": 0.4,
        "cached_audio": 0.4,
        "output_text": 16.0,
        "output_audio": 64.0,
    },
    "gpt-4o-mini-realtime*": {
        "input_text": 0.6,
        "input_audio": 10.0,
        "cached_text": 0.3,
        "cached_audio": 0.3,
        "output_text": 2.4,
        "output_audio": 20.0,
    },
}
"""A user's price table: phi4-mm-realtime is not in it (its responses stay unpriced)."""


def usage(rng: random.Random) -> dict[str, Any]:
    it, ia = rng.randint(0, 500), rng.randint(0, 900)
    ct, ca = rng.randint(0, it), rng.randint(0, ia)
    ot, oa = rng.randint(0, 200), rng.randint(0, 700)
    return {
        "total_tokens": it + ia + ot + oa,
        "input_tokens": it + ia,
        "output_tokens": ot + oa,
        "input_token_details": {
            "text_tokens": it,
            "audio_tokens": ia,
            "cached_tokens": ct + ca,
            "cached_tokens_details": {"text_tokens": ct, "audio_tokens": ca},
        },
        "output_token_details": {"text_tokens": ot, "audio_tokens": oa},
    }


def session_lines(rng: random.Random, sid: str, model: str, responses: int) -> list[bytes]:
    """One session: created and updated events, responses, deltas, transcriptions."""
    lines = [
        orjson.dumps({"type": "session.created", "session": {"id": sid, "model": model}}),
        # An update that leaves the model out keeps it.
        orjson.dumps({"type": "session.updated", "session": {"id": sid, "voice": "alloy"}}),
    ]
    for n in range(responses):
        rid = f"resp_{sid}_{n}"
        lines.append(orjson.dumps({"type": "response.created", "response": {"id": rid}}))
        lines.extend(
            orjson.dumps({"type": "response.audio.delta", "response_id": rid, "delta": "AAAA"})
            for _ in range(rng.randint(1, 4))
        )
        response: dict[str, Any] = {
            "id": rid,
            "object": "realtime.response",
            "status": rng.choice(["completed", "completed", "cancelled"]),
            "output": [],
        }
        if rng.random() < 0.9:
            response["usage"] = usage(rng)
        lines.append(orjson.dumps({"type": "response.done", "response": response}))
        kind = rng.random()
        if kind < 0.3:
            a, o = rng.randint(1, 90), rng.randint(1, 30)
            transcription: Any = {
                "type": "tokens",
                "input_tokens": a,
                "output_tokens": o,
                "total_tokens": a + o,
                "input_token_details": {"text_tokens": 0, "audio_tokens": a},
            }
        elif kind < 0.6:
            transcription = {"type": "duration", "seconds": rng.randint(1, 9) / 2}
        else:
            transcription = None
        event: dict[str, Any] = {
            "type": "conversation.item.input_audio_transcription.completed",
            "item_id": f"item_{n}",
            "content_index": 0,
            "transcript": "hello",
        }
        if transcription is not None:
            event["usage"] = transcription
        lines.append(orjson.dumps(event))
    return lines


def make_folder(root: Path, files: int = 8, seed: int = 3, responses: int = 12) -> list[Path]:
    """``files`` session files under ``root`` (some gzip, one in a subfolder, one with two
    sessions, one of bare responses without any session event), plus files to be ignored."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "sub").mkdir(exist_ok=True)
    (root / "notes.txt").write_text("not a session\n")
    paths = []
    for i in range(files):
        model = MODELS[i % len(MODELS)]
        lines = session_lines(rng, f"sess_{i}", model, responses)
        if i == 1:
            lines += session_lines(rng, f"sess_{i}b", MODELS[(i + 1) % 3], responses)
        if i == 2:
            lines = [
                orjson.dumps(orjson.loads(line)["response"])
                for line in lines
                if b'"response.done"' in line
            ]
        if i == 3:
            lines.insert(5, b'{"type": "response.done", "response": {"output": "x"}}')
        data = b"\n".join(lines) + b"\n"
        folder = root / "sub" if i == 4 else root
        if i % 3 == 0:
            path = folder / f"s{i:02d}.jsonl.gz"
            path.write_bytes(gzip.compress(data))
        else:
            path = folder / f"s{i:02d}.jsonl"
            path.write_bytes(data)
        paths.append(path)
    return sorted(paths)


def read_lines(path: Path) -> list[bytes]:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.split(b"\n")


def independent(paths: list[Path], prices: dict[str, dict[str, float]] | None = None) -> Any:
    """Per session, per model and in total: responses, usage, cost; transcription; bad lines."""
    total: collections.Counter[str] = collections.Counter()
    models: dict[str | None, collections.Counter[str]] = collections.defaultdict(
        collections.Counter
    )
    sessions: dict[tuple[str, str | None], collections.Counter[str]] = collections.defaultdict(
        collections.Counter
    )
    transcription: collections.Counter[str] = collections.Counter()
    seconds = 0.0
    salvaged = 0
    rows = []
    for path in paths:
        sid: str | None = None
        model: str | None = None
        for n, line in enumerate(read_lines(path), 1):
            if not line.strip():
                continue
            d = orjson.loads(line)
            if d.get("type") in ("session.created", "session.updated"):
                sid = d["session"].get("id", sid)
                model = d["session"].get("model", model)
                continue
            if d.get("type") == "conversation.item.input_audio_transcription.completed":
                transcription["events"] += 1
                u = d.get("usage")
                if u is not None and u["type"] == "tokens":
                    transcription["input"] += u["input_tokens"]
                    transcription["output"] += u["output_tokens"]
                    transcription["input_audio"] += u["input_token_details"]["audio_tokens"]
                elif u is not None:
                    seconds += u["seconds"]
                continue
            r = d.get("response") if d.get("type") == "response.done" else None
            if d.get("object") == "realtime.response":
                r = d
            if r is None:
                continue
            if not isinstance(r.get("output", []), list):
                salvaged += 1  # the wrong type: salvaged, the response still counts
            counts: collections.Counter[str] = collections.Counter(responses=1)
            u = r.get("usage")
            cost = None
            if u is not None:
                i, o = u["input_token_details"], u["output_token_details"]
                c = i["cached_tokens_details"]
                counts.update(
                    {
                        "total": u["total_tokens"],
                        "input": u["input_tokens"],
                        "output": u["output_tokens"],
                        "cached": i["cached_tokens"],
                        "cached_audio": c["audio_tokens"],
                        "input_audio": i["audio_tokens"],
                        "output_audio": o["audio_tokens"],
                    }
                )
                rates = _rates(prices, model) if prices is not None else None
                if rates is not None:
                    cost = (
                        (i["text_tokens"] - c["text_tokens"]) * rates["input_text"]
                        + c["text_tokens"] * rates["cached_text"]
                        + (i["audio_tokens"] - c["audio_tokens"]) * rates["input_audio"]
                        + c["audio_tokens"] * rates["cached_audio"]
                        + o["text_tokens"] * rates["output_text"]
                        + o["audio_tokens"] * rates["output_audio"]
                    ) / 1e6
                    counts["priced"] = 1
                else:
                    counts["unpriced"] = 1
            for counter in (total, models[model], sessions[(str(path), sid)]):
                counter.update(counts)
                counter["cost_microusd"] += round((cost or 0) * 1e6)
            rows.append((str(path), n, sid, model, r.get("id"), u and u["total_tokens"], cost))
    return {
        "total": total,
        "models": models,
        "sessions": sessions,
        "transcription": transcription,
        "seconds": seconds,
        "salvaged": salvaged,
        "rows": rows,
    }


def _rates(prices: dict[str, dict[str, float]], model: str | None) -> dict[str, float] | None:
    if model is None:
        return None
    if model in prices:
        return prices[model]
    for key, rates in prices.items():
        if key.endswith("*") and model.startswith(key[:-1]):
            return rates
    return None
