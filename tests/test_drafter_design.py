"""The drafter's design (issue 13 §7) and its long-article behaviour (issue 14).

- its modules import each other without a cycle;
- the cue words are data: adding a word to a lexicon makes a rule fire, with no code change;
- the article's aliases live in ``lexicons/aliases.toml``, not in code, and ship with the package;
- a sentence that comes back word for word is read as it is read alone (spaCy sees it once);
- the protagonist counted in one pass is the one counted again for every sentence;
- progress: ``progress.steps`` and the export's bar are silent unless on a terminal or asked.
"""

from __future__ import annotations

import ast
import csv
import dataclasses
import fnmatch
import tomllib
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from explainer import progress
from explainer.dataset import DATA_DIR
from explainer.draft import cues as cue_rules
from explainer.draft.extract import analyse, read_article
from explainer.draft.lexicon import LANGUAGES, aliases, lexicon

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "explainer" / "draft"
BUNDLED_TEXT = DATA_DIR / "sources" / "numerama-2024-10.txt"


def _imports(path: Path) -> set[str]:
    """The explainer.draft modules a file imports, anywhere in it (functions and TYPE_CHECKING
    blocks included: a cycle hidden in a function is still a cycle)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        found |= {n.split(".")[2] for n in names if n.startswith("explainer.draft.")}
    return found


def test_the_drafter_modules_import_each_other_without_a_cycle():
    graph = {p.stem: _imports(p) - {p.stem} for p in DRAFT.glob("*.py") if p.stem != "__init__"}
    graph = {k: {v for v in deps if v in graph} for k, deps in graph.items()}
    assert "extract" not in graph["cues"] and "model" in graph["cues"]
    done: set[str] = set()

    def visit(node: str, path: tuple[str, ...]) -> None:
        assert node not in path, f"import cycle: {' -> '.join((*path, node))}"
        if node in done:
            return
        for dep in graph[node]:
            visit(dep, (*path, node))
        done.add(node)

    for node in graph:
        visit(node, ())


def _english(text: str):
    return analyse(text, "en").sentences[0]


def test_a_word_added_to_a_lexicon_makes_its_rule_fire(monkeypatch):
    sent = _english("Musk whispered that the deal was done.")
    assert [c.status for c in cue_rules.find_cues(sent, "en")] == []
    richer = dataclasses.replace(
        lexicon("en"), speech_forms=lexicon("en").speech_forms | {"whispered"}
    )
    monkeypatch.setattr(cue_rules, "lexicon", lambda lang: richer)
    found = cue_rules.find_cues(sent, "en")
    assert [(c.status, c.name, c.word) for c in found] == [("stated", "speech verb", "whispered")]


def test_every_language_has_every_rule_s_words():
    for lang in LANGUAGES:
        lex = lexicon(lang)
        assert lex.lang == lang
        for field in ("attribution", "unnamed_source", "accused", "denial", "negation_before"):
            assert getattr(lex, field).pattern, (lang, field)
        assert lex.speech_lemmas or lex.speech_forms, lang
        assert lex.unnamed and lex.pronouns and lex.prepositions, lang
    assert lexicon("fr").conditional and not lexicon("en").conditional


def test_according_to_him_is_a_statement_about_the_pronoun_as_selon_lui_is():
    sent = _english("Musk never met Putin, according to him.")
    (cue,) = [c for c in cue_rules.find_cues(sent, "en") if c.name == "according to"]
    assert cue.status == "stated"
    assert cue.subject is not None and sent.text[cue.subject[1] : cue.subject[2]] == "him"


def _string_constants(path: Path) -> list[str]:
    """String literals of a module, docstrings left out (they may cite the article)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


def test_the_article_s_aliases_are_data_not_code():
    table = aliases()
    assert table["poutine"] == "Vladimir Putin" and table["kirienko"] == "Sergei Kiriyenko"
    names = {k.lower() for k in table} | {v.lower() for v in table.values()}
    names -= {"kremlin", "x (formerly twitter)", "twitter"}  # also words of the org rules
    for path in DRAFT.glob("*.py"):
        for value in _string_constants(path):
            assert value.lower() not in names, f"{path.name} spells the alias {value!r}"


def test_the_lexicons_ship_with_the_package():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = declared["tool"]["setuptools"]["package-data"]["explainer"]
    files = sorted((DRAFT / "lexicons").iterdir())
    assert {f.name for f in files} >= {"fr.toml", "en.toml", "aliases.toml"}
    for f in files:
        inside = f.relative_to(ROOT / "explainer").as_posix()
        assert any(fnmatch.fnmatch(inside, g) for g in globs), f"{inside} is not package data"


