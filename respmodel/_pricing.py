"""The price of a response: from a user's own table, or from the ``genai-prices`` package.

A response's tokens travel as one tuple of counts, in the order of
:data:`TOKEN_FIELDS`.  Cached tokens are *part of* the input tokens: a cached
token is priced at the cached rate instead of the input rate, never on top.
A price is in US dollars; ``None`` means the response could not be priced
(no model, or a model the prices do not know): it is counted as unpriced,
never guessed.
"""

from __future__ import annotations

import csv
import datetime
import math
import os
from typing import Any, Protocol

import orjson

from ._errors import RespmodelError

__all__ = ["RATES", "TOKEN_FIELDS", "GenaiPrices", "PriceTable", "Pricer", "load_prices"]

TOKEN_FIELDS = (
    "input_tokens",
    "output_tokens",
    "total_tokens",
    "input_text_tokens",
    "input_audio_tokens",
    "input_image_tokens",
    "cached_tokens",
    "cached_text_tokens",
    "cached_audio_tokens",
    "cached_image_tokens",
    "output_text_tokens",
    "output_audio_tokens",
    "output_reasoning_tokens",
)
"""The token counts of a response, in the order of its tokens tuple."""

(
    INPUT,
    OUTPUT,
    TOTAL,
    IN_TEXT,
    IN_AUDIO,
    IN_IMAGE,
    CACHED,
    CACHED_TEXT,
    CACHED_AUDIO,
    CACHED_IMAGE,
    OUT_TEXT,
    OUT_AUDIO,
    OUT_REASONING,
) = range(len(TOKEN_FIELDS))

RATES = (
    "input_text",
    "input_audio",
    "input_image",
    "cached_text",
    "cached_audio",
    "cached_image",
    "output_text",
    "output_audio",
)
"""The columns of a price table: US dollars per million tokens."""


class PricesError(RespmodelError):
    """A price table cannot be read; the message is one line."""


class Pricer(Protocol):
    """Prices a response from its model and its tokens tuple."""

    def price(
        self, model: str | None, tokens: tuple[int, ...], when: int | None = None
    ) -> float | None:
        """The price in US dollars; ``when`` is the session's time (Unix seconds), if known."""
        ...


def split_tokens(t: tuple[int, ...]) -> dict[str, int] | None:
    """How many tokens of each rate a response used (uncached and cached input, output).

    None when that cannot be told without guessing: cached tokens not split by
    modality while the input holds more than one.
    """
    in_text, in_audio, in_image = t[IN_TEXT], t[IN_AUDIO], t[IN_IMAGE]
    if in_text + in_audio + in_image == 0:
        in_text = t[INPUT]  # no split given: all text
    c_text, c_audio, c_image = t[CACHED_TEXT], t[CACHED_AUDIO], t[CACHED_IMAGE]
    if c_text + c_audio + c_image == 0 and t[CACHED]:
        if (in_audio or in_image) and (in_text or in_image) and (in_text or in_audio):
            return None
        if in_audio:
            c_audio = t[CACHED]
        elif in_image:
            c_image = t[CACHED]
        else:
            c_text = t[CACHED]
    out_text, out_audio = t[OUT_TEXT], t[OUT_AUDIO]
    if out_text + out_audio == 0:
        out_text = t[OUTPUT]
    return {
        "input_text": max(in_text - c_text, 0),
        "input_audio": max(in_audio - c_audio, 0),
        "input_image": max(in_image - c_image, 0),
        "cached_text": c_text,
        "cached_audio": c_audio,
        "cached_image": c_image,
        "output_text": out_text,
        "output_audio": out_audio,
    }


class PriceTable:
    """A user's prices: for each model (or ``prefix*``), dollars per million tokens of each rate.

    ``input_text`` and ``output_text`` are required; a cached rate left out is
    the uncached one; an audio or image rate left out makes a response that
    used such tokens unpriced.
    """

    def __init__(self, table: dict[str, dict[str, float]]) -> None:
        self.exact: dict[str, dict[str, float]] = {}
        self.prefixes: list[tuple[str, dict[str, float]]] = []
        for model, rates in table.items():
            if model.endswith("*"):
                self.prefixes.append((model[:-1], rates))
            else:
                self.exact[model] = rates
        self.prefixes.sort(key=lambda kv: -len(kv[0]))

    def rates(self, model: str) -> dict[str, float] | None:
        found = self.exact.get(model)
        if found is not None:
            return found
        for prefix, rates in self.prefixes:
            if model.startswith(prefix):
                return rates
        return None

    def price(
        self, model: str | None, tokens: tuple[int, ...], when: int | None = None
    ) -> float | None:
        if model is None:
            return None
        rates = self.rates(model)
        if rates is None:
            return None
        split = split_tokens(tokens)
        if split is None:
            return None
        total = 0.0
        for kind, count in split.items():
            if not count:
                continue
            rate = rates.get(kind)
            if rate is None and kind.startswith("cached_"):
                rate = rates.get("input_" + kind.removeprefix("cached_"))
            if rate is None:
                return None
            total += count * rate
        return total / 1e6


