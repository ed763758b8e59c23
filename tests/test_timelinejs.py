"""TimelineJS3: a sheet in the template's 18 columns imported as a dataset to review, and exported.

tests/data/timelinejs_sheet.csv is our own example in the template's format (a title slide, an
era, slides at year, month and day precision, a time, an end, display dates, media, no group).
"""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_data import write_dataset

import explainer as ex
from explainer import dates
from explainer import export as ex_export
from explainer.__main__ import main
from explainer.i18n import t
from explainer.timelinejs import (
    COLUMNS,
    DEFAULT_KIND,
    DEFAULT_STATUS,
    TimelineError,
    export_sheet,
    import_sheet,
    timeline,
)

SHEET = Path(__file__).parent / "data" / "timelinejs_sheet.csv"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tl") / "class"
    result = import_sheet(SHEET, folder, date="2024-10-30")
    return result, ex.load_dataset(folder)


def test_the_example_sheet_has_the_template_header():
    with SHEET.open(encoding="utf-8") as f:
        assert tuple(next(csv.reader(f))) == COLUMNS


def test_dates_keep_the_precision_the_sheet_gives(imported):
    _, ds = imported
    when = dict(zip(ds.claims["id"], ds.claims["when"], strict=True))
    assert when == {
        "russia-invades-ukraine": "2022-02-24",
        "musk-travels-to-moscow": "2002~",  # Display Date "about 2002": our label for 2002~
        "musk-says-he-spoke-to-putin-once": "2021-04",  # a month stays a month
        "musk-s-poll-on-x": "2022-10-03",
        "regular-contacts": "2022/..",  # "since 2022"
        "no-contact-since": "2021-04/2022",  # an end makes an interval
        "peskov-denies": "2024-10-25",
    }
    poll = ds.claims.set_index("id").loc["musk-s-poll-on-x"]
    assert "the time 14:05 was left out" in poll["review"]


def test_group_headline_text_and_media_become_actor_summary_and_source(imported):
    _, ds = imported
    claims = ds.claims.set_index("id")
    moscow = claims.loc["musk-travels-to-moscow"]
    assert moscow["actor"] == "elon-musk"
    assert ds.actors.loc["elon-musk", "name"] == "Elon Musk"
    assert ds.actors.loc["elon-musk", "role"] == "to review"
    assert moscow["summary_en"] == (
        "Musk travels to Moscow. He tried to buy rockets for what became SpaceX."
    )
    assert moscow["summary_fr"] == ""  # to write: allowed on a row under review
    assert claims.loc["peskov-denies", "actor"] == "unknown"
    wsj = ds.sources.loc[claims.loc["regular-contacts", "source"]]
    assert wsj["url"].startswith("https://www.wsj.com/")
    assert (wsj["outlet"], wsj["title"]) == (
        "The Wall Street Journal",
        "Musk’s secret conversations with Putin",
    )


def test_what_timelinejs_cannot_say_gets_a_default_and_is_flagged(imported):
    _, ds = imported
    assert set(ds.claims["status"]) == {DEFAULT_STATUS}
    assert set(ds.claims["kind"]) == {DEFAULT_KIND}
    assert set(ds.claims["target"]) == {""}
    for review in ds.claims["review"]:
        assert "status not in TimelineJS: set to 'reported'" in review
        assert "kind set to 'action' and no target" in review
        assert "public_since assumed ../2024-10-30" in review
    assert set(ds.claims["public_since"]) == {"../2024-10-30"}
    drafts = [p for p in ds.warnings if p.message == "this draft row still needs a person"]
    assert len(drafts) == len(ds.claims)


def test_the_title_row_and_the_era_are_kept(imported):
    _, ds = imported
    timeline_source = ds.sources.loc["musk-and-putin-a-class-timeline"]
    assert timeline_source["title"] == "Musk and Putin: a class timeline"
    assert "title slide: What the press said" in timeline_source["note"]
    assert timeline_source["published"] == "2024-10-30"
    era = ds.claims.set_index("id").loc["russia-invades-ukraine"]
    assert era["layer"] == "context" and "TimelineJS era" in era["review"]
    assert [e["text"]["headline"] for e in timeline(ds)["eras"]] == [
        "Russia invades Ukraine. The full-scale invasion begins."
    ]
    assert "Russia invades Ukraine" not in {e["text"]["headline"] for e in timeline(ds)["events"]}


def label(edtf: str) -> str:
    return dates.parse_date(edtf).label_en


