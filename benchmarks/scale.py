"""Archive scale (issue 14): what a user waits for before interacting, as ratios and sizes.

Each figure of the issue's table, measured in fresh interpreters (so that one figure's memory or
caches do not flatter the next), on synthetic datasets from ``explainer.synthetic``:

- ``load_dataset`` of N claims, as a ratio to a plain ``pandas.read_csv`` of the same three files
  taken in the same run (goal at 100,000: at most 4x);
- ``validate`` of N rows: seconds and peak RSS (goal at 200,000: at most 5 s and 400 MB);
- a 1 GB ``claims.csv``: refused before it is read, with the limit stated, no traceback;
- drafting one paragraph of 200 KB (and 2 MB with ``--full``): seconds (goals 2 s and 30 s);
- ``import explainer`` against ``import pandas`` (goal: at most 0.2 s more).
- the Explorer at archive scale (``--explorer N``; 1,000,000 with ``--full``): load, build, and
  ``interaction.py``'s 50 control changes replayed through its kernel object, p50/p95 and memory
  (goal at 1,000,000: p95 at most 100 ms, or the limit said plainly).

Timings are printed with the load average and the machine: on a shared machine they vary 2-3x.

    python benchmarks/scale.py                      # 10,000 / 100,000 / 200,000 claims
    python benchmarks/scale.py --full               # and 1,000,000 claims (the Explorer too), 2 MB
    python benchmarks/scale.py --sizes 100000 --explorer 100000   # one size, with the Explorer
    python benchmarks/scale.py --json artifacts/scale.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("actors", "sources", "claims")


# --------------------------------------------------------------------------------------------------
# What runs in a child interpreter: one measurement, printed as JSON on the last line


def _peak_mb() -> float:
    """This process's peak RSS in MB. VmHWM, not ru_maxrss: ru_maxrss carries over through
    fork and exec, so a child would report the benchmark's own size when that is larger."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def child_load(folder: str) -> dict:
    import pandas as pd

    import explainer

    # CPU seconds beside wall seconds: on a shared machine the wall ratio swings with the other
    # processes (the two reads run at different moments); the CPU ratio much less.
    start, cpu = time.perf_counter(), time.process_time()
    for name in TABLES:
        pd.read_csv(Path(folder) / f"{name}.csv")
    plain, plain_cpu = time.perf_counter() - start, time.process_time() - cpu
    before = _peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    ds = explainer.load_dataset(folder, progress=False)
    took, took_cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "plain_read_csv_s": plain,
        "load_s": took,
        "plain_read_csv_cpu_s": plain_cpu,
        "load_cpu_s": took_cpu,
        "claims": len(ds.claims),
        "rss_before_mb": before,
        "peak_rss_mb": _peak_mb(),
    }


def child_validate(folder: str) -> dict:
    import explainer

    before = _peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    problems = explainer.validate(folder, progress=False)
    took, took_cpu = time.perf_counter() - start, time.process_time() - cpu
    errors = sum(p.severity == "error" for p in problems)
    return {
        "validate_s": took,
        "validate_cpu_s": took_cpu,  # on a shared machine, what the work itself took
        "errors": errors,
        "rss_before_mb": before,
        "peak_rss_mb": _peak_mb(),
    }


