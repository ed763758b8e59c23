"""The one-file offline page, without a browser: self-contained, escaped, bilingual, and its filter.

The browser tests (tests/browser/test_offline_page.py) open the page with the network cut off; these
check the file itself and the command line.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

import explainer as ex
from explainer.__main__ import main
from explainer.export import _plain, element_owners, filter_by_owners, render_html
from explainer.figures.timeline import TimelineModel
from explainer.i18n import t
from tests.conftest import ACTORS, CLAIMS, HOSTILE_QUOTE, HOSTILE_SUMMARY, SOURCES, write_dataset

ROOT = Path(__file__).resolve().parent.parent


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    tags.close()
    return tags


@pytest.fixture(scope="module")
def small_page(tmp_path_factory):
    folder = write_dataset(tmp_path_factory.mktemp("export") / "small")
    return render_html(folder)


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    actors = [*ACTORS, ("evil", "<i>Evil</i> & Co", "<i>Evil</i> & Cie", "", "", "organisation")]
    sources = [
        *SOURCES,
        ("evil-src", "<b>Outlet</b>", "</script><script>alert(2)</script>",
         "https://example.org/?a=1&b=\"2\"", "2024", "en", "<!-- note -->"),
    ]  # fmt: skip
    claims = [
        *CLAIMS,
        ("c-hostile", "2023-05-02", "2023-05-02", "evil", "musk", "", "influence", "reported",
         HOSTILE_SUMMARY, HOSTILE_SUMMARY + " </script><!--", HOSTILE_QUOTE, "evil-src", 3, "",
         "article"),
    ]  # fmt: skip
    folder = write_dataset(
        tmp_path_factory.mktemp("export") / "hostile", actors=actors, sources=sources, claims=claims
    )
    return render_html(folder)


# ---------------------------------------------------------------------------------- self-contained
def test_page_loads_nothing_from_the_network(small_page):
    tags = parse(small_page)
    names = {name for name, _ in tags.tags}
    # No element that could fetch anything: stylesheets, images, frames, objects, a base URL.
    assert not names & {"link", "img", "iframe", "object", "embed", "base", "video", "audio"}
    for name, attrs in tags.tags:
        assert "src" not in attrs, f"<{name}> loads {attrs['src']}"
        href = attrs.get("href")
        if href is None or href.startswith("#"):
            continue
        # The only links that leave the page: the sources, http(s), opened without referrer.
        assert name == "a" and re.match(r"https?://", href), href
        assert attrs.get("rel") == "noopener noreferrer", attrs
    # Three inline scripts: plotly.js, the page's data (JSON), the page's own script.
    assert len(tags.scripts) == 3
    assert "cdn.plot.ly" not in tags.scripts[2]
    assert len(tags.scripts[0]) > 1_000_000  # plotly.js itself, not a loader
    from plotly.offline import get_plotlyjs

    assert tags.scripts[0].strip()[:200] == get_plotlyjs().strip()[:200]


def test_content_security_policy_forbids_network_loads(small_page):
    csp = [
        a["content"]
        for n, a in parse(small_page).tags
        if n == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    assert len(csp) == 1
    rules = dict(part.strip().split(" ", 1) for part in csp[0].split(";") if part.strip())
    assert rules["default-src"] == "'none'"
    assert "http" not in csp[0] and "*" not in csp[0]
    assert "connect-src" not in rules  # falls back to 'none': no fetch, no XHR, no websocket


def test_page_is_deterministic(tmp_path):
    folder = write_dataset(tmp_path / "d")
    assert render_html(folder) == render_html(folder)


def test_page_lists_every_claim_and_source(small_page):
    tags = parse(small_page)
    rows = [a["data-claim"] for n, a in tags.tags if n == "tr" and "data-claim" in a]
    assert sorted(rows) == sorted(c[0] for c in CLAIMS)
    ids = {a.get("id") for _, a in tags.tags}
    assert {f"source-{s[0]}" for s in SOURCES} <= ids
    # A source with a web address is a link; one without is plain text.
    assert 'href="https://www.numerama.com/a.html" rel="noopener noreferrer"' in small_page
    assert "Dated public events" in small_page


# ---------------------------------------------------------------------------------------- escaping
def test_hostile_text_is_shown_as_text(hostile_page):
    tags = parse(hostile_page)
    names = [n for n, _ in tags.tags]
    # The markup in the data made no element of its own (the cards set source titles in <i>:
    # the hostile name must not be one of them).
    assert "img" not in names
    assert "<i>Evil" not in hostile_page
    assert names.count("script") == 3
    assert "<script>alert" not in hostile_page
    assert HOSTILE_QUOTE not in hostile_page
    assert "<i>Evil</i>" not in hostile_page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in (
        hostile_page
    )
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in hostile_page
    # An address with & and " stays one attribute value.
    assert 'href="https://example.org/?a=1&amp;b=&quot;2&quot;"' in hostile_page


def test_script_data_cannot_close_its_element(hostile_page):
    tags = parse(hostile_page)
    data_json = tags.scripts[1]
    assert "</" not in data_json and "<!--" not in data_json and "<" not in data_json
    page = json.loads(data_json)
    # The text arrives in the browser as the figure made it (hover text is escaped by the figure,
    # for plotly's HTML labels): the \u003c escapes change nothing once parsed.
    assert [c["id"] for c in page["claims"]].count("c-hostile") == 1
    hover = json.dumps(page["figures"]["fr"]["timeline"]["data"], ensure_ascii=False)
    assert html.escape(HOSTILE_SUMMARY + " </script><!--") in hover


# --------------------------------------------------------------------------------------- languages
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_both_languages_are_in_the_page(small_page, lang):
    for key in ("export.timeline", "export.legend", "export.sources", "status_long.reported"):
        assert t(key, lang) in small_page.replace("&#x27;", "'")
    # Data text in both languages: the summaries of the same claim.
    assert "Musk denies any link." in small_page and "Musk dément tout lien." in small_page


def test_lang_sets_the_opening_language(tmp_path):
    folder = write_dataset(tmp_path / "d")
    assert '<html lang="fr" data-lang="fr">' in render_html(folder, lang="fr")
    assert '<html lang="en" data-lang="en">' in render_html(folder, lang="en")
    with pytest.raises(ValueError, match="lang"):
        render_html(folder, lang="de")


def test_statuses_are_explained_in_words(small_page):
    text = small_page.replace("&#x27;", "'")
    for status in ex.STATUS_ORDER:
        assert t(f"status_long.{status}", "en") in text
    # Each claim's row says its status in words, with the sentence that explains it.
    row = small_page.split('data-claim="c-contact"')[1].split("</tr>")[0]
    assert t("status_long.reported", "en") in row.replace("&#x27;", "'")


# ------------------------------------------------------------------------------ the page's filter
def _check_owners(data, masks):
    model = TimelineModel(data)
    full = model.trace_data()
    owners = element_owners(model.trace_data, model.n)
    for name, mask in masks:
        for uid, props in model.trace_data(mask).items():
            got = filter_by_owners(full[uid], owners[uid], mask)
            assert got == {k: _plain(v) for k, v in props.items()}, f"{name}: trace {uid} differs"


def _page_masks(data):
    """The masks the page's controls can make: one actor, one status, all, none."""
    claims = data.claims
    masks = [("all", np.ones(len(claims), bool)), ("none", np.zeros(len(claims), bool))]
    for actor in data.actors.index:
        masks.append((actor, ex.filtering.claim_mask(claims, actors=[actor])))
    for status in ex.STATUS_ORDER:
        masks.append((status, ex.filtering.claim_mask(claims, statuses=[status])))
    rng = np.random.default_rng(5)
    masks += [(f"random {k}", rng.random(len(claims)) < 0.5) for k in range(10)]
    return masks


