"""Reading input documents: formats, metadata, and bad input."""

import io
import json

import pytest

from geo import InputError
from layers.sources import detect_date, iter_documents


def write(path, content, mode="w"):
    if mode == "w":
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return str(path)


def test_sources_front_matter_sets_metadata(tmp_path):
    p = write(tmp_path / "a.md", "---\nid: a1\ntitle: T\nsource: \"Russian MoD\"\ndate: 2024-08-13\nurl: https://x.org/a\n---\n"
                                 "Russian forces retook Snagost.\n")
    (doc,) = iter_documents([p])
    assert (doc.id, doc.title, doc.source, doc.date, doc.url) == ("a1", "T", "Russian MoD", "2024-08-13",
                                                                  "https://x.org/a")
    assert doc.text == "Russian forces retook Snagost.\n"


def test_sources_plain_text_takes_cli_metadata_and_trailing_timestamp(tmp_path):
    p = write(tmp_path / "z.txt", "Kyiv's hope is clear.\nTyler Durden\nMon, 09/16/2024 – 15:25")
    (doc,) = iter_documents([p], source="ZeroHedge")
    assert (doc.id, doc.source, doc.date) == ("z", "ZeroHedge", "2024-09-16")


@pytest.mark.parametrize("text, expected", [
    ("KYIV, Aug 12, 2024 — Ukrainian forces advanced.", "2024-08-12"),
    ("Ukrainian forces advanced.\n16 September 2024", "2024-09-16"),
    ("Ukrainian forces advanced.", None),
    ("On 99/99/2024 nothing.", None),
])
def test_sources_detect_date(text, expected):
    assert detect_date(text) == expected


def test_sources_jsonl_streams_documents_with_fields(tmp_path):
    rows = [{"text": "Russian forces captured Avdiivka.", "id": "r1", "date": "2024-02-17", "source": "ISW"},
            {"text": "Ukrainian forces held Robotyne."}]
    p = write(tmp_path / "d.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    docs = list(iter_documents([p]))
    assert [d.id for d in docs] == ["r1", "d-2"] and docs[0].source == "ISW" and docs[1].date is None


def test_sources_folder_reads_documents_and_skips_readme(tmp_path):
    write(tmp_path / "README.md", "About this folder.")
    write(tmp_path / "one.txt", "Sudzha was quiet.")
    write(tmp_path / "two.md", "Korenevo was not.")
    write(tmp_path / "notes.csv", "x,y")
    assert sorted(d.id for d in iter_documents([str(tmp_path)])) == ["one", "two"]


def test_sources_stdin(tmp_path):
    (doc,) = iter_documents(["-"], stdin=io.BytesIO("Fighting near Pokrovsk.".encode()))
    assert doc.id == "stdin" and doc.text.startswith("Fighting")


@pytest.mark.parametrize("setup, message", [
    (lambda d: str(d / "missing.txt"), "no such file or folder"),
    (lambda d: str(d), "no .txt, .md, .html or .jsonl documents"),
    (lambda d: write(d / "e.txt", "  \n\t "), "no text in"),
    (lambda d: write(d / "b.txt", b"\x89PNG\r\n\x1a\n\x00\x00binary", "b"), "does not look like text"),
    (lambda d: write(d / "j.jsonl", '{"text": "ok"}\nnot json\n'), "j.jsonl:2: not JSON"),
    (lambda d: write(d / "k.jsonl", '{"title": "no text"}\n'), "k.jsonl:1: no 'text'"),
    (lambda d: write(d / "f.md", "---\ndate: yesterday\n---\nSumy.\n"), "date 'yesterday' is not YYYY-MM-DD"),
])
def test_sources_bad_input_is_one_clear_error(tmp_path, setup, message):
    target = setup(tmp_path)
    with pytest.raises(InputError, match=message):
        list(iter_documents([target]))


def test_sources_skip_bad_warns_and_goes_on(tmp_path):
    p = write(tmp_path / "j.jsonl", '{"text": "Sumy."}\nnot json\n{"text": "Kharkiv."}\n')
    warnings = []
    docs = list(iter_documents([p], skip_bad=True, warn=warnings.append))
    assert [d.text for d in docs] == ["Sumy.", "Kharkiv."]
    assert len(warnings) == 1 and "j.jsonl:2" in warnings[0]


def test_sources_among_several_an_empty_file_is_skipped(tmp_path):
    good = write(tmp_path / "g.txt", "Sumy.")
    empty = write(tmp_path / "e.txt", "")
    warnings = []
    docs = list(iter_documents([good, empty], warn=warnings.append))
    assert [d.id for d in docs] == ["g"] and "no text in" in warnings[0]


def test_sources_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    p = write(tmp_path / "u.txt", "Kyiv \xff\xfe said".encode("latin-1"), "b")
    warnings = []
    (doc,) = iter_documents([p], warn=warnings.append)
    assert "\ufffd" in doc.text and "not valid UTF-8" in warnings[0]


def test_sources_max_chars_refuses_long_documents(tmp_path):
    p = write(tmp_path / "long.txt", "Sumy. " * 100)
    with pytest.raises(InputError, match="--max-chars"):
        list(iter_documents([p], max_chars=50))


def test_sources_html_article_text_and_title(tmp_path):
    page = ("<html><head><title>Russia retakes Snagost</title></head><body><nav>Menu Home About Contact</nav>"
            "<article><h1>Russia retakes Snagost</h1><p>Russia's Defence Ministry said on Thursday that its forces "
            "had retaken the village of Snagost in the Kursk region after weeks of fighting.</p><p>Ukraine's "
            "general staff said fighting continued near Korenevo, where its forces held their positions.</p>"
            "</article><footer>Copyright notice</footer></body></html>")
    p = write(tmp_path / "a.html", page)
    (doc,) = iter_documents([p])
    assert doc.title == "Russia retakes Snagost"
    assert "retaken the village of Snagost" in doc.text and "Menu Home" not in doc.text


def test_sources_progress_reports_documents_and_rate(capsys):
    from layers.build import Progress

    bar = Progress(enabled=True)
    for _ in range(3):
        bar.tick()
    bar.close()
    err = capsys.readouterr().err
    assert "3 documents" in err and "docs/s" in err
    quiet = Progress(enabled=False)
    quiet.tick()
    quiet.close()
    assert capsys.readouterr().err == ""
