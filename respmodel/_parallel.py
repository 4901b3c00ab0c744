"""Decoding in worker processes: the tasks, the pool, and the order their parts merge in.

Work is split across files (one task per file, or per byte range of a large
plain file) and within a single input that cannot be seeked (standard input,
a gzip file: chunks of lines handed over by the parent).  Each task returns a
partial :class:`Summary`; the parent merges them in input order, so the
result, line numbers and sessions spanning parts included, is the one a
single process gives.  Workers ignore SIGINT from birth, die with the parent
(PR_SET_PDEATHSIG on Linux), and a dead worker is one :class:`WorkerError`.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import itertools
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ._errors import RespmodelError
from ._pricing import Pricer
from ._sources import STDIN, InputError, open_source
from ._stream import LineTooLong, bounded_lines, decode_lines
from ._summary import Options, Summary, _size, count_file

__all__ = ["WorkerError", "run_parallel", "split_ranges"]

CHUNK_BYTES = 4 * 1024 * 1024
"""Lines per task, in bytes, when ``jobs`` splits an input that cannot be seeked (stdin, gzip)."""
SPLIT_BYTES = 8 * 1024 * 1024
"""A plain file at least this large is split into byte ranges when decoding in processes."""
PART_BYTES = 64 * 1024 * 1024
"""The largest byte range of a task: what a worker sends back (rows, sessions) stays small."""


class WorkerError(RespmodelError):
    """A worker process died (killed, or out of memory); the message is one line."""


# --------------------------------------------------------------------------- worker tasks


def _part(name: str, continuation: bool, pricer: Pricer | None, rows: bool) -> Summary:
    summary = Summary(pricer, rows)
    summary.start_file(name, continuation)
    return summary


def task_file(
    path: str,
    name: str,
    camel: bool,
    strict: bool,
    max_line: int,
    pricer: Pricer | None,
    rows: bool,
) -> Summary:
    """A worker's task: a whole file (gzip, or small), one of several inputs."""
    summary = Summary(pricer, rows)
    count_file(summary, path, Options(camel, strict, 1, max_line, pricer), None, None, True)
    return summary.detach()


def task_range(
    path: str,
    name: str,
    start: int,
    end: int,
    camel: bool,
    strict: bool,
    max_line: int,
    pricer: Pricer | None,
    rows: bool,
) -> Summary:
    """A worker's task: the lines of a plain file in bytes [start, end) (line-aligned)."""
    summary = _part(name, start > 0, pricer, rows)
    with open(path, "rb") as f:
        f.seek(start)
        counted = [0, 0]

        def lines() -> Iterator[bytes | LineTooLong]:
            left = end - start
            for line in bounded_lines(f, max_line):
                size = len(line) if type(line) is bytes else line.size  # type: ignore[union-attr]
                counted[0] += 1
                counted[1] += size
                yield line
                left -= size
                if left <= 0:
                    break

        summary.add_records(decode_lines(lines(), camel, strict))
    summary.lines, summary.bytes = counted
    summary._file_lines = counted[0]
    return summary.detach()


def task_chunk(
    lines: list[bytes | LineTooLong],
    name: str,
    first: bool,
    camel: bool,
    strict: bool,
    pricer: Pricer | None,
    rows: bool,
) -> Summary:
    """A worker's task for input that cannot be seeked: lines handed over by the parent."""
    summary = _part(name, not first, pricer, rows)
    summary.add_records(decode_lines(lines, camel, strict))
    summary.lines = summary._file_lines = len(lines)
    summary.bytes = sum(len(x) if isinstance(x, bytes) else x.size for x in lines)
    return summary.detach()