def test_page_filter_draws_what_the_figure_draws(small_data):
    """Keeping the marks whose claims are all kept gives the figure's own arrays for that mask."""
    _check_owners(small_data, _page_masks(small_data))


def test_page_filter_on_the_bundled_data(bundled_data):
    _check_owners(bundled_data, _page_masks(bundled_data))


def test_denial_arrow_needs_both_claims(small_data):
    model = TimelineModel(small_data)
    owners = element_owners(model.trace_data, model.n)
    denial, answered = model.index_of["c-denial"], model.index_of["c-contact"]
    assert owners["timeline-denials"] and all(
        sorted(who) == sorted([denial, answered]) for who in owners["timeline-denials"]
    )


def test_page_filter_data_matches_filter_claims(small_data, small_page):
    """The page's per-claim records give the same claims as filter_claims for each actor."""
    page = json.loads(parse(small_page).scripts[1])
    for actor in small_data.actors.index:
        in_page = {c["id"] for c in page["claims"] if actor in c["actors"]}
        assert in_page == set(ex.filter_claims(small_data.claims, actors=[actor])["id"]), actor


# ------------------------------------------------------------------------------- the command line
def test_cli_writes_the_page(tmp_path, capsys):
    folder = write_dataset(tmp_path / "d")
    out = tmp_path / "claims.html"
    assert main(["export", str(folder), "--out", str(out), "--lang", "fr"]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert str(out) in capsys.readouterr().out
    assert not list(tmp_path.glob("*.tmp"))


def test_cli_refuses_to_overwrite_without_force(tmp_path, capsys):
    folder = write_dataset(tmp_path / "d")
    out = tmp_path / "claims.html"
    out.write_text("a teacher's own file", encoding="utf-8")
    assert main(["export", str(folder), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err
    assert out.read_text(encoding="utf-8") == "a teacher's own file"
    assert main(["export", str(folder), "--out", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_invalid_dataset_prints_the_problems(tmp_path, capsys):
    bad = [(*CLAIMS[0][:7], "rumoured", *CLAIMS[0][8:])]  # a status that does not exist
    folder = write_dataset(tmp_path / "bad", claims=bad)
    out = tmp_path / "claims.html"
    assert main(["export", str(folder), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "rumoured" in captured.out and "status" in captured.out
    assert "nothing was written" in captured.err
    assert not out.exists()


@pytest.mark.parametrize("where", ["missing-folder", "parent-is-a-file", "is-a-folder"])
def test_cli_unwritable_path(tmp_path, capsys, where):
    folder = write_dataset(tmp_path / "d")
    (tmp_path / "file.txt").write_text("x")
    out = {
        "missing-folder": tmp_path / "no" / "such" / "claims.html",
        "parent-is-a-file": tmp_path / "file.txt" / "claims.html",
        "is-a-folder": tmp_path,
    }[where]
    assert main(["export", str(folder), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Nothing was written" in err and str(out) in err


def test_cli_never_shows_a_traceback(tmp_path):
    """In a fresh process, as a teacher runs it: a clear message, exit code 1."""
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "export", str(tmp_path / "nowhere"), "--out",
         str(tmp_path / "x.html")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "does not exist" in result.stdout + result.stderr


def test_too_many_claims_for_the_page_is_a_clear_refusal(tmp_path, monkeypatch):
    """Past the timeline's DETAIL_LIMIT its marks are groups, which the page cannot filter."""
    from explainer.export import ExportError
    from explainer.figures import timeline

    folder = write_dataset(tmp_path / "d")
    monkeypatch.setattr(timeline, "DETAIL_LIMIT", 5)
    with pytest.raises(ExportError, match=r"13 claims.*up to 5"):
        render_html(folder)


# ------------------------------------------------------------- what --force may and may not replace
def _special(tmp_path: Path, what: str) -> Path:
    """Something at tmp_path/out.html that is not a regular file."""
    import socket

    out = tmp_path / "out.html"
    target = tmp_path / "teacher.html"
    target.write_text("a teacher's own file", encoding="utf-8")
    if what == "symlink":
        out.symlink_to(target)
    elif what == "dangling-symlink":
        out.symlink_to(tmp_path / "nowhere.html")
    elif what == "fifo":
        os.mkfifo(out)
    elif what == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(out))
        sock.close()
    return out


@pytest.mark.parametrize("what", ["symlink", "dangling-symlink", "fifo", "socket"])
@pytest.mark.parametrize("force", [False, True])
def test_force_never_replaces_what_is_not_a_regular_file(tmp_path, capsys, what, force):
    folder = write_dataset(tmp_path / "d")
    out = _special(tmp_path, what)
    before = out.lstat()
    args = ["export", str(folder), "--out", str(out)] + (["--force"] if force else [])
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "Nothing was written" in err and str(out) in err
    assert ("symbolic link" if "symlink" in what else "not a regular file") in err
    after = out.lstat()
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)  # the same thing
    assert (tmp_path / "teacher.html").read_text(encoding="utf-8") == "a teacher's own file"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("leftover", ["folder", "file"])
def test_a_leftover_tmp_of_an_earlier_run_is_not_in_the_way(tmp_path, capsys, leftover):
    folder = write_dataset(tmp_path / "d")
    out = tmp_path / "claims.html"
    tmp = tmp_path / "claims.html.tmp"
    if leftover == "folder":
        (tmp / "inside").mkdir(parents=True)
    else:
        tmp.write_text("half a page", encoding="utf-8")
    assert main(["export", str(folder), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert tmp.exists()  # not ours to remove
    assert "Traceback" not in capsys.readouterr().err


def test_a_failed_write_leaves_the_old_page_and_no_temporary_file(tmp_path, capsys, monkeypatch):
    from explainer import export as export_module

    folder = write_dataset(tmp_path / "d")
    out = tmp_path / "claims.html"
    out.write_text("the old page", encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_module.os, "replace", full)
    assert main(["export", str(folder), "--out", str(out), "--force"]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "the old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.html", "d"]


def test_a_replaced_page_keeps_the_mode_of_the_file(tmp_path):
    folder = write_dataset(tmp_path / "d")
    out = tmp_path / "claims.html"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    assert main(["export", str(folder), "--out", str(out), "--force"]) == 0
    assert out.stat().st_mode & 0o777 == 0o640


# ---------------------------------------------------------------------- a draft is marked as one
def _draft_folder(tmp_path: Path) -> Path:
    rows = [(*c, "") for c in CLAIMS]
    rows[0] = (*CLAIMS[0][:8], "", "", *CLAIMS[0][10:], "suggested by the cue 'aurait'")
    return write_dataset(tmp_path / "draft", claims=rows)


def test_an_unreviewed_draft_is_refused_without_the_flag(tmp_path, capsys):
    folder = _draft_folder(tmp_path)
    out = tmp_path / "claims.html"
    assert main(["export", str(folder), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "draft" in err and "'c-spacex'" in err and "--draft" in err
    assert not out.exists()


def test_a_draft_exported_with_the_flag_says_so_everywhere(tmp_path):
    folder = _draft_folder(tmp_path)
    out = tmp_path / "claims.html"
    assert main(["export", str(folder), "--out", str(out), "--draft"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Draft: 1 claim(s) not reviewed by a person yet." in page
    assert "Brouillon : 1 affirmation(s)" in page
    assert "The summaries are ours" not in page and "This is a DRAFT" in page
    row = page[page.index('id="claim-c-spacex"') :]
    row = row[: row.index("</tr>")]
    assert "Draft, not reviewed" in row and "(no summary yet)" in row
    other = page[page.index('id="claim-c-poll"') :]
    assert "Draft, not reviewed" not in other[: other.index("</tr>")]


def test_a_reviewed_dataset_shows_no_draft_mark(small_page):
    assert "Draft" not in small_page and "The summaries are ours" in small_page


# ------------------------------------------------------- the Explorer's filters, French throughout
def test_page_dates_are_the_numbers_claim_mask_compares(bundled_data):
    """The page compares day numbers that Python worked out: the claims' bounds and the months'
    (to_bound), so that a window of months keeps what filter_claims keeps."""
    from explainer.export import _claim_records, _date_choices, day_number

    claims = bundled_data.claims
    records = {r["id"]: r for r in _claim_records(bundled_data)}
    for row in claims.itertuples(index=False):
        got = records[row.id]
        assert (got["ws"], got["we"], got["pe"]) == tuple(
            day_number(v) for v in (row.when_start, row.when_end, row.public_end)
        )
    months = _date_choices(bundled_data)
    starts, ends = months["start"], months["end"]
    for i, j in [(0, len(ends) - 1), (len(starts) // 2, len(ends) - 1), (5, 5), (-13, -1)]:
        lo, hi = starts[i]["day"], ends[j]["day"]
        in_page = {k for k, r in records.items() if r["we"] >= lo and r["ws"] <= hi}
        expected = ex.filter_claims(claims, start=starts[i]["value"], end=ends[j]["value"])
        assert in_page == set(expected["id"]), (starts[i]["value"], ends[j]["value"])
    for month in months["known"][::7]:
        in_page = {k for k, r in records.items() if r["pe"] <= month["day"]}
        expected = ex.filter_claims(claims, known_on=month["value"])
        assert in_page == set(expected["id"]), month["value"]


def test_page_search_text_is_folded_by_python(bundled_data):
    from explainer.export import _claim_records
    from explainer.filtering import fold_text

    for record in _claim_records(bundled_data):
        assert record["text"] == fold_text(record["text"])
        for word in ("démenti", "Starlink", "CŒUR"):
            folded = fold_text(word)
            expected = ex.filter_claims(bundled_data.claims, text=word)
            assert (folded in record["text"]) == (record["id"] in set(expected["id"])), word


def test_french_page_gives_notes_and_answered_claims_in_french(bundled_data):
    page = render_html(bundled_data, lang="fr")
    sources = bundled_data.sources
    assert sources["note_fr"].str.strip().ne("").all(), "every bundled source has a French note"
    for src in sources.itertuples():
        assert html.escape(src.note_fr, quote=True) in page, src.Index
    # A denial names the claim it answers by its summary (in each language), never by its id.
    claims = bundled_data.claims.set_index("id")
    answering = claims[claims["responds_to"] != ""]
    assert len(answering)
    cells = re.findall(r'<div class="answers">(.*?)</div>', page)
    assert len(cells) == len(answering)
    for cell, (_, row) in zip(cells, answering.iterrows(), strict=False):
        assert row["responds_to"] not in re.sub(r'href="[^"]*"', "", cell)
    for target in answering["responds_to"]:
        for lang in ("en", "fr"):
            assert html.escape(claims.at[target, f"summary_{lang}"], quote=True) in page


def test_a_source_without_a_french_note_shows_the_english_one():
    from explainer.export import _source_notes

    assert _source_notes({"note": "Seen.", "note_fr": ""}) == {"en": "Seen.", "fr": "Seen."}
    assert _source_notes({"note": "Seen."}) == {"en": "Seen.", "fr": "Seen."}
    assert _source_notes({"note": "Seen.", "note_fr": "Vu."}) == {"en": "Seen.", "fr": "Vu."}
