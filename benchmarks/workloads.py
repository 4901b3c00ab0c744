"""The payloads every library decodes: built once by the parent, read by the workers.

Responses are sent as compact JSON, as a server sends them on the wire, so the
pretty-printed corpus files are parsed and re-serialized first.  Each payload
carries its *shape* (``beta``, ``ga`` or ``azure``), which the ``openai`` peer
needs to pick its beta or GA class.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
SESSION = ROOT / "respmodel" / "data" / "sample_session.jsonl"

__all__ = ["WORKLOADS", "Payload", "Workload", "build", "load", "select"]


@dataclass(frozen=True)
class Payload:
    """One JSON document and the API shape it follows."""

    shape: str
    data: bytes


@dataclass
class Workload:
    """A named list of payloads that every library decodes in turn.

    ``kind`` is ``"response"`` (a response resource) or ``"event"`` (a server
    event); ``case`` is the key style; ``items`` is the number of output items
    of each response (the large workloads only), for the growth figures.
    """

    name: str
    title: str
    kind: str = "response"
    case: str = "snake"
    items: int | None = None
    payloads: list[Payload] = field(default_factory=list)
    note: str | None = None
    """Why the workload is empty, when it is."""

    @property
    def total_bytes(self) -> int:
        return sum(len(p.data) for p in self.payloads)

    def dump(self, path: Path) -> None:
        """Write the workload for a worker process (stdlib ``json``, so any peer can read it)."""
        doc = {
            "name": self.name,
            "title": self.title,
            "kind": self.kind,
            "case": self.case,
            "items": self.items,
            "note": self.note,
            "payloads": [{"shape": p.shape, "json": p.data.decode()} for p in self.payloads],
        }
        path.write_text(json.dumps(doc), encoding="utf-8")


def load(path: Path) -> Workload:
    """Read a workload written by :meth:`Workload.dump`."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    payloads = [Payload(p["shape"], p["json"].encode()) for p in doc.pop("payloads")]
    return Workload(payloads=payloads, **doc)


def _compact(obj: Any) -> bytes:
    import orjson  # here, not at the top: workers import this module for `load` only

    return orjson.dumps(obj)


def _corpus_response(name: str) -> dict[str, Any]:
    (path,) = CORPUS.glob(f"{name}_*.json")
    return json.loads(path.read_bytes())["response"]  # type: ignore[no-any-return]


def _shape_of(corpus_id: str) -> str:
    (path,) = CORPUS.glob(f"{corpus_id}_*.json")
    if "-ga-" in path.name:
        return "ga"
    return "azure" if "azure" in path.name else "beta"


# --------------------------------------------------------------------------- (a) response.done

_DONE_CORPUS = ("001", "002", "003", "004", "005", "010", "011", "012")

_FULL_USAGE = {
    "total_tokens": 1734,
    "input_tokens": 1402,
    "output_tokens": 332,
    "input_token_details": {
        "text_tokens": 1118,
        "audio_tokens": 284,
        "image_tokens": 0,
        "cached_tokens": 1088,
        "cached_tokens_details": {"text_tokens": 896, "audio_tokens": 192, "image_tokens": 0},
    },
    "output_token_details": {"text_tokens": 81, "audio_tokens": 251},
}


