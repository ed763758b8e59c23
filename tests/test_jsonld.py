"""schema.org Claim JSON-LD: read by a JSON-LD processor (pyld), with no network at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyld import jsonld as pyld

import explainer as ex
from explainer.__main__ import main
from explainer.jsonld import CONTEXT, claims_jsonld, script_tag

S = "https://schema.org/"
# The part of the schema.org context these documents use, served locally: tests never fetch it.
LOCAL_CONTEXT = {"@context": {"@vocab": S, "url": {"@id": f"{S}url", "@type": "@id"}}}
README = Path(__file__).resolve().parent.parent / "README.md"


def no_network_loader(url: str, options: dict | None = None) -> dict:
    if url.rstrip("/") == CONTEXT:
        return {"contextUrl": None, "documentUrl": url, "document": LOCAL_CONTEXT}
    raise pyld.JsonLdError(f"refused to fetch {url}", "loading document failed")


def expand(document: dict) -> list[dict]:
    return pyld.expand(
        document, {"documentLoader": no_network_loader, "base": "https://example.org/page"}
    )


@pytest.fixture(scope="module")
def bundled():
    ds = ex.load_dataset()
    return ds, claims_jsonld(ds)


def test_every_claim_is_a_schema_org_claim_after_expansion(bundled):
    ds, document = bundled
    nodes = expand(document)
    claims = [n for n in nodes if f"{S}Claim" in n.get("@type", [])]
    assert len(claims) == len(ds.claims)
    ids = {n["@id"] for n in claims}
    assert f"https://example.org/page#{ds.claims['id'].iloc[0]}" in ids


def test_the_loader_refuses_the_network():
    with pytest.raises(pyld.JsonLdError):
        expand({"@context": "https://example.com/other-context", "name": "x"})


def test_appearance_author_and_dates(bundled):
    ds, document = bundled
    nodes = {n["identifier"]: n for n in document["@graph"]}
    for _, claim in ds.claims.iterrows():
        node = nodes[claim["id"]]
        source = ds.sources.loc[claim["source"]]
        assert node["appearance"]["url"] == source["url"]
        assert node["appearance"]["publisher"]["name"] == source["outlet"]
        assert node["author"]["name"]
        assert claim["status"] in node["description"]
        if claim["public_since"] in ("2024-10-24", "2022-10-03"):
            assert node["datePublished"] == claim["public_since"]
        if claim["public_since"].startswith("..") or "/" in claim["public_since"]:
            assert "datePublished" not in node  # no single day: left out, not invented
        names = [a["name"] for a in node["about"]]
        assert names[0] == ds.actor_name(claim["actor"])
        assert names[1:] == ([ds.actor_name(claim["target"])] if claim["target"] else [])
    # A statement is authored by the person who makes it; a report by the outlet that reports it.
    stated = ds.claims[ds.claims["status"] == "stated"].iloc[0]
    assert nodes[stated["id"]]["author"]["name"] == ds.actor_name(stated["actor"])
    reported = ds.claims[ds.claims["status"] == "reported"].iloc[0]
    assert nodes[reported["id"]]["author"] == {
        "@type": "Organization",
        "name": ds.sources.loc[reported["source"], "outlet"],
    }


def test_first_appearance_where_the_source_is_where_it_became_public(bundled):
    ds, document = bundled
    nodes = {n["identifier"]: n for n in document["@graph"]}
    published = ds.sources["published"]
    first = [
        c["id"]
        for _, c in ds.claims.iterrows()
        if published[c["source"]] == c["public_since"] and "/" not in c["public_since"]
    ]
    assert first  # the bundled data has some: context rows dated by their own source
    assert sorted(i for i, n in nodes.items() if "firstAppearance" in n) == sorted(first)
    expanded = {
        n[f"{S}identifier"][0]["@value"]: n for n in expand(document) if f"{S}identifier" in n
    }
    claim = ds.claims.set_index("id").loc[first[0]]
    work = expanded[first[0]][f"{S}firstAppearance"][0]
    assert work[f"{S}url"][0]["@id"] == ds.sources.loc[claim["source"], "url"]


def test_script_tag_cannot_end_the_script_early():
    tag = script_tag({"@context": CONTEXT, "text": "a </script><b>"})
    assert tag.count("</script>") == 1 and tag.startswith('<script type="application/ld+json">')
    body = tag.split("\n", 1)[1].rsplit("\n", 1)[0]
    assert json.loads(body)["text"] == "a </script><b>"


def test_the_command_line_writes_json_ld(tmp_path):
    out = tmp_path / "claims.jsonld"
    assert main(["export", "--format", "jsonld", "--out", str(out), "--lang", "fr"]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["@context"] == CONTEXT
    assert document["@graph"][0]["inLanguage"] == "fr"
    assert document["@graph"][0]["description"].startswith("Statut : ")


def test_the_readme_says_why_there_is_no_claim_review():
    text = " ".join(README.read_text(encoding="utf-8").split())  # prose may be rewrapped
    assert "ClaimReview" in text
    assert "June 2025" in text
    assert "not whether it is true" in text


def test_an_html_file_gets_the_script_element_to_paste_into_a_page(tmp_path):
    out = tmp_path / "claims.html"
    assert main(["export", "--format", "jsonld", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith('<script type="application/ld+json">')
    body = text.split("\n", 1)[1].rsplit("</script>", 1)[0]
    assert json.loads(body)["@graph"][0]["@type"] == "Claim"
