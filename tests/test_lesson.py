"""The lesson's rules about the bundled data, and the answer key recomputed from it.

The data rules are those a review of every row against the article asked for (issues 12 and 18):
a denial always says what it answers, an open start never reads as "until", the words for
reported claims say only what the article says, and the sources are the posts themselves or the
press, not state media relayed by a third site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import explainer as ex
from explainer.dataset import DATA_DIR


@pytest.fixture(scope="module")
def ds():
    if not (DATA_DIR / "claims.csv").exists():
        pytest.fail("the bundled dataset (data/claims.csv) is missing: the suite needs it")
    return ex.load_dataset()


def row(ds, claim_id: str) -> pd.Series:
    return ds.claims.set_index("id").loc[claim_id]


# --------------------------------------------------------------------------------------------------
# Data rules


def test_every_denial_says_which_claim_it_answers(ds):
    denials = ds.claims[ds.claims["kind"] == "denial"]
    assert len(denials) >= 4
    ids = set(ds.claims["id"])
    for _, d in denials.iterrows():
        assert isinstance(d["responds_to"], str) and d["responds_to"] in ids, d["id"]
        assert d["responds_to"] != d["id"]


def test_no_open_start_reads_as_until(ds):
    labels = [
        ds.claims[f"{col}_label_{lang}"] for col in ("when", "public") for lang in ("en", "fr")
    ]
    text = " ".join(" ".join(map(str, s)) for s in labels)
    assert "until" not in text and "jusqu" not in text
    # and the open start itself says "at the latest"
    assert ex.parse_date("../2024-10").label_en == "by October 2024"
    assert ex.parse_date("../2024-10").label_fr == "au plus tard en octobre 2024"


def test_the_kremlin_call_before_the_poll_was_public_in_october_2022(ds):
    call = row(ds, "kremlin-call-before-poll")
    assert call["public_since"] == "2022-10-11"
    bremmer = row(ds, "ctx-bremmer-musk-spoke-to-putin")
    assert bremmer["layer"] == "context" and bremmer["actor"] == "bremmer"
    answers = ds.claims[ds.claims["responds_to"] == "ctx-bremmer-musk-spoke-to-putin"]
    assert set(answers["actor"]) == {"musk", "peskov"}
    # a reader on 23 October 2024 could already have known it
    known = ex.filter_claims(ds.claims, known_on="2024-10-23")
    assert "kremlin-call-before-poll" in set(known["id"])


def test_reported_claims_say_only_what_the_article_says(ds):
    # The article never says the WSJ cites unnamed sources (it names "une source du Wall
    # Street Journal" once, in paragraph 12), so no summary adds it.
    for col in ("summary_en", "summary_fr"):
        assert not ds.claims[col].str.contains("unnamed sources|sources anonymes").any()
    reported = ds.claims[(ds.claims["status"] == "reported") & (ds.claims["layer"] == "article")]
    allowed = ("According to the WSJ", "The article relays", "A section heading", "A source of")
    for _, r in reported.iterrows():
        assert r["summary_en"].startswith(allowed), r["id"]
        if r["paragraph"] in (8, 9, 10):  # these paragraphs do not name the WSJ
            assert "According to the WSJ" not in r["summary_en"], r["id"]


def test_the_dilemma_is_a_wsj_source_not_a_us_official(ds):
    assert row(ds, "us-government-dilemma")["actor"] == "wsj"


def test_the_much_discussed_ties_are_the_authors_assessment(ds):
    r = row(ds, "ties-much-discussed-in-us")
    assert (r["actor"], r["target"], r["kind"], r["status"]) == (
        "numerama",
        "musk",
        "assessment",
        "commentary",
    )


def test_crimea_is_left_to_russia_in_the_articles_words(ds):
    for cid in ("musk-poll-crimea-to-russia", "putin-crimea-demand"):
        assert "remain Russian" not in row(ds, cid)["summary_en"]
        assert "laisser la crimée à la russie" in row(ds, cid)["summary_fr"].lower()


def test_sources_prefer_the_press_to_state_media_relayed(ds):
    urls = " ".join(ds.sources["url"])
    assert "urdupoint" not in urls and "theepochtimes" not in urls
    for _, s in ds.sources[ds.sources["outlet"] == "TASS"].iterrows():
        assert "state news agency" in s["note"], s["id"]


def test_peoples_roles_are_dated(ds):
    people = ds.actors[ds.actors["type"] == "person"]
    for _, a in people.iterrows():
        if a["id"] == "isaacson":  # a biographer, whatever the month
            continue
        assert re.search(r"as of October 2024", a["role"]), a["id"]


# --------------------------------------------------------------------------------------------------
# The answer key cannot drift from the data

LESSON = Path(__file__).resolve().parent.parent / "lesson"  # the repository's, not the package's
KEYS = ("answer_key.md", "corrige.md")
KEY_MARK = re.compile(r"\*\*(\d+)\*\*\s*<!-- key: ([\w.-]+) -->")


def key_answers(ds) -> dict[str, int]:
    """Every numeric answer of the key, computed with ``filter_claims`` as a student would."""
    c = ds.claims
    article = c[c["layer"] == "article"]
    musk_putin = c[(c["actor"] == "musk") & (c["target"] == "putin")]  # one link of the network
    return {
        "claims": len(c),
        "article": len(article),
        "context": int((c["layer"] == "context").sum()),
        "reported": len(ex.filter_claims(c, statuses="reported")),
        "reported_known_2024-10-23": len(
            ex.filter_claims(c, statuses="reported", known_on="2024-10-23")
        ),
        "known_2024-10-23": len(ex.filter_claims(c, known_on="2024-10-23")),
        "denials": len(ex.filter_claims(c, kinds="denial")),
        "commentary": len(ex.filter_claims(article, statuses="commentary")),
        "musk_putin_link": len(musk_putin),
        "musk_putin_established": int((musk_putin["status"] == "established").sum()),
        "musk_putin_reported": int((musk_putin["status"] == "reported").sum()),
    }


@pytest.mark.parametrize("name", KEYS)
def test_the_answer_keys_numbers_are_the_datas(ds, name):
    path = LESSON / name
    if not path.exists():
        pytest.fail(f"lesson/{name} is missing: the answer key is part of the lesson")
    found = KEY_MARK.findall(path.read_text(encoding="utf-8"))
    expected = key_answers(ds)
    assert {k for _, k in found} == set(expected), "every key answer is marked, and only those"
    for value, key in found:
        assert int(value) == expected[key], f"lesson/{name}: {key} is {expected[key]}, not {value}"


def test_the_answer_keys_ids_exist(ds):
    ids = set(ds.claims["id"])
    for name in KEYS:
        path = LESSON / name
        if path.exists():
            text = path.read_text(encoding="utf-8")
            cited = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)+)`", text))
            assert cited and cited <= ids, sorted(cited - ids)
