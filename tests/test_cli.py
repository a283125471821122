import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from layers.cli import main

REPO_SEEDS = Path(__file__).resolve().parent.parent / "seeds"

JSON_KEYS = {"query", "name", "lat", "lon", "geonameid", "level", "admin1", "country_code", "score"}


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_geocode_prints_one_line_per_query(capsys, gazetteer):
    code, out, err = run(capsys, "geocode", "Kursk", "Sumy Oblast")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith("Kursk: Kursk |") and "RU" in lines[0] and "538560" in lines[0]
    assert "admin1" in lines[1] and "UA" in lines[1]


def test_cli_geocode_json_has_the_documented_keys(capsys, gazetteer):
    code, out, _ = run(capsys, "geocode", "--json", "Donetzk")
    rec = json.loads(out)
    assert code == 0 and JSON_KEYS <= set(rec)
    assert (rec["query"], rec["geonameid"], rec["country_code"]) == ("Donetzk", 709717, "UA")


def test_cli_geocode_limit_and_country(capsys, gazetteer):
    code, out, _ = run(capsys, "geocode", "--json", "--limit", "3", "--country", "RU", "Pokrovsk")
    recs = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and 1 <= len(recs) <= 3 and {r["country_code"] for r in recs} == {"RU"}


def test_cli_geocode_no_match_exits_1_with_message(capsys, gazetteer):
    code, out, err = run(capsys, "geocode", "Kursk", "Qxzvvbnmqq")
    assert code == 1
    assert "no match for 'Qxzvvbnmqq'" in err
    assert out.startswith("Kursk:")  # the other query is still answered


@pytest.mark.parametrize("query", ["", "   ", "y" * 10_000])
def test_cli_geocode_bad_query_is_a_usage_error(capsys, query):
    code, out, err = run(capsys, "geocode", query)
    assert code == 2 and out == ""
    assert err.startswith("claimmap: error:") and len(err.strip().splitlines()) == 1


def test_cli_reverse(capsys, gazetteer):
    code, out, _ = run(capsys, "reverse", "--json", "51.1917", "35.2719")
    rec = json.loads(out)
    assert code == 0 and (rec["name"], rec["admin1"], rec["country_code"]) == ("Sudzha", "Kursk", "RU")


def test_cli_reverse_out_of_range_is_a_usage_error(capsys):
    code, _, err = run(capsys, "reverse", "95", "10")
    assert code == 2 and "not a coordinate" in err


def test_cli_gazetteer_info(capsys, gazetteer):
    code, out, _ = run(capsys, "gazetteer", "info")
    assert code == 0 and "built" in out and str(gazetteer.folder) in out


def test_cli_console_script_runs_without_traceback(gazetteer):
    exe = shutil.which("claimmap") or str(Path(sys.executable).with_name("claimmap"))
    done = subprocess.run([exe, "geocode", "Kurs'k"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "538560" in done.stdout
    bad = subprocess.run([exe, "geocode", ""], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_cli_extract_jsonl_has_claims_with_provenance(tmp_path, capsys, gazetteer):
    doc = tmp_path / "mod.md"
    doc.write_text("---\nsource: Russian MoD\ndate: 2024-09-12\n---\n"
                   "Russia's Defence Ministry said its forces had retaken Snagost in the Kursk region.\n")
    assert main(["extract", "--jsonl", "-q", str(doc)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records
    rec = records[0]
    assert (rec["doc_id"], rec["source"], rec["report_date"]) == ("mod", "Russian MoD", "2024-09-12")
    assert (rec["predicate"], rec["status"], rec["claimant"]["side"], rec["actor"]["side"]) == (
        "capture", "claimed", "RU", "RU")
    assert any(p["name"] == "Snagost" for p in rec["places"])


def test_cli_extract_missing_input_is_exit_2(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("command, suffix", [("export", ".geojson"), ("export", ".csv"), ("extract", None)])
def test_cli_jobs_give_the_same_output_as_one(tmp_path, capsys, gazetteer, command, suffix):
    folder = tmp_path / "docs"
    shutil.copytree(REPO_SEEDS, folder)
    outputs = []
    for jobs in ("1", "2"):
        if command == "export":
            out = tmp_path / f"out{jobs}{suffix}"
            assert main([command, str(folder), "-o", str(out), "-q", "--jobs", jobs]) == 0
            outputs.append(out.read_bytes())
        else:
            assert main([command, str(folder), "--jsonl", "-q", "--jobs", jobs]) == 0
            outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and len(outputs[0]) > 1000


def test_cli_export_streams_jsonl_and_keeps_an_existing_file_on_failure(tmp_path, capsys, gazetteer):
    data = tmp_path / "in.jsonl"
    data.write_text("".join(json.dumps({"id": f"d{i}", "text": "Russian forces captured Avdiivka, Donetsk."}) + "\n"
                            for i in range(30)) + "not json\n")
    out = tmp_path / "out.geojson"
    out.write_text("previous")
    assert main(["export", str(data), "-o", str(out), "-q"]) == 2
    assert "in.jsonl:31: not JSON" in capsys.readouterr().err
    assert out.read_text() == "previous"  # the failed run left the old file alone
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]  # and no temporary file
    assert main(["export", str(data), "-o", str(out), "-q", "--skip-bad"]) == 0
    features = json.loads(out.read_text())["features"]
    assert len({f["properties"]["doc_id"] for f in features}) == 30  # one feature per (claim, place)


def test_cli_output_folder_is_created(tmp_path, gazetteer):
    out = tmp_path / "new" / "deeper" / "claims.csv"
    assert main(["export", str(REPO_SEEDS), "-o", str(out), "-q"]) == 0
    assert out.read_text().splitlines()[0].endswith("geometry_wkt")


@pytest.mark.parametrize("jobs", ["0", "x", "100"])
def test_cli_bad_jobs_is_a_usage_error(capsys, jobs):
    with pytest.raises(SystemExit) as exc:
        main(["export", str(REPO_SEEDS), "-o", "x.geojson", "--jobs", jobs])
    assert exc.value.code == 2
