"""Interaction speed of the Explorer against the usual notebook, at classroom and archive scale.

For each size (the bundled dataset, 10,000 and 100,000 synthetic claims) one fixed sequence of 50
control changes (actors, date window, status, known-on, text) is replayed on

* the Explorer (``explainer.Explorer``), and on
* the same Explorer syncing its figures through plotly's documented route (``plotly_update``, what
  ``FigureWidget.batch_update`` ends with), after an untimed warm-up: the informed baseline, which
  says whether ``explainer.widgets.sync``'s direct route is worth it (see that module's top);
* a baseline: the usual notebook, ``ipywidgets.interactive_output`` into an ``Output``,
  filtering with pandas (``explainer.filter_claims``) and rebuilding the figure with
  ``plotly.express`` (x date, y actor, symbol status, hover summary), displayed on each change.

Each change is what a browser sends: a ``comm_msg`` "update" of one control's state, handled by a
real ``ipykernel`` kernel object (``IPythonKernel`` with its ``ZMQInteractiveShell``, comm
manager, display publisher and ``jupyter_client`` session) whose IOPub socket is replaced by a
counter. So the latency runs from the control change until every resulting message (widget
updates, echo, Output display_data with the figure's ``application/vnd.plotly.v1+json``, busy/idle
status) has been serialised and signed exactly as ipykernel sends it, and the bytes are those that
would leave the kernel. The browser's own work is not in these figures.

It also times ``load_dataset`` (bundled, and 100,000 claims written to disk), ``import explainer``
(fresh interpreters, median) and the RSS of a kernel that has run ``notebooks/02_explore.ipynb``.

Usage::

    python benchmarks/interaction.py                 # full run, prints a table
    python benchmarks/interaction.py --json OUT.json # and writes every figure
    python benchmarks/interaction.py --quick         # fewer repetitions, for CI (under a minute)

Goals (issue 6; printed, never asserted): bundled p95 <= 10 ms and >= 10x faster than the baseline;
100,000 claims p95 <= 100 ms, >= 5x faster and <= 1/5 of the baseline's bytes per change;
``load_dataset`` of 100,000 claims < 2 s; kernel RSS after 02_explore <= 200 MB.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import gc
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

N_CHANGES = 50
WARM_UP = 10  # untimed changes before the documented route is timed
SIZES = ("bundled", 10_000, 100_000)
STOPWORDS = set(
    [
        "about",
        "according",
        "after",
        "again",
        "against",
        "their",
        "there",
        "these",
        "those",
        "which",
        "while",
        "would",
        "could",
        "should",
        "being",
        "between",
        "during",
        "before",
        "under",
        "other",
        "others",
        "since",
        "where",
        "whose",
        "people",
        "public",
        "claims",
    ]
)

# --------------------------------------------------------------------------------------------------
# The kernel stand-in: a real ipykernel kernel object whose IOPub socket counts what it is given


class Wire:
    """Stands in for the kernel's IOPub socket: takes each multipart message as zmq would (copying
    the frames smaller than jupyter_client's copy threshold) and counts messages and bytes."""

    def __init__(self) -> None:
        self.bytes = 0
        self.messages = 0
        self.headers: list[bytes] = []

    def send_multipart(self, parts: list, copy: bool = True, track: bool = False) -> None:
        size = 0
        for part in parts:
            view = memoryview(part)
            size += view.nbytes
            if copy:
                bytes(view)  # what zmq does with small frames
        self.bytes += size
        self.messages += 1
        # [ident, DELIM, HMAC, header, parent, metadata, content, *buffers]: keep the header
        for i, part in enumerate(parts):
            if bytes(part[:9]) == b"<IDS|MSG>":
                self.headers.append(bytes(parts[i + 2]))
                break

    def msg_types(self, since: int = 0) -> list[str]:
        return [json.loads(h)["msg_type"] for h in self.headers[since:]]