def test_a_repeated_sentence_is_read_as_it_is_read_alone(nlp_fr):
    once = "Selon le WSJ, Elon Musk serait en contact régulier avec Vladimir Poutine depuis 2022."
    alone = analyse(once, "fr").sentences[0]
    twice = analyse(f"{once} Il le dément. {once}", "fr").sentences
    assert [s.text for s in twice] == [once, "Il le dément.", once]
    for sent in (twice[0], twice[2]):
        assert sent.tokens == alone.tokens
        assert sent.entities == alone.entities
        assert sent.cues == alone.cues
        assert [m.actor for m in sent.mentions] == [m.actor for m in alone.mentions]


@pytest.fixture(scope="module")
def nlp_fr():
    from explainer.draft.extract import load_nlp

    return load_nlp("fr")


def test_the_running_protagonist_is_the_one_counted_again_each_time(nlp_fr):
    with (DATA_DIR / "actors.csv").open(encoding="utf-8", newline="") as f:
        known = list(csv.DictReader(f))
    for actors in (known, None):
        analysis = analyse(read_article(BUNDLED_TEXT), "fr", actors)
        for upto in range(len(analysis.sentences) + 2):
            counts: Counter[str] = Counter()
            for s in analysis.sentences[:upto]:
                for m in s.mentions:
                    if not m.attribution and analysis.registry.actors[m.actor].type == "person":
                        counts[m.actor] += 1
            expected = counts.most_common(1)[0][0] if counts else None
            assert analysis.protagonist(upto) == expected, upto


def test_steps_are_silent_unless_asked_and_close_their_bar(monkeypatch, capsys):
    monkeypatch.delenv("EXPLAINER_PROGRESS", raising=False)
    assert list(progress.steps(range(300), total=300, desc="counting", least=10)) == list(
        range(300)
    )
    assert capsys.readouterr() == ("", "")  # pytest's stderr is no terminal
    monkeypatch.setenv("EXPLAINER_PROGRESS", "1")
    list(progress.steps(range(5), total=5, desc="counting", least=10))
    assert capsys.readouterr().err == ""  # quick work: no bar even when bars are wanted
    with pytest.raises(RuntimeError, match="stop"):
        for i in progress.steps(range(300), total=300, desc="counting", least=10):
            if i == 3:
                raise RuntimeError("stop")
    assert "counting" in capsys.readouterr().err


def test_export_shows_a_bar_per_claim_only_when_asked(monkeypatch, capsys):
    from explainer.export import element_owners

    def trace_data(mask: np.ndarray) -> dict[str, dict[str, np.ndarray]]:
        return {"marks": {"x": np.flatnonzero(mask).astype(float)}}

    monkeypatch.delenv("EXPLAINER_PROGRESS", raising=False)
    owners = element_owners(trace_data, 250)
    assert owners["marks"] == [[i] for i in range(250)]
    assert capsys.readouterr() == ("", "")
    monkeypatch.setenv("EXPLAINER_PROGRESS", "1")
    assert element_owners(trace_data, 250) == owners
    assert "exporting" in capsys.readouterr().err


def test_the_cli_lists_the_first_sentences_left_out_and_every_one_with_all(tmp_path, capsys):
    from explainer.__main__ import FIRST_WARNINGS, main

    article = tmp_path / "sources.txt"
    article.write_text(
        "\n".join(f"Sources said that the deal was done on day {n} of talks." for n in range(6)),
        encoding="utf-8",
    )
    assert main(["draft", str(article), "--lang", "en", "--out", str(tmp_path / "a"),
                 "--no-known-actors"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.count("Left out (a cue but no actor)") == FIRST_WARNINGS
    assert f"{6 - FIRST_WARNINGS} more sentences with a cue but no actor" in out
    assert main(["draft", str(article), "--lang", "en", "--out", str(tmp_path / "b"),
                 "--no-known-actors", "--all"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.count("Left out (a cue but no actor)") == 6 and "more sentences" not in out


def test_the_highlight_hover_names_each_rule_in_the_interface_language(nlp_fr):
    import re

    from explainer.draft import highlight
    from explainer.i18n import t

    text = (
        "Selon une source, Elon Musk serait proche de Vladimir Poutine. Si Trump gagnait, Musk "
        "aurait un poste. Il a déclaré « je ne crois pas du tout ». Musk est accusé de mentir. "
        "Musk dément."
    )
    rules = ["conditional", "hypothetical", "speech_verb", "accusation", "denial",
             "unnamed_source"]  # fmt: skip
    for ui in ("fr", "en"):
        titles = " | ".join(re.findall(r'title="([^"]*)"', highlight(text, "fr", ui_lang=ui).html))
        titles = titles.replace("&#x27;", "'")
        for rule in rules:
            words = t(f"highlight.rule.{rule}", ui, marker="Si")
            assert words in titles, (ui, rule, titles)
    english = [t(f"highlight.rule.{rule}", "en", marker="Si") for rule in rules]
    french_view = highlight(text, "fr", ui_lang="fr").html.replace("&#x27;", "'")
    assert not [w for w in english if w in french_view and w != "accusation"]
