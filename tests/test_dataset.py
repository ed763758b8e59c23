"""Loading (the bundled dataset and others, from any working directory) and save_dataset."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from sample_data import ACTORS, CLAIMS, SOURCES, write_dataset

import explainer as ex
from explainer import Dataset, DatasetError, load_dataset, save_dataset, validate
from explainer.dataset import DATA_DIR
from explainer.i18n import KIND_ORDER, STATUS_ORDER
from explainer.schema import fields

DERIVED = [
    f"{prefix}_{name}"
    for prefix in ("when", "public")
    for name in (
        "start",
        "end",
        "precision",
        "open_start",
        "open_end",
        "approximate",
        "uncertain",
        "label_en",
        "label_fr",
    )
]


def declared(name: str) -> list[str]:
    return [f["name"] for f in fields(name)]


def needs_bundled() -> None:
    if not (DATA_DIR / "claims.csv").exists():
        pytest.fail("the bundled dataset (data/claims.csv) is missing: the suite needs it")


# --------------------------------------------------------------------------------------------------
# The bundled dataset


def test_the_bundled_dataset_loads_from_any_working_directory(tmp_path, monkeypatch):
    needs_bundled()
    monkeypatch.chdir(tmp_path)
    ds = load_dataset()
    assert ds.path == DATA_DIR
    assert len(ds.claims) > 0 and len(ds.actors) > 0 and len(ds.sources) > 0
    assert ds.texts, "the article's text is bundled, so quotes are checked against it"


def test_the_bundled_dataset_is_valid_with_every_quote_verbatim():
    needs_bundled()
    problems = validate()
    assert [p for p in problems if p.severity == "error"] == []
    ds = load_dataset()
    quoted = ds.claims[ds.claims["quote"] != ""]
    assert len(quoted) > 0
    # every quote's source has its text, so the verbatim check did run on each of them
    assert set(quoted["source"]) <= set(ds.texts)


def test_the_bundled_dataset_uses_the_vocabulary(bundled_data):
    claims = bundled_data.claims
    assert set(claims["status"]) <= set(STATUS_ORDER)
    assert set(claims["kind"]) <= set(KIND_ORDER)
    assert claims["id"].is_unique
    denials = claims[claims["kind"] == "denial"]
    assert (denials["responds_to"] != "").all(), "a denial names the claim it answers"


# --------------------------------------------------------------------------------------------------
# Another folder


def test_a_relative_folder_is_read_from_the_working_directory(tmp_path, monkeypatch):
    write_dataset(tmp_path / "mine")
    monkeypatch.chdir(tmp_path)
    ds = load_dataset("mine")
    assert len(ds.claims) == len(CLAIMS)
    assert repr(ds) == f"<Dataset mine: {len(CLAIMS)} claims, {len(ACTORS)} actors, 2 sources>"
    assert len(load_dataset(Path("mine")).claims) == len(CLAIMS)


def test_the_frames_and_their_columns(small_data):
    claims, actors, sources = small_data.claims, small_data.actors, small_data.sources
    assert list(claims.columns) == declared("claims") + DERIVED
    assert list(claims.index) == list(range(len(CLAIMS)))
    assert list(claims["id"]) == [c[0] for c in CLAIMS]  # file order
    assert list(actors.index) == [a[0] for a in ACTORS]
    assert list(sources.index) == [s[0] for s in SOURCES]
    assert "published_start" in sources.columns and "published_label_fr" in sources.columns
    # empty text cells are "", never NaN or "None", so that views show nothing
    assert claims.loc[2, "quote"] == "" and claims.loc[0, "target"] == ""
    assert not claims[declared("claims")].drop(columns="paragraph").isna().any().any()
    assert str(claims["paragraph"].dtype) == "Int64"
    assert claims.loc[0, "paragraph"] == 8 and pd.isna(claims.loc[2, "paragraph"])
    assert claims["when_start"].dtype == "datetime64[ns]"


def test_the_parsed_dates_of_the_claims(small_data):
    c = small_data.claims.set_index("id")
    assert (c.at["c-talk-2021", "when_label_en"], c.at["c-talk-2021", "when_label_fr"]) == (
        "April 2021",
        "avril 2021",
    )
    assert c.at["c-contact", "when_label_fr"] == "depuis 2022"
    assert c.at["c-contact", "when_open_end"]
    assert c.at["c-spacex", "when_label_en"] == "about 2002"
    assert c.at["c-spacex", "when_approximate"]
    assert c.at["c-talk-2021", "public_end"] == pd.Timestamp("2022-10-31")


def test_actor_names(small_data):
    assert small_data.actor_name("putin") == "Vladimir Putin"
    assert small_data.actor_name("putin", "fr") == "Vladimir Poutine"
    assert small_data.actor_name("nobody") == "nobody"


def test_warnings_travel_with_the_dataset(tmp_path):
    folder = write_dataset(tmp_path / "d")
    path = folder / "claims.csv"
    path.write_bytes(path.read_bytes() + b"\r\n\r\n")
    ds = load_dataset(folder)
    assert [w.message for w in ds.warnings] == ["blank lines were skipped (lines 15, 16)"]


def test_dataset_error_is_a_value_error_with_every_problem(tmp_path):
    folder = write_dataset(tmp_path / "d")
    (folder / "sources.csv").write_text("", encoding="utf-8")
    (folder / "actors.csv").unlink()
    with pytest.raises(ValueError) as caught:
        load_dataset(folder)
    err = caught.value
    assert isinstance(err, DatasetError)
    assert err.folder == folder
    assert [(p.file, p.message) for p in err.problems] == [
        ("actors.csv", "the file is missing"),
        ("sources.csv", "the file is empty"),
    ]
    assert str(err).startswith(f"The dataset in {folder} has 2 problem(s) to fix:\n")


def test_the_public_api():
    for name in ("load_dataset", "save_dataset", "validate", "filter_claims", "Dataset"):
        assert name in ex.__all__
        assert getattr(ex, name) is not None


# --------------------------------------------------------------------------------------------------
# save_dataset


def test_save_then_load_gives_the_same_dataset(small_data, tmp_path):
    folder = save_dataset(small_data, tmp_path / "new" / "copy")  # parents are created
    assert folder == tmp_path / "new" / "copy"
    again = load_dataset(folder)
    for name in ("claims", "actors", "sources"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(small_data, name))


def test_save_keeps_a_column_of_ours_and_leaves_out_the_derived_ones(small_data, tmp_path):
    ds = small_data
    ds.claims["extra"] = "not declared"
    folder = save_dataset(ds, tmp_path / "copy")
    for name in ("actors", "sources", "claims"):
        with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        own = ["extra"] if name == "claims" else []
        assert rows[0] == declared(name) + own  # ours in declared order, then theirs
        assert {len(r) for r in rows} == {len(declared(name)) + len(own)}
    text = (folder / "claims.csv").read_text(encoding="utf-8")
    assert "when_start" not in text and "published_start" not in text
    again = load_dataset(folder)
    assert (again.claims["extra"] == "not declared").all()
    pd.testing.assert_frame_equal(again.claims[list(ds.claims.columns)], ds.claims)


def test_a_missing_declared_column_is_written_empty(small_data, tmp_path):
    ds = small_data
    ds.claims = ds.claims.drop(columns=["review"])
    again = load_dataset(save_dataset(ds, tmp_path / "copy"))
    assert (again.claims["review"] == "").all()


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil";"click")', '\'=HYPERLINK("http://evil";"click")'),
        ("+33 1 23 45", "'+33 1 23 45"),
        ("-5 % in 2022", "'-5 % in 2022"),
        ("@musk said", "'@musk said"),
        ("\t=1+1", "'\t=1+1"),
        ("'=already guarded", "''=already guarded"),
        ("''-x", "'''-x"),
        ("a=b", "a=b"),
        ("'quoted'", "'quoted'"),
        ("l'=x", "l'=x"),
    ],
)
def test_formula_like_cells_are_written_guarded_and_read_back_exactly(
    small_data, tmp_path, value, written
):
    ds = small_data
    ds.claims.loc[0, "summary_en"] = value
    folder = save_dataset(ds, tmp_path / "copy")
    with (folder / "claims.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    cell = rows[1][declared("claims").index("summary_en")]
    assert cell == written
    assert cell[0] not in "=+-@\t\r"
    assert load_dataset(folder).claims.loc[0, "summary_en"] == value


def test_texts_are_saved_one_paragraph_a_line(small_data, tmp_path):
    ds = small_data
    ds.texts = {"record": ["Premier.", "Second, avec « guillemets ».", ""]}  # no quote uses it
    folder = save_dataset(ds, tmp_path / "copy")
    raw = (folder / "sources" / "record.txt").read_bytes()
    assert raw == "Premier.\nSecond, avec « guillemets ».\n".encode()
    assert load_dataset(folder).texts == ds.texts


@pytest.mark.parametrize("bad", ["../escape", "a/b", "", ".hidden"])
def test_a_text_id_that_is_not_a_file_name_is_refused(small_data, tmp_path, bad):
    ds = small_data
    ds.texts = {bad: ["x"]}
    with pytest.raises(ValueError, match="cannot be a source text's file name"):
        save_dataset(ds, tmp_path / "copy")
    assert not (tmp_path / "copy").exists()  # nothing written


def test_the_bundled_dataset_survives_a_round_trip(tmp_path):
    needs_bundled()
    ds = load_dataset()
    folder = save_dataset(ds, tmp_path / "copy")
    assert [p for p in validate(folder) if p.severity == "error"] == []
    again = load_dataset(folder)
    for name in ("claims", "actors", "sources"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(ds, name))
    assert again.texts == ds.texts


def test_a_dataset_built_by_hand_can_be_saved(tmp_path):
    claims = pd.DataFrame([dict(zip(declared("claims"), CLAIMS[0], strict=False))])
    ds = Dataset(
        claims=claims,
        actors=pd.DataFrame(ACTORS, columns=declared("actors")),
        # The rows of tests/conftest.py give the columns up to ``note``; ``note_fr`` is left out.
        sources=pd.DataFrame(SOURCES, columns=declared("sources")[: len(SOURCES[0])]),
        path=tmp_path,
    )
    again = load_dataset(save_dataset(ds, tmp_path / "copy"))
    assert again.claims.loc[0, "id"] == CLAIMS[0][0]
    assert again.claims.loc[0, "paragraph"] == 8


def test_wrong_arguments_are_named(small_data, tmp_path):
    with pytest.raises(TypeError, match="path must be a dataset folder"):
        load_dataset(123)
    with pytest.raises(TypeError, match="not a Dataset"):
        load_dataset(small_data)
    with pytest.raises(TypeError, match="dataset must be a Dataset"):
        save_dataset("data", tmp_path / "x")
    with pytest.raises(TypeError, match="folder must be a str"):
        save_dataset(small_data, None)
    assert not (tmp_path / "x").exists()


def test_a_table_file_given_for_its_folder_says_which_folder(small_data):
    [p] = validate(small_data.path / "claims.csv")
    assert p.message == "this is a file, not a folder"
    assert p.hint == f"Give the folder, not one of its files: {small_data.path}"