def test_export_says_dates_in_our_labels_and_has_no_end_for_an_open_date():
    ds = ex.load_dataset()
    events = {e["unique_id"]: e for e in timeline(ds)["events"]}
    assert len(events) == len(ds.claims)
    for _, claim in ds.claims.iterrows():
        event = events[claim["id"]]
        assert event["display_date"] == claim["when_label_en"]  # the same words as our labels
    by_when = {when: events[i] for i, when in zip(ds.claims["id"], ds.claims["when"], strict=True)}
    # Open ends and uncertainty are said in words, those of our labels ("until"/"by October
    # 2024", "since 2022", "about 2022"), never dropped.
    by_october = label("../2024-10")
    assert "October 2024" in by_october and by_october != "October 2024"
    assert by_when["../2024-10"]["display_date"] == by_october
    assert by_when["../2024-10"]["start_date"] == {
        "year": "2024", "month": "10", "display_date": by_october,
    }  # fmt: skip
    assert "end_date" not in by_when["../2024-10"]
    assert by_when["2022/.."]["display_date"] == label("2022/..") == "since 2022"
    assert "end_date" not in by_when["2022/.."]
    assert by_when["2022~"]["display_date"] == label("2022~") == "about 2022"
    assert by_when["2021-04/2022~"]["end_date"] == {"year": "2022"}
    assert by_when["2002"]["start_date"] == {"year": "2002", "display_date": "2002"}


def test_each_slide_states_its_status_and_each_quote_its_source():
    ds = ex.load_dataset()
    events = {e["unique_id"]: e for e in timeline(ds)["events"]}
    for _, claim in ds.claims.iterrows():
        text = events[claim["id"]]["text"]["text"]
        assert f"Status: {claim['status']}</strong>" in text
        assert t(f"status_long.{claim['status']}", "en") in text.replace("&#x27;", "'")
        if claim["quote"]:
            assert "<blockquote>" in text
            source = ds.sources.loc[claim["source"]]
            assert f"— {source['outlet']}, “{source['title']}”" in text
            if pd.notna(claim["paragraph"]):
                assert f"paragraph {claim['paragraph']}</p>" in text
    french = {e["unique_id"]: e for e in timeline(ds, "fr")["events"]}
    claim = ds.claims.iloc[0]
    assert french[claim["id"]]["display_date"] == claim["when_label_fr"]
    assert f"Statut : {t('status.' + claim['status'], 'fr')}" in french[claim["id"]]["text"]["text"]


def test_a_dataset_exported_as_a_sheet_and_imported_back_keeps_dates_statuses_and_quotes(tmp_path):
    ds = ex.load_dataset()
    sheet = export_sheet(ds, tmp_path / "sheet.csv")
    with sheet.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == COLUMNS
    assert rows[0]["Type"] == "title" and len(rows) == len(ds.claims) + 1
    back = ex.load_dataset(import_sheet(sheet, tmp_path / "back").folder)
    assert back.claims["when"].tolist() == ds.claims["when"].tolist()
    assert back.claims["status"].tolist() == ds.claims["status"].tolist()
    assert back.claims["quote"].tolist() == ds.claims["quote"].tolist()
    assert back.claims["summary_en"].tolist() == ds.claims["summary_en"].tolist()
    for review in back.claims["review"]:
        assert review.split(": ", 1)[1].startswith("status read from the slide's text")


def test_the_json_is_what_timelinejs_reads(tmp_path):
    folder = write_dataset(tmp_path / "d")
    out = tmp_path / "timeline.json"
    assert main(["export", str(folder), "--format", "timelinejs", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"title", "events"}
    for event in data["events"]:
        assert set(event["start_date"]) <= {"year", "month", "day", "display_date"}
        assert event["start_date"]["year"].isdigit()
        assert {"headline", "text"} <= set(event["text"])


def write_sheet(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows([dict.fromkeys(COLUMNS, "") | row for row in rows])
    return path


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ({"Year": "20x4", "Headline": "A"}, "Year", "not a date the explainer can read"),
        ({"Year": "2024", "Month": "13", "Headline": "A"}, "Year", "not a date"),
        ({"Headline": "No year"}, "Year", "this slide has no year"),
        ({"Year": "2024", "End Year": "2020", "Headline": "A"}, "End Year", "cannot be read"),
    ],
)
def test_a_bad_row_is_refused_with_its_line_and_column(tmp_path, row, column, message):
    sheet = write_sheet(tmp_path / "s.csv", [{"Year": "2020", "Headline": "Fine"}, row])
    with pytest.raises(TimelineError) as caught:
        import_sheet(sheet, tmp_path / "out")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.column) == ("s.csv", 3, column)
    assert message in problem.message
    assert not (tmp_path / "out").exists()  # nothing written


