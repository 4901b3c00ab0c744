#!/usr/bin/env python3
"""Generate ``respmodel/data/sample_session.jsonl``, the bundled recorded-session sample.

The sample is a simulated recording of Realtime API server traffic: one JSON server event per
line, compact JSON, UTF-8, ``\\n`` line ends.  It concatenates several sessions, each spoken in
one of the three shapes of the resource:

* **OpenAI beta** -- ``conversation.item.created``, ``response.audio.delta``,
  ``response.audio_transcript.delta``, ``response.text.delta``; responses carry ``modalities``,
  a string ``voice``, ``output_audio_format``, ``temperature``, ``max_output_tokens`` (int or
  ``"inf"``), ``metadata`` and ``conversation_id``; items carry ``"object": "realtime.item"``.
* **OpenAI GA** -- ``conversation.item.added`` / ``conversation.item.done``,
  ``response.output_audio.delta``, ``response.output_audio_transcript.delta``,
  ``response.output_text.delta``; responses carry ``output_modalities`` and
  ``audio.output.{format, voice}``; usage has ``image_tokens`` and ``cached_tokens_details``;
  parts are ``output_audio`` / ``output_text`` / ``input_text`` / ``input_audio``
  (/ ``input_image``); items have no ``object`` key, as in recorded GA traffic.
* **Azure VoiceLive** -- beta event names; voice objects (``azure-standard``, ``azure-custom``,
  ``azure-personal``, ``openai``); ``response.created`` carries a usage object of zeros; usage
  has ``reasoning_tokens``; every other Azure session omits ``event_id`` on all events (as the
  Azure documentation examples do); MCP items (``mcp_list_tools``, ``mcp_call`` with output or
  error, ``mcp_approval_request`` / ``mcp_approval_response``), ``file_search_call`` and
  ``web_search_call`` items, and Azure-only events such as ``response.audio_timestamp.delta``.

Each session opens with ``session.created`` / ``session.updated`` and then runs turns: spoken
user turns (``input_audio_buffer.speech_started/stopped/committed``, input transcription),
typed user turns, function calls (``response.function_call_arguments.delta/.done``, then a
``function_call_output`` item and a follow-up response), out-of-band classification responses
(``conversation_id`` null, ``metadata`` set), and on Azure MCP and search turns.  Sessions over
WebRTC carry no audio deltas but ``output_audio_buffer.started/stopped`` instead, as the real
transport does.  ``rate_limits.updated`` follows most responses and an ``error`` event appears
now and then.

Outcomes of the assistant's spoken or written replies come from a shuffled deck of 32 cards:
26 completed (81%); 3 cancelled (9%: two ``turn_detected``, where the user barges in, one
``client_cancelled``); 2 incomplete (6%: ``max_output_tokens``, ``content_filter``); 1 failed
(3%: ``status_details.error`` with type, code and message).  Function-call responses complete
or (3%) fail; MCP, search and classification responses complete.
Usage is internally consistent: ``total = input + output``; input details sum to the input
count; output details (text + audio, + reasoning on Azure) sum to the output count;
``cached_tokens <= input_tokens`` and the cached details sum to ``cached_tokens``, each no larger
than the matching input detail.  Input counts grow over a session as its context grows.

The mess, deliberately, at low frequency:

* **unknown future event types** (``session.heartbeat``, ``server.notice``, ...): about 1% of
  events (one in every shuffled deck of 100 event slots).
* **per-response mess**, each kind exactly once in every shuffled deck of 50 responses, i.e.
  about 2% of responses each:
  - an *unknown output item type* (``reasoning``, ``image_generation_call``,
    ``code_interpreter_call``) with its own ``output_item.added/.done`` events;
  - a *new unknown field* on the response (``service_tier``, ``reasoning``, ``truncation``, ...),
    on both its ``response.created`` and ``response.done``;
  - an *explicit null* for a field this server shape normally omits (e.g. ``temperature: null``
    from a GA server, ``metadata: null`` from Azure, ``cached_tokens_details: null``);
  - a response *mixing beta and GA keys* (``modalities`` and ``output_modalities``, ``voice`` and
    ``audio.output.voice``), whose audio/transcript/text deltas also use the other shape's event
    names.
* **two blank lines** at random positions.
* **exactly three bad lines** at random positions: a truncated JSON object (a cut-off copy of the
  event on the next line, as left by an interrupted and retried write), a non-JSON log line, and
  ``{"type": "response.done", "response": {"output": "x"}}`` (valid JSON whose known field has
  the wrong JSON type).  :func:`generate` reports their 1-based line numbers.

The output depends only on the seed and the event target: one :class:`random.Random` drives
everything, no clock, hash order or floating-point library call (``sin``, ``log``) is consulted,
and the stdlib ``json`` module serialises (so the bytes never depend on whether orjson is
installed).  ``--events`` is a target: generation stops at the first turn boundary at or after
that many well-formed events; the 3 bad and 2 blank lines come on top.

Usage::

    python scripts/make_sample.py                      # default seed, default path
    python scripts/make_sample.py --seed 7 --events 500 --out /tmp/s.jsonl --stats
"""

from __future__ import annotations

import argparse
import base64
import itertools
import json
import re
import string
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any, Literal

JSON = dict[str, Any]
Shape = Literal["beta", "ga", "azure"]

DEFAULT_SEED = 20261121
DEFAULT_EVENTS = 3500
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "respmodel" / "data" / "sample_session.jsonl"

# The third deliberate bad line, verbatim: valid JSON, but `output` must be a list.
WRONG_TYPE_LINE = '{"type": "response.done", "response": {"output": "x"}}'
GARBAGE_LINE = "WARNING ws-recorder: ping timeout after 30s, reconnecting (attempt 1/5)"

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase

# The same audio encoding spelled the beta/Azure way and the GA way (for mixed responses).
BETA_TO_GA_FORMAT: dict[str, JSON] = {
    "pcm16": {"type": "audio/pcm", "rate": 24000},
    "pcm16_16000hz": {"type": "audio/pcm", "rate": 24000},
    "g711_ulaw": {"type": "audio/pcmu"},
    "g711_alaw": {"type": "audio/pcma"},
}
GA_TO_BETA_FORMAT = {"audio/pcm": "pcm16", "audio/pcmu": "g711_ulaw", "audio/pcma": "g711_alaw"}


# --------------------------------------------------------------------------------------------
# Event-name dialects
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dialect:
    """The names one server shape uses for streaming events and assistant content parts."""

    text_delta: str
    text_done: str
    audio_delta: str
    audio_done: str
    transcript_delta: str
    transcript_done: str
    text_part: str
    audio_part: str


BETA_NAMES = Dialect(
    "response.text.delta",
    "response.text.done",
    "response.audio.delta",
    "response.audio.done",
    "response.audio_transcript.delta",
    "response.audio_transcript.done",
    "text",
    "audio",
)
GA_NAMES = Dialect(
    "response.output_text.delta",
    "response.output_text.done",
    "response.output_audio.delta",
    "response.output_audio.done",
    "response.output_audio_transcript.delta",
    "response.output_audio_transcript.done",
    "output_text",
    "output_audio",
)


# --------------------------------------------------------------------------------------------
# Small helpers driven by the seeded RNG
# --------------------------------------------------------------------------------------------


class Deck:
    """Cards drawn without replacement and reshuffled when the pile runs out.

    This gives exact long-run frequencies (each card once per deck) at random positions, so
    even a short sample shows every kind of mess.
    """

    def __init__(self, rng: Random, cards: Sequence[str]) -> None:
        self._rng = rng
        self._cards = list(cards)
        self._pile: list[str] = []

    def draw(self) -> str:
        if not self._pile:
            self._pile = list(self._cards)
            self._rng.shuffle(self._pile)
        return self._pile.pop()


def b62(rng: Random, n: int) -> str:
    """n random base62 characters."""
    return "".join(rng.choice(B62) for _ in range(n))


def b62_number(value: int, width: int) -> str:
    """value in base62, most significant first, truncated/padded to width characters."""
    out = []
    for _ in range(width):
        value, digit = divmod(value, 62)
        out.append(B62[digit])
    return "".join(reversed(out))


