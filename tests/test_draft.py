"""The drafter: cue rules in French and English, EDTF dates from phrases, drafts that validate,
the CLI, the highlight view (escaped), and the evaluation's arithmetic.

spaCy's French model loads once per session (the ``nlp_fr`` fixture; ``load_nlp`` is cached).
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import explainer as ex
from explainer.__main__ import main
from explainer.dataset import DATA_DIR
from explainer.draft import DraftError, draft, draft_text, highlight
from explainer.draft.cues import is_conditional
from explainer.draft.evaluate import evaluate
from explainer.draft.extract import (
    analyse,
    find_dates,
    load_nlp,
    read_article,
    split_paragraphs,
    split_sentences,
)

BUNDLED_TEXT = DATA_DIR / "sources" / "numerama-2024-10.txt"


@pytest.fixture(scope="session")
def nlp_fr():
    """The French pipeline, loaded once for the whole session."""
    return load_nlp("fr")


def cues_of(text: str, lang: str) -> list[tuple[str, str, bool]]:
    """(status, rule, denial) of every cue in a one-sentence text."""
    analysis = analyse(text, lang, [])
    return [(c.status, c.name, c.denial) for s in analysis.sentences for c in s.cues]


def statuses(text: str, lang: str) -> set[str]:
    return {status for status, _, _ in cues_of(text, lang)}


# --------------------------------------------------------------------------------------------------
# Cues, French


@pytest.mark.parametrize(
    ("text", "status", "rule"),
    [
        ("Le ministre aurait rencontré Jean Dupont à Lyon.", "reported", "conditional"),
        ("Jean Dupont serait en contact avec le ministre.", "reported", "conditional"),
        # The small model tags these as an adverb and an imperfect: the lemma rule still finds them.
        ("Les deux hommes discuteraient de sujets personnels.", "reported", "conditional"),
        ("Il continuerait d’avoir des conversations avec le ministre.", "reported", "conditional"),
        ("Selon Le Monde, le ministre a rencontré Jean Dupont.", "reported", "selon"),
        ("D’après des documents internes, le ministre a menti.", "reported", "d'après"),
        ("Une source proche du dossier indique que le ministre a démissionné.", "reported",
         "unnamed source"),
        ("Jean Dupont est accusé de corruption par l’opposition.", "accused", "accusation"),
        ("Marie Curie, soupçonnée de favoritisme, a démissionné.", "accused", "accusation"),
        ("Jean Dupont affirme avoir rencontré le ministre en 2021.", "stated", "speech verb"),
        ("Marie Curie a déclaré que le projet était abandonné.", "stated", "speech verb"),
        ("Selon Jean Dupont, le ministre a menti.", "stated", "selon"),
        ("Jean Dupont milite contre « la fin du monde annoncée ».", "stated", "quotation marks"),
        ("Si elle était élue, Marie Curie changerait la loi.", "commentary",
         "hypothetical conditional"),
        ("Une éventuelle victoire de Jean Dupont rendrait le ministre furieux.", "commentary",
         "hypothetical conditional"),
    ],
)  # fmt: skip
def test_french_cue(nlp_fr, text, status, rule):
    found = cues_of(text, "fr")
    assert any(s == status and r.startswith(rule) for s, r, _ in found), found


@pytest.mark.parametrize(
    "text", ["Jean Dupont dément tout lien avec le ministre.", "Marie Curie nie les faits."]
)
def test_french_denial_is_a_kind_with_the_status_stated(nlp_fr, text):
    assert ("stated", "denial", True) in cues_of(text, "fr")


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Jean Dupont ne nie pas les faits.", "a negated denial"),
        ("Elle n’a pas démenti la rencontre.", "a negated denial"),
        ("Il montrait sa force et tirait les leçons de ses erreurs.", "imperfects in -rait"),
        ("Comment expliquer ce virage ?", "an infinitive speech verb"),
        ("Il avait proposé un combat, soi-disant pour rire.", "soi-disant is not a speaker"),
        ("« Ce serait une erreur », a-t-il ajouté.", "a conditional inside the quote"),
        ("Jean Dupont a déclaré qu’il démissionnerait.", "the future in the past"),
    ],
)
def test_french_non_cues(nlp_fr, text, why):
    found = cues_of(text, "fr")
    assert not any(s == "reported" or d for s, _, d in found), (why, found)
    assert "commentary" not in statuses(text, "fr"), why


def test_french_concessive_si_is_no_hypothesis(nlp_fr):
    text = (
        "Il continuerait d’admirer Jean Dupont, même si l’opposition le considère comme un ennemi."
    )
    assert statuses(text, "fr") == {"reported"}


def test_unnamed_speaker_makes_a_statement_reported(nlp_fr):
    text = "« Le gouvernement est face à un dilemme » indique une source du journal."
    assert "stated" not in statuses(text, "fr")
    assert "reported" in statuses(text, "fr")


@pytest.mark.parametrize(
    ("word", "lemma", "expected"),
    [
        ("serait", "être", True),
        ("aurait", "avoir", True),
        ("pourraient", "pouvoir", True),
        ("entretiendrait", "entretenir", True),
        ("prendrait", "prendre", True),
        ("continuerait", "continuer", True),
        ("finirait", "finir", True),
        ("inquièterait", "inquièterer", True),  # a broken lemma: the "-erait" rule
        ("discuteraient", "", True),
        ("montrait", "montrer", False),
        ("tirait", "tirer", False),
        ("ouvrait", "ouvrir", False),
        ("considérait", "considérer", False),
        ("portrait", "portrait", False),
        ("extrait", "extraire", False),
        ("était", "être", False),
    ],
)
def test_is_conditional(word, lemma, expected):
    assert is_conditional(word, lemma) is expected


# --------------------------------------------------------------------------------------------------
# Cues, English (rules on a blank pipeline)


@pytest.mark.parametrize(
    ("text", "status", "rule"),
    [
        ("Musk reportedly spoke to Putin in 2022.", "reported", "reportedly"),
        ("According to the Wall Street Journal, Musk spoke to Putin.", "reported", "according to"),
        ("Musk is said to have spoken to Putin.", "reported", "is said to"),
        ("Several officials said the talks worried the White House.", "reported",
         "speech verb, unnamed source"),
        ("People familiar with the matter described the calls.", "reported", "unnamed source"),
        ("Musk allegedly shared Russian propaganda.", "accused", "accusation"),
        ("Sergei Kiriyenko is accused of spreading propaganda.", "accused", "accusation"),
        ("Elon Musk said he spoke to Putin only once.", "stated", "speech verb"),
        ("Dmitry Peskov stated that the report was fake.", "stated", "speech verb"),
        ("According to Elon Musk, the talks never happened.", "stated", "according to"),
    ],
)  # fmt: skip
def test_english_cue(text, status, rule):
    found = cues_of(text, "en")
    assert any(s == status and r.startswith(rule) for s, r, _ in found), found


def test_english_denial_and_its_negation():
    assert ("stated", "denial", True) in cues_of("Elon Musk denies the report.", "en")
    assert not any(d for _, _, d in cues_of("Musk did not deny the report.", "en"))


# --------------------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Il s’intéresse à la Russie en 2002, dit-on.", "2002"),
        ("Il lui a parlé en avril 2021.", "2021-04"),
        ("Ils sont en contact depuis 2022.", "2022/.."),
        ("Ils se parlent depuis avril 2021.", "2021-04/.."),
        ("Le sondage a été publié le 3 octobre 2022.", "2022-10-03"),
        ("Il est arrivé le 1er mars 2020.", "2020-03-01"),
        ("Il est resté jusqu’en 2021.", "../2021"),
        ("Il y est allé vers 2002.", "2002~"),
        ("Il a dirigé la société entre 2020 et 2022.", "2020/2022"),
        ("Dans les années 2010, il a fondé une société.", "201X"),
        ("He became interested in Russia in 2002.", "2002"),
        ("They spoke in April 2021.", "2021-04"),
        ("They have been in contact since 2022.", "2022/.."),
        ("They have been in contact since late 2022.", "2022/.."),
        ("The poll was posted on 3 October 2022.", "2022-10-03"),
        ("The poll was posted on October 3, 2022.", "2022-10-03"),
        ("He stayed until 2021.", "../2021"),
        ("He went there around 2002.", "2002~"),
        ("He ran it between 2020 and 2022.", "2020/2022"),
        ("In the 2010s he founded a company.", "201X"),
    ],
)
def test_dates(text, edtf):
    found = find_dates(text)
    assert [d.edtf for d in found] == [edtf]
    assert text[found[0].start : found[0].end] == found[0].text


@pytest.mark.parametrize(
    "text",
    [
        "Le sondage a réuni 2002 personnes.",  # a number, not a year
        "Il l’a appelé le 3 octobre.",  # no year: no precision invented
        "Le 31 février 2021 n’existe pas.",  # not a real day
        "The plan cost 2024 dollars.",
    ],
)
def test_not_dates(text):
    assert find_dates(text) == []


# --------------------------------------------------------------------------------------------------
# Paragraphs and sentences


def test_paragraphs_one_a_line_or_between_blank_lines():
    assert split_paragraphs("Titre\nPremier.\nDeuxième.\n") == ["Titre", "Premier.", "Deuxième."]
    text = "Premier paragraphe,\nsur deux lignes.\n\nDeuxième.\n\n\n"
    assert split_paragraphs(text) == ["Premier paragraphe, sur deux lignes.", "Deuxième."]
    assert split_paragraphs("\r\n  \r\n") == []


def test_sentences_keep_quotes_and_abbreviations_whole():
    para = (
        "M. Dupont a parlé. « Il a dit non. Puis oui. » Elle est partie ? Oui. "
        "Elle a vu J. Smith aux U.S. Army."
    )
    got = [para[a:b] for a, b in split_sentences(para)]
    assert got == [
        "M. Dupont a parlé.",
        "« Il a dit non. Puis oui. »",
        "Elle est partie ?",
        "Oui.",
        "Elle a vu J. Smith aux U.S. Army.",
    ]


# --------------------------------------------------------------------------------------------------
# Drafts


@pytest.fixture(scope="module")
def bundled_draft(nlp_fr, tmp_path_factory):
    folder = tmp_path_factory.mktemp("drafts") / "numerama"
    result = draft(
        BUNDLED_TEXT, folder, lang="fr", date="2024-10-24/2024-10-31", source_id="numerama-2024-10"
    )
    return result, folder


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_a_draft_validates_with_warnings_only(bundled_draft):
    result, folder = bundled_draft
    problems = ex.validate(folder)
    assert [p for p in problems if p.severity == "error"] == []
    needs_person = [p for p in problems if "still needs a person" in p.message]
    assert len(needs_person) == len(result.claims) > 20
    ds = ex.load_dataset(folder)  # what the Explorer opens
    assert len(ds.claims) == len(result.claims)


def test_draft_rows(bundled_draft):
    _, folder = bundled_draft
    claims = read_csv(folder / "claims.csv")
    paragraphs = (folder / "sources" / "numerama-2024-10.txt").read_text().splitlines()
    assert paragraphs == BUNDLED_TEXT.read_text().splitlines()
    assert len({c["id"] for c in claims}) == len(claims)
    for c in claims:
        assert c["summary_en"] == c["summary_fr"] == ""
        assert c["review"] and c["layer"] == "article"
        assert len(c["quote"].split()) <= 25
        assert c["quote"] in paragraphs[int(c["paragraph"]) - 1]
        assert ex.parse_date(c["when"]) and c["public_since"] == "2024-10-24/2024-10-31"
    by_id = {c["id"]: c for c in claims}
    since = by_id["p6-s2-reported"]  # "Le milliardaire serait en relation ... depuis 2022."
    assert since["when"] == "2022/.." and since["actor"] == "musk" and "«serait»" in since["review"]
    assert by_id["p5-s4-stated"]["when"] == "2021-04"
    assert by_id["p8-s1-reported"]["when"] == "2002"
    denial = by_id["p6-s5-stated"]
    assert denial["kind"] == "denial" and denial["responds_to"] in by_id
    assert by_id["p8-s3-reported"]["when"] == "../2024-10-31"  # no date: at the latest, published
    assert "p8-s4-commentary" in by_id  # "Une éventuelle arrivée ... rendrait": speculation


def test_known_actors_are_reused_new_ones_flagged(bundled_draft):
    _, folder = bundled_draft
    actors = {a["id"]: a for a in read_csv(folder / "actors.csv")}
    assert {"musk", "putin", "kremlin", "wsj", "kiriyenko", "xi"} <= set(actors)
    assert actors["putin"]["role"] == "President of Russia (as of October 2024)"  # bundled
    new = [a for a in actors.values() if a["role"] == "to review"]
    claims = read_csv(folder / "claims.csv")
    for a in new:
        assert any(a["id"] in c["review"] for c in claims)


def test_quote_of_a_long_sentence_keeps_the_cue(nlp_fr):
    words = " ".join(f"mot{i}" for i in range(30))
    text = f"Jean Dupont a écrit {words} et il aurait menti au ministre hier soir."
    result = draft_text(text, lang="fr", date="2024", source_id="t")
    quote = next(c["quote"] for c in result.claims if c["status"] == "reported")
    assert len(quote.split()) == 25 and "aurait" in quote and quote in text


def test_english_draft_without_a_date(tmp_path):
    article = tmp_path / "report.txt"
    article.write_text(
        "Elon Musk has reportedly been in contact with Vladimir Putin since 2022.\n\n"
        "Musk denies the report.\n",
        encoding="utf-8",
    )
    result = draft(article, tmp_path / "out", lang="en", actors=None)
    today = date.today().isoformat()
    assert result.sources[0]["published"] == f"../{today}"
    assert result.sources[0]["outlet"] == "to review"
    assert [c["status"] for c in result.claims] == ["reported", "stated"]
    assert result.claims[0]["when"] == "2022/.."
    assert result.claims[1]["when"] == f"../{today}"
    assert result.claims[1]["kind"] == "denial"
    assert result.claims[1]["responds_to"] == result.claims[0]["id"]
    assert {a["id"] for a in result.actors} == {"elon_musk", "vladimir_putin"}
    assert all(a["role"] == "to review" for a in result.actors)
    assert [p for p in ex.validate(tmp_path / "out") if p.severity == "error"] == []


def test_a_quote_that_looks_like_a_formula_round_trips(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("-Elon Musk aurait menti au ministre.\n", encoding="utf-8")
    draft(article, tmp_path / "out", date="2024")
    raw = (tmp_path / "out" / "claims.csv").read_text(encoding="utf-8")
    assert ",'-Elon Musk aurait menti" in raw  # guarded for spreadsheets
    assert ex.load_dataset(tmp_path / "out").claims["quote"].iloc[0].startswith("-Elon")
    assert [p for p in ex.validate(tmp_path / "out") if p.severity == "error"] == []


def test_draft_refuses(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Jean Dupont aurait menti.\n", encoding="utf-8")
    with pytest.raises(DraftError, match="not an EDTF date"):
        draft_text("x", date="hier")
    with pytest.raises(DraftError, match="has no end"):
        draft_text("x", date="2022/..")
    with pytest.raises(DraftError, match="short lowercase id"):
        draft_text("x", source_id="Mon Article")
    with pytest.raises(DraftError, match="not supported"):
        draft_text("x", lang="de")


# --------------------------------------------------------------------------------------------------
# The command line


def test_cli_draft_then_validate(nlp_fr, tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(
        "Selon Le Monde, Jean Dupont aurait rencontré le ministre en avril 2021.\n"
        "Jean Dupont dément.\n",
        encoding="utf-8",
    )
    out = tmp_path / "draft"
    assert main(["draft", str(article), "--lang", "fr", "--out", str(out), "--date", "2024"]) == 0
    said = capsys.readouterr().out
    assert "Wrote a draft" in said and "python -m explainer validate" in said
    assert main(["validate", str(out)]) == 0
    assert "still needs a person" in capsys.readouterr().out
    claims = read_csv(out / "claims.csv")
    assert claims[0]["when"] == "2021-04" and claims[0]["source"] == "article"


def test_cli_never_overwrites(nlp_fr, tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text("Jean Dupont aurait menti.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "claims.csv").write_text("mine", encoding="utf-8")
    assert main(["draft", str(article), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "already exists and is not empty" in err and "Traceback" not in err
    assert (out / "claims.csv").read_text(encoding="utf-8") == "mine"
    assert list(out.iterdir()) == [out / "claims.csv"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["draft", str(article), "--out", str(empty), "--date", "2024"]) == 0


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a folder"),
        (lambda d: (d / "e.txt").write_text("  \n") and d / "e.txt", "is empty"),
        (
            lambda d: (d / "b.txt").write_bytes(b"%PDF-1.4\x00\x01") and d / "b.txt",
            "not a plain-text",
        ),
    ],
)
def test_cli_bad_article(tmp_path, capsys, make, message):
    path = make(tmp_path)
    assert main(["draft", str(path), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert message in err and err.startswith("Nothing was written")
    assert not (tmp_path / "out").exists()


def test_cli_bad_date(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Texte.\n", encoding="utf-8")
    assert main(["draft", str(article), "--out", str(tmp_path / "o"), "--date", "2024-13"]) == 1
    assert "not an EDTF date" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_import_explainer_does_not_load_spacy():
    code = (
        "import sys, explainer as ex; assert 'spacy' not in sys.modules; "
        "assert callable(ex.draft) and callable(ex.highlight); assert 'spacy' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --------------------------------------------------------------------------------------------------
# The lesson view


def test_highlight_escapes_hostile_text(nlp_fr):
    hostile = (
        'Selon le <b>WSJ</b>, <script>alert("x")</script> Elon Musk serait proche de '
        "<img src=x onerror=alert(1)> Vladimir Poutine depuis 2022."
    )
    view = highlight(hostile, lang="fr")
    page = view._repr_html_()
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert view.counts["reported"] >= 2 and view.counts["date"] == 1 and view.counts["actor"] >= 2


def test_highlight_marks_by_style_and_says_so_in_words(nlp_fr):
    text = (
        "Selon le WSJ, Elon Musk serait proche de Vladimir Poutine.\n"
        "Elon Musk est accusé de propagande.\nElon Musk dément.\nElon Musk affirme le contraire."
    )
    page = highlight(text, lang="fr").html
    for style in ("dotted", "wavy", "double", "solid"):
        assert f"text-decoration-style:{style}" in page
    for words in ("pointillés", "ondulé", "double", "plein"):
        assert words in page  # the legend says it without colour
    assert page.count("<p ") == 4 and "§4" in page
    english = highlight("Musk reportedly denies it.", lang="en").html
    assert "dotted underline" in english and "double underline" in english


# --------------------------------------------------------------------------------------------------
# The evaluation's arithmetic, on a dataset made here


def test_evaluation_counts(nlp_fr, tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "art.txt").write_text(
        "Jean Dupont aurait rencontré le ministre.\n"
        "Jean Dupont est accusé de corruption.\n"
        "Le ministre a rencontré Jean Dupont.\n",
        encoding="utf-8",
    )
    (tmp_path / "sources.csv").write_text(
        "id,outlet,title,url,published,language,note\nart,X,T,,2024,fr,\n", encoding="utf-8"
    )
    (tmp_path / "actors.csv").write_text(
        "id,name,name_fr,role,country,type\ndupont,Jean Dupont,Jean Dupont,,,person\n",
        encoding="utf-8",
    )
    header = "id,when,public_since,actor,target,involves,kind,status,summary_en,summary_fr,quote,"
    header += "source,paragraph,responds_to,layer,review\n"
    rows = [  # found; found; a hand "reported" with no cue in its sentence: missed
        "a,2024,2024,dupont,,,contact,reported,s,s,aurait rencontré le ministre,art,1,,article,",
        "b,2024,2024,dupont,,,action,accused,s,s,est accusé de corruption,art,2,,article,",
        "c,2024,2024,dupont,,,contact,reported,s,s,Le ministre a rencontré,art,3,,article,",
        "d,2024,2024,dupont,,,contact,reported,s,s,,art,,,context,",  # not an article row
    ]
    (tmp_path / "claims.csv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    result = evaluate(tmp_path)
    table = {r["flag"]: r for r in result.table}
    assert (table["reported"]["hand_made"], table["reported"]["found"]) == (2, 1)
    assert table["reported"]["recall"] == 0.5 and table["reported"]["precision"] == 1.0
    assert table["accused"]["recall"] == 1.0 == table["accused"]["precision"]
    assert table["denial"]["recall"] is None and table["denial"]["precision"] is None
    assert not result.met()
    assert any(m.startswith("reported: c ") for m in result.missed)
    assert re.search(r"reported\s+2\s+1\s+50%", str(result))


# --------------------------------------------------------------------------------------------------
# The article's language against --lang; articles that are not UTF-8 text

ENGLISH = (
    "Elon Musk has been in regular contact with Vladimir Putin since late 2022, according to the "
    "Wall Street Journal.\n\nThe report, which cites several current and former officials, says "
    "that the topics of their conversations included business and geopolitics.\n\nMusk denied "
    "the report and said that he had spoken to Putin only once.\n"
)


def test_an_english_article_drafted_as_french_is_refused(tmp_path):
    article = tmp_path / "wsj.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    with pytest.raises(DraftError, match=r"looks English .* Give --lang en .* --force"):
        draft(article, tmp_path / "out", lang="fr", date="2024-10-24")
    assert not (tmp_path / "out").exists()
    forced = draft(article, tmp_path / "forced", lang="fr", date="2024-10-24", force=True)
    assert any("looks English" in note for note in forced.notes)
    right = draft(article, tmp_path / "right", lang="en", date="2024-10-24")
    assert not any("looks" in note for note in right.notes)
    assert "reported" in {c["status"] for c in right.claims}


def test_the_cli_refuses_a_language_mismatch_with_exit_1(tmp_path, capsys):
    article = tmp_path / "wsj.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    assert main(["draft", str(article), "--out", str(tmp_path / "out"), "--lang", "fr"]) == 1
    assert "looks English" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_a_language_is_guessed_only_on_evidence(text):
    from explainer.draft.draft import guess_language

    guessed, counts = guess_language(text)
    if guessed is not None:
        assert counts[guessed] >= 8 and counts[guessed] >= 3 * min(counts.values())


def test_the_bundled_article_is_french():
    from explainer.draft.draft import guess_language

    text = (DATA_DIR / "sources" / "numerama-2024-10.txt").read_text(encoding="utf-8")
    assert guess_language(text)[0] == "fr"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_article_is_read(tmp_path, encoding):
    article = tmp_path / "a.txt"
    article.write_bytes("Elon Musk aurait parlé à Vladimir Poutine.\n".encode(encoding))
    assert read_article(article) == "Elon Musk aurait parlé à Vladimir Poutine.\n"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"%PDF-1.7\n...", "is a PDF document"),
        (b"PK\x03\x04" + bytes(40), "zipped document (.docx, .odt"),
        (b"{\\rtf1\\ansi hello}", "rich-text (.rtf)"),
        (bytes(range(256)), "binary data"),
    ],
)
def test_an_article_that_is_not_text_says_what_it_is(tmp_path, data, words):
    article = tmp_path / "a.txt"
    article.write_bytes(data)
    with pytest.raises(DraftError, match=re.escape(words)):
        read_article(article)


def test_a_draft_records_its_formula_guard(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("'-Elon Musk aurait menti au ministre.\n", encoding="utf-8")
    draft(article, tmp_path / "out", date="2024")
    assert (tmp_path / "out" / "datapackage.json").exists()
    quote = ex.load_dataset(tmp_path / "out").claims["quote"].iloc[0]
    assert quote.startswith("'-Elon")  # the apostrophe the article has, kept