def split_ranges(path: str, size: int, parts: int) -> list[tuple[int, int]]:
    """Cut a file into at most ``parts`` byte ranges, each starting at a line start."""
    bounds = [0]
    with open(path, "rb") as f:
        for i in range(1, parts):
            pos = size * i // parts
            if pos <= bounds[-1]:
                continue
            f.seek(pos - 1)
            while True:  # to the end of the line holding byte pos - 1, in bounded reads
                piece = f.readline(1 << 20)
                if not piece or piece.endswith(b"\n"):
                    break
            start = f.tell()
            if start >= size:
                break
            if start > bounds[-1]:
                bounds.append(start)
    bounds.append(size)
    return list(itertools.pairwise(bounds))


def _ready() -> None:
    """A task that does nothing: submitting it starts a worker."""


HELD = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while the block runs (then they are delivered)."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        saved: Any = None
        with contextlib.suppress(ValueError):  # not the main thread
            saved = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            yield
        finally:
            if saved is not None:
                signal.signal(signal.SIGINT, saved)
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _hold() -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, HELD)


def _worker_init(parent: int) -> None:
    # Ctrl-C goes to the whole process group: the parent alone reports it.  The
    # signals were held since the worker started (see _Pool): ignoring SIGINT drops
    # a pending one, and SIGTERM stops the worker again once unblocked.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD)
    if sys.platform.startswith("linux"):
        try:  # die with the parent, whatever kills it (no orphans)
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no prctl
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


class _Pool:
    """A process pool whose workers ignore Ctrl-C, die with the parent, and are reaped on exit."""

    def __init__(self, jobs: int) -> None:
        # Every worker is started here, with SIGINT and SIGTERM blocked: a worker
        # inherits the mask, so a Ctrl-C while it starts up stays pending until its
        # initializer ignores SIGINT (no worker tracebacks); in the parent the signal
        # waits until every worker is known, so that all of them can be stopped.
        # spawn: the same on every OS, and safe whatever threads the caller runs.
        context = multiprocessing.get_context("spawn")
        try:
            with _signals_held():  # a held signal is raised here, on the way out
                self.pool = ProcessPoolExecutor(
                    max_workers=jobs,
                    mp_context=context,
                    initializer=_worker_init,
                    initargs=(os.getpid(),),
                )
                # Starting the resource tracker (above) unblocks both signals: again.
                _hold()
                for _ in range(jobs):
                    self.pool.submit(_ready)
        except BaseException:
            if hasattr(self, "pool"):
                self.kill()
            raise

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, kind: Any, value: Any, tb: Any) -> None:
        if kind is None:
            self.pool.shutdown(wait=True)
            return
        self.kill()

    def kill(self) -> None:
        """Stop every worker now (an error or a signal in the parent)."""
        processes = dict(getattr(self.pool, "_processes", None) or {})
        for p in processes.values():
            if p.is_alive():
                p.kill()
        self.pool.shutdown(wait=False, cancel_futures=True)
        for p in processes.values():
            p.join(5)

    def dead(self) -> int | None:
        """The exit code of a worker that died, if one did."""
        for p in list((getattr(self.pool, "_processes", None) or {}).values()):
            if p.exitcode is not None and p.exitcode != 0:
                return int(p.exitcode)
        return None

    def submit(self, fn: Callable[..., Summary], *args: Any) -> Future[Summary]:
        """Hand a task to the workers (WorkerError if one died already)."""
        try:
            return self.pool.submit(fn, *args)
        except concurrent.futures.process.BrokenProcessPool:
            raise WorkerError(_died(self.dead())) from None

    def result(self, future: Future[Summary]) -> Summary:
        """The future's result, or WorkerError as soon as a worker is seen dead."""
        while True:
            try:
                return future.result(timeout=0.5)
            except concurrent.futures.TimeoutError:  # noqa: PERF203 - a wait, not a hot loop
                code = self.dead()
                if code is not None:
                    raise WorkerError(_died(code)) from None
            except concurrent.futures.process.BrokenProcessPool:
                raise WorkerError(_died(self.dead())) from None

    def in_order(
        self, fn: Callable[..., Summary], tasks: Iterable[tuple[Any, ...]], window: int
    ) -> Iterator[Summary]:
        """Results of ``fn`` over ``tasks``, in order, with at most ``window`` tasks in flight."""
        pending: collections.deque[Future[Summary]] = collections.deque()
        for task in tasks:
            pending.append(self.submit(fn, *task))
            if len(pending) >= window:
                yield self.result(pending.popleft())
        while pending:
            yield self.result(pending.popleft())