def load_prices(path: str | os.PathLike[str]) -> PriceTable:
    """Read a price table: JSON (``{"model": {"input_text": 4.0, ...}}``) or CSV (a
    ``model`` column and one column per rate), by the file's extension."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise PricesError(f"{name}: cannot read: {exc.strerror or exc}") from None
    table: dict[str, dict[str, Any]] = {}
    if name.lower().endswith(".csv"):
        try:
            rows = list(csv.DictReader(data.decode("utf-8-sig").splitlines()))
        except (UnicodeDecodeError, csv.Error) as exc:
            raise PricesError(f"{name}: not a CSV price table: {exc}") from None
        for n, row in enumerate(rows, 2):
            model = row.pop("model", None)
            if not model:
                raise PricesError(f"{name}: line {n}: no model")
            table[model] = {k: v for k, v in row.items() if v not in (None, "")}
    else:
        try:
            loaded = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise PricesError(f"{name}: not JSON: {exc}") from None
        if not isinstance(loaded, dict):
            raise PricesError(f"{name}: expected an object of models, got {type(loaded).__name__}")
        table = loaded
    checked: dict[str, dict[str, float]] = {}
    for model, rates in table.items():
        if not isinstance(rates, dict):
            raise PricesError(f"{name}: {model}: expected an object of rates")
        unknown = set(rates) - set(RATES)
        if unknown:
            raise PricesError(
                f"{name}: {model}: unknown rate {sorted(unknown)[0]!r} (known: {', '.join(RATES)})"
            )
        for need in ("input_text", "output_text"):
            if need not in rates:
                raise PricesError(f"{name}: {model}: no {need} rate")
        out: dict[str, float] = {}
        for kind, value in rates.items():
            try:
                number = float(value)
            except (TypeError, ValueError):
                number = math.nan
            if isinstance(value, bool) or not math.isfinite(number) or number < 0:
                raise PricesError(f"{name}: {model}: {kind}: not a price: {value!r}")
            out[kind] = number
        checked[model] = out
    return PriceTable(checked)


class GenaiPrices:
    """Prices from the ``genai-prices`` package (the ``respmodel[cost]`` extra), offline.

    Each response goes through the package's Realtime usage extractor and its
    price data, at the prices of the session's day when the session event
    gives its time (``created_at``, else ``expires_at``), else today's; a model
    it does not know is unpriced.
    """

    def __init__(self, provider: str = "openai") -> None:
        try:
            import genai_prices  # type: ignore[import-not-found,unused-ignore]  # noqa: F401
        except ImportError:
            raise PricesError(
                "--cost needs the genai-prices package: pip install 'respmodel[cost]'"
            ) from None
        self.provider = provider
        self._cache: dict[tuple[str, tuple[int, ...], int | None], float | None] = {}
        self._unknown: set[str] = set()

    def __getstate__(self) -> dict[str, Any]:
        return {"provider": self.provider}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["provider"])  # type: ignore[misc]

    def price(
        self, model: str | None, tokens: tuple[int, ...], when: int | None = None
    ) -> float | None:
        if model is None or model in self._unknown:
            return None
        if not any(tokens):
            return 0.0
        day = None if when is None else when // 86400 * 86400  # prices change by the day
        key = (model, tokens, day)
        if key in self._cache:
            return self._cache[key]
        import genai_prices  # type: ignore[import-not-found,unused-ignore]

        try:
            extracted = genai_prices.extract_usage(
                {"model": model, "response": {"usage": usage_json(tokens)}},
                provider_id=self.provider,
                api_flavor="realtime",
            )
            at = (
                None if day is None else datetime.datetime.fromtimestamp(day, datetime.timezone.utc)
            )
            value: float | None = float(
                extracted.calc_price(genai_request_timestamp=at).total_price
            )
        except LookupError:
            self._unknown.add(model)
            return None
        except ValueError:
            value = None
        if len(self._cache) > 65536:
            self._cache.clear()
        self._cache[key] = value
        return value


def usage_json(t: tuple[int, ...]) -> dict[str, Any]:
    """A Realtime ``usage`` object holding these counts (the split ones only when not zero)."""

    def nonzero(**counts: int) -> dict[str, int]:
        return {k: v for k, v in counts.items() if v}

    cached = nonzero(image_tokens=t[CACHED_IMAGE])
    if t[CACHED_TEXT] or t[CACHED_AUDIO]:  # both, so that neither is inferred
        cached.update(text_tokens=t[CACHED_TEXT], audio_tokens=t[CACHED_AUDIO])
    details: dict[str, Any] = nonzero(
        text_tokens=t[IN_TEXT],
        audio_tokens=t[IN_AUDIO],
        image_tokens=t[IN_IMAGE],
        cached_tokens=t[CACHED],
    )
    if cached:
        details["cached_tokens_details"] = cached
    return {
        "total_tokens": t[TOTAL],
        "input_tokens": t[INPUT],
        "output_tokens": t[OUTPUT],
        "input_token_details": details,
        "output_token_details": nonzero(text_tokens=t[OUT_TEXT], audio_tokens=t[OUT_AUDIO]),
    }
