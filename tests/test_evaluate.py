"""The evaluation commands, on a tiny corpus written for these tests."""

import json
import math

import pytest

from geo.evaluate import MAX_ERROR_KM, auc
from layers.cli import main

KEYS = {"docs", "toponyms", "precision", "recall", "f1", "acc161", "auc", "mean_km", "median_km", "coverage",
        "docs_per_s", "nearby"}


def corpus(tmp_path):
    text1 = "Shelling hit Kharkiv and Sumy on Monday."
    text2 = "The mayor of Lviv met Tyler Durden."
    rows = [
        {"id": "a", "text": text1, "toponyms": [
            {"start": 13, "end": 20, "name": "Kharkiv", "lat": 49.98, "lon": 36.25},
            {"start": 25, "end": 29, "name": "Sumy", "lat": 50.91, "lon": 34.80}]},
        {"id": "b", "text": text2, "toponyms": [
            {"start": 13, "end": 17, "name": "Lviv", "lat": 49.84, "lon": 24.03},
            {"start": 22, "end": 34, "name": "Tyler Durden", "lat": None, "lon": None}]},
    ]
    for row in rows:
        for t in row["toponyms"]:
            assert row["text"][t["start"]:t["end"]] == t["name"]
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_evaluate_auc_is_zero_for_perfect_and_one_for_unresolved():
    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([MAX_ERROR_KM] * 3) == pytest.approx(1.0, abs=1e-3)
    assert 0 < auc([0.0, 100.0, MAX_ERROR_KM]) < 1


def test_evaluate_geoparse_e2e_counts_overlaps(tmp_path, capsys, gazetteer):
    assert main(["eval", "geoparse", str(corpus(tmp_path)), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert set(scores) == KEYS
    assert scores["docs"] == 2 and scores["toponyms"] == 4
    assert scores["precision"] == 1.0  # Kharkiv, Sumy, Lviv; the person is not predicted
    assert scores["recall"] == 0.75
    assert scores["acc161"] == 1.0 and scores["coverage"] == 1.0


def test_evaluate_geoparse_gold_mode_resolves_given_spans(tmp_path, capsys, gazetteer):
    assert main(["eval", "geoparse", str(corpus(tmp_path)), "--mode", "gold", "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["recall"] == 1.0 and scores["acc161"] == 1.0


def test_evaluate_gold_mode_reports_spans_placed_nearby(tmp_path, capsys, gazetteer):
    text = "A fire broke out at the Pushkinska Street depot in Kharkiv."
    depot, city = text.index("Pushkinska"), text.index("Kharkiv")
    path = tmp_path / "depot.jsonl"
    path.write_text(json.dumps({"id": "d", "text": text, "toponyms": [
        {"start": depot, "end": depot + 23, "name": "Pushkinska Street depot", "lat": 50.00, "lon": 36.24},
        {"start": city, "end": city + 7, "name": "Kharkiv", "lat": 49.98, "lon": 36.25}]}) + "\n")
    assert main(["eval", "geoparse", str(path), "--mode", "gold", "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert (scores["acc161"], scores["nearby"], scores["coverage"]) == (1.0, 0.5, 1.0)
    assert main(["eval", "geoparse", str(path), "--mode", "gold", "--json", "--no-nearby"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert (scores["acc161"], scores["nearby"], scores["coverage"]) == (0.5, 0.0, 0.5)


def test_evaluate_no_nearby_end_to_end_is_a_one_line_error(tmp_path, capsys, gazetteer):
    assert main(["eval", "geoparse", str(corpus(tmp_path)), "--no-nearby"]) == 2
    err = capsys.readouterr().err.strip()
    assert "--no-nearby" in err and "\n" not in err


def test_evaluate_events_scores_the_event_place(tmp_path, capsys, gazetteer):
    rows = [{"text": "On 3 May 2024, Russian forces shelled Vovchansk, Kharkiv region.", "lat": 50.29, "lon": 36.94},
            {"text": "On 4 May 2024, drones struck near Sumy.", "lat": 50.91, "lon": 34.80}]
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["eval", "events", str(path), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert set(scores) == {"rows", "acc10", "acc50", "acc161", "median_km", "rows_per_s"}
    assert scores["rows"] == 2 and scores["acc10"] == 1.0 and not math.isnan(scores["median_km"])


@pytest.mark.parametrize("content, message", [("{not json\n", "not JSON"), ('{"id": 1}\n', "needs a 'text'"),
                                              ("", "no rows")])
def test_evaluate_bad_corpus_is_a_one_line_error(tmp_path, capsys, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    assert main(["eval", "geoparse", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_evaluate_missing_corpus_is_a_one_line_error(tmp_path, capsys):
    assert main(["eval", "events", str(tmp_path / "nope.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize("text, place", [
    ("Forces fired mortars at Luhansk rebel positions in Kreminna, Luhansk.", "Kreminna"),
    ("A missile struck a house in Kupiansk Monday, officials in Kharkiv said.", "Kupyansk"),
    ("Russian forces shelled near Kupiansk, Kharkiv region.", "Kupyansk"),
    # nor one that begins an organisation's name
    ("Russian forces shelled Bakhmut, hitting the office of Vilne Radio.", "Bakhmut"),
    # a part of a town named after it is the more specific place
    ("Ukrainian forces fired mortars at DPR positions near Donetsk - Petrovskyi.", "Voznesenskyi"),
    # but not the far end of a road
    ("Shelling was reported near the Kharkiv - Belgorod highway.", "Kharkiv"),
    # a place inside the region the report names before a namesake-looking owner outside it
    ("Russian forces seized a cache on the territory of Ilyich's metallurgical plant in Mariupol, Donetsk.",
     "Mariupol"),
    # ...but a place after "in" still before one the region holds
    ("A Russian missile hit a house in Sumy, launched by troops stationed by Graivoron, Belgorod Oblast.", "Sumy"),
])
def test_event_place_skips_qualifying_names_and_prefers_a_towns_part(gazetteer, text, place):
    from geo import parse
    from geo.focus import event_place

    assert event_place(parse(text, gazetteer=gazetteer)).name == place
