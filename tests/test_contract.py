"""The documented contract as written: a dataset made from data/README.md alone works end to end.

The README's list of required columns is read and compared with the code's (datapackage.json);
then a small dataset with only those columns, hyphenated actor ids and no ``layer`` column is
validated, loaded, filtered, shown in the Explorer and exported as the offline page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import explainer as ex
from explainer import schema
from explainer.dataset import DATA_DIR

README = DATA_DIR / "README.md"


def readme_columns() -> dict[str, tuple[list[str], list[str]]]:
    """file -> (required, optional) columns, from the README's table of columns."""
    found = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`(\w+)\.csv`\s*\|([^|]*)\|([^|]*)\|\s*$", line)
        if m:
            found[m.group(1)] = (
                re.findall(r"`(\w+)`", m.group(2)),
                re.findall(r"`(\w+)`", m.group(3)),
            )
    return found


def test_the_readme_lists_exactly_the_required_columns_the_code_checks():
    documented = readme_columns()
    assert set(documented) == set(schema.TABLES)
    for table in schema.TABLES:
        declared = schema.fields(table)
        required = [f["name"] for f in declared if f.get("constraints", {}).get("required")]
        optional = [f["name"] for f in declared if f["name"] not in required]
        assert sorted(documented[table][0]) == sorted(required), table
        assert sorted(documented[table][1]) == sorted(optional), table


def test_every_table_has_one_id_rule():
    patterns = {
        table: next(f for f in schema.fields(table) if f["name"] == "id")["constraints"]["pattern"]
        for table in schema.TABLES
    }
    assert len(set(patterns.values())) == 1, patterns
    rule = re.compile(f"(?:{patterns['actors']})\\Z")
    for good in ("ukraine-forces", "musk_putin", "wsj-2024-10-24", "x"):
        assert rule.match(good)
    for bad in ("Ukraine", "ukraine forces", "-x", ""):
        assert not rule.match(bad)


# A dataset written from data/README.md alone: required columns only, hyphenated ids, no layer.
ACTORS = """id,name,name_fr,type
city-council,Exampleville city council,Le conseil municipal d'Exampleville,organisation
ukraine-forces,Ukrainian armed forces,Forces armées ukrainiennes,organisation
mayor,The mayor,La maire,person
"""
SOURCES = """id,outlet,title,published,language
gazette-2025-03,Example Gazette,The bridge and the war,2025-03-14,en
"""
CLAIMS = (
    "\n".join(
        [
            "id,when,public_since,actor,kind,status,summary_en,summary_fr,source",
            "bridge-vote,2025-03-11,2025-03-14,city-council,action,established,"
            "The council voted for the bridge.,Le conseil a voté pour le pont.,gazette-2025-03",
            "mayor-support,2025-03,2025-03-14,mayor,stance,stated,"
            "The mayor said she supports the bridge.,La maire a dit soutenir le pont.,"
            "gazette-2025-03",
            "forces-help,2022/..,2025-03-14,ukraine-forces,contact,reported,"
            '"According to the Gazette, unnamed officials say the forces helped.",'
            '"Selon la Gazette, des responsables anonymes disent que les forces ont aidé.",'
            "gazette-2025-03",
        ]
    )
    + "\n"
)


@pytest.fixture
def readme_dataset(tmp_path) -> Path:
    folder = tmp_path / "my-article"
    folder.mkdir()
    for name, text in (("actors", ACTORS), ("sources", SOURCES), ("claims", CLAIMS)):
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def test_a_dataset_from_the_readme_alone_validates_with_a_warning_about_layer(readme_dataset):
    problems = ex.validate(readme_dataset)
    assert [p for p in problems if p.severity == "error"] == []
    layer = [p for p in problems if p.column == "layer"]
    assert len(layer) == 1
    assert layer[0].severity == "warning"
    assert "'article'" in layer[0].message and layer[0].file == "claims.csv"


def test_a_dataset_from_the_readme_alone_loads_filters_and_explores(readme_dataset):
    ds = ex.load_dataset(readme_dataset)
    assert list(ds.claims["layer"]) == ["article"] * 3
    assert list(ds.claims["target"]) == [""] * 3
    assert ds.actor_name("ukraine-forces") == "Ukrainian armed forces"
    kept = ex.filter_claims(ds.claims, actors=["ukraine-forces"])
    assert list(kept["id"]) == ["forces-help"]
    kept = ex.filter_claims(ds.claims, start="2025-03-12")
    assert list(kept["id"]) == ["mayor-support", "forces-help"]  # "since 2022" is still open

    app = ex.Explorer(ds)
    app.filter(actors=["city-council"])
    assert "1 of 3 claims" in app.summary.value
    assert len(app.network.data) > 0  # the network, though no claim has a target
    assert "shows 3 claims involving 3 actors" in ex.describe(ds.claims, data=ds)
    assert len(ex.influence_timeline(ds).data) > 0


def test_a_dataset_from_the_readme_alone_exports_the_offline_page(readme_dataset, tmp_path):
    page = ex.export_html(readme_dataset, tmp_path / "page.html")
    html = page.read_text(encoding="utf-8")
    assert "The council voted for the bridge." in html
    assert "Ukrainian armed forces" in html


def test_an_empty_layer_cell_is_read_as_article_and_said_once(readme_dataset):
    claims = readme_dataset / "claims.csv"
    lines = claims.read_text(encoding="utf-8").splitlines()
    lines[0] += ",layer"
    lines[1] += ",context"
    lines[2] += ","
    lines[3] += ","
    claims.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ds = ex.load_dataset(readme_dataset)
    assert list(ds.claims["layer"]) == ["context", "article", "article"]
    [warning] = [p for p in ds.warnings if p.column == "layer"]
    assert (warning.line, "2 row(s)") == (3, warning.message[:8])


def test_a_wrong_layer_is_still_an_error(readme_dataset):
    claims = readme_dataset / "claims.csv"
    lines = claims.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",layer"] + [line + ",artcle" for line in lines[1:]]
    claims.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = [p for p in ex.validate(readme_dataset) if p.severity == "error"]
    assert {(p.column, p.value) for p in errors} == {("layer", "artcle")}
    assert "Did you mean 'article'?" in errors[0].hint


def test_a_misspelt_layer_column_is_pointed_out_not_silently_replaced(readme_dataset):
    claims = readme_dataset / "claims.csv"
    lines = claims.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",Layer"] + [line + ",context" for line in lines[1:]]
    claims.write_text("\n".join(lines) + "\n", encoding="utf-8")
    layer = [p for p in ex.validate(readme_dataset) if p.column == "layer"]
    assert any("Rename column 'Layer' to 'layer'" in p.hint for p in layer)
    assert any("read as 'article'" in p.message for p in layer)


def test_left_out_optional_columns_ask_for_nothing(readme_dataset):
    left_out = [p for p in ex.validate(readme_dataset) if "optional column is missing" in p.message]
    assert {p.column for p in left_out} == {
        "role", "country", "url", "note", "note_fr", "target", "involves", "quote", "paragraph",
        "responds_to", "review",
    }  # fmt: skip
    for p in left_out:
        assert p.severity == "warning" and p.hint.startswith("Nothing to do: it is optional.")