class IdMaker:
    """OpenAI-style IDs: a prefix, a time code that drifts slowly, then random characters.

    Real IDs minted within the same second share their first characters (``BaPsc...``,
    ``BaPse...``), which the time code imitates.
    """

    def __init__(self, rng: Random, epoch_s: int) -> None:
        self._rng = rng
        self._epoch_s = epoch_s

    def timed(self, prefix: str, now_ms: int) -> str:
        return prefix + b62_number(self._epoch_s + now_ms // 1000, 5) + b62(self._rng, 16)

    def plain(self, prefix: str, n: int) -> str:
        return prefix + b62(self._rng, n)


def compact(obj: Any) -> str:
    """One compact JSON line (non-ASCII kept as UTF-8)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def audio_chunk(rng: Random, codec: str) -> str:
    """A short base64 audio chunk of 200-800 characters.

    PCM16 chunks hold a quiet integer random walk (looks like speech-band noise); G.711 chunks
    hold random bytes.  Integer arithmetic only, so the bytes are identical everywhere.
    """
    if codec.startswith("g711") or codec in ("audio/pcmu", "audio/pcma"):
        return base64.b64encode(rng.randbytes(rng.randrange(150, 601, 3))).decode("ascii")
    n_samples = rng.randrange(75, 301, 3)
    level = 0
    buf = bytearray()
    for _ in range(n_samples):
        level = level - level // 16 + rng.randint(-700, 700)
        level = max(-32768, min(32767, level))
        buf += (level & 0xFFFF).to_bytes(2, "little")
    return base64.b64encode(bytes(buf)).decode("ascii")


_TOKEN_RE = re.compile(" ?[\\w'\u2019]+| ?[^\\w\\s]+|\\s+")  # words keep curly apostrophes


def text_tokens(text: str) -> list[str]:
    """Split text into model-token-like pieces (long runs such as CJK are chopped up)."""
    pieces: list[str] = []
    for tok in _TOKEN_RE.findall(text):
        while len(tok) > 8:
            pieces.append(tok[:3])
            tok = tok[3:]
        pieces.append(tok)
    return pieces


def chunk(rng: Random, pieces: Sequence[str], lo: int, hi: int) -> list[str]:
    """Group consecutive pieces into deltas of lo..hi pieces each."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        k = rng.randint(lo, hi)
        out.append("".join(pieces[i : i + k]))
        i += k
    return out


def split_string(rng: Random, s: str, lo: int, hi: int) -> list[str]:
    """Cut a string (function arguments) into deltas of lo..hi characters."""
    return chunk(rng, list(s), lo, hi) if s else [""]


# --------------------------------------------------------------------------------------------
# Content banks: what users say and what assistants answer
# --------------------------------------------------------------------------------------------

SMALL_TALK: list[tuple[str, str]] = [
    ("Hi, can you hear me?", "Loud and clear! I can hear you perfectly. How can I help you today?"),
    ("Hello, how are you?", "I'm doing well, thank you for asking. How can I help you today?"),
    (
        "I have a question about my bill.",
        "Of course. I can help with billing questions. Could you tell me what looks wrong on your latest statement?",
    ),
    (
        "Can you explain what a heat pump does?",
        "Sure. A heat pump moves heat instead of making it: in winter it pulls warmth from the outside air into your home, and in summer it runs in reverse to cool it.",
    ),
    (
        "What's a good name for a golden retriever?",
        "How about Maple, Biscuit, or Sunny? They all suit a warm, friendly golden.",
    ),
    (
        "Tell me a fun fact.",
        "Octopuses have three hearts, and two of them stop beating while they swim. That's one reason they prefer crawling.",
    ),
    (
        "How long should I boil an egg?",
        "For a soft yolk, about six and a half minutes in boiling water; for hard-boiled, go for ten to eleven, then cool it in ice water.",
    ),
    (
        "Can you speak a bit slower?",
        "Absolutely. I'll slow down. What would you like to go over next?",
    ),
    (
        "Thanks, that's all for now.",
        "You're welcome! Have a great day, and feel free to call back anytime.",
    ),
    (
        "What can you do?",
        "I can answer questions, check orders, book tables, look up the weather, and set reminders. What would you like to try?",
    ),
    (
        "Is it going to be busy on Saturday night?",
        "Saturday evenings tend to fill up fast, so I'd suggest booking at least a day or two ahead.",
    ),
    (
        "My internet keeps dropping.",
        "Sorry about that. Let's try a quick fix first: unplug your router for thirty seconds, plug it back in, and give it two minutes to reconnect.",
    ),
    (
        "Can I change my delivery address?",
        "Yes, as long as the order hasn't shipped yet. I can update it for you if you give me the new address.",
    ),
    (
        "What's the difference between a latte and a flat white?",
        "A flat white has less milk and a thinner layer of microfoam, so the espresso comes through more strongly than in a latte.",
    ),
    (
        "Hola, ¿me ayudas con algo?",
        "Claro, dime qué es lo que tienes en mente. ¿Te gustaría conversar sobre algo en particular? Estoy aquí para ayudarte.",
    ),
    (
        "Kannst du mir bei meiner Bestellung helfen?",
        "Natürlich! Nennen Sie mir bitte Ihre Bestellnummer, dann schaue ich sofort nach dem Status.",
    ),
    (
        "Bonjour, vous êtes ouverts demain ?",
        "Bonjour ! Oui, nous sommes ouverts demain de neuf heures à dix-neuf heures. Puis-je vous aider à réserver ?",
    ),
    ("Olá, tudo bem?", "Tudo ótimo, obrigado! Em que posso ajudar você hoje?"),
    (
        "こんにちは、予約を変更したいです。",
        "かしこまりました。ご予約のお名前と日時を教えていただけますか？",  # noqa: RUF001
    ),
    (
        "Can you remind me what we talked about?",
        "Sure. We went over your delivery status and booked a table for Saturday. Anything else you'd like to revisit?",
    ),
]

CITIES = [
    "Lisbon, PT",
    "Osaka, JP",
    "Denver, CO",
    "Nairobi, KE",
    "Toronto, ON",
    "Valparaíso, CL",
    "Zürich, CH",
    "Kraków, PL",
    "Austin, TX",
    "Melbourne, AU",
]
RESTAURANTS = ["Osteria Nonna", "The Blue Heron", "Sakura Tei", "Café Lumière", "El Fogón"]
NAMES = ["Priya", "Marcus", "Sofía", "Jonas", "Aiko", "Daniel", "Fatima", "Lena"]
CONDITIONS = ["partly cloudy", "light rain", "sunny", "overcast", "scattered showers", "clear"]


@dataclass
class ToolCall:
    """One function-calling exchange: the ask, the call, the result and the spoken answer."""

    user: str
    name: str
    args: JSON
    output: JSON
    reply: str
    preamble: str | None = None


def _when(rng: Random) -> tuple[str, str]:
    """A near-future ISO time and its spoken form."""
    day = rng.randint(22, 29)
    hour = rng.choice([12, 13, 18, 19, 20])
    minute = rng.choice([0, 15, 30, 45])
    spoken = f"November {day} at {hour - 12 if hour > 12 else hour}:{minute:02d}"
    return f"2026-11-{day:02d}T{hour:02d}:{minute:02d}", spoken


def weather_call(rng: Random) -> ToolCall:
    city = rng.choice(CITIES)
    temp = rng.randint(-3, 31)
    cond = rng.choice(CONDITIONS)
    unit = rng.choice(["celsius", "celsius", "fahrenheit"])
    shown = temp if unit == "celsius" else temp * 9 // 5 + 32
    return ToolCall(
        user=f"What's the weather like in {city.split(',')[0]} tomorrow?",
        name="get_weather",
        args={"location": city, "unit": unit, "date": "tomorrow"},
        output={
            "temperature": shown,
            "unit": unit,
            "conditions": cond,
            "humidity": rng.randint(30, 95),
        },
        reply=f"Tomorrow in {city.split(',')[0]} it looks {cond}, with a high around {shown} degrees.",
        preamble=rng.choice([None, "Let me check the forecast."]),
    )


def order_call(rng: Random) -> ToolCall:
    order_id = f"{rng.choice('ABCDEFGH')}-{rng.randint(10000, 99999)}"
    status = rng.choice(["shipped", "processing", "delivered"])
    eta = f"2026-11-{rng.randint(22, 30)}"
    spoken = {
        "shipped": f"has shipped and should arrive by {eta}",
        "processing": "is still being prepared in our warehouse",
        "delivered": "was delivered yesterday afternoon",
    }[status]
    return ToolCall(
        user=f"Can you check on my order {order_id}?",
        name="lookup_order",
        args={"order_id": order_id},
        output={
            "order_id": order_id,
            "status": status,
            "carrier": rng.choice(["UPS", "DHL", "USPS"]),
            "eta": eta if status == "shipped" else None,
        },
        reply=f"Your order {order_id} {spoken}. Is there anything else I can help with?",
        preamble=rng.choice([None, "Sure, one moment while I look that up."]),
    )


def booking_call(rng: Random) -> ToolCall:
    place = rng.choice(RESTAURANTS)
    size = rng.randint(2, 8)
    iso, spoken = _when(rng)
    code = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(5))
    return ToolCall(
        user=f"Book a table for {size} at {place}, {spoken}.",
        name="book_table",
        args={"restaurant": place, "party_size": size, "time": iso, "name": rng.choice(NAMES)},
        output={"confirmed": True, "confirmation_code": code},
        reply=f"You're all set: a table for {size} at {place} on {spoken}. Your confirmation code is {code}.",
    )


def reminder_call(rng: Random) -> ToolCall:
    what = rng.choice(
        [
            "call the dentist",
            "pick up the dry cleaning",
            "renew the car insurance",
            "water the plants",
        ]
    )
    iso, spoken = _when(rng)
    return ToolCall(
        user=f"Remind me to {what} on {spoken}.",
        name="set_reminder",
        args={"text": what, "at": iso},
        output={"reminder_id": f"rem_{rng.randint(1000, 9999)}", "scheduled": True},
        reply=f"Done. I'll remind you to {what} on {spoken}.",
    )


def transfer_call(rng: Random) -> ToolCall:
    reason = rng.choice(["billing dispute", "account locked", "refund request"])
    return ToolCall(
        user="I'd like to talk to a real person, please.",
        name="transfer_to_agent",
        args={"reason": reason, "priority": rng.choice(["normal", "high"])},
        output={"queued": True, "position": rng.randint(1, 6)},
        reply="I've passed you to a specialist. Someone will be with you in just a couple of minutes.",
        preamble="Of course, let me connect you.",
    )


