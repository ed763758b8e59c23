"""Worker processes for the drafter's long work: how many, and running chunks of work in them.

spaCy reads one sentence at a time on one core (issue 14); a long article has thousands of distinct
sentences, which are independent of each other. :func:`run_in_workers` runs numbered chunks of work
in forked processes, one chunk at a time each, and hands back their results in order.

Why ``fork``
    A worker forked after the model is loaded shares it with the parent (copy on write): nothing is
    loaded again and nothing is sent to it but a chunk's number; it sends back the plain data the
    chunk gives (no spaCy objects). Where ``fork`` is not available or not safe (Windows, macOS,
    whose system libraries do not survive a fork), the work runs in this process.
Why not in a process with other threads
    A fork copies only the thread that calls it: a lock another thread held at that moment (an
    import, a write to a notebook's output) stays held in the child forever. A notebook's kernel
    runs threads of its own, so there the work runs in this process too.
Failures
    A worker that raises, or dies (killed, out of memory), stops the whole run with a
    :class:`~explainer.draft.model.DraftError` that says so and how to draft without workers
    (``EXPLAINER_DRAFT_WORKERS=1``); every worker is stopped and waited for before it is raised, and
    so on Ctrl-C. Workers ignore Ctrl-C (a terminal sends it to them too): the parent stops them.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler
from typing import Any, TypeVar

from explainer.draft.model import DraftError

__all__ = [
    "AHEAD",
    "ENV",
    "MAX_WORKERS",
    "WORKERS_FROM",
    "can_fork",
    "run_in_workers",
    "worker_count",
    "workers_asked",
]

T = TypeVar("T")

# The setting: how many processes read an article's sentences (1: this process only).
ENV = "EXPLAINER_DRAFT_WORKERS"
# Below this many distinct sentences (about 50 KB of new text) one process is as fast: the work
# is a second or less, and forking and copying the results back eat what a second core saves
# (measured: 128 sentences 0.5-0.9 s either way, 256 sentences 1.0 s against 1.5 s; see
# benchmarks/README.md).
WORKERS_FROM = 256


def _cores() -> int:
    """The cores this process may run on (a container's limit, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


# One worker a core, and no more than 4: each adds its own memory (about 100 MB, the model's
# shared weights aside) for less and less gain as the parent's serial rules take over.
MAX_WORKERS = min(_cores(), 4)


def workers_asked() -> int | None:
    """The number of processes ``EXPLAINER_DRAFT_WORKERS`` asks for, or None when it is not set.

    Raises
    ------
    DraftError
        When it is set to anything but a whole number of at least 1.
    """
    setting = os.environ.get(ENV, "").strip()
    if not setting:
        return None
    if not setting.isdigit() or int(setting) < 1:
        raise DraftError(
            f"{ENV} is {setting!r}: give a whole number of processes, at least 1 (1 drafts in "
            "this process only), or unset it to use one a core"
        )
    return int(setting)


def can_fork() -> bool:
    """Whether worker processes can be forked here: a system where ``fork`` is safe, and no
    other thread in this process (a notebook's kernel has several)."""
    if sys.platform in ("darwin", "win32") or "fork" not in multiprocessing.get_all_start_methods():
        return False
    return threading.active_count() == 1


def worker_count(distinct: int, chunks: int) -> int:
    """How many processes read ``distinct`` sentences in ``chunks`` chunks (1: this one only).

    ``EXPLAINER_DRAFT_WORKERS`` if set, else one a core (at most :data:`MAX_WORKERS`); one when
    the work is short (fewer than :data:`WORKERS_FROM` sentences) or when :func:`can_fork` says
    no; never more than there are chunks.

    Raises
    ------
    DraftError
        When ``EXPLAINER_DRAFT_WORKERS`` is not a whole number of at least 1.
    """
    asked = workers_asked()
    if distinct < WORKERS_FROM or not can_fork():
        return 1
    return max(1, min(MAX_WORKERS if asked is None else asked, chunks))


def _child(conn: Connection, inherited: list[Connection], work: Callable[[int], Any]) -> None:
    """A worker: ignore Ctrl-C, then do the chunks the parent sends until it sends None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    for other in inherited:  # the parent's ends: its death must read as the end of the pipe here
        other.close()
    try:
        while (k := conn.recv()) is not None:
            try:  # pickled here, so that a result that cannot be is reported like an error
                answer = ForkingPickler.dumps((k, True, work(k)))
            except Exception as error:  # sent to the parent, which says it in a DraftError
                conn.send((k, False, f"{type(error).__name__}: {error}"))
                return
            conn.send_bytes(answer)
    except (EOFError, OSError):  # the parent is gone: nobody to answer
        return


def _death(process: Any) -> str:
    process.join(timeout=1)
    code = process.exitcode
    if code is None:
        return "stopped answering"
    if code < 0:
        try:
            return f"was killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"was killed by signal {-code}"
    return f"exited with code {code}"


# Chunks given to a worker ahead of its answers: it starts its next one while this process is still
# reading the last (the parent analyses each chunk's sentences as it arrives).
AHEAD = 2


def run_in_workers(
    work: Callable[[int], T],
    count: int,
    workers: int,
    take: Callable[[int, T], None],
) -> None:
    """``take(k, work(k))`` for every chunk number ``k`` < ``count``, ``work`` running in
    ``workers`` forked processes and ``take`` in this one, as each result arrives.

    Chunks are given out in order, :data:`AHEAD` at a time to each worker, and one more as each
    answer comes back: a busier core gets fewer. ``work`` is not pickled (the workers are forks,
    it is theirs already); its results are, so they should be plain data.

    Parameters
    ----------
    work : callable
        ``work(k)`` for the chunk number ``k``; runs in a worker.
    count : int
        How many chunks.
    workers : int
        How many processes (at least 1; call only where :func:`can_fork`).
    take : callable
        ``take(k, result)``, in this process, in the order the results arrive (nearly the order
        of ``k``); the worker has been given its next chunk before it is called.

    Raises
    ------
    DraftError
        When a worker raises or dies. Every worker is stopped and waited for before this, as
        before any other exception (KeyboardInterrupt, or one from ``take``) is raised again.
    """
    context = multiprocessing.get_context("fork")
    processes: dict[Connection, Any] = {}
    finished = False
    try:
        # Ctrl-C held back while forking: a child must not be interrupted before it ignores it.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            for _ in range(max(1, min(workers, count))):
                mine, theirs = context.Pipe()
                process = context.Process(
                    target=_child, args=(theirs, [*processes, mine], work), daemon=True,
                    name="explainer-draft-worker",
                )  # fmt: skip
                process.start()
                theirs.close()
                processes[mine] = process
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        todo = iter(range(count))
        given: dict[Connection, deque[int]] = {conn: deque() for conn in processes}
        told_to_stop: set[Connection] = set()

        def feed(conn: Connection) -> None:
            while len(given[conn]) < AHEAD and (k := next(todo, None)) is not None:
                _send(conn, processes[conn], k)
                given[conn].append(k)
            if len(given[conn]) < AHEAD and conn not in told_to_stop:  # no chunk left
                _send(conn, processes[conn], None)  # it stops after those it has
                told_to_stop.add(conn)

        for conn in processes:
            feed(conn)
        while busy := [conn for conn in processes if given[conn]]:
            sentinels = {processes[conn].sentinel: conn for conn in busy}
            ready = wait([*busy, *sentinels])
            for conn in {sentinels.get(r, r) for r in ready}:  # type: ignore[call-overload]
                k, ok, result = _receive(conn, processes[conn])
                if not ok:
                    raise _failed(result)
                given[conn].remove(k)
                feed(conn)
                take(k, result)
        finished = True
    finally:
        _stop(processes, gently=finished)


def _died(process: Any) -> DraftError:
    death = _death(process)
    # SIGKILL is how the kernel's out-of-memory killer stops a process: then memory is the
    # likely cause; any other end says nothing about memory.
    if process.exitcode == -signal.SIGKILL:
        hint = (
            "the machine may be short of memory: close other programs or draft in one "
            f"process ({ENV}=1)"
        )
    else:
        hint = f"draft in one process ({ENV}=1) to see whether it fails there too, and report it"
    return DraftError(
        f"a drafting worker process (pid {process.pid}) {death} before it finished; {hint}"
    )


def _receive(conn: Connection, process: Any) -> tuple[int, bool, Any]:
    try:
        return conn.recv()
    except (EOFError, OSError):  # its end closed with it: a worker that died
        raise _died(process) from None


def _failed(result: str) -> DraftError:
    return DraftError(
        f"a drafting worker process failed: {result}; draft in one process ({ENV}=1) to see "
        "whether it fails there too, and report it"
    )


def _send(conn: Connection, process: Any, k: int | None) -> None:
    try:
        conn.send(k)
    except OSError:  # a broken pipe: the worker is gone
        # Perhaps after reporting an error (it stops there) that this process has not read yet:
        # that error says why, where "exited with code 0" would not.
        try:
            while conn.poll():
                _, ok, result = conn.recv()
                if not ok:
                    raise _failed(result) from None
        except (EOFError, OSError):
            pass
        raise _died(process) from None


def _stop(processes: dict[Connection, Any], *, gently: bool) -> None:
    """Wait for every worker (after the last chunk they exit by themselves); stop those that do
    not (an error, Ctrl-C), then close the pipes."""
    if not gently:
        for process in processes.values():
            if process.is_alive():
                process.terminate()
    for conn, process in processes.items():
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join()
        process.close()
        conn.close()
