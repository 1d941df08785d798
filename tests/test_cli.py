"""The command line as users and other tests script it: JSON contract, exit codes, errors."""

import json
import subprocess
import sys

import pytest

from tests.cli_in_process import talknotes_in_process
from tests.conftest import SAMPLE, shared_fixture


def run(*args, library, stdin=None, check=True):
    """`talknotes --library LIBRARY ARGS`, in this process (test_version runs the real
    command)."""
    result = talknotes_in_process(["--library", str(library), *args], stdin=stdin)
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


def test_json_output_is_the_data_indented_as_json_writes_it():
    """--json text: byte for byte what json.dumps(indent=2, ensure_ascii=False) writes, for
    what orjson refuses (a lone surrogate, a huge integer) too."""
    from desktop.cli.output import to_json

    data = [
        {
            "id": 1,
            "title": "Zoë — “quoted” 😀\u2028\x00\\ / tab\t",
            "speakers": [],
            "links": [{"url": "https://x.org/?a=1&b=2", "kind": None, "n": {}}],
            "end_estimated": False,
            "nested": [[1, [2, {"a": True}]]],
        },
        [],
    ]
    assert to_json(data) == json.dumps(data, ensure_ascii=False, indent=2)
    odd = {"surrogate": "\ud800", "big": 2**70}
    assert to_json(odd) == json.dumps(odd, ensure_ascii=False, indent=2)


def test_version():
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("talknotes ")


def test_import_then_talks_json_with_conference_offsets(tmp_path):
    lib = tmp_path / "scratch"
    summary = json.loads(run("import", str(SAMPLE), "--json", library=lib).stdout)
    assert summary["added"] == 12 and summary["format"] == "frab-xml"
    talks = json.loads(run("talks", "--json", library=lib).stdout)
    assert len(talks) == 12
    first = talks[0]
    assert set(first) >= {
        "id",
        "source_id",
        "title",
        "speakers",
        "room",
        "track",
        "start",
        "end",
        "day",
        "status",
    }
    assert first["start"] == "2026-05-14T09:00:00+01:00"
    assert first["end"] == "2026-05-14T09:45:00+01:00"
    night = next(t for t in talks if t["title"].startswith("Night Owls"))
    assert night["day"] == "2026-05-14" and night["end"] == "2026-05-15T00:30:00+01:00"
    day2 = json.loads(run("--json", "talks", "--day", "2026-05-15", library=lib).stdout)
    assert {t["day"] for t in day2} == {"2026-05-15"} and len(day2) == 5
    confs = json.loads(run("conferences", "--json", library=lib).stdout)
    assert confs[0]["title"] == "Harbour Notes Conference 2026"
    assert confs[0]["days"] == ["2026-05-14", "2026-05-15"]


def test_note_append_and_print(tmp_path):
    lib = tmp_path / "lib"
    run("import", str(SAMPLE), library=lib)
    run("note", "2", "--append", "First thought", library=lib)
    run("note", "2", "--append", "-", library=lib, stdin='> "A quote"\n> \\- Bram Okafor\n')
    assert run("note", "2", library=lib).stdout == (
        'First thought\n\n> "A quote"\n> \\- Bram Okafor\n'
    )
    talks = json.loads(run("talks", "--json", library=lib).stdout)
    assert [t["has_note"] for t in talks if t["id"] == 2] == [True]


def test_search_finds_appended_text(tmp_path):
    lib = tmp_path / "lib"
    run("import", str(SAMPLE), library=lib)
    run("note", "3", "--append", "Hugo renders thousands of pages per second", library=lib)
    hits = json.loads(run("search", "thousand", "--json", library=lib).stdout)
    assert [(h["talk_id"], h["title"]) for h in hits] == [(3, "Static Sites in 2026")]
    assert "[thousands]" in hits[0]["snippet"]
    assert run("search", "nothing-like-this", library=lib).stdout == "No notes match.\n"


def test_check_reports_integrity_path_and_counts(tmp_path):
    lib = tmp_path / "lib"
    run("import", str(SAMPLE), library=lib)
    report = json.loads(run("check", "--json", library=lib).stdout)
    assert report["integrity"] == "ok"
    assert report["path"] == str(lib.resolve())
    assert report["counts"]["talks"] == 12 and report["counts"]["conferences"] == 1