def test_a_sheet_without_the_template_header_is_refused(tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text("Date,Title\n2024,Something\n", encoding="utf-8")
    with pytest.raises(TimelineError, match="TimelineJS column is missing") as caught:
        import_sheet(sheet, tmp_path / "out")
    assert {p.column for p in caught.value.problems} == {"Year", "Headline"}


def test_the_command_line_imports_and_refuses_a_full_folder(tmp_path, capsys):
    out = tmp_path / "class"
    assert main(["import", "timelinejs", str(SHEET), "--out", str(out), "--lang", "fr"]) == 0
    said = capsys.readouterr().out
    assert "7 claims" in said and "review" in said
    assert ex.load_dataset(out).claims["summary_fr"].str.len().gt(0).all()
    assert main(["import", "timelinejs", str(SHEET), "--out", str(out)]) == 1
    assert "not empty" in capsys.readouterr().out
    none = str(tmp_path / "none.csv")
    assert main(["import", "timelinejs", none, "--out", str(tmp_path / "new")]) == 1
    assert "does not exist" in capsys.readouterr().out


def test_the_command_line_exports_the_sheet_and_will_not_overwrite(tmp_path, capsys):
    out = tmp_path / "sheet.csv"
    assert main(["export", "--format", "timelinejs-csv", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith(",".join(COLUMNS))
    assert main(["export", "--format", "timelinejs-csv", "--out", str(out)]) == 1
    assert "add --force" in capsys.readouterr().err


def test_a_sheet_downloaded_as_xlsx_is_imported_the_same(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    with SHEET.open(encoding="utf-8") as f:
        for row in csv.reader(f):  # numbers as numbers, as a spreadsheet stores them
            book.active.append([int(c) if c.isdigit() else (c or None) for c in row])
    book.save(tmp_path / "sheet.xlsx")
    from_xlsx = import_sheet(tmp_path / "sheet.xlsx", tmp_path / "a", date="2024-10-30")
    from_csv = import_sheet(SHEET, tmp_path / "b", date="2024-10-30")
    for a, b in zip(from_xlsx.claims, from_csv.claims, strict=True):
        assert {**a, "review": ""} == {**b, "review": ""}


def test_a_second_title_slide_is_reported_not_dropped_silently(tmp_path):
    sheet = write_sheet(
        tmp_path / "s.csv",
        [
            {"Type": "title", "Headline": "First"},
            {"Type": "title", "Headline": "Second"},
            {"Year": "2020", "Headline": "A slide"},
        ],
    )
    result = import_sheet(sheet, tmp_path / "out")
    assert result.sources[0]["title"] == "First"
    assert any("Row 3 is a second title slide" in n and "'Second'" in n for n in result.notes)


def test_a_broken_workbook_is_refused_with_a_message_not_a_traceback(tmp_path, capsys):
    broken = tmp_path / "sheet.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    assert main(["import", "timelinejs", str(broken), "--out", str(tmp_path / "out")]) == 1
    said = capsys.readouterr()
    assert "the workbook cannot be read" in said.out and "Download the sheet again" in said.out
    assert "Traceback" not in said.err


def test_an_imported_timeline_goes_back_to_a_sheet_with_its_title_and_era(imported, tmp_path):
    _, ds = imported
    sheet = export_sheet(ds, tmp_path / "again.csv")
    with sheet.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["Type"] for r in rows] == ["title"] + [""] * (len(ds.claims) - 1) + ["era"]
    assert rows[0]["Headline"] == "Musk and Putin: a class timeline"
    era = rows[-1]
    assert (era["Year"], era["Month"], era["Day"]) == ("2022", "2", "24")
    again = ex.load_dataset(import_sheet(sheet, tmp_path / "again", date="2024-10-30").folder)
    assert sorted(again.claims["when"]) == sorted(ds.claims["when"])
    assert again.claims.set_index("when").loc["2022-02-24", "layer"] == "context"


def test_a_text_cell_with_line_breaks_keeps_later_rows_on_their_lines(tmp_path):
    sheet = write_sheet(
        tmp_path / "s.csv",
        [
            {"Year": "2020", "Headline": "One", "Text": "<p>First line</p>\n<p>second line</p>"},
            {"Year": "20x1", "Headline": "Two"},
        ],
    )
    with pytest.raises(TimelineError) as caught:
        import_sheet(sheet, tmp_path / "out")
    assert caught.value.problems[0].line == 4  # the header, a row on two lines, then this one
    sheet = write_sheet(
        tmp_path / "s.csv",
        [{"Year": "2020", "Headline": "One", "Text": "<p>First line</p>\n<p>second line</p>"}],
    )
    [claim] = import_sheet(sheet, tmp_path / "ok").claims
    assert claim["summary_en"] == "One. First line second line"


def test_a_long_blockquote_stays_in_the_summary_and_a_short_one_is_the_quote(tmp_path):
    long = " ".join(["word"] * 30)
    sheet = write_sheet(
        tmp_path / "s.csv",
        [
            {"Year": "2020", "Headline": "Long", "Text": f"<blockquote>{long}</blockquote>"},
            {"Year": "2021", "Headline": "Short", "Text": "<blockquote>a few words</blockquote>"},
        ],
    )
    result = import_sheet(sheet, tmp_path / "out")
    first, second = result.claims
    assert first["quote"] == "" and long in first["summary_en"]
    assert "a quote of 30 words stays in the summary" in first["review"]
    assert second["quote"] == "a few words" and second["summary_en"] == "Short"
    assert [p for p in ex.validate(result.folder) if p.severity == "error"] == []


def test_a_bad_source_id_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(TimelineError, match="not an id"):
        import_sheet(SHEET, tmp_path / "out", source_id="My Timeline")
    assert not (tmp_path / "out").exists()


# Any sheet in the template's columns either imports as a valid dataset or is refused with a
# TimelineError: never a traceback, never a dataset that does not validate.
CELL = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=40
)


DISPLAY = ["", "about 2002", "since 2022", "until 2024", "by 2024"]


def cells(year: st.SearchStrategy[str], month: st.SearchStrategy[str]) -> st.SearchStrategy:
    return st.fixed_dictionaries(
        {
            "Year": year, "Month": month, "Day": st.one_of(st.just(""), month),
            "End Year": st.one_of(st.just(""), st.just(""), year),
            "Display Date": st.sampled_from(DISPLAY) | CELL,
            "Headline": CELL, "Text": CELL, "Group": CELL, "Media": CELL,
            "Media Credit": CELL, "Type": st.sampled_from(["", "", "title", "era"]),
        }
    )  # fmt: skip


# Mostly rows with plausible dates (so that many sheets import), some with anything at all.
PLAUSIBLE = cells(
    st.integers(1700, 2200).map(str), st.one_of(st.just(""), st.integers(1, 12).map(str))
)
ROW = st.one_of(PLAUSIBLE, PLAUSIBLE, PLAUSIBLE, cells(CELL, CELL))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(ROW, min_size=1, max_size=5))
def test_any_sheet_imports_as_a_valid_dataset_or_is_refused(tmp_path, rows):
    with tempfile.TemporaryDirectory(dir=tmp_path) as scratch:
        sheet = write_sheet(Path(scratch) / "s.csv", rows)
        try:
            result = import_sheet(sheet, Path(scratch) / "out")
        except TimelineError as error:
            assert error.problems and all(p.message and p.hint for p in error.problems)
            return
        errors = [p for p in ex.validate(result.folder) if p.severity == "error"]
        assert errors == []


def test_an_imported_timeline_works_in_the_explorer_and_the_offline_page(imported, tmp_path):
    _, ds = imported
    app = ex.Explorer(ds)
    assert f"{len(ds.claims)} of {len(ds.claims)} claims" in app.summary.value
    app.filter(actors=["elon-musk"])
    assert f"4 of {len(ds.claims)} claims" in app.summary.value
    # Every imported row waits for review: the page is refused unless marked as a draft.
    with pytest.raises(ex_export.ExportError, match="draft"):
        ex.export_html(ds, tmp_path / "refused.html")
    page = ex.export_html(ds, tmp_path / "page.html", draft=True).read_text(encoding="utf-8")
    assert "Musk travels to Moscow." in page
    assert t("export.draft_row", "en") in page


@pytest.mark.parametrize("year", ["INF", "-inf", "1e400"])
def test_an_infinite_year_is_refused_not_a_traceback(tmp_path, year):
    # int(float("INF")) raises OverflowError, not ValueError: it is refused like any other bad year.
    sheet = write_sheet(tmp_path / "s.csv", [{"Year": year, "Headline": "h", "Text": "t"}])
    with pytest.raises(TimelineError) as caught:
        import_sheet(sheet, tmp_path / "out")
    assert [p.message for p in caught.value.problems] == [
        "this is not a date the explainer can read"
    ]