def _done_handwritten() -> list[tuple[str, dict[str, Any]]]:
    """response.done payloads the corpus lacks: cancelled, incomplete, failed, GA calls, Azure."""
    beta_common = {
        "object": "realtime.response",
        "conversation_id": "conv_Bq7XQm2a0Yw1cTz3VnLd8",
        "modalities": ["text", "audio"],
        "voice": "verse",
        "output_audio_format": "pcm16",
        "temperature": 0.8,
        "max_output_tokens": "inf",
        "metadata": None,
    }
    return [
        (
            "beta",
            {
                **beta_common,
                "id": "resp_Bq7XUe1vVb0nK4pRk2sLm",
                "status": "cancelled",
                "status_details": {"type": "cancelled", "reason": "turn_detected"},
                "output": [
                    {
                        "id": "item_Bq7XUfP0c9JtW3m1ZkQa7",
                        "object": "realtime.item",
                        "type": "message",
                        "status": "incomplete",
                        "role": "assistant",
                        "content": [
                            {
                                "type": "audio",
                                "transcript": "Sure! The quickest way to reset "
                                "your router is to hold the small button on the back for",
                            }
                        ],
                    }
                ],
                "usage": _FULL_USAGE,
            },
        ),
        (
            "beta",
            {
                **beta_common,
                "id": "resp_Bq7Xa3Hn8LkP0sQw1ZrTy",
                "status": "incomplete",
                "status_details": {"type": "incomplete", "reason": "max_output_tokens"},
                "max_output_tokens": 64,
                "output": [
                    {
                        "id": "item_Bq7Xa4Jm2PqR5tUv6WxYz",
                        "object": "realtime.item",
                        "type": "message",
                        "status": "incomplete",
                        "role": "assistant",
                        "content": [
                            {
                                "type": "text",
                                "text": "There are three plans to choose from. "
                                "The basic plan includes unlimited calls within the country and",
                            }
                        ],
                    }
                ],
                "usage": {
                    **_FULL_USAGE,
                    "output_tokens": 64,
                    "output_token_details": {"text_tokens": 64, "audio_tokens": 0},
                },
            },
        ),
        (
            "beta",
            {
                **beta_common,
                "id": "resp_Bq7XcT5rLw9eK2pZ3nMb4",
                "status": "failed",
                "status_details": {
                    "type": "failed",
                    "error": {
                        "type": "server_error",
                        "code": None,
                        "message": "The server had an error while processing your request. Sorry "
                        "about that! You can retry your request.",
                    },
                },
                "output": [],
                "usage": {
                    "total_tokens": 0,
                    "input_tokens": 0,
                    "output_tokens": 0,
                    "input_token_details": {
                        "text_tokens": 0,
                        "audio_tokens": 0,
                        "cached_tokens": 0,
                        "cached_tokens_details": {"text_tokens": 0, "audio_tokens": 0},
                    },
                    "output_token_details": {"text_tokens": 0, "audio_tokens": 0},
                },
            },
        ),
        (
            "ga",
            {
                "object": "realtime.response",
                "id": "resp_Ct2AbF7kQ0wLm3ZpR8sTy",
                "status": "completed",
                "status_details": None,
                "output": [
                    {
                        "id": "item_Ct2AbG1nV5xKq9WcJ2hDe",
                        "type": "function_call",
                        "status": "completed",
                        "name": "lookup_order",
                        "call_id": "call_Zx81LmQp3RtY7uVw",
                        "arguments": '{"order_id":"A-10293","include_items":true}',
                    }
                ],
                "conversation_id": "conv_Ct2AaX0pWq4Nn7LcB1vMz",
                "output_modalities": ["audio"],
                "max_output_tokens": "inf",
                "audio": {
                    "output": {"format": {"type": "audio/pcm", "rate": 24000}, "voice": "marin"}
                },
                "usage": _FULL_USAGE,
                "metadata": {"topic": "orders", "client_ref": "web-42"},
            },
        ),
        (
            "ga",
            {
                "object": "realtime.response",
                "id": "resp_Ct2Ad9pLm4QwZ1xRt6YuB",
                "status": "cancelled",
                "status_details": {"type": "cancelled", "reason": "client_cancelled"},
                "output": [
                    {
                        "id": "item_Ct2AdA2bN6yHs0VdK3jFg",
                        "type": "message",
                        "status": "incomplete",
                        "role": "assistant",
                        "content": [
                            {
                                "type": "output_audio",
                                "transcript": "Your order A-10293 shipped "
                                "yesterday and should arrive on Thursday. Would you like me to",
                            }
                        ],
                    }
                ],
                "conversation_id": "conv_Ct2AaX0pWq4Nn7LcB1vMz",
                "output_modalities": ["audio"],
                "max_output_tokens": "inf",
                "audio": {"output": {"format": {"type": "audio/pcmu"}, "voice": "cedar"}},
                "usage": _FULL_USAGE,
                "metadata": None,
            },
        ),
        (
            "azure",
            {
                "id": "resp_DHv4kPq8Lm2Nz",
                "object": "realtime.response",
                "status": "completed",
                "status_details": None,
                "output": [
                    {
                        "id": "item_DHv4kQr9Mn3Oa",
                        "object": "realtime.item",
                        "type": "message",
                        "status": "completed",
                        "role": "assistant",
                        "content": [
                            {
                                "type": "audio",
                                "transcript": "Guten Tag! Ich habe Ihren Termin "
                                "für Dienstag um zehn Uhr bestätigt. Kann ich sonst noch helfen?",
                            }
                        ],
                    }
                ],
                "modalities": ["text", "audio"],
                "output_audio_format": "pcm16",
                "voice": {
                    "type": "azure-standard",
                    "name": "de-DE-SeraphinaMultilingualNeural",
                    "temperature": 0.8,
                    "locale": "de-DE",
                    "rate": "1.0",
                },
                "temperature": 0.8,
                "max_output_tokens": "inf",
                "usage": {
                    **_FULL_USAGE,
                    "output_token_details": {
                        "text_tokens": 81,
                        "audio_tokens": 251,
                        "reasoning_tokens": 0,
                    },
                },
            },
        ),
        (
            "azure",
            {
                "id": "resp_DHv4mSt0No4Pb",
                "object": "realtime.response",
                "status": "incomplete",
                "status_details": {"type": "incomplete", "reason": "content_filter"},
                "output": [
                    {
                        "id": "item_DHv4mTu1Op5Qc",
                        "object": "realtime.item",
                        "type": "function_call",
                        "status": "incomplete",
                        "name": "get_weather",
                        "call_id": "call_DHv4mUv2Pq6Rd",
                        "arguments": '{"city":"Seattle"',
                    }
                ],
                "modalities": ["text"],
                "output_audio_format": "pcm16",
                "voice": {"type": "openai", "name": "alloy"},
                "temperature": 0.7,
                "max_output_tokens": 4096,
                "usage": {
                    "total_tokens": 412,
                    "input_tokens": 398,
                    "output_tokens": 14,
                    "input_token_details": {
                        "cached_tokens": 0,
                        "text_tokens": 398,
                        "audio_tokens": 0,
                    },
                    "output_token_details": {"text_tokens": 14, "audio_tokens": 0},
                },
            },
        ),
    ]