@pytest.mark.parametrize(
    "args,message",
    [
        (("note", "999"), "error: talk 999: no such talk"),
        (("talks", "--conference", "42"), "error: conference 42: no such conference"),
        (("import", "/nonexistent/schedule.xml"), "error: /nonexistent/schedule.xml: no such file"),
        (
            ("import", str(SAMPLE), "--tz", "Mars/Olympus"),
            "error: Mars/Olympus: not a known time zone",
        ),
    ],
)
def test_errors_go_to_stderr_with_status_2(tmp_path, args, message):
    result = run(*args, library=tmp_path / "lib", check=False)
    assert result.returncode == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""


def test_invalid_schedule_message_names_file(tmp_path):
    path = shared_fixture("schedules/json/invalid-example.json")
    result = run("import", str(path), library=tmp_path / "lib", check=False)
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {path}: invalid frab schedule JSON")


def test_utc_only_calendar_needs_tz_then_imports(tmp_path):
    path = shared_fixture("schedules/ics/fosdem-2024-app-export-jonathan.ics")
    lib = tmp_path / "lib"
    failed = run("import", str(path), library=lib, check=False)
    assert failed.returncode == 2 and "--tz ZONE" in failed.stderr
    summary = json.loads(
        run("import", str(path), "--tz", "Europe/Brussels", "--json", library=lib).stdout
    )
    assert summary["added"] == 26
    confs = json.loads(run("conferences", "--json", library=lib).stdout)
    assert confs[0]["time_zone"] == "Europe/Brussels"
    # a refresh remembers the zone it was given
    again = json.loads(run("import", str(path), "--json", library=lib).stdout)
    assert again["unchanged"] == 26


def test_every_command_has_help():
    for command in (
        "conferences",
        "talks",
        "note",
        "import",
        "search",
        "attach",
        "photos",
        "export",
        "check",
    ):
        result = talknotes_in_process([command, "--help"])
        assert result.returncode == 0 and "usage: talknotes" in result.stdout


def test_attach_and_export_day_recap(tmp_path):
    import shutil

    from tests.imagegen import make_photo

    lib = tmp_path / "lib"
    run("import", str(SAMPLE), library=lib)
    run("note", "2", "--append", "Autosave matters.", library=lib)
    photo = make_photo(tmp_path / "IMG_0001.jpg")
    attached = json.loads(run("attach", "2", str(photo), "--json", library=lib).stdout)
    assert attached[0]["added"] and attached[0]["markdown"].startswith("![](photo:")
    listed = json.loads(run("photos", "list", "2", "--json", library=lib).stdout)
    assert [p["original_name"] for p in listed] == ["IMG_0001.jpg"]

    blog = tmp_path / "blog"
    shutil.copytree(shared_fixture("blogs/jaxxstorm+leebriggs.co.uk"), blog)
    before = sorted(p.name for p in blog.rglob("*"))
    dry = json.loads(
        run(
            "export",
            "--day",
            "2026-05-14",
            "--conference",
            "1",
            "--to",
            str(blog),
            "--dry-run",
            "--json",
            library=lib,
        ).stdout
    )
    assert dry["dry_run"] and [f["action"] for f in dry["files"]] == ["create", "create"]
    assert sorted(p.name for p in blog.rglob("*")) == before
    done = json.loads(
        run(
            "export",
            "--day",
            "2026-05-14",
            "--conference",
            "1",
            "--to",
            str(blog),
            "--no-draft",
            "--json",
            library=lib,
        ).stdout
    )
    assert done["post"] == "_posts/2026-05-14-harbour-notes-conference-2026-day-1-recap.md"
    assert (blog / done["post"]).read_text().count("](/img/") == 1


def exported_then_edited(tmp_path):
    """A talk exported into a new Jekyll blog, its post then edited by hand: (library, blog,
    the export's JSON)."""
    lib = tmp_path / "lib"
    run("import", str(SAMPLE), library=lib)
    run("note", "3", "--append", "Hugo!", library=lib)
    blog = tmp_path / "blog"
    (blog / "_posts").mkdir(parents=True)
    (blog / "_config.yml").write_text("title: t\n")
    done = json.loads(run("export", "--talk", "3", "--to", str(blog), "--json", library=lib).stdout)
    post = blog / done["post"]
    post.write_text(post.read_text() + "edited by hand\n")
    return lib, blog, done


