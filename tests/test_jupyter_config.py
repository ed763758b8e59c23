"""jupyter-config/: the idle-kernel culling that lets one Binder instance survive a class.

The browser test (tests/browser/test_culling.py) shows the files are read and work, with the
timeouts shortened; here, the committed values themselves.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "jupyter-config"


def culling(name: str) -> dict:
    return json.loads((CONFIG / name).read_text(encoding="utf-8"))["MappingKernelManager"]


def test_server_and_standalone_voila_cull_alike():
    assert culling("jupyter_server_config.json") == culling("voila.json")


def test_timeouts_fit_a_lesson():
    c = culling("jupyter_server_config.json")
    # A closed tab's kernel (about 200 MB) is freed within minutes, not hours...
    assert 120 <= c["cull_idle_timeout"] <= 900
    assert 10 <= c["cull_interval"] <= c["cull_idle_timeout"] / 2
    # ...and a student's open tab, or a running cell, is never shut down however long the talk.
    assert c["cull_connected"] is False
    assert c["cull_busy"] is False


def test_binder_and_make_put_the_folder_where_jupyter_reads_it():
    post_build = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert re.search(r"cp jupyter-config/\*\.json .*jupyter --config-dir", post_build)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("lab", "voila"):
        recipe = makefile.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
        assert "JUPYTER_CONFIG_PATH=$(CURDIR)/jupyter-config" in recipe, target
        # The template that voila.json names and the light kernel (share/jupyter/) are found too.
        assert "JUPYTER_PATH=$(CURDIR)/share/jupyter" in recipe, target
    assert re.search(r"cp -r share/jupyter/\. .*jupyter --data-dir", post_build)


def test_the_template_voila_is_told_to_use_is_there():
    config = json.loads((CONFIG / "voila.json").read_text(encoding="utf-8"))
    name = config["VoilaConfiguration"]["template"]
    folder = ROOT / "share" / "jupyter" / "voila" / "templates" / name
    assert json.loads((folder / "conf.json").read_text(encoding="utf-8"))["base_template"] == "lab"
    assert "explainer-loading" in (folder / "index.html.j2").read_text(encoding="utf-8")


def test_no_preheated_kernels_beside_culling():
    # A preheated kernel leaves Voila's pool idle and unconnected: the culler can shut it down in
    # the seconds before its page connects (jupyter-config/README.md). One or the other, not both.
    config = json.loads((CONFIG / "voila.json").read_text(encoding="utf-8"))
    assert not config["VoilaConfiguration"].get("preheat_kernel", False)


def test_the_server_compresses_what_it_sends():
    # plotly's widget module (5 MB) is fetched by each student's first page (jupyter-config/)
    config = json.loads((CONFIG / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert config["ServerApp"]["tornado_settings"]["compress_response"] is True