TOOL_SCENARIOS: dict[str, Callable[[Random], ToolCall]] = {
    "get_weather": weather_call,
    "lookup_order": order_call,
    "book_table": booking_call,
    "set_reminder": reminder_call,
    "transfer_to_agent": transfer_call,
}

TOOL_SCHEMAS: dict[str, tuple[str, JSON]] = {
    "get_weather": (
        "Get the weather forecast for a location.",
        {
            "type": "object",
            "properties": {
                "location": {"type": "string"},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                "date": {"type": "string"},
            },
            "required": ["location"],
        },
    ),
    "lookup_order": (
        "Look up the status of a customer order.",
        {
            "type": "object",
            "properties": {"order_id": {"type": "string"}},
            "required": ["order_id"],
        },
    ),
    "book_table": (
        "Reserve a restaurant table.",
        {
            "type": "object",
            "properties": {
                "restaurant": {"type": "string"},
                "party_size": {"type": "integer"},
                "time": {"type": "string", "format": "date-time"},
                "name": {"type": "string"},
            },
            "required": ["restaurant", "party_size", "time"],
        },
    ),
    "set_reminder": (
        "Schedule a reminder for the user.",
        {
            "type": "object",
            "properties": {"text": {"type": "string"}, "at": {"type": "string"}},
            "required": ["text", "at"],
        },
    ),
    "transfer_to_agent": (
        "Hand the conversation to a human agent.",
        {
            "type": "object",
            "properties": {
                "reason": {"type": "string"},
                "priority": {"type": "string", "enum": ["normal", "high"]},
            },
            "required": ["reason"],
        },
    ),
}

INSTRUCTIONS = [
    "You are a friendly voice assistant for a retail store. Keep answers short and speak clearly.",
    "You are Sarah, a helpful customer support agent. Be concise, warm and professional.",
    "You help people plan their day. Answer in one or two sentences unless asked for detail.",
]

# MCP servers offered in Azure sessions: label -> (url, approval policy, tools)
MCP_SERVERS: dict[str, tuple[str, str, list[JSON]]] = {
    "weather-server": (
        "https://mcp.contoso-weather.example/sse",
        "never",
        [
            {
                "name": "get_forecast",
                "description": "Get the forecast for a city",
                "input_schema": {
                    "type": "object",
                    "properties": {"city": {"type": "string"}, "days": {"type": "integer"}},
                    "required": ["city"],
                },
                "annotations": {"readOnlyHint": True},
            },
            {
                "name": "get_alerts",
                "description": "Active weather alerts for a region",
                "input_schema": {"type": "object", "properties": {"region": {"type": "string"}}},
                "annotations": None,
            },
        ],
    ),
    "file-server": (
        "https://files.fabrikam.example/mcp",
        "always",
        [
            {
                "name": "list_files",
                "description": "List files in a folder",
                "input_schema": {"type": "object", "properties": {"folder": {"type": "string"}}},
                "annotations": {"readOnlyHint": True},
            },
            {
                "name": "delete_file",
                "description": "Delete a file",
                "input_schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string"}},
                    "required": ["file"],
                },
                "annotations": {"destructiveHint": True},
            },
        ],
    ),
}

AZURE_VOICES: list[JSON] = [
    {"type": "azure-standard", "name": "en-US-AvaNeural", "temperature": 0.8},
    {"type": "azure-standard", "name": "en-US-Ava:DragonHDLatestNeural", "temperature": 0.8},
    {
        "type": "azure-standard",
        "name": "en-US-AndrewMultilingualNeural",
        "rate": "1.1",
        "style": "cheerful",
    },
    {
        "type": "azure-standard",
        "name": "de-DE-SeraphinaMultilingualNeural",
        "prefer_locales": ["de-DE", "en-US"],
        "locale": "de-DE",
    },
    {
        "type": "azure-custom",
        "name": "contoso-brand-voice",
        "endpoint_id": "6f2d4e1b-8a3c-4d5e-9f10-2b3c4d5e6f70",
        "temperature": 0.7,
    },
    {"type": "azure-personal", "name": "en-US-PersonalNeural", "model": "DragonLatestNeural"},
    {"type": "openai", "name": "alloy"},
]


# --------------------------------------------------------------------------------------------
# What a response produces
# --------------------------------------------------------------------------------------------


@dataclass
class MessageOut:
    """An assistant message, spoken (audio + transcript) or written (text)."""

    text: str
    audio: bool


@dataclass
class FunctionOut:
    name: str
    arguments: str
    call_id: str


@dataclass
class McpCallOut:
    server: str
    name: str
    arguments: str
    approval_request_id: str | None
    output: str | None
    error: JSON | None


@dataclass
class McpApprovalOut:
    server: str
    name: str
    arguments: str


@dataclass
class SearchOut:
    kind: Literal["file_search_call", "web_search_call"]
    queries: list[str]
    results: list[JSON]


@dataclass
class UnknownOut:
    """An output item of a type no SDK knows yet (deliberate mess)."""

    body: JSON


OutSpec = MessageOut | FunctionOut | McpCallOut | McpApprovalOut | SearchOut | UnknownOut


@dataclass
class Outcome:
    """How a response ends; keep is the fraction of the planned message actually produced."""

    status: str = "completed"
    details: JSON | None = None
    keep: float = 1.0
    barge_in: bool = False
    max_tokens: int | None = None


@dataclass
class Params:
    """The per-response settings echoed in response.created / response.done."""

    modalities: list[str]
    conversation_id: str | None
    metadata: dict[str, str] | None
    max_output_tokens: int | str
    temperature: float
    extra: JSON = field(default_factory=dict)  # unknown new fields (mess)
    nulls: list[str] = field(default_factory=list)  # explicit nulls (mess)
    mixed: bool = False  # beta and GA keys together (mess)


@dataclass
class Produced:
    """One finished output item and the output tokens it cost."""

    item: JSON
    text_tokens: int
    audio_tokens: int


# --------------------------------------------------------------------------------------------
# One simulated session
# --------------------------------------------------------------------------------------------