def _done() -> Workload:
    w = Workload(
        "done", "(a) response.done: beta, GA and Azure; completed, cancelled, incomplete, failed"
    )
    for cid in _DONE_CORPUS:
        w.payloads.append(Payload(_shape_of(cid), _compact(_corpus_response(cid))))
    for shape, doc in _done_handwritten():
        w.payloads.append(Payload(shape, _compact(doc)))
    return w


# --------------------------------------------------------------------------- (b) response.created


def _created() -> Workload:
    w = Workload("created", "(b) response.created: tiny, in progress, empty output")
    for cid in ("019", "021", "022", "023"):
        w.payloads.append(Payload(_shape_of(cid), _compact(_corpus_response(cid))))
    return w


# --------------------------------------------------------------------------- (c) large


_WORDS = (
    "the",
    "account",
    "balance",
    "shows",
    "two",
    "pending",
    "payments",
    "from",
    "last",
    "week",
    "and",
    "one",
    "refund",
    "that",
    "should",
    "arrive",
    "within",
    "five",
    "days",
)


def _sentence(seed: int, words: int) -> str:
    return " ".join(_WORDS[(seed * 7 + i * 3) % len(_WORDS)] for i in range(words)) + "."


def _large_item(i: int) -> dict[str, Any]:
    """Output item ``i`` of a large response: audio messages with long transcripts, calls, text."""
    item_id = f"item_L{i:08d}xQ2wE4rT6yU"
    if i % 4 == 3:
        return {
            "id": item_id,
            "object": "realtime.item",
            "type": "function_call",
            "status": "completed",
            "name": "search_catalog",
            "call_id": f"call_L{i:08d}",
            "arguments": _compact({"query": _sentence(i, 6), "limit": 10}).decode(),
        }
    if i % 4 == 2:
        return {
            "id": item_id,
            "object": "realtime.item",
            "type": "message",
            "status": "completed",
            "role": "assistant",
            "content": [{"type": "text", "text": _sentence(i, 60)}],
        }
    return {
        "id": item_id,
        "object": "realtime.item",
        "type": "message",
        "status": "completed",
        "role": "assistant",
        "content": [{"type": "audio", "transcript": _sentence(i, 120)}],
    }