def test_export_refuses_edited_post(tmp_path):
    lib, blog, done = exported_then_edited(tmp_path)
    post = blog / done["post"]
    result = run("export", "--talk", "3", "--to", str(blog), library=lib, check=False)
    assert result.returncode == 2 and "edited in the blog" in result.stderr
    assert post.read_text().endswith("edited by hand\n")


def test_import_sample(tmp_path):
    summary = json.loads(run("import", "--sample", "--json", library=tmp_path / "l").stdout)
    assert summary["title"] == "Harbour Notes Conference 2026" and summary["added"] == 12
    missing = run("import", library=tmp_path / "l", check=False)
    assert missing.returncode == 2 and "or --sample" in missing.stderr


def test_export_says_when_the_post_is_already_up_to_date(tmp_path):
    """Re-exporting unchanged notes said only "wrote 0 files"; and each planned file has the
    `why` the README documents (empty when there is nothing to explain)."""
    lib = tmp_path / "lib"
    run("import", str(SAMPLE), library=lib)
    run("note", "3", "--append", "Hugo!", library=lib)
    blog = tmp_path / "blog"
    (blog / "_posts").mkdir(parents=True)
    (blog / "_config.yml").write_text("title: t\n")
    first = json.loads(
        run("export", "--talk", "3", "--to", str(blog), "--json", library=lib).stdout
    )
    assert first["files"] and all(
        set(f) == {"path", "kind", "action", "why"} for f in first["files"]
    )
    again = run("export", "--talk", "3", "--to", str(blog), library=lib).stdout
    assert f"Already up to date: nothing changed in {first['post']}" in again
    assert "wrote 0 files" not in again
    same = json.loads(run("export", "--talk", "3", "--to", str(blog), "--json", library=lib).stdout)
    assert same["written"] == [] and [f["action"] for f in same["files"]] == ["unchanged"]
    assert set(same) == set(first)


def test_affiliations_and_the_conferences_place_in_json(tmp_path):
    """talks and search --json add speaker_details (speakers unchanged); conferences adds
    url, city and venue: what the schedule gives, "" for what it does not."""
    lib = tmp_path / "lib"
    fosdem = shared_fixture("schedules/xml/fosdem-2024-schedule.xml")
    sessionize = shared_fixture("schedules/json/sessionize-global-azure-austria-2024.json")
    run("import", str(fosdem), library=lib)
    run("import", str(sessionize), "--tz", "Europe/Vienna", library=lib)
    confs = json.loads(run("conferences", "--json", library=lib).stdout)
    assert [(c["url"], c["city"], c["venue"]) for c in confs] == [
        ("https://fosdem.org/2024/schedule/", "Brussels", "ULB (Université Libre de Bruxelles)"),
        ("", "", ""),
    ]
    talks = json.loads(run("talks", "--conference", "2", "--json", library=lib).stdout)
    katharina = next(t for t in talks if t["speakers"] == ["Katharina Sick"])
    assert katharina["speaker_details"] == [
        {"name": "Katharina Sick", "affiliation": "Software Engineer at Dynatrace"}
    ]
    run("note", str(katharina["id"]), "--append", "Operators everywhere", library=lib)
    fosdem_talks = json.loads(run("talks", "--conference", "1", "--json", library=lib).stdout)
    netbsd = next(t for t in fosdem_talks if t["title"].startswith("NetBSD 10"))
    run("note", str(netbsd["id"]), "--append", "Operators on a VAX", library=lib)
    hits = json.loads(run("search", "operators", "--json", library=lib).stdout)
    details = {h["talk_id"]: (h["speakers"], h["speaker_details"]) for h in hits}
    assert details == {
        katharina["id"]: (
            "Katharina Sick",
            [{"name": "Katharina Sick", "affiliation": "Software Engineer at Dynatrace"}],
        ),
        netbsd["id"]: ("Benny Siegert", [{"name": "Benny Siegert", "affiliation": ""}]),
    }