class Session:
    """Simulates one connection in one server shape, appending event lines to ``out``."""

    def __init__(self, gen: Generator, shape: Shape, index_in_shape: int) -> None:
        self.gen = gen
        self.rng = gen.rng
        self.shape: Shape = shape
        self.out = gen.lines
        rng = self.rng
        self.ms = 0  # simulated milliseconds since the connection opened
        self.epoch_s = 1_760_000_000 + rng.randint(0, 90 * 86400)  # wall clock at connect
        self.ids = IdMaker(rng, self.epoch_s)
        self.session_id = self.ids.timed("sess_", 0)
        # The first session of each shape is a WebSocket one so that audio deltas appear.
        self.webrtc = shape != "azure" and index_in_shape > 0 and rng.random() < 0.4
        self.event_ids = not (shape == "azure" and index_in_shape % 2 == 0)
        self.names = GA_NAMES if shape == "ga" else BETA_NAMES
        self.conversation_id = self.ids.timed("conv_", 0)
        self.last_item_id: str | None = None
        self.response_id: str | None = None  # the response in flight, for unknown events
        self.pending_speech: tuple[str, int] | None = None  # a barge-in started the next turn
        self.item_previous: dict[str, str | None] = {}  # item id -> previous_item_id
        self.last_response_items: list[JSON] = []
        self.transcribe = rng.random() < 0.85
        self.timestamps = shape == "azure" and rng.random() < 0.35
        self.reasoning_model = shape == "azure" and rng.random() < 0.4
        self.tools = rng.sample(sorted(TOOL_SCHEMAS), rng.randint(2, 4))
        self.mcp = shape == "azure" and rng.random() < 0.8
        self.search = shape == "azure"
        # Voice, audio format and model, per shape.
        if shape == "beta":
            self.model = rng.choice(
                [
                    "gpt-4o-realtime-preview-2024-12-17",
                    "gpt-4o-mini-realtime-preview-2024-12-17",
                    "gpt-4o-realtime-preview-2025-06-03",
                ]
            )
            self.voice: Any = rng.choice(["alloy", "coral", "sage", "verse", "ash", "shimmer"])
            self.codec = rng.choice(["pcm16", "pcm16", "pcm16", "g711_ulaw"])
        elif shape == "ga":
            self.model = rng.choice(["gpt-realtime", "gpt-realtime", "gpt-realtime-mini"])
            self.voice = rng.choice(["alloy", "marin", "cedar", "coral"])
            self.codec = rng.choice(["audio/pcm", "audio/pcm", "audio/pcm", "audio/pcmu"])
        else:
            self.model = rng.choice(["gpt-4o", "gpt-4.1", "gpt-realtime", "phi4-mm-realtime"])
            self.voice = dict(rng.choice(AZURE_VOICES))
            self.codec = rng.choice(["pcm16", "pcm16", "pcm16", "pcm16_16000hz"])
        self.temperature = rng.choice([0.8, 0.8, 0.8, 0.7, 0.6, 1.0])
        self.audio_out = rng.random() < 0.85  # else a text-only assistant
        self.instructions = rng.choice(INSTRUCTIONS)
        # Context the model sees, in tokens; grows as the conversation does.
        self.ctx_text = len(self.instructions) // 4 + 40 * len(self.tools) + rng.randint(20, 60)
        self.ctx_audio = 0
        self.ctx_image = 0
        self.last_input = 0
        self.tokens_remaining = 40000 if shape == "beta" else 15_000_000

    # -- emitting ----------------------------------------------------------------------------

    def emit(self, type_: str, /, **fields: Any) -> None:
        """Append one server event (serialised at once, so later mutation cannot leak in)."""
        event: JSON = {"type": type_}
        if self.event_ids:
            event["event_id"] = self.ids.timed("event_", self.ms)
        event.update(fields)
        self.out.append(compact(event))
        self.gen.events_by_shape[self.shape] += 1
        self.ms += self.rng.randint(2, 45)
        if self.gen.event_deck.draw() == "unknown":
            self.unknown_event()

    def unknown_event(self) -> None:
        """An event type from the future (deliberate mess)."""
        rng = self.rng
        kind = rng.randrange(5)
        fields: JSON
        if kind == 0:
            type_, fields = "session.heartbeat", {"server_time_ms": self.ms}
        elif kind == 1:
            type_, fields = (
                "conversation.item.annotated",
                {
                    "item_id": self.last_item_id,
                    "annotations": [
                        {
                            "type": "sentiment",
                            "label": rng.choice(["positive", "neutral", "negative"]),
                        }
                    ],
                },
            )
        elif kind == 2:
            type_, fields = "input_audio_buffer.level", {"rms_dbfs": -rng.randint(200, 500) / 10}
        elif kind == 3:
            type_, fields = (
                "response.reasoning_summary_text.delta",
                {
                    "response_id": self.response_id,
                    "delta": rng.choice(
                        ["Checking the request", " against the order history", "."]
                    ),
                },
            )
        else:
            type_, fields = (
                "server.notice",
                {
                    "notice": {
                        "code": "model_upgrade_scheduled",
                        "message": "This session will move to a newer model snapshot on reconnect.",
                    }
                },
            )
        event: JSON = {"type": type_}
        if self.event_ids:
            event["event_id"] = self.ids.timed("event_", self.ms)
        event.update(fields)
        self.out.append(compact(event))
        self.gen.mess["unknown event type"] += 1

    def item(self, item_id: str, type_: str, **fields: Any) -> JSON:
        """An item in this shape's form (beta and Azure carry object=realtime.item)."""
        body: JSON = {"id": item_id}
        if self.shape != "ga":
            body["object"] = "realtime.item"
        body["type"] = type_
        body.update(fields)
        return body

    def add_item(self, item: JSON, *, done_now: bool = True) -> None:
        """Announce a conversation item: created (beta/Azure) or added (+ done) (GA)."""
        if self.shape == "ga":
            self.emit("conversation.item.added", previous_item_id=self.last_item_id, item=item)
            if done_now:
                self.emit("conversation.item.done", previous_item_id=self.last_item_id, item=item)
        else:
            self.emit("conversation.item.created", previous_item_id=self.last_item_id, item=item)
        self.last_item_id = item["id"]

    def new_id(self, prefix: str) -> str:
        return self.ids.timed(prefix, self.ms)

    # -- session lifecycle -------------------------------------------------------------------

    def session_object(self, updated: bool) -> JSON:
        """The session resource as session.created / session.updated carry it."""
        tools = (
            [
                {
                    "type": "function",
                    "name": n,
                    "description": TOOL_SCHEMAS[n][0],
                    "parameters": TOOL_SCHEMAS[n][1],
                }
                for n in self.tools
            ]
            if updated
            else []
        )
        sid = self.session_id
        if self.shape == "beta":
            return {
                "id": sid,
                "object": "realtime.session",
                "model": self.model,
                "expires_at": self.epoch_s + 1800,
                "modalities": self.default_modalities(),
                "instructions": self.instructions
                if updated
                else "Your knowledge cutoff is 2023-10.",
                "voice": self.voice,
                "turn_detection": {
                    "type": "server_vad",
                    "threshold": 0.5,
                    "prefix_padding_ms": 300,
                    "silence_duration_ms": 200,
                    "create_response": True,
                    "interrupt_response": True,
                },
                "input_audio_format": self.codec,
                "output_audio_format": self.codec,
                "input_audio_transcription": {"model": "whisper-1"}
                if self.transcribe and updated
                else None,
                "tool_choice": "auto",
                "temperature": self.temperature,
                "max_response_output_tokens": "inf",
                "tools": tools,
                "client_secret": None,
                "input_audio_noise_reduction": None,
                "include": None,
                "speed": 1.0,
                "tracing": None,
            }
        if self.shape == "ga":
            fmt: JSON = {"type": self.codec}
            if self.codec == "audio/pcm":
                fmt["rate"] = 24000
            return {
                "type": "realtime",
                "object": "realtime.session",
                "id": sid,
                "model": self.model,
                "output_modalities": self.default_modalities(),
                "instructions": self.instructions if updated else "",
                "tools": tools,
                "tool_choice": "auto",
                "max_output_tokens": "inf",
                "tracing": None,
                "prompt": None,
                "expires_at": self.epoch_s + 3600,
                "audio": {
                    "input": {
                        "format": fmt,
                        "transcription": {
                            "model": "gpt-4o-transcribe",
                            "language": None,
                            "prompt": None,
                        }
                        if self.transcribe and updated
                        else None,
                        "noise_reduction": None,
                        "turn_detection": {
                            "type": "server_vad",
                            "threshold": 0.5,
                            "prefix_padding_ms": 300,
                            "silence_duration_ms": 200,
                            "idle_timeout_ms": None,
                            "create_response": True,
                            "interrupt_response": True,
                        },
                    },
                    "output": {"format": fmt, "voice": self.voice, "speed": 1.0},
                },
                "include": None,
            }
        body: JSON = {
            "id": sid,
            "object": "realtime.session",
            "model": self.model,
            "modalities": self.default_modalities(),
            "instructions": self.instructions,
            "voice": self.voice,
            "input_audio_format": "pcm16",
            "output_audio_format": self.codec,
            "input_audio_sampling_rate": 24000,
            "turn_detection": {
                "type": "azure_semantic_vad",
                "threshold": 0.3,
                "prefix_padding_ms": 200,
                "silence_duration_ms": 200,
                "remove_filler_words": False,
            },
            "input_audio_noise_reduction": {"type": "azure_deep_noise_suppression"},
            "input_audio_echo_cancellation": {"type": "server_echo_cancellation"},
            "input_audio_transcription": {"model": "azure-speech", "language": "en-US"}
            if self.transcribe
            else None,
            "tools": tools,
            "tool_choice": "auto",
            "temperature": self.temperature,
            "max_response_output_tokens": "inf",
        }
        if updated and self.mcp:
            body["tools"] = tools + [
                {
                    "type": "mcp",
                    "server_label": label,
                    "server_url": url,
                    "require_approval": policy,
                    "allowed_tools": None,
                    "headers": None,
                }
                for label, (url, policy, _) in MCP_SERVERS.items()
            ]
        if updated and self.timestamps:
            body["output_audio_timestamp_types"] = ["word"]
        return body

    def default_modalities(self) -> list[str]:
        if self.shape == "ga":
            return ["audio"] if self.audio_out else ["text"]
        return ["text", "audio"] if self.audio_out else ["text"]

    def run(self, budget: int) -> None:
        """Open the session and run turns until the generator's event budget is spent."""
        rng = self.rng
        self.emit("session.created", session=self.session_object(updated=False))
        self.ms += rng.randint(80, 400)
        self.emit("session.updated", session=self.session_object(updated=True))
        if self.mcp:
            self.list_mcp_tools()
        turns = rng.randint(5, 14)
        for _ in range(turns):
            if len(self.out) >= budget:
                break
            self.turn()
        # A barge-in that ended the last turn still needs its user turn finished.
        if self.pending_speech is not None:
            self.chat_turn(spoken=True)

    def turn(self) -> None:
        """One exchange, picked by weight (a pending barge-in forces a spoken turn)."""
        rng = self.rng
        if self.pending_speech is not None:
            self.chat_turn(spoken=True)
            return
        kinds = ["spoken", "typed", "tool", "oob", "mcp", "search"]
        weights = [50, 10, 20, 4, 16 if self.mcp else 0, 8 if self.search else 0]
        kind = rng.choices(kinds, weights)[0]
        if kind == "spoken":
            self.chat_turn(spoken=True)
        elif kind == "typed":
            self.chat_turn(spoken=False)
        elif kind == "tool":
            self.tool_turn()
        elif kind == "oob":
            self.oob_turn()
        elif kind == "mcp":
            self.mcp_turn()
        else:
            self.search_turn()
        if self.gen.error_deck.draw() == "error":
            self.error_event()

    # -- user input --------------------------------------------------------------------------

    def user_speaks(self, words: str) -> Callable[[], None]:
        """VAD events and the user audio item; returns the deferred transcription emitter."""
        rng = self.rng
        if self.pending_speech is not None:
            item_id, start = self.pending_speech
            self.pending_speech = None
        else:
            self.ms += rng.randint(600, 4000)
            item_id, start = self.new_id("item_"), self.ms
            self.emit("input_audio_buffer.speech_started", audio_start_ms=start, item_id=item_id)
        n_words = len(words.split())
        self.ms = max(self.ms, start + n_words * rng.randint(280, 420)) + rng.randint(200, 600)
        self.emit("input_audio_buffer.speech_stopped", audio_end_ms=self.ms, item_id=item_id)
        self.emit(
            "input_audio_buffer.committed", previous_item_id=self.last_item_id, item_id=item_id
        )
        self.add_item(
            self.item(
                item_id,
                "message",
                status="completed",
                role="user",
                content=[{"type": "input_audio", "transcript": None}],
            )
        )
        audio_tokens = max(4, (self.ms - start) // 100 + rng.randint(0, 6))
        self.ctx_audio += audio_tokens

        def transcription() -> None:
            if not self.transcribe:
                return
            text = words + ("\n" if self.shape == "beta" and rng.random() < 0.3 else "")
            if self.shape == "ga":
                for piece in chunk(rng, text_tokens(text), 2, 5):
                    self.emit(
                        "conversation.item.input_audio_transcription.delta",
                        item_id=item_id,
                        content_index=0,
                        delta=piece,
                    )
                out_tokens = len(text_tokens(text))
                self.emit(
                    "conversation.item.input_audio_transcription.completed",
                    item_id=item_id,
                    content_index=0,
                    transcript=text,
                    usage={
                        "type": "tokens",
                        "total_tokens": audio_tokens + out_tokens,
                        "input_tokens": audio_tokens,
                        "input_token_details": {"text_tokens": 0, "audio_tokens": audio_tokens},
                        "output_tokens": out_tokens,
                    },
                )
            elif self.shape == "beta" and self.model.endswith("2025-06-03"):
                self.emit(
                    "conversation.item.input_audio_transcription.completed",
                    item_id=item_id,
                    content_index=0,
                    transcript=text,
                    usage={"type": "duration", "seconds": max(1, n_words // 3)},
                )
            else:
                self.emit(
                    "conversation.item.input_audio_transcription.completed",
                    item_id=item_id,
                    content_index=0,
                    transcript=text,
                )

        return transcription

    def user_types(self, words: str, image: bool = False) -> None:
        """A typed user message (client conversation.item.create, echoed by the server)."""
        content: list[JSON] = [{"type": "input_text", "text": words}]
        if image:
            content.append(
                {
                    "type": "input_image",
                    "image_url": "data:image/jpeg;base64,"
                    + base64.b64encode(self.rng.randbytes(60)).decode("ascii"),
                    "detail": "auto",
                }
            )
            self.ctx_image += self.rng.choice([85, 255, 765])
        self.ms += self.rng.randint(1500, 9000)
        self.add_item(
            self.item(
                self.new_id("item_"), "message", status="completed", role="user", content=content
            )
        )
        self.ctx_text += len(text_tokens(words)) + 4

    # -- turns -------------------------------------------------------------------------------

    def pick_outcome(self, allow_cut: bool) -> Outcome:
        """How a response ends (rates in the module docstring).

        Replies (allow_cut) draw from the outcome deck; function-call responses either
        complete or, rarely, fail.
        """
        rng = self.rng
        if allow_cut:
            card = self.gen.outcome_deck.draw()
        else:
            card = "failed" if rng.random() < 0.03 else "completed"
        if card == "completed":
            return Outcome()
        if card in ("turn_detected", "client_cancelled"):
            return Outcome(
                "cancelled",
                {"type": "cancelled", "reason": card},
                keep=rng.uniform(0.2, 0.7),
                barge_in=card == "turn_detected",
            )
        if card == "max_output_tokens":
            return Outcome(
                "incomplete",
                {"type": "incomplete", "reason": card},
                keep=rng.uniform(0.3, 0.8),
                max_tokens=rng.choice([40, 64, 80, 120]),
            )
        if card == "content_filter":
            return Outcome(
                "incomplete", {"type": "incomplete", "reason": card}, keep=rng.uniform(0.2, 0.6)
            )
        errors: list[JSON] = [
            {
                "type": "server_error",
                "code": None,
                "message": "The server had an error while processing your request. Sorry about "
                "that! You can retry your request, or contact us through our help center if the "
                "error persists.",
            },
            {
                "type": "invalid_request_error",
                "code": "inference_rate_limit_exceeded",
                "message": "Rate limit reached for requests. Please try again in 1.2s.",
            },
            {
                # a further key beyond type/code/message, kept by lenient decoders
                "type": "server_error",
                "code": "upstream_timeout",
                "message": "The model did not respond in time.",
                "param": None,
            },
        ]
        return Outcome("failed", {"type": "failed", "error": rng.choice(errors)}, keep=0.0)

    def chat_turn(self, spoken: bool) -> None:
        """A user utterance and the assistant's answer; typed turns often get a text answer."""
        rng = self.rng
        user, reply = rng.choice(SMALL_TALK)
        after: Callable[[], None] | None = None
        audio = self.audio_out
        if spoken:
            after = self.user_speaks(user)
        else:
            self.user_types(user, image=self.shape == "ga" and rng.random() < 0.15)
            audio = audio and rng.random() < 0.4  # the client asked for modalities ["text"]
        outcome = self.pick_outcome(True)
        params = self.params(outcome, text_only=not audio)
        self.respond([MessageOut(reply, audio)], outcome, after=after, params=params)

    def tool_turn(self) -> None:
        """Function call, client-side execution, function_call_output, follow-up response."""
        rng = self.rng
        call = TOOL_SCENARIOS[rng.choice(self.tools)](rng)
        after = self.user_speaks(call.user) if rng.random() < 0.8 else None
        if after is None:
            self.user_types(call.user)
        sep = (",", ":") if rng.random() < 0.7 else (", ", ": ")
        arguments = json.dumps(call.args, ensure_ascii=False, separators=sep)
        call_id = self.ids.plain("call_", 16)
        items: list[OutSpec] = []
        if call.preamble:
            items.append(MessageOut(call.preamble, self.audio_out))
        items.append(FunctionOut(call.name, arguments, call_id))
        outcome = self.pick_outcome(False)
        self.respond(items, outcome, after=after)
        if outcome.status != "completed":
            return
        self.ms += rng.randint(150, 1500)
        output = json.dumps(call.output, ensure_ascii=False, separators=(",", ":"))
        self.add_item(
            self.item(self.new_id("item_"), "function_call_output", call_id=call_id, output=output)
        )
        self.ctx_text += len(output) // 3
        self.respond([MessageOut(call.reply, self.audio_out)], self.pick_outcome(True))

    def oob_turn(self) -> None:
        """An out-of-band classification response: in no conversation, tagged by metadata."""
        label = self.rng.choice(["billing", "support", "sales", "smalltalk"])
        params = self.params(outcome=Outcome(), oob=True)
        self.respond([MessageOut(label, False)], Outcome(), params=params, oob=True)

    def list_mcp_tools(self) -> None:
        """Azure lists each MCP server's tools at session start."""
        for label, (_, _, tools) in MCP_SERVERS.items():
            item_id = self.new_id("item_")
            self.emit("mcp_list_tools.in_progress", item_id=item_id)
            self.ms += self.rng.randint(100, 900)
            self.emit("mcp_list_tools.completed", item_id=item_id)
            self.add_item(self.item(item_id, "mcp_list_tools", server_label=label, tools=tools))

    def mcp_turn(self) -> None:
        """An MCP tool call (with output or error), or an approval round trip first."""
        rng = self.rng
        plan = self.gen.mcp_deck.draw()
        if plan == "approval":
            file = rng.choice(["notes-2025.txt", "old_draft.docx", "test.txt"])
            args = compact({"file": file})
            after = self.user_speaks(f"Please delete {file} from my files.")
            self.respond(
                [McpApprovalOut("file-server", "delete_file", args)], Outcome(), after=after
            )
            request_id = self.last_response_items[-1]["id"]
            approve = rng.random() < 0.75
            response: JSON = self.item(
                self.new_id("item_"),
                "mcp_approval_response",
                approval_request_id=request_id,
                approve=approve,
            )
            if rng.random() < 0.5:
                response["reason"] = "Approved by user" if approve else "User declined"
            self.ms += rng.randint(1000, 5000)
            self.add_item(response)
            if approve:
                call = McpCallOut(
                    "file-server",
                    "delete_file",
                    args,
                    request_id,
                    compact({"deleted": True, "file": file}),
                    None,
                )
                self.respond(
                    [call, MessageOut(f"Done, {file} has been deleted.", self.audio_out)], Outcome()
                )
            else:
                self.respond(
                    [MessageOut("Okay, I'll leave the file where it is.", self.audio_out)],
                    Outcome(),
                )
            return
        city = rng.choice(CITIES).split(",")[0]
        args = compact({"city": city, "days": rng.randint(1, 5)})
        after = self.user_speaks(f"What does the forecast look like in {city}?")
        error: JSON | None = None
        output: str | None = compact(
            {"city": city, "high": rng.randint(0, 30), "conditions": rng.choice(CONDITIONS)}
        )
        if plan == "call_error":
            output = None
            errors: list[JSON] = [
                {
                    "type": "tool_execution_error",
                    "message": "Upstream forecast provider returned no data",
                },
                {
                    "type": "protocol_error",
                    "code": -32602,
                    "message": "Invalid params: days must be <= 3",
                },
                {"type": "http_error", "code": 502, "message": "Bad Gateway"},
            ]
            error = rng.choice(errors)
        reply = (
            f"Here's the outlook for {city}: mostly {rng.choice(CONDITIONS)} for the next few days."
            if error is None
            else "Sorry, I couldn't reach the forecast service just now."
        )
        call = McpCallOut("weather-server", "get_forecast", args, None, output, error)
        self.respond([call, MessageOut(reply, self.audio_out)], Outcome(), after=after)

    def search_turn(self) -> None:
        """Azure file_search_call / web_search_call followed by the spoken answer."""
        rng = self.rng
        if self.gen.search_deck.draw() == "file":
            after = self.user_speaks("What does the handbook say about parental leave?")
            results = [
                {
                    "attributes": {"department": "hr", "year": "2025"},
                    "file_id": self.ids.plain("assistant-", 22),
                    "filename": rng.choice(["employee_handbook.pdf", "benefits_2025.pdf"]),
                    "score": round(rng.uniform(0.55, 0.97), 4),
                    "text": "Employees are eligible for 16 weeks of paid parental leave...",
                }
                for _ in range(rng.randint(1, 2))
            ]
            spec = SearchOut("file_search_call", ["parental leave policy"], results)
            reply = "The handbook says you get sixteen weeks of paid parental leave."
        else:
            after = self.user_speaks("Who won the match last night?")
            spec = SearchOut("web_search_call", [], [])
            reply = "According to the latest reports, the home side won two to one."
        self.respond([spec, MessageOut(reply, self.audio_out)], Outcome(), after=after)

    def error_event(self) -> None:
        """A server error event about some client mistake."""
        rng = self.rng
        error: JSON = rng.choice(
            [
                {
                    "type": "invalid_request_error",
                    "code": "response_cancel_not_active",
                    "message": "Cancellation failed: no active response found",
                    "param": None,
                },
                {
                    "type": "invalid_request_error",
                    "code": "input_audio_buffer_commit_empty",
                    "message": "Error committing input audio buffer: buffer too small. Expected at least "
                    "100ms of audio, but buffer only has 0.00ms of audio.",
                    "param": None,
                },
                {
                    "type": "invalid_request_error",
                    "code": "invalid_value",
                    "message": "Invalid 'session.temperature': decimal below minimum value. Expected a "
                    "value >= 0.6, but got 0.2 instead.",
                    "param": "session.temperature",
                },
            ]
        )
        error = dict(error)
        error["event_id"] = f"evt_{rng.randrange(16**12):012x}"
        self.emit("error", error=error)

    # -- responses ---------------------------------------------------------------------------

    def params(self, outcome: Outcome, oob: bool = False, text_only: bool = False) -> Params:
        rng = self.rng
        metadata: dict[str, str] | None = None
        if oob:
            metadata = {"purpose": "classification", "turn": str(rng.randint(1, 30))}
        elif rng.random() < 0.15:
            metadata = {"client": rng.choice(["kiosk-12", "ios-app", "web"]), "trace": b62(rng, 10)}
        max_tokens: int | str = "inf"
        if outcome.max_tokens is not None:
            max_tokens = outcome.max_tokens
        elif rng.random() < 0.1:
            max_tokens = rng.choice([1024, 2048, 4096])
        modalities = ["text"] if oob or text_only else self.default_modalities()
        return Params(
            modalities,
            None if oob else self.conversation_id,
            metadata,
            max_tokens,
            self.temperature,
        )

    def apply_mess(self, params: Params, items: list[OutSpec]) -> None:
        """Draw this response's card from the mess deck and apply it."""
        rng = self.rng
        card = self.gen.response_deck.draw()
        if card == "unknown_item":
            kind = rng.randrange(3)
            item_id = self.new_id("item_")
            body: JSON
            if kind == 0:
                body = self.item(
                    item_id,
                    "reasoning",
                    status="completed",
                    summary=[{"type": "summary_text", "text": "User wants a short answer."}],
                    encrypted_content=None,
                )
            elif kind == 1:
                body = self.item(
                    item_id,
                    "image_generation_call",
                    status="completed",
                    revised_prompt="A small red bicycle",
                    result=None,
                )
            else:
                body = self.item(
                    item_id,
                    "code_interpreter_call",
                    status="completed",
                    code="print(17 * 23)",
                    outputs=[{"type": "logs", "logs": "391"}],
                )
            items.insert(0, UnknownOut(body))
            self.gen.mess["unknown item type"] += 1
        elif card == "unknown_field":
            key, value = rng.choice(
                [
                    ("service_tier", "default"),
                    ("reasoning", {"effort": "low", "summary": None}),
                    ("truncation", {"type": "retention_ratio", "retention_ratio": 0.8}),
                    ("prompt_cache_key", "pck_" + b62(rng, 12)),
                    ("latency", {"first_audio_ms": rng.randint(180, 900)}),
                ]
            )
            params.extra[key] = value
            self.gen.mess["unknown response field"] += 1
        elif card == "explicit_null":
            if self.shape == "beta":
                choices = ["audio", "output_modalities", "usage.cached_tokens_details"]
            elif self.shape == "ga":
                choices = ["temperature", "voice", "modalities", "output_audio_format"]
            else:
                choices = ["metadata", "audio", "usage.cached_tokens_details"]
            params.nulls.append(rng.choice(choices))
            self.gen.mess["explicit null"] += 1
        elif card == "mixed":
            params.mixed = True
            self.gen.mess["beta/GA keys mixed"] += 1

    def response_json(
        self,
        rid: str,
        params: Params,
        status: str,
        details: JSON | None,
        output: list[JSON],
        usage: JSON | None,
    ) -> JSON:
        """The response resource in this shape, with the response's mess applied."""
        r: JSON
        if self.shape == "azure":
            r = {
                "id": rid,
                "object": "realtime.response",
                "status": status,
                "status_details": details,
                "output": output,
                "usage": usage,
            }
            if self.event_ids or status != "in_progress":  # doc-style created events are minimal
                r.update(
                    {
                        "conversation_id": params.conversation_id,
                        "voice": self.voice,
                        "modalities": params.modalities,
                        "output_audio_format": self.codec,
                        "temperature": params.temperature,
                        "max_output_tokens": params.max_output_tokens,
                    }
                )
            if params.mixed:
                r["output_modalities"] = ["audio"] if "audio" in params.modalities else ["text"]
                r["audio"] = {
                    "output": {"format": BETA_TO_GA_FORMAT[self.codec], "voice": self.voice}
                }
        else:
            r = {
                "object": "realtime.response",
                "id": rid,
                "status": status,
                "status_details": details,
                "output": output,
                "conversation_id": params.conversation_id,
            }
            spoken = "audio" in params.modalities
            if self.shape == "beta" or params.mixed:
                r.update(
                    {
                        "modalities": ["text", "audio"] if spoken else ["text"],
                        "voice": self.voice,
                        "output_audio_format": GA_TO_BETA_FORMAT.get(self.codec, self.codec),
                        "temperature": params.temperature,
                    }
                )
            if self.shape == "ga" or params.mixed:
                fmt: JSON | None = BETA_TO_GA_FORMAT.get(self.codec)
                if fmt is None:  # a GA codec already
                    fmt = (
                        {"type": self.codec, "rate": 24000}
                        if self.codec == "audio/pcm"
                        else {"type": self.codec}
                    )
                r["output_modalities"] = ["audio"] if spoken else ["text"]
                r["audio"] = {"output": {"format": fmt, "voice": self.voice}}
            r["max_output_tokens"] = params.max_output_tokens
            r["usage"] = usage
            r["metadata"] = params.metadata
        if self.shape == "azure" and params.metadata is not None:
            r["metadata"] = params.metadata
        for key in params.nulls:
            if key.startswith("usage."):
                details_ = (usage or {}).get("input_token_details")
                if details_ is not None:
                    details_[key.split(".", 1)[1]] = None
            else:
                r[key] = None
        r.update(params.extra)
        return r

    def usage_json(
        self,
        in_text: int,
        in_audio: int,
        in_image: int,
        out_text: int,
        out_audio: int,
        out_reasoning: int,
    ) -> JSON:
        """A usage object whose totals and details add up; cached is a prefix of the input."""
        rng = self.rng
        total_in = in_text + in_audio + in_image
        cached = 0
        if self.last_input >= 64 and rng.random() < 0.8:
            cached = min(self.last_input, total_in) // 64 * 64
        c_text = min(in_text, cached)
        c_audio = min(in_audio, cached - c_text)
        c_image = cached - c_text - c_audio
        out_total = out_text + out_audio + out_reasoning
        usage: JSON = {
            "total_tokens": total_in + out_total,
            "input_tokens": total_in,
            "output_tokens": out_total,
        }
        if self.shape == "ga":
            usage["input_token_details"] = {
                "text_tokens": in_text,
                "audio_tokens": in_audio,
                "image_tokens": in_image,
                "cached_tokens": cached,
                "cached_tokens_details": {
                    "text_tokens": c_text,
                    "audio_tokens": c_audio,
                    "image_tokens": c_image,
                },
            }
            usage["output_token_details"] = {"text_tokens": out_text, "audio_tokens": out_audio}
        elif self.shape == "beta":
            usage["input_token_details"] = {
                "text_tokens": in_text,
                "audio_tokens": in_audio,
                "cached_tokens": cached,
                "cached_tokens_details": {"text_tokens": c_text, "audio_tokens": c_audio},
            }
            usage["output_token_details"] = {"text_tokens": out_text, "audio_tokens": out_audio}
        else:
            usage["input_token_details"] = {
                "cached_tokens": cached,
                "text_tokens": in_text,
                "audio_tokens": in_audio,
                "cached_tokens_details": {"text_tokens": c_text, "audio_tokens": c_audio},
            }
            usage["output_token_details"] = {
                "text_tokens": out_text,
                "audio_tokens": out_audio,
                "reasoning_tokens": out_reasoning,
            }
        return usage

    def respond(
        self,
        items: list[OutSpec],
        outcome: Outcome,
        *,
        after: Callable[[], None] | None = None,
        params: Params | None = None,
        oob: bool = False,
    ) -> None:
        """One whole response: created, its output items streamed, done, rate limits."""
        rng = self.rng
        params = params or self.params(outcome)
        items = list(items)
        self.apply_mess(params, items)
        rid = self.new_id("resp_")
        self.response_id = rid
        created_usage = (
            {"total_tokens": 0, "input_tokens": 0, "output_tokens": 0}
            if self.shape == "azure"
            else None
        )
        self.ms += rng.randint(5, 60)
        self.emit(
            "response.created",
            response=self.response_json(rid, params, "in_progress", None, [], created_usage),
        )
        if after is not None:
            after()
        produced: list[Produced] = []
        if outcome.status != "failed":
            self.ms += rng.randint(150, 700)  # time to first token
            for index, spec in enumerate(items):
                last = index == len(items) - 1
                produced.append(
                    self.stream_item(rid, index, spec, params, oob, outcome if last else Outcome())
                )
        # Usage: the whole context in, this response's items out.
        if oob:
            in_text, in_audio, in_image = rng.randint(40, 120), 0, 0
        else:
            in_text, in_audio, in_image = self.ctx_text, self.ctx_audio, self.ctx_image
        out_text = sum(p.text_tokens for p in produced)
        out_audio = sum(p.audio_tokens for p in produced)
        reasoning = rng.randint(0, 180) if self.reasoning_model and produced else 0
        if outcome.max_tokens is not None:
            # The cap was hit: outputs add up to exactly max_output_tokens.
            reasoning = min(reasoning, outcome.max_tokens // 4)
            if out_audio:
                out_text = min(out_text, outcome.max_tokens - reasoning)
            else:
                out_text = outcome.max_tokens - reasoning
            out_audio = outcome.max_tokens - reasoning - out_text
        usage: JSON | None
        if outcome.status == "failed" and rng.random() < 0.5:
            usage = None
        else:
            usage = self.usage_json(in_text, in_audio, in_image, out_text, out_audio, reasoning)
        output = [p.item for p in produced]
        self.last_response_items = output
        self.emit(
            "response.done",
            response=self.response_json(
                rid, params, outcome.status, outcome.details, output, usage
            ),
        )
        self.gen.statuses[outcome.status] += 1
        if not oob:
            self.ctx_text += out_text
            self.ctx_audio += out_audio
            self.last_input = in_text + in_audio + in_image
        if (
            self.webrtc
            and any(isinstance(s, MessageOut) and s.audio for s in items)
            and outcome.status != "failed"
        ):
            if outcome.barge_in:
                self.emit("output_audio_buffer.cleared", response_id=rid)
            else:
                self.ms += rng.randint(500, 4000)
                self.emit("output_audio_buffer.stopped", response_id=rid)
        if outcome.barge_in and not self.webrtc:
            # The WebSocket client truncates what it had played so far.
            self.emit(
                "conversation.item.truncated",
                item_id=output[-1]["id"],
                content_index=0,
                audio_end_ms=rng.randint(400, 3000),
            )
        if usage is not None and (self.shape != "azure" or rng.random() < 0.5):
            self.tokens_remaining = max(0, self.tokens_remaining - usage["total_tokens"])
            self.emit(
                "rate_limits.updated",
                rate_limits=[
                    {
                        "name": "requests",
                        "limit": 20000 if self.shape != "beta" else 5000,
                        "remaining": (20000 if self.shape != "beta" else 5000) - 1,
                        "reset_seconds": round(rng.uniform(0.003, 0.02), 3),
                    },
                    {
                        "name": "tokens",
                        "limit": 40000 if self.shape == "beta" else 15_000_000,
                        "remaining": self.tokens_remaining,
                        "reset_seconds": round(rng.uniform(0.05, 9.0), 3),
                    },
                ],
            )
            if self.shape == "beta" and self.tokens_remaining < 8000:
                self.tokens_remaining = 40000  # the window refilled
        self.response_id = None

    # -- streaming one output item -----------------------------------------------------------

    def item_added(self, rid: str, index: int, item: JSON, in_conversation: bool) -> None:
        self.emit("response.output_item.added", response_id=rid, output_index=index, item=item)
        if in_conversation:
            self.add_item(item, done_now=False)

    def item_done(self, rid: str, index: int, item: JSON, in_conversation: bool) -> None:
        self.emit("response.output_item.done", response_id=rid, output_index=index, item=item)
        if in_conversation and self.shape == "ga":
            self.emit(
                "conversation.item.done", previous_item_id=self.previous_of(item["id"]), item=item
            )

    def previous_of(self, item_id: str) -> str | None:
        # Items of a response are appended in order; the previous one is recorded here.
        return self.item_previous.get(item_id)

    def stream_item(
        self, rid: str, index: int, spec: OutSpec, params: Params, oob: bool, outcome: Outcome
    ) -> Produced:
        in_conv = not oob
        if isinstance(spec, MessageOut):
            return self.stream_message(rid, index, spec, params, in_conv, outcome)
        if isinstance(spec, FunctionOut):
            return self.stream_function(rid, index, spec, in_conv)
        if isinstance(spec, McpCallOut):
            return self.stream_mcp_call(rid, index, spec, in_conv)
        if isinstance(spec, McpApprovalOut):
            item = self.item(
                self.new_id("item_"),
                "mcp_approval_request",
                name=spec.name,
                arguments=spec.arguments,
                server_label=spec.server,
            )
            self.track(item, in_conv)
            self.item_added(rid, index, item, in_conv)
            self.item_done(rid, index, item, in_conv)
            return Produced(item, len(spec.arguments) // 3 + 6, 0)
        if isinstance(spec, SearchOut):
            return self.stream_search(rid, index, spec, in_conv)
        item = spec.body
        self.track(item, in_conv)
        self.item_added(rid, index, dict(item, status="in_progress"), in_conv)
        self.item_done(rid, index, item, in_conv)
        return Produced(item, self.rng.randint(10, 60), 0)

    def track(self, item: JSON, in_conv: bool) -> None:
        if in_conv:
            self.item_previous[item["id"]] = self.last_item_id

    def stream_message(
        self,
        rid: str,
        index: int,
        spec: MessageOut,
        params: Params,
        in_conv: bool,
        outcome: Outcome,
    ) -> Produced:
        """An assistant message: part added, interleaved deltas, dones; cut short if asked."""
        rng = self.rng
        names = self.names
        if params.mixed:
            names = BETA_NAMES if self.shape == "ga" else GA_NAMES
        item_id = self.new_id("item_")
        head = self.item(item_id, "message", status="in_progress", role="assistant", content=[])
        self.track(head, in_conv)
        self.item_added(rid, index, head, in_conv)
        part_type = self.names.audio_part if spec.audio else self.names.text_part
        empty: JSON = (
            {"type": part_type, "transcript": ""} if spec.audio else {"type": part_type, "text": ""}
        )
        where = {"response_id": rid, "item_id": item_id, "output_index": index, "content_index": 0}
        self.emit("response.content_part.added", **where, part=empty)
        pieces = text_tokens(spec.text)
        if outcome.keep < 1.0:
            pieces = pieces[: max(1, int(len(pieces) * outcome.keep))]
        text_deltas = chunk(rng, pieces, 1, 4)
        n_audio = 0
        if spec.audio:
            n_audio = max(1, len(text_deltas) // 2 + rng.randint(-1, 1))
        streaming_audio = spec.audio and not self.webrtc
        # Interleave: transcript deltas run ahead of the audio they describe.
        queue: list[str] = []
        t_left, a_left = len(text_deltas), n_audio
        while t_left or a_left:
            if t_left and (not a_left or rng.random() < 0.6):
                queue.append("t")
                t_left -= 1
            else:
                queue.append("a")
                a_left -= 1
        barge_at = rng.randint(len(queue) // 2, len(queue)) if outcome.barge_in else -1
        t_i = 0
        offset_ms = 0
        first_audio = True
        for step, kind in enumerate(queue):
            if step == barge_at:
                self.barge_in()
            if kind == "t":
                delta = text_deltas[t_i]
                t_i += 1
                self.emit(
                    names.transcript_delta if spec.audio else names.text_delta, **where, delta=delta
                )
                if self.timestamps and spec.audio and delta.strip():
                    duration = 60 * len(delta.split()) + rng.randint(80, 260)
                    self.emit(
                        "response.audio_timestamp.delta",
                        **where,
                        audio_offset_ms=offset_ms,
                        audio_duration_ms=duration,
                        text=delta.strip(),
                        timestamp_type="word",
                    )
                    offset_ms += duration
            elif streaming_audio:
                self.emit(names.audio_delta, **where, delta=audio_chunk(rng, self.codec))
            elif first_audio:
                # WebRTC: no audio deltas, the audio itself goes over the media track.
                self.emit("output_audio_buffer.started", response_id=rid)
            if kind == "a":
                first_audio = False
        if outcome.barge_in and barge_at >= len(queue):
            self.barge_in()
        text = "".join(pieces)
        if spec.audio:
            if self.timestamps:
                self.emit("response.audio_timestamp.done", **where)
            self.emit(names.audio_done, **where)
            self.emit(names.transcript_done, **where, transcript=text)
            part: JSON = {"type": part_type, "transcript": text}
        else:
            self.emit(names.text_done, **where, text=text)
            part = {"type": part_type, "text": text}
        self.emit("response.content_part.done", **where, part=part)
        status = "completed" if outcome.status == "completed" else "incomplete"
        final = self.item(item_id, "message", status=status, role="assistant", content=[part])
        self.item_done(rid, index, final, in_conv)
        n_tok = len(pieces)
        out_text = n_tok + rng.randint(2, 8) if spec.audio else n_tok + rng.randint(0, 3)
        out_audio = len(text.split()) * 6 + rng.randint(0, 12) if spec.audio else 0
        return Produced(final, out_text, out_audio)

    def barge_in(self) -> None:
        """The user starts talking over the assistant; the server will cancel the response."""
        self.ms += self.rng.randint(100, 900)
        item_id = self.new_id("item_")
        self.emit("input_audio_buffer.speech_started", audio_start_ms=self.ms, item_id=item_id)
        self.pending_speech = (item_id, self.ms)

    def stream_function(self, rid: str, index: int, spec: FunctionOut, in_conv: bool) -> Produced:
        item_id = self.new_id("item_")
        head = self.item(
            item_id,
            "function_call",
            status="in_progress",
            name=spec.name,
            call_id=spec.call_id,
            arguments="",
        )
        self.track(head, in_conv)
        self.item_added(rid, index, head, in_conv)
        where = {
            "response_id": rid,
            "item_id": item_id,
            "output_index": index,
            "call_id": spec.call_id,
        }
        for piece in split_string(self.rng, spec.arguments, 2, 9):
            self.emit("response.function_call_arguments.delta", **where, delta=piece)
        self.emit("response.function_call_arguments.done", **where, arguments=spec.arguments)
        final = self.item(
            item_id,
            "function_call",
            status="completed",
            name=spec.name,
            call_id=spec.call_id,
            arguments=spec.arguments,
        )
        self.item_done(rid, index, final, in_conv)
        return Produced(final, len(spec.arguments) // 3 + self.rng.randint(5, 12), 0)

    def stream_mcp_call(self, rid: str, index: int, spec: McpCallOut, in_conv: bool) -> Produced:
        item_id = self.new_id("item_")
        head = self.item(
            item_id,
            "mcp_call",
            name=spec.name,
            arguments="",
            server_label=spec.server,
            approval_request_id=spec.approval_request_id,
            output=None,
            error=None,
        )
        self.track(head, in_conv)
        self.item_added(rid, index, head, in_conv)
        where = {"response_id": rid, "item_id": item_id, "output_index": index}
        for piece in split_string(self.rng, spec.arguments, 3, 10):
            self.emit("response.mcp_call_arguments.delta", **where, delta=piece)
        self.emit("response.mcp_call_arguments.done", **where, arguments=spec.arguments)
        self.emit("response.mcp_call.in_progress", item_id=item_id, output_index=index)
        self.ms += self.rng.randint(200, 2500)
        self.emit(
            "response.mcp_call.failed" if spec.error else "response.mcp_call.completed",
            item_id=item_id,
            output_index=index,
        )
        final = self.item(
            item_id,
            "mcp_call",
            name=spec.name,
            arguments=spec.arguments,
            server_label=spec.server,
            approval_request_id=spec.approval_request_id,
            output=spec.output,
            error=spec.error,
        )
        self.item_done(rid, index, final, in_conv)
        self.ctx_text += len(spec.output or "") // 3
        return Produced(final, len(spec.arguments) // 3 + self.rng.randint(4, 10), 0)

    def stream_search(self, rid: str, index: int, spec: SearchOut, in_conv: bool) -> Produced:
        item_id = self.new_id("item_")
        head = self.item(item_id, spec.kind, status="in_progress")
        if spec.kind == "file_search_call":
            head.update(queries=[], results=None)
        self.track(head, in_conv)
        self.item_added(rid, index, head, in_conv)
        for phase in ("in_progress", "searching", "completed"):
            self.emit(f"response.{spec.kind}.{phase}", item_id=item_id, output_index=index)
            self.ms += self.rng.randint(50, 800)
        final = self.item(item_id, spec.kind, status="completed")
        if spec.kind == "file_search_call":
            final.update(queries=spec.queries, results=spec.results)
            self.ctx_text += 60 * len(spec.results)
        self.item_done(rid, index, final, in_conv)
        return Produced(final, self.rng.randint(8, 20), 0)


# --------------------------------------------------------------------------------------------
# The whole file
# --------------------------------------------------------------------------------------------


@dataclass
class Sample:
    """The generated file, with where its deliberate anomalies sit (1-based line numbers)."""

    lines: list[str]
    bad_lines: list[int]
    blank_lines: list[int]
    mess: Counter[str]
    events_by_shape: Counter[str]

    def to_bytes(self) -> bytes:
        return ("\n".join(self.lines) + "\n").encode("utf-8")


class Generator:
    """Runs sessions in rotating shapes until the event target is met, then adds the mess."""

    def __init__(self, seed: int) -> None:
        self.rng = Random(seed)
        self.lines: list[str] = []
        self.event_deck = Deck(self.rng, ["unknown"] + ["plain"] * 99)
        self.response_deck = Deck(
            self.rng, ["unknown_item", "unknown_field", "explicit_null", "mixed"] + ["clean"] * 46
        )
        # Rarer features come from decks too, so each shows up at a steady rate.
        self.error_deck = Deck(self.rng, ["error"] + ["none"] * 29)  # error event after a turn
        self.mcp_deck = Deck(self.rng, ["approval", "call", "call_error", "call"])
        self.search_deck = Deck(self.rng, ["file", "web"])
        self.outcome_deck = Deck(
            self.rng,
            ["completed"] * 26
            + ["turn_detected", "turn_detected", "client_cancelled"]
            + ["max_output_tokens", "content_filter", "failed"],
        )
        self.mess: Counter[str] = Counter()
        self.statuses: Counter[str] = Counter()
        self.events_by_shape: Counter[str] = Counter()

    def run(self, target: int) -> Sample:
        shapes: list[Shape] = []
        seen: Counter[str] = Counter()
        while len(self.lines) < target:
            if not shapes:
                shapes = ["beta", "ga", "azure"]
                self.rng.shuffle(shapes)
            shape = shapes.pop()
            Session(self, shape, seen[shape]).run(target)
            seen[shape] += 1
        return self.add_damage()

    def add_damage(self) -> Sample:
        """Insert two blank lines and the three bad lines at random, well-separated spots."""
        rng = self.rng
        lines = list(self.lines)
        n = len(lines)
        # Five insertion points, at least 5 lines apart, away from the file's edges.
        while True:
            spots = sorted(rng.sample(range(10, n - 10), 5))
            if all(b - a >= 5 for a, b in itertools.pairwise(spots)):
                break
        kinds = ["truncated", "garbage", "wrong_type", "blank", "blank"]
        rng.shuffle(kinds)
        plan = dict(zip(spots, kinds, strict=True))
        out: list[str] = []
        bad: list[int] = []
        blank: list[int] = []
        for i, line in enumerate(lines):
            kind = plan.get(i)
            if kind == "blank":
                out.append("")
                blank.append(len(out))
            elif kind == "garbage":
                out.append(GARBAGE_LINE)
                bad.append(len(out))
            elif kind == "wrong_type":
                out.append(WRONG_TYPE_LINE)
                bad.append(len(out))
            elif kind == "truncated":
                # A cut-off copy of the event that follows: an interrupted write, then a retry.
                out.append(line[: rng.randint(len(line) * 3 // 10, len(line) * 8 // 10)])
                bad.append(len(out))
            out.append(line)
        return Sample(out, bad, blank, self.mess, self.events_by_shape)


def generate(seed: int = DEFAULT_SEED, events: int = DEFAULT_EVENTS) -> Sample:
    """The sample for a seed and an event target (well-formed events, approximate)."""
    if events < 100:
        raise ValueError("events must be at least 100")
    return Generator(seed).run(events)


def describe(lines: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """Counts of events by type and of response.done events by response status."""
    by_type: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    for line in lines:
        try:
            event = json.loads(line)
        except ValueError:
            continue
        by_type[str(event.get("type"))] += 1
        response = event.get("response")
        if event.get("type") == "response.done" and isinstance(response, dict):
            by_status[str(response.get("status"))] += 1
    return by_type, by_status


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write the bundled sample of recorded Realtime API server events (JSONL)."
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=f"RNG seed (default {DEFAULT_SEED})"
    )
    parser.add_argument(
        "--events",
        type=int,
        default=DEFAULT_EVENTS,
        metavar="N",
        help=f"target number of well-formed events, at least 100; generation "
        f"stops at the first turn boundary past it (default {DEFAULT_EVENTS})",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        metavar="PATH",
        help="output file (default: respmodel/data/sample_session.jsonl)",
    )
    parser.add_argument(
        "--stats",
        action="store_true",
        help="also print counts of events by type and responses by status",
    )
    args = parser.parse_args(argv)
    if args.events < 100:
        parser.error("--events must be at least 100")
    sample = generate(args.seed, args.events)
    data = sample.to_bytes()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(
        f"wrote {len(sample.lines)} lines, {len(data)} bytes to {args.out}; "
        f"bad lines {sample.bad_lines}, blank lines {sample.blank_lines}"
    )
    if len(data) > 1_500_000:
        print(f"note: the file is larger than 1.5 MB ({len(data)} bytes)", file=sys.stderr)
    if args.stats:
        by_type, by_status = describe(sample.lines)
        print("mess:", dict(sorted(sample.mess.items())))
        print("events by shape:", dict(sorted(sample.events_by_shape.items())))
        print("responses by status:", dict(sorted(by_status.items())))
        for name, count in sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{count:6d}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