class Kernel:
    """An ``IPythonKernel`` (shell, comm manager, display publisher, signed session), on a Wire."""

    def __init__(self) -> None:
        os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        from ipykernel.ipkernel import IPythonKernel  # installs ipykernel's comm.create_comm
        from jupyter_client.session import Session

        self.wire = Wire()
        self.session = Session(key=b"benchmark-hmac-key-0123456789abcdef", username="bench")
        self.kernel = IPythonKernel.instance(session=self.session, iopub_socket=self.wire)
        import plotly.io as pio

        pio.renderers.default = "plotly_mimetype"  # what plotly picks inside an ipykernel
        import explainer.widgets  # noqa: F401  (its module-level widgets exist before any run)

    def change(self, widget: Any, state: dict[str, Any]) -> tuple[float, float, int, int]:
        """Deliver a browser's state update for ``widget``.

        Returns wall-clock seconds, CPU seconds, bytes and messages that it took.
        """
        k = self.kernel
        msg = self.session.msg(
            "comm_msg",
            {
                "comm_id": widget.comm.comm_id,
                "data": {"method": "update", "state": state, "buffer_paths": []},
            },
        )
        msg["buffers"] = []
        before_bytes, before_msgs = self.wire.bytes, self.wire.messages
        before_headers = len(self.wire.headers)
        c0 = time.process_time()
        t0 = time.perf_counter()
        # What ipykernel's dispatch_shell does with a comm_msg: parent, busy, handle, idle.
        k.set_parent([b"frontend"], msg, "shell")
        k._publish_status("busy", "shell", msg["header"])
        k.comm_manager.comm_msg(None, [b"frontend"], msg)
        k._publish_status("idle", "shell", msg["header"])
        elapsed = time.perf_counter() - t0
        cpu = time.process_time() - c0
        types = self.wire.msg_types(before_headers)
        if "error" in types:
            raise RuntimeError(f"the kernel sent an error while handling {state!r}: see above")
        return elapsed, cpu, self.wire.bytes - before_bytes, self.wire.messages - before_msgs

    def show(self, widgets: list[Any]) -> None:
        """Do what a browser does when it renders these widgets: report each new view.

        The browser counts views (``_view_count`` + 1) only of widgets that ask for it (a count of
        0 rather than None); an app may wait for that before it stops resending its initial state.
        """
        for widget in widgets:
            count = getattr(widget, "_view_count", None)
            if count is not None and widget.comm is not None:
                self.change(widget, {"_view_count": count + 1})


# --------------------------------------------------------------------------------------------------
# The two apps, driven through their controls as a browser would


def _months(lo: Any, hi: Any) -> list[str]:
    import pandas as pd

    return [f"{m.year:04d}-{m.month:02d}" for m in pd.date_range(lo.replace(day=1), hi, freq="MS")]


def month_ranges(claims: Any) -> tuple[list[str], list[str]]:
    """The months of the date slider and of the known-on slider (as both apps build them)."""
    starts = claims["when_start"][~claims["when_open_start"]]
    ends = claims["when_end"][~claims["when_open_end"]]
    months = _months(min(starts.min(), ends.min()), max(starts.max(), ends.max()))
    p_lo = claims["public_start"][~claims["public_open_start"]]
    p_hi = claims["public_end"][~claims["public_open_end"]]
    known = _months(p_lo.min(), p_hi.max()) if len(p_lo) and len(p_hi) else []
    return months, known


def _nearest(values: list[str], wanted: str) -> int:
    import bisect

    return min(bisect.bisect_left(values, wanted), len(values) - 1)