def _died(code: int | None) -> str:
    how = ""
    if code is not None and code < 0:
        try:
            how = f" (killed by {signal.Signals(-code).name})"
        except ValueError:
            how = f" (killed by signal {-code})"
    elif code is not None:
        how = f" (exit status {code})"
    return f"a worker process died{how}; nothing was counted"


def _chunks(lines: Iterable[bytes | LineTooLong]) -> Iterator[list[bytes | LineTooLong]]:
    chunk: list[bytes | LineTooLong] = []
    size = 0
    for line in lines:
        chunk.append(line)
        size += len(line) if type(line) is bytes else line.size  # type: ignore[union-attr]
        if size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def run_parallel(
    summary: Summary,
    files: list[str],
    options: Options,
    rows: bool,
    on_rows: Callable[[list[list[Any]]], None] | None,
    progress: Callable[[int, int, int], None] | None,
) -> None:
    jobs, camel, strict, max_line, pricer = (
        options.jobs,
        options.camel,
        options.strict,
        options.max_line,
        options.pricer,
    )
    with _Pool(jobs) as pool:
        if len(files) == 1:
            # One input: split it (byte ranges of a plain file, chunks of lines otherwise).
            with open_source(files[0]) as src:
                if src.path is None or src.size is None:
                    tasks = (
                        (chunk, src.name, i == 0, camel, strict, pricer, rows)
                        for i, chunk in enumerate(_chunks(src.iter_lines(max_line)))
                    )
                    for part in pool.in_order(task_chunk, tasks, jobs * 2):
                        _merge(summary, part, on_rows)
                        if progress is not None:
                            progress(src.done_on_disk(), src.size or 0, summary.bytes)
                    return
                path, name, size = src.path, src.name, src.size
            ranges = split_ranges(path, size, max(jobs * 4, -(-size // PART_BYTES)))
            range_tasks = (
                (path, name, a, b, camel, strict, max_line, pricer, rows) for a, b in ranges
            )
            for part in pool.in_order(task_range, range_tasks, jobs * 2):
                _merge(summary, part, on_rows)
                if progress is not None:
                    progress(summary.bytes, size, summary.bytes)
            return
        sizes = [_size(f) or 0 for f in files]
        total = sum(sizes)
        plan: list[tuple[Callable[..., Summary], tuple[Any, ...], int]] = []
        for path, size in zip(files, sizes, strict=True):
            if path == STDIN:
                raise InputError("-: standard input cannot be read with other inputs under --jobs")
            if size >= SPLIT_BYTES and not _is_gzip(path):
                parts = max(min(jobs * 4, size // SPLIT_BYTES), -(-size // PART_BYTES))
                for a, b in split_ranges(path, size, parts):
                    args = (path, path, a, b, camel, strict, max_line, pricer, rows)
                    plan.append((task_range, args, b - a))
            else:
                plan.append((task_file, (path, path, camel, strict, max_line, pricer, rows), size))
        done = 0
        pending: collections.deque[tuple[Future[Summary], int]] = collections.deque()
        window = jobs * 2

        def drain() -> None:
            nonlocal done
            future, size = pending.popleft()
            _merge(summary, pool.result(future), on_rows)
            done += size
            if progress is not None:
                progress(done, total, summary.bytes)

        for fn, args, size in plan:
            pending.append((pool.submit(fn, *args), size))
            if len(pending) >= window:
                drain()
        while pending:
            drain()


def _is_gzip(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(2) == b"\x1f\x8b"
    except OSError:
        return False


def _merge(
    summary: Summary, part: Summary, on_rows: Callable[[list[list[Any]]], None] | None
) -> None:
    summary.merge(part)
    if on_rows is not None:
        on_rows(summary.take_rows())
