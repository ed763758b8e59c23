"""Under Voila, FigureWidgets load plotly's module from the served copy; elsewhere, inline.

The browser side (the page fetches the copy, the websocket no longer carries 5 MB, the figures
draw) is checked by tests/browser/test_voila_loading.py.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.widgets import plotly_module

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "share" / "jupyter" / "voila" / "templates" / "explainer" / "index.html.j2"


def _tool():
    path = ROOT / "tools" / "install_plotly_module.py"
    spec = importlib.util.spec_from_file_location("install_plotly_module", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kernel_esm(env: dict[str, str]) -> str:
    """The ``_esm`` a new kernel's FigureWidget would send, ``env`` added to its environment."""
    code = (
        "import explainer.widgets, plotly.graph_objects as go; "
        "print(len(go.FigureWidget()._esm)); print(go.FigureWidget()._esm[:300])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**_base_env(), **env},
    )
    return out.stdout


def _base_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k not in {"SERVER_SOFTWARE", "JUPYTER_PATH"}}


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A Jupyter data folder holding the installed copy."""
    copy = _tool().install(tmp_path)
    assert copy == tmp_path / "voila/templates/explainer/static/plotly-widget.js"
    assert copy.read_bytes() == plotly_module.plotly_bundle().read_bytes()
    return tmp_path


def test_under_voila_with_the_copy_the_widgets_send_the_small_module(data_dir):
    out = kernel_esm(
        {
            "SERVER_SOFTWARE": "voila/0.5.13",
            "VOILA_BASE_URL": "/user/x/",
            "JUPYTER_PATH": str(data_dir),
        }
    )
    size, _, esm = out.partition("\n")
    assert int(size) < 500, out
    assert '"/user/x/voila/templates/explainer/static/plotly-widget.js"' in esm
    assert "await import(url)" in esm and "export default module.default" in esm


def test_jupyterlab_and_plain_python_keep_the_inline_bundle(data_dir):
    # No SERVER_SOFTWARE: JupyterLab's kernels, nbval, a script.
    size = int(kernel_esm({"JUPYTER_PATH": str(data_dir)}).partition("\n")[0])
    assert size > 4_000_000


def test_without_an_equal_copy_voila_keeps_the_inline_bundle(data_dir, tmp_path, monkeypatch):
    import jupyter_core.paths
    import plotly.basewidget

    # Only this test's folders on Jupyter's data path (a real one may hold an installed copy).
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")
    monkeypatch.delenv("VOILA_BASE_URL", raising=False)
    widget = plotly.basewidget.BaseFigureWidget
    monkeypatch.setattr(widget, "_esm", widget.__dict__["_esm"])  # restored after the test
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setattr(jupyter_core.paths, "jupyter_path", lambda *parts: [str(empty)])
    assert plotly_module.installed_copy() is None
    assert plotly_module.serve_from_voila() is False
    # A copy from another plotly version: its contents differ, and the first copy found counts.
    copy = data_dir / plotly_module.STATIC_PATH / plotly_module.MODULE_NAME
    good = tmp_path / "good"
    _tool().install(good)
    copy.write_bytes(copy.read_bytes()[:-10] + b"/* old */\n")
    monkeypatch.setattr(jupyter_core.paths, "jupyter_path", lambda *p: [str(data_dir), str(good)])
    assert plotly_module.installed_copy() is None
    assert plotly_module.serve_from_voila() is False
    assert len(str(widget._esm)) > 4_000_000
    monkeypatch.setattr(jupyter_core.paths, "jupyter_path", lambda *p: [str(good), str(data_dir)])
    assert plotly_module.installed_copy() == good / plotly_module.STATIC_PATH / "plotly-widget.js"
    assert plotly_module.serve_from_voila() is True
    assert widget._esm == plotly_module.stub("/")


def test_the_template_imports_the_url_the_kernel_names():
    # Same path, made absolute the same way, so the browser evaluates the module only once.
    template = TEMPLATE.read_text(encoding="utf-8")
    assert '"/voila/templates/explainer/static/plotly-widget.js"' in template
    assert re.search(r"new URL\(\s*\{\{.*\}\},\s*window\.location\.href\s*\)\.href", template, re.S)
    stub = plotly_module.stub("/")
    assert json.dumps("/" + plotly_module.STATIC_PATH + plotly_module.MODULE_NAME) in stub
    assert "new URL(" in stub and "window.location.href).href" in stub


def test_the_install_tool_says_what_went_wrong(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert _tool().main(["--dest", str(blocker)]) == 1
    assert "could not copy plotly's widget bundle" in capsys.readouterr().err