class ExplorerApp:
    """The Explorer, driven through its own controls."""

    name = "explorer"

    def __init__(self, data: Any) -> None:
        from explainer import Explorer

        self.app = Explorer(data)
        self.actor_values = [v for _, v in self.app.actors.options]
        self.month_values = [v for _, v in self.app.dates.options]
        self.known_values = [v for _, v in self.app.known_on.options]

    def control(self, step: dict[str, Any], state: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        app, what = self.app, step["control"]
        if what == "actors":
            chosen = self.actor_values if state["actors"] is None else state["actors"]
            return app.actors, {"index": [self.actor_values.index(a) for a in chosen]}
        if what == "dates":
            if state["dates"] is None:
                return app.dates, {"index": [0, len(self.month_values) - 1]}
            lo, hi = state["dates"]
            return app.dates, {
                "index": [_nearest(self.month_values, lo), _nearest(self.month_values, hi)]
            }
        if what == "known_on":
            value = state["known_on"] or ""
            months = self.known_values[:-1]  # the last option is "everything" ("")
            index = len(self.known_values) - 1 if not value else _nearest(months, value)
            return app.known_on, {"index": index}
        if what == "status":
            return app.status_boxes[step["status"]], {"value": step["status"] in state["statuses"]}
        if what == "text":
            return app.search, {"value": state["text"]}
        raise ValueError(what)

    def shown(self) -> int:
        return int(self.app.mask.sum())


class DocumentedApp(ExplorerApp):
    """The Explorer syncing its figures through plotly's documented ``plotly_update`` (what
    ``FigureWidget.batch_update`` ends with) instead of ``explainer.widgets.sync``'s direct route:
    the informed baseline. It also counts the update messages that restyle traces without
    restating the date axis's type, which plotly drops as unchanged (the axis is then lost)."""

    name = "documented"

    def __init__(self, data: Any) -> None:
        from explainer import Explorer
        from explainer.widgets.sync import apply_updates_documented

        class DocumentedExplorer(Explorer):
            _apply_updates = staticmethod(apply_updates_documented)

        self.app = DocumentedExplorer(data)
        self.actor_values = [v for _, v in self.app.actors.options]
        self.month_values = [v for _, v in self.app.dates.options]
        self.known_values = [v for _, v in self.app.known_on.options]
        self.updates = 0
        self.axis_type_dropped = 0
        fig = self.app.figure
        send = fig._send_update_msg

        def counting(restyle_data: Any, relayout_data: Any, **kwargs: Any) -> Any:
            if restyle_data:
                self.updates += 1
                self.axis_type_dropped += "xaxis.type" not in (relayout_data or {})
            return send(restyle_data, relayout_data, **kwargs)

        fig._send_update_msg = counting


class BaselineApp:
    """The usual notebook: ``interactive_output`` into an ``Output``; pandas; ``plotly.express``."""

    name = "baseline"

    def __init__(self, data: Any) -> None:
        import ipywidgets as widgets
        import plotly.express as px
        from IPython.display import display

        from explainer import filter_claims
        from explainer.i18n import STATUS_ORDER

        claims = data.claims
        self.statuses = list(STATUS_ORDER)
        ids = set(claims["actor"]) | set(claims["target"]) - {""}
        ids |= {p.strip() for v in claims["involves"] for p in v.split(";") if p.strip()}
        self.actor_values = sorted(a for a in ids if a)
        self.month_values, known = month_ranges(claims)
        self.known_values = [*known, ""]
        self.actors = widgets.SelectMultiple(
            options=[(data.actor_name(a), a) for a in self.actor_values],
            value=tuple(self.actor_values),
            description="Actors",
        )
        self.dates = widgets.SelectionRangeSlider(
            options=self.month_values,
            index=(0, len(self.month_values) - 1),
            description="When",
            continuous_update=False,
        )
        self.status = widgets.SelectMultiple(
            options=self.statuses, value=tuple(self.statuses), description="Status"
        )
        self.known_on = widgets.SelectionSlider(
            options=[(m or "all", m) for m in self.known_values],
            value="",
            description="Known on",
            continuous_update=False,
        )
        self.text = widgets.Text(description="Search", continuous_update=True)
        self.last_count = -1
        n_actors, n_months = len(self.actor_values), len(self.month_values)

        def show(actors, dates, statuses, known_on, text):  # the notebook's function
            full = self.dates.index == (0, n_months - 1)
            sub = filter_claims(
                claims,
                actors=None if len(actors) == n_actors else list(actors),
                start=None if full else dates[0],
                end=None if full else dates[1],
                statuses=list(statuses),
                known_on=known_on or None,
                text=text or None,
            )
            self.last_count = len(sub)
            fig = px.scatter(
                sub,
                x="when_start",
                y="actor",
                symbol="status",
                hover_name="summary_en",
                hover_data=["when_label_en", "source", "paragraph"],
                category_orders={"status": self.statuses},
                title=f"{len(sub)} claims",
            )
            display(fig)

        controls = {
            "actors": self.actors,
            "dates": self.dates,
            "statuses": self.status,
            "known_on": self.known_on,
            "text": self.text,
        }
        self.out = widgets.interactive_output(show, controls)
        self.ui = widgets.VBox([*controls.values(), self.out])

    def control(self, step: dict[str, Any], state: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        what = step["control"]
        if what == "actors":
            chosen = self.actor_values if state["actors"] is None else state["actors"]
            return self.actors, {"index": [self.actor_values.index(a) for a in chosen]}
        if what == "dates":
            if state["dates"] is None:
                return self.dates, {"index": [0, len(self.month_values) - 1]}
            lo, hi = state["dates"]
            return self.dates, {
                "index": [_nearest(self.month_values, lo), _nearest(self.month_values, hi)]
            }
        if what == "known_on":
            value = state["known_on"] or ""
            months = self.known_values[:-1]
            index = len(self.known_values) - 1 if not value else _nearest(months, value)
            return self.known_on, {"index": index}
        if what == "status":
            chosen = [i for i, s in enumerate(self.statuses) if s in state["statuses"]]
            return self.status, {"index": chosen}
        if what == "text":
            return self.text, {"value": state["text"]}
        raise ValueError(what)

    def shown(self) -> int:
        return self.last_count


# --------------------------------------------------------------------------------------------------
# The sequence of changes


def _search_words(claims: Any) -> tuple[str, str]:
    """Two words a reader might search: one in about 5% of the claims, one in about 1%."""
    docs: collections.Counter[str] = collections.Counter()
    for text in claims["summary_en"]:
        docs.update({w for w in re.findall(r"[a-z]{6,}", text.lower()) if w not in STOPWORDS})
    n = max(len(claims), 1)
    ranked = sorted(docs, key=lambda w: (abs(docs[w] / n - 0.05), w))
    first = ranked[0] if ranked else "russia"
    ranked = sorted(docs, key=lambda w: (abs(docs[w] / n - 0.01), w))
    second = next((w for w in ranked if w != first), "putin")
    return first, second


def make_sequence(data: Any) -> list[dict[str, Any]]:
    """Fifty control changes, as a reader exploring the data would make them; fixed for a dataset.

    Each step changes one control; ``state`` after the step is what every control then shows.
    """
    claims = data.claims
    counts: collections.Counter[str] = collections.Counter()
    columns = zip(claims["actor"], claims["target"], claims["involves"], strict=True)
    for actor, target, involves in columns:
        counts.update({a for a in (actor, target, *involves.split(";")) if a})
    top = [a for a, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    top += top[-1:] * 8  # a tiny dataset still gets eight (repeated) names
    # Windows and known-on days are quantiles of the claims' dates: they hold claims (fractions of
    # the slider's range would often be empty on a real article, whose claims bunch up in time).
    starts = claims.loc[~claims["when_open_start"], "when_start"]
    public = claims.loc[~claims["public_open_end"], "public_end"]

    def quantile_month(values: Any, q: float) -> str | None:
        if not len(values):
            return None
        ts = values.quantile(q)
        return f"{ts.year:04d}-{ts.month:02d}"

    def month(fraction: float) -> str | None:
        return quantile_month(starts, fraction)

    def known_month(fraction: float) -> str | None:
        return quantile_month(public, fraction)

    word1, word2 = _search_words(claims)

    def window(a: float, b: float) -> dict[str, Any]:
        return {"control": "dates", "value": None if (a, b) == (0, 1) else (month(a), month(b))}

    def actors(chosen: list[str] | None) -> dict[str, Any]:
        return {
            "control": "actors",
            "value": None if chosen is None else list(dict.fromkeys(chosen)),
        }

    def status(s: str, on: bool) -> dict[str, Any]:
        return {"control": "status", "status": s, "value": on}

    def known_on(f: float | None) -> dict[str, Any]:
        return {"control": "known_on", "value": None if f is None else known_month(f)}

    def typing(word: str, letters: int) -> list[dict[str, Any]]:
        return [{"control": "text", "value": word[:k]} for k in range(1, letters + 1)]

    text = [{"control": "text", "value": ""}]
    steps = [
        actors(top[:1]), actors(top[:2]), actors(top[:3]),
        window(0.25, 1), window(0.5, 1), window(0.5, 0.85),
        status("commentary", False), status("stated", False),
        known_on(0.8), known_on(0.5), known_on(0.9),
        *typing(word1, 6), *text,
        status("established", False), status("commentary", True),
        actors(top[1:2]), actors([top[1], top[3]]), actors([top[1], top[3], top[4], top[5]]),
        window(0.1, 0.6), window(0.1, 0.4), window(0, 1),
        known_on(None), status("established", True), status("stated", True),
        actors(None),
        *typing(word2, 5),
        actors(top[:1]), status("reported", False), status("reported", True), *text,
        window(0.6, 1), window(0.9, 1), known_on(0.3), known_on(None),
        actors(top[:8]), actors(None), status("accused", False), status("accused", True),
        window(0, 1),
        {"control": "text", "value": "zqxj"},  # a search that finds nothing
        *text,
    ]  # fmt: skip
    assert len(steps) == N_CHANGES, len(steps)
    from explainer.i18n import STATUS_ORDER

    state: dict[str, Any] = {
        "actors": None, "dates": None, "known_on": None, "statuses": set(STATUS_ORDER), "text": "",
    }  # fmt: skip
    for step in steps:
        what = step["control"]
        if what == "status":
            state["statuses"] = (
                (state["statuses"] | {step["status"]})
                if step["value"]
                else (state["statuses"] - {step["status"]})
            )
        else:
            state[what] = step["value"]
        step["state"] = {**state, "statuses": set(state["statuses"])}
    return steps


def describe_step(step: dict[str, Any]) -> str:
    if step["control"] == "status":
        return f"status {'+' if step['value'] else '-'}{step['status']}"
    value = step["value"]
    if step["control"] == "actors":
        return "actors: all" if value is None else f"actors: {len(value)}"
    return f"{step['control']}: {value if value not in (None, '') else 'all'}"


# --------------------------------------------------------------------------------------------------
# Measuring


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (numpy's default), without numpy."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    pos = (len(ordered) - 1) * q / 100
    lo, hi = int(pos), min(int(pos) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def rss_mb(pid: int | None = None) -> float | None:
    """Resident memory of a process in MB (psutil if installed, else /proc)."""
    pid = pid or os.getpid()
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss / 1e6
    except ImportError:
        pass
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024 / 1e6
    return None


def replay(kernel: Kernel, app: Any, steps: list[dict[str, Any]]) -> dict[str, Any]:
    """Replay ``steps`` on ``app``, timing each change."""
    latencies, cpu, sizes, counts, shown = [], [], [], [], []
    for step in steps:
        widget, state = app.control(step, step["state"])
        elapsed, cpu_s, nbytes, nmsgs = kernel.change(widget, state)
        latencies.append(elapsed * 1000)
        cpu.append(cpu_s * 1000)
        sizes.append(nbytes)
        counts.append(nmsgs)
        shown.append(app.shown())
    return {"ms": latencies, "cpu_ms": cpu, "bytes": sizes, "messages": counts, "shown": shown}


def bench_size(
    kernel: Kernel, label: Any, data: Any, repeat: int, baseline_steps: int = N_CHANGES
) -> dict[str, Any]:
    """Both apps on one dataset; the baseline replays the first ``baseline_steps`` changes only
    (quick mode: a change costs it seconds at archive scale), compared on those same changes."""
    from ipywidgets.widgets.widget import _instances

    steps = make_sequence(data)
    n = len(data.claims)
    runs: dict[str, list[dict[str, Any]]] = {"explorer": [], "documented": [], "baseline": []}
    builds: dict[str, list[float]] = {"explorer": [], "documented": [], "baseline": []}
    rss_after_explorer = None
    dropped = {"updates": 0, "axis_type_dropped": 0}
    for _ in range(repeat):
        apps = ((ExplorerApp, steps), (DocumentedApp, steps), (BaselineApp, steps[:baseline_steps]))
        for cls, todo in apps:
            gc.collect()
            before = set(_instances)
            shown_ids: set = set()
            if cls is DocumentedApp:
                # Warm-up, untimed, on an app of its own: plotly builds its validators on first
                # use, and the timed app must start from the same state as the others.
                warm = cls(data)
                kernel.show([_instances[k] for k in set(_instances) - before])
                shown_ids = set(_instances) - before
                replay(kernel, warm, todo[:WARM_UP])
                del warm
            t0 = time.perf_counter()
            app = cls(data)
            builds[cls.name].append(time.perf_counter() - t0)
            # displayed (the warm-up's widgets were shown already)
            kernel.show([_instances[k] for k in set(_instances) - before if k not in shown_ids])
            if cls is ExplorerApp:
                rss_after_explorer = rss_mb()
            runs[cls.name].append(replay(kernel, app, todo))
            if cls is DocumentedApp:
                dropped["updates"] += app.updates
                dropped["axis_type_dropped"] += app.axis_type_dropped
            del app
            # Close the widgets this run made (frees the figures; module-level ones stay).
            for key in set(_instances) - before:
                with contextlib.suppress(KeyError):
                    _instances[key].close()
    ex = [v for r in runs["explorer"] for v in r["ms"]]
    doc = [v for r in runs["documented"] for v in r["ms"]]
    doc_bytes = [v for r in runs["documented"] for v in r["bytes"]]
    base = [v for r in runs["baseline"] for v in r["ms"]]
    ex_cpu = [v for r in runs["explorer"] for v in r["cpu_ms"]]
    base_cpu = [v for r in runs["baseline"] for v in r["cpu_ms"]]
    ex_bytes = [v for r in runs["explorer"] for v in r["bytes"]]
    base_bytes = [v for r in runs["baseline"] for v in r["bytes"]]
    # The comparison is made on the changes both apps went through.
    k = baseline_steps
    ex_same = [v for r in runs["explorer"] for v in r["ms"][:k]]
    ex_same_bytes = [v for r in runs["explorer"] for v in r["bytes"][:k]]
    # Both apps must show the same number of claims after every change.
    first_ex, first_base = runs["explorer"][0]["shown"], runs["baseline"][0]["shown"]
    mismatches = [
        {"step": i, "explorer": e, "baseline": b}
        for i, (e, b) in enumerate(zip(first_ex, first_base, strict=False))
        if e != b
    ]
    p50_same, p50_base = percentile(ex_same, 50), percentile(base, 50)
    return {
        "size": str(label),
        "n": n,
        "explorer_p50_ms": round(percentile(ex, 50), 2),
        "explorer_p95_ms": round(percentile(ex, 95), 2),
        "explorer_max_ms": round(max(ex), 2),
        "explorer_cpu_p50_ms": round(percentile(ex_cpu, 50), 2),
        "explorer_cpu_p95_ms": round(percentile(ex_cpu, 95), 2),
        "documented_p50_ms": round(percentile(doc, 50), 2),
        "documented_p95_ms": round(percentile(doc, 95), 2),
        "documented_max_ms": round(max(doc), 2),
        "payload_bytes_documented": round(statistics.mean(doc_bytes)),
        "documented_warm_up_changes": WARM_UP,
        "documented_updates": dropped["updates"],
        "documented_updates_without_axis_type": dropped["axis_type_dropped"],
        "baseline_p50_ms": round(p50_base, 2),
        "baseline_p95_ms": round(percentile(base, 95), 2),
        "baseline_max_ms": round(max(base), 2),
        "baseline_cpu_p50_ms": round(percentile(base_cpu, 50), 2),
        "baseline_cpu_p95_ms": round(percentile(base_cpu, 95), 2),
        "speedup_p50": round(p50_base / p50_same, 1) if p50_same else None,
        "payload_bytes_explainer": round(statistics.mean(ex_same_bytes)),
        "payload_bytes_baseline": round(statistics.mean(base_bytes)),
        "payload_bytes_explainer_all_changes": round(statistics.mean(ex_bytes)),
        "compared_on_changes": k,
        "payload_bytes_explainer_max": max(ex_bytes),
        "payload_bytes_baseline_max": max(base_bytes),
        "messages_per_change_explainer": round(
            statistics.mean(v for r in runs["explorer"] for v in r["messages"]), 1
        ),
        "messages_per_change_baseline": round(
            statistics.mean(v for r in runs["baseline"] for v in r["messages"]), 1
        ),
        "changes_timed_explorer": len(ex),
        "changes_timed_baseline": len(base),
        "repeat": repeat,
        "build_s_explorer": round(statistics.median(builds["explorer"]), 3),
        "build_s_baseline": round(statistics.median(builds["baseline"]), 3),
        "rss_mb_after_explorer": None if rss_after_explorer is None else round(rss_after_explorer),
        "shown_mismatches": mismatches,
        "per_change_ms_explorer": [round(v, 2) for v in runs["explorer"][0]["ms"]],
        "per_change_ms_documented": [round(v, 2) for v in runs["documented"][0]["ms"]],
        "per_change_ms_baseline": [round(v, 2) for v in runs["baseline"][0]["ms"]],
        "claims_shown": first_ex,
        "sequence": [describe_step(s) for s in steps],
    }


def time_import(runs: int) -> dict[str, Any]:
    """``import explainer`` in fresh interpreters: the import alone, and the whole process."""
    code = "import time; t = time.perf_counter(); import explainer; print(time.perf_counter() - t)"
    inner, outer = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
        )
        outer.append(time.perf_counter() - t0)
        inner.append(float(out.stdout.strip().splitlines()[-1]))
    return {
        "import_explainer_s": round(statistics.median(inner), 3),
        "python_c_import_explainer_s": round(statistics.median(outer), 3),
        "runs": runs,
    }


def time_load(folder: Path | None, runs: int) -> float:
    """Median seconds of ``load_dataset(folder)``, each with the date parser's cache emptied."""
    from explainer import dates, load_dataset

    times = []
    for _ in range(runs):
        dates.parse_date.cache_clear()
        gc.collect()
        t0 = time.perf_counter()
        load_dataset(folder)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


_NOTEBOOK_RSS = r"""
import json, sys, nbformat
from nbclient import NotebookClient
path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
kernel = nb.metadata.get("kernelspec", {}).get("name", "python3")
folder = str(__import__("pathlib").Path(path).parent)
client = NotebookClient(nb, timeout=600, kernel_name=kernel,
                        resources={"metadata": {"path": folder}})
with client.setup_kernel():
    for index, cell in enumerate(nb.cells):
        client.execute_cell(cell, index)
    pid = client.km.provisioner.pid
    try:
        import psutil
        rss = psutil.Process(pid).memory_info().rss
    except ImportError:
        lines = open(f"/proc/{pid}/status").read().splitlines()
        rss = next(int(l.split()[1]) * 1024 for l in lines if l.startswith("VmRSS:"))
    # RSS = the kernel's own memory (anonymous) + the pages of files it maps (shared libraries),
    # which are shared by every kernel and vary with the page cache: up to 9 MB more when the
    # libraries were just written by pip (large page-cache folios, each mapped whole).
    split = {}
    with open(f"/proc/{pid}/status") as status:
        for l in status:
            if l.startswith(("RssAnon:", "RssFile:")):
                mb = round(int(l.split()[1]) * 1024 / 1e6, 1)
                split["kernel_rss_" + l[3:7].lower() + "_mb"] = mb
print(json.dumps({"kernel_rss_mb": round(rss / 1e6, 1), **split, "kernel": kernel}))
"""


def notebook_rss(path: Path) -> dict[str, Any]:
    """RSS of a kernel that has run the notebook (executed with nbclient in a subprocess)."""
    if not path.exists():
        return {"kernel_rss_mb": None, "note": f"{path.relative_to(ROOT)} is not there"}
    t0 = time.perf_counter()
    # The kernel that Binder and `make voila` start (share/jupyter/kernels/python3: no debugger,
    # freed message buffers returned), not the default one.
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(ROOT / "share" / "jupyter"), env.get("JUPYTER_PATH", "")) if p
    )
    out = subprocess.run(
        [sys.executable, "-c", _NOTEBOOK_RSS, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
        env=env,
    )
    if out.returncode:
        tail = (out.stderr or out.stdout).strip().splitlines()[-3:]
        return {"kernel_rss_mb": None, "note": "the notebook failed: " + " | ".join(tail)}
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["notebook"] = str(path.relative_to(ROOT))
    result["run_s"] = round(time.perf_counter() - t0, 1)
    return result


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    packages = {}
    for name in (
        "plotly", "ipywidgets", "anywidget", "ipykernel", "jupyter_client", "comm", "pandas",
        "numpy", "pandera", "edtf",
    ):  # fmt: skip
        with contextlib.suppress(metadata.PackageNotFoundError):
            packages[name] = metadata.version(name)
    mem = None
    with contextlib.suppress(OSError):
        mem = int(Path("/proc/meminfo").read_text().split()[1]) * 1024 / 1e9
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_gb": None if mem is None else round(mem, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": packages,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


# --------------------------------------------------------------------------------------------------
# Report


def goals(results: list[dict[str, Any]], load: dict[str, Any], memory: dict[str, Any]) -> dict:
    by = {r["size"]: r for r in results}
    out: dict[str, Any] = {}
    if "bundled" in by:
        r = by["bundled"]
        out["bundled_p95_le_10ms"] = r["explorer_p95_ms"] <= 10
        out["bundled_speedup_ge_10x"] = (r["speedup_p50"] or 0) >= 10
        out["documented_bundled_p95_le_10ms"] = r["documented_p95_ms"] <= 10
    if "100000" in by:
        r = by["100000"]
        out["archive_p95_le_100ms"] = r["explorer_p95_ms"] <= 100
        out["archive_speedup_ge_5x"] = (r["speedup_p50"] or 0) >= 5
        out["documented_archive_p95_le_100ms"] = r["documented_p95_ms"] <= 100
        out["archive_bytes_le_fifth"] = (
            r["payload_bytes_explainer"] <= r["payload_bytes_baseline"] / 5
        )
    if load.get("load_100000_s") is not None:
        out["load_100000_lt_2s"] = load["load_100000_s"] < 2
    if memory.get("kernel_rss_mb") is not None:
        out["kernel_rss_le_150mb"] = memory["kernel_rss_mb"] <= 150  # issue 12
    return out


def print_table(report: dict[str, Any]) -> None:
    head = (
        f"{'claims':>8} {'explorer p50':>12} {'p95':>8} {'baseline p50':>13} {'p95':>9} "
        f"{'speedup':>8} {'bytes/change explorer':>22} {'baseline':>10}"
    )
    print(head)
    print("-" * len(head))
    for r in report["results"]:
        print(
            f"{r['n']:>8,} {r['explorer_p50_ms']:>9.1f} ms {r['explorer_p95_ms']:>5.1f} ms "
            f"{r['baseline_p50_ms']:>10.1f} ms {r['baseline_p95_ms']:>6.0f} ms "
            f"{r['speedup_p50']:>7.1f}x {r['payload_bytes_explainer']:>22,} "
            f"{r['payload_bytes_baseline']:>10,}"
        )
        print(
            f"{'':>8} documented route (plotly_update, {r['documented_warm_up_changes']} changes "
            f"warm-up): p50 {r['documented_p50_ms']:.1f} ms, p95 {r['documented_p95_ms']:.1f} ms, "
            f"{r['payload_bytes_documented']:,} bytes/change; "
            f"{r['documented_updates_without_axis_type']} of {r['documented_updates']} trace "
            "updates sent without the date axis's type"
        )
        if r["shown_mismatches"]:
            print(f"         ! the apps showed different claims: {r['shown_mismatches'][:3]}")
    load, imp, mem = report["load"], report["import"], report["memory"]
    print()
    for key, value in load.items():
        print(f"{key:<34} {value}")
    for key, value in imp.items():
        print(f"{key:<34} {value}")
    print(
        f"{'kernel RSS after 02_explore (MB)':<34} {mem.get('kernel_rss_mb')} {mem.get('note', '')}"
    )
    if mem.get("kernel_rss_anon_mb") is not None:
        print(
            f"{'  its own / mapped files (MB)':<34} {mem['kernel_rss_anon_mb']} / "
            f"{mem['kernel_rss_file_mb']} (the files' share varies with the page cache)"
        )
    m = report["machine"]
    print(
        f"\nmachine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, Python {m['python']}, "
        f"load average {m['load_average_at_start']} -> {m.get('load_average_at_end')}"
    )
    print(
        "goals:", ", ".join(f"{k}={'met' if v else 'MISSED'}" for k, v in report["goals"].items())
    )


# --------------------------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[Any]:
    return [s if s == "bundled" else int(s.replace("_", "").replace(",", "")) for s in text.split()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="write every figure to this JSON file")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (CI)")
    parser.add_argument(
        "--sizes",
        default=" ".join(map(str, SIZES)),
        help="space-separated sizes: 'bundled' and/or numbers of claims (default: %(default)s)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic datasets")
    parser.add_argument("--no-notebook", action="store_true", help="skip the kernel RSS figure")
    parser.add_argument(
        "--import-runs", type=int, help="fresh interpreters timing the import (quick 3, full 7)"
    )
    args = parser.parse_args(argv)

    sizes = parse_sizes(args.sizes)
    repeat = 1 if args.quick else 3
    started = time.perf_counter()
    report: dict[str, Any] = {
        "mode": "quick" if args.quick else "full",
        "machine": machine(),
        "results": [],
    }
    report["import"] = time_import(args.import_runs or (3 if args.quick else 7))
    report["memory"] = (
        {"kernel_rss_mb": None, "note": "skipped (--no-notebook)"}
        if args.no_notebook
        else notebook_rss(ROOT / "notebooks" / "02_explore.ipynb")
    )

    from explainer import load_dataset
    from explainer.dataset import DATA_DIR
    from explainer.synthetic import write_synthetic

    kernel = Kernel()
    load: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="explainer-bench-") as tmp:
        for size in sizes:
            if size == "bundled":
                if not (DATA_DIR / "claims.csv").exists():
                    print("the bundled dataset is not there; skipped")
                    continue
                load["load_bundled_s"] = round(time_load(None, 3 if args.quick else 7), 4)
                data = load_dataset()
            else:
                folder = Path(tmp) / f"n{size}"
                t0 = time.perf_counter()
                write_synthetic(folder, size, seed=args.seed)
                load[f"write_synthetic_{size}_s"] = round(time.perf_counter() - t0, 2)
                from explainer import dates

                dates.parse_date.cache_clear()
                t0 = time.perf_counter()
                data = load_dataset(folder)  # timed once, with the parser's cache empty
                load[f"load_{size}_s"] = round(time.perf_counter() - t0, 3)
            n = len(data.claims)
            # A baseline change costs seconds at archive scale: quick mode gives it the first
            # changes only, and the full run repeats the small sizes only.
            first = N_CHANGES if not args.quick or n <= 2_000 else 20 if n <= 20_000 else 8
            times = repeat if n <= 20_000 else 1
            t0 = time.perf_counter()
            result = bench_size(kernel, size, data, times, first)
            result["bench_s"] = round(time.perf_counter() - t0, 1)
            report["results"].append(result)
            print(
                f"  {size}: {n:,} claims measured in {result['bench_s']} s "
                f"(explorer p95 {result['explorer_p95_ms']} ms, "
                f"baseline p50 {result['baseline_p50_ms']} ms)",
                flush=True,
            )
            del data
            gc.collect()
    report["load"] = load
    report["goals"] = goals(report["results"], load, report["memory"])
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    report["total_s"] = round(time.perf_counter() - started, 1)
    print()
    print_table(report)
    print(f"\n{report['mode']} run in {report['total_s']} s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