def child_draft(kb: str) -> dict:
    from explainer.dataset import DATA_DIR
    from explainer.draft import draft_text
    from explainer.draft.extract import load_nlp, read_article, split_paragraphs

    article = " ".join(
        split_paragraphs(read_article(DATA_DIR / "sources" / "numerama-2024-10.txt"))
    )
    size = int(kb) * 1024
    paragraph = (article * (size // len(article) + 1))[:size]
    load_nlp("fr")
    start = time.perf_counter()
    result = draft_text(paragraph, lang="fr", date="2024-10")
    return {
        "draft_s": time.perf_counter() - start,
        "claims": len(result.claims),
        "peak_rss_mb": _peak_mb(),
    }


def _rss_now_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child_explorer(folder: str) -> dict:
    """The Explorer at archive scale: load, build, then the 50 control changes of
    ``interaction.py``, replayed through the same kernel object and measured the same way."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from interaction import ExplorerApp, Kernel, make_sequence, percentile, replay
    from ipywidgets.widgets.widget import _instances

    import explainer

    start = time.perf_counter()
    ds = explainer.load_dataset(folder, progress=False)
    load_s = time.perf_counter() - start
    loaded_mb = _rss_now_mb()
    kernel = Kernel()
    before = set(_instances)
    start = time.perf_counter()
    app = ExplorerApp(ds)
    build_s = time.perf_counter() - start
    kernel.show([_instances[k] for k in set(_instances) - before])
    built_mb = _rss_now_mb()
    steps = make_sequence(ds)
    run = replay(kernel, app, steps)
    return {
        "claims": len(ds.claims),
        "load_s": load_s,
        "rss_loaded_mb": loaded_mb,
        "build_s": build_s,
        "rss_built_mb": built_mb,
        "changes": len(run["ms"]),
        "p50_ms": percentile(run["ms"], 50),
        "p95_ms": percentile(run["ms"], 95),
        "max_ms": max(run["ms"]),
        "cpu_p95_ms": percentile(run["cpu_ms"], 95),
        "bytes_per_change": statistics.mean(run["bytes"]),
        "per_change_ms": [round(v, 1) for v in run["ms"]],
        "shown": run["shown"],
        "peak_rss_mb": _peak_mb(),
    }


CHILDREN = {
    "load": child_load,
    "validate": child_validate,
    "draft": child_draft,
    "explorer": child_explorer,
}


def run_child(kind: str, argument: str, timeout: float = 3600) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "EXPLAINER_PROGRESS": "0"}
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, argument],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"{kind} {argument} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------------
# The parent: datasets, figures, the table


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import pandas

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9, 1),
        "python": platform.python_version(),
        "pandas": pandas.__version__,
        "system": platform.system(),
    }


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def median_import(module: str, runs: int = 3) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times)


def huge_file(work: Path, size: int = 1 << 30) -> dict:
    """A 1 GB claims.csv (sparse on disk): validate refuses it before reading, with the limit."""
    from explainer.synthetic import write_synthetic

    folder = write_synthetic(work / "huge", 100)
    with (folder / "claims.csv").open("r+b") as f:
        f.truncate(size)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = (
        "import sys\n"
        "from explainer.__main__ import main\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from scale import _peak_mb\n"
        "code = main(['validate', sys.argv[1]])\n"
        "print('peak', _peak_mb(), file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(folder), str(Path(__file__).resolve().parent)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    peak = float(out.stderr.rsplit("peak", 1)[1].split()[0])
    message = next((line for line in out.stdout.splitlines() if "claims.csv" in line), "")
    return {
        "file_bytes": size,
        "exit": out.returncode,
        "peak_rss_mb": peak,
        "traceback": "Traceback" in out.stdout + out.stderr,
        "message": message,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--full", action="store_true", help="add 1,000,000 claims and 2 MB")
    parser.add_argument("--sizes", type=int, nargs="*", help="claims (default 10k 100k 200k)")
    parser.add_argument("--draft-kb", type=int, nargs="*", help="paragraphs (default 200 KB)")
    parser.add_argument(
        "--explorer",
        type=int,
        nargs="*",
        help="claims at which to open the Explorer and time 50 changes (default with --full: 1M)",
    )
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(CHILDREN[args.child[0]](args.child[1])))
        return 0

    from explainer.synthetic import write_synthetic

    sizes = args.sizes or [10_000, 100_000, 200_000] + ([1_000_000] if args.full else [])
    explorer_sizes = set(args.explorer if args.explorer is not None else [])
    if args.explorer is None and args.full:
        explorer_sizes = {1_000_000}
    sizes += sorted(explorer_sizes - set(sizes))
    report: dict = {
        "machine": machine(),
        "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "load_average_start": load_average(),
        "sizes": {},
    }
    m = report["machine"]
    print(
        f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, Python {m['python']}, "
        f"pandas {m['pandas']}; load average {report['load_average_start']}"
    )

    pandas_s, explainer_s = median_import("pandas"), median_import("explainer")
    report["import"] = {
        "pandas_s": pandas_s,
        "explainer_s": explainer_s,
        "over_pandas_s": explainer_s - pandas_s,
        "load_average": load_average(),
    }
    print(
        f"import explainer {explainer_s:.2f} s, import pandas {pandas_s:.2f} s: "
        f"+{explainer_s - pandas_s:.2f} s (goal <= +0.2 s)  [load {load_average()}]"
    )

    with tempfile.TemporaryDirectory(prefix="explainer-scale-") as tmp:
        work = Path(tmp)
        for n in sizes:
            folder = write_synthetic(work / f"s{n}", n)
            size = sum((folder / f"{t}.csv").stat().st_size for t in TABLES)
            load = run_child("load", str(folder))
            check = run_child("validate", str(folder))
            ratio = load["load_s"] / load["plain_read_csv_s"]
            cpu_ratio = load["load_cpu_s"] / load["plain_read_csv_cpu_s"]
            row = {
                "csv_bytes": size,
                **{f"load_{k}": v for k, v in load.items()},
                "load_ratio": ratio,
                "load_cpu_ratio": cpu_ratio,
                **{f"validate_{k}": v for k, v in check.items()},
                "load_average": load_average(),
            }
            report["sizes"][n] = row
            print(
                f"{n:>9,} claims ({size / 1e6:.0f} MB CSV): load_dataset {load['load_s']:.2f} s = "
                f"{ratio:.1f}x plain read_csv ({load['plain_read_csv_s']:.2f} s; CPU time "
                f"{cpu_ratio:.1f}x), peak "
                f"{load['peak_rss_mb']:.0f} MB; validate {check['validate_s']:.2f} s (CPU "
                f"{check['validate_cpu_s']:.2f} s), peak "
                f"{check['peak_rss_mb']:.0f} MB  [load {row['load_average']}]"
            )

            if n in explorer_sizes:
                report.setdefault("explorer", {})[n] = seen = run_child("explorer", str(folder))
                seen["load_average"] = load_average()
                print(
                    f"{n:>9,} claims, the Explorer: load {seen['load_s']:.1f} s "
                    f"({seen['rss_loaded_mb']:.0f} MB), built in {seen['build_s']:.1f} s "
                    f"({seen['rss_built_mb']:.0f} MB); {seen['changes']} changes p50 "
                    f"{seen['p50_ms']:.0f} ms, p95 {seen['p95_ms']:.0f} ms (goal <= 100 ms), "
                    f"{seen['bytes_per_change'] / 1e3:.0f} kB a change; peak "
                    f"{seen['peak_rss_mb']:.0f} MB  [load {seen['load_average']}]"
                )
            shutil.rmtree(folder)
        report["huge_file"] = huge = huge_file(work)
        print(
            f"1 GB claims.csv: exit {huge['exit']}, peak {huge['peak_rss_mb']:.0f} MB "
            f"({huge['peak_rss_mb'] * 2**20 / huge['file_bytes']:.2f}x the file), traceback "
            f"{huge['traceback']}: {huge['message']}"
        )

    report["draft"] = {}
    for kb in args.draft_kb or [200] + ([2048] if args.full else []):
        drafted = run_child("draft", str(kb))
        drafted["load_average"] = load_average()
        report["draft"][f"{kb}KB"] = drafted
        print(
            f"draft one {kb} KB paragraph: {drafted['draft_s']:.1f} s, {drafted['claims']} "
            f"claims, peak {drafted['peak_rss_mb']:.0f} MB  [load {drafted['load_average']}]"
        )

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