def _large(items: int) -> Workload:
    doc = {
        "object": "realtime.response",
        "id": f"resp_Large{items:05d}",
        "status": "completed",
        "status_details": None,
        "output": [_large_item(i) for i in range(items)],
        "conversation_id": "conv_LargeSession0001",
        "modalities": ["text", "audio"],
        "voice": "sage",
        "output_audio_format": "pcm16",
        "temperature": 0.8,
        "max_output_tokens": "inf",
        "usage": _FULL_USAGE,
        "metadata": None,
    }
    return Workload(
        f"large{items}",
        f"(c) large response.done: {items} output items, long transcripts",
        items=items,
        payloads=[Payload("beta", _compact(doc))],
    )


# --------------------------------------------------------------------------- (d) session


def _session() -> Workload:
    w = Workload(
        "session", "(d) recorded session: a mix of server events, mostly deltas", kind="event"
    )
    if not SESSION.exists():
        w.note = f"no recorded session yet ({SESSION.relative_to(ROOT)} is missing)"
        return w
    import respmodel

    loads_event = getattr(respmodel, "loads_event", None)
    bad = 0
    for line in SESSION.read_bytes().splitlines():
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            if loads_event is not None:
                loads_event(line)
        except ValueError:  # the bundled session has a few broken lines, to test errors with
            bad += 1
            continue
        kind = str(doc.get("type", ""))
        ga = any(s in kind for s in ("output_audio", "output_text", "conversation.item.added"))
        w.payloads.append(Payload("ga" if ga else "beta", _compact(doc)))
    if bad:
        w.note = (
            f"{bad} line(s) of {SESSION.name} are not valid events (bad JSON, or "
            "rejected by respmodel.loads_event) and were left out"
        )
    return w


# --------------------------------------------------------------------------- (e) camelCase


def _camel() -> Workload:
    import respmodel

    w = Workload(
        "camel", "(e) response.done in camelCase (the payloads of (a), renamed)", case="camel"
    )
    for p in _done().payloads:
        obj = respmodel.loads(p.data)
        w.payloads.append(Payload(p.shape, respmodel.dumps(obj, case="camel")))
    return w


WORKLOADS: dict[str, Callable[[], Workload]] = {
    "done": _done,
    "created": _created,
    "large10": lambda: _large(10),
    "large100": lambda: _large(100),
    "large1000": lambda: _large(1000),
    "session": _session,
    "camel": _camel,
}
"""Every workload by name, in report order."""


def select(spec: str | None) -> list[str]:
    """Workload names from a comma-separated filter; a prefix selects every match (``large``)."""
    if not spec:
        return list(WORKLOADS)
    chosen: list[str] = []
    for part in (s.strip() for s in spec.split(",")):
        matches = [n for n in WORKLOADS if n == part] or [
            n for n in WORKLOADS if n.startswith(part)
        ]
        if not part or not matches:
            raise ValueError(f"unknown workload {part!r}; known: {', '.join(WORKLOADS)}")
        chosen.extend(m for m in matches if m not in chosen)
    return [n for n in WORKLOADS if n in chosen]


def build(names: list[str]) -> Iterator[Workload]:
    """The named workloads, built."""
    for name in names:
        yield WORKLOADS[name]()
