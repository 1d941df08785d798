"""The command line on schedules from the wild (issue 18): refused imports create nothing,
notices in JSON, terminal-safe text, credentials kept out of URLs, link kinds, the agenda."""

import json
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from tests.cli_in_process import talknotes_in_process
from tests.conftest import SAMPLE, http_server, shared_fixture

WILD = Path(__file__).parent / "importers" / "wild"


def run(*args, library, check=True, env=None):
    """`talknotes --library LIBRARY ARGS`: in this process, or with `env` a real process of
    its own (its keyring a file, see keyring_env)."""
    if env is None:
        result = talknotes_in_process(["--library", str(library), *args])
    else:
        result = subprocess.run(
            [sys.executable, "-m", "desktop", "--library", str(library), *args],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            env=env,
        )
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


def test_refused_import_into_a_new_folder_creates_no_library(tmp_path):
    lib = tmp_path / "new-library"
    result = run("import", str(WILD / "odd-schedule.xml"), library=lib, check=False)
    assert result.returncode == 2
    assert "root <schedule>" in result.stderr and "no talks found" in result.stderr
    assert "Untitled conference" not in result.stdout + result.stderr
    assert not lib.exists()


def test_refused_import_into_a_library_changes_no_file(tmp_path):
    lib = tmp_path / "lib"
    run("import", str(SAMPLE), library=lib)
    before = sorted(p.relative_to(lib) for p in lib.rglob("*") if "sqlite3" not in p.name)
    result = run("import", str(WILD / "odd-schedule.xml"), library=lib, check=False)
    assert result.returncode == 2
    after = sorted(p.relative_to(lib) for p in lib.rglob("*") if "sqlite3" not in p.name)
    assert after == before


def test_repeated_ids_and_other_notices_are_json_warnings(tmp_path):
    path = shared_fixture("schedules/ics/pyconuk-2015-schedule.ics")
    summary = json.loads(
        run("import", str(path), "--tz", "Europe/London", "--json", library=tmp_path).stdout
    )
    assert summary["duplicate_ids"] == 1
    assert any("repeat another event's id" in w for w in summary["warnings"])
    assert any("5 events have no end" in w for w in summary["warnings"])


ESCAPES = "\u001b]0;pwned\u0007\u001b[2J"


def test_terminal_escapes_from_a_schedule_are_not_printed_raw(tmp_path):
    doc = json.loads((WILD / "pretalx-v2-tracks.json").read_text(encoding="utf-8"))
    doc["schedule"]["conference"]["title"] = f"Camp{ESCAPES}"
    doc["schedule"]["events"][0]["title"] = f"Soldering{ESCAPES}"
    doc["schedule"]["events"][0]["persons"] = [{"name": f"Ann{ESCAPES}"}]
    source = tmp_path / "escapes.json"
    source.write_text(json.dumps(doc), encoding="utf-8")  # "\u001b" in the file, as seen
    lib = tmp_path / "lib"
    imported = run("import", str(source), library=lib).stdout
    for command in (("talks",), ("conferences",)):
        shown = run(*command, library=lib).stdout
        assert "\u001b" not in shown and "\u0007" not in shown, command
        assert "Camp" in shown or "Soldering" in shown
    assert "\u001b" not in imported
    talks = json.loads(run("talks", "--json", library=lib).stdout)  # JSON stays exact
    assert talks[0]["title"] == f"Soldering{ESCAPES}"


# --- credentials ------------------------------------------------------------------------------


@contextmanager
def server(handler_for):
    """tests.conftest.http_server for handlers that answer (status, headers, body); yields
    the port."""

    def respond(path: str, headers: dict[str, str]):
        status, more, body = handler_for(path, headers)
        return status, body, None, more

    with http_server(respond) as url:
        yield int(url.rsplit(":", 1)[1])


def test_a_redirect_to_another_host_gets_no_token(library, memory_keyring):
    from desktop import secrets
    from desktop.services.importing import import_schedule

    seen: list[dict] = []

    def other(path, headers):
        seen.append(headers)
        return 200, {}, SAMPLE.read_bytes()

    with server(other) as other_port:

        def first(path, headers):
            return 302, {"Location": f"http://localhost:{other_port}/schedule.xml"}, b""

        with server(first) as port:
            url = f"http://127.0.0.1:{port}/schedule.xml"
            secrets.set_token(secrets.key_for_url(url), "s3cret-token")
            assert import_schedule(library, url).added == 12
    assert seen and "Authorization" not in seen[-1]


def test_credentials_follow_only_to_the_same_host_and_never_to_http():
    from desktop.importers.fetch import same_trust

    assert same_trust("https://a.example/x", "https://a.example/y")
    assert same_trust("http://a.example/x", "https://a.example/y")  # an upgrade
    assert not same_trust("https://a.example/x", "http://a.example/y")
    assert not same_trust("https://a.example/x", "https://b.example/x")
    assert not same_trust("https://a.example/x", "https://a.example:8443/x")


def test_a_token_in_the_url_is_redacted_stored_nowhere_and_moved_to_the_keyring(tmp_path):
    token = "tok-in-url-9d2c"

    def respond(path, headers):
        if path == f"/schedule.xml?lang=en&token={token}":
            return 200, {}, SAMPLE.read_bytes()
        return (404 if "missing" in path else 401), {}, b""

    lib = tmp_path / "lib"
    with server(respond) as port:
        base = f"http://127.0.0.1:{port}"
        failed = run("import", f"{base}/missing.xml?token={token}", library=lib, check=False)
        assert failed.returncode == 2 and token not in failed.stderr
        assert "token=***" in failed.stderr
        denied = run("import", f"{base}/private.xml", library=lib, check=False)
        assert "--ask-token" in denied.stderr and "--token-from-keyring" not in denied.stderr

        # the keyring: an in-memory one shared by the command's process (see keyring_env)
        env = keyring_env(tmp_path)
        url = f"{base}/schedule.xml?lang=en&token={token}"
        once = json.loads(run("import", url, "--json", library=lib, env=env).stdout)
        assert any("used for this import only" in w for w in once["warnings"])
        kept = run("import", url, "--keep-token", "--json", library=lib, env=env)
        assert token not in kept.stdout
        confs = run("conferences", "--json", library=lib, env=env).stdout
        assert token not in confs
        assert json.loads(confs)[-1]["source"] == f"{base}/schedule.xml?lang=en"
        refreshed = run("import", f"{base}/schedule.xml?lang=en", "--json", library=lib, env=env)
        assert json.loads(refreshed.stdout)["unchanged"] == 12  # credentials from the keyring
    for path in lib.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
    assert token in (tmp_path / "keyring.json").read_text()


def keyring_env(tmp_path: Path) -> dict:
    """Environment for a subprocess whose keyring is a JSON file (tests/keyring_file.py)."""
    import os

    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "tests.keyring_file.FileKeyring"
    env["TALKNOTES_TEST_KEYRING"] = str(tmp_path / "keyring.json")
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__file__).resolve().parent.parent), env.get("PYTHONPATH", "")]
    )
    return env


# --- links, stars, the agenda --------------------------------------------------------------------


def test_talks_json_gives_each_link_its_kind_and_a_refresh_adds_recordings(tmp_path):
    lib = tmp_path / "lib"
    run("import", str(SAMPLE), library=lib)
    talks = json.loads(run("talks", "--json", library=lib).stdout)
    night = next(t for t in talks if t["title"].startswith("Night Owls"))
    assert {"title": "Slides", "url": night["links"][0]["url"], "kind": "slides"} in night["links"]
    after = SAMPLE.read_text(encoding="utf-8").replace(
        '<link href="https://harbourconf.example/2026/talk/105/slides.pdf">Slides</link>',
        '<link href="https://harbourconf.example/2026/talk/105/slides.pdf">Slides</link>\n'
        '<link href="https://video.example.org/harbour26/105.webm">Video recording</link>',
    )
    edited = tmp_path / "after.xml"
    edited.write_text(after, encoding="utf-8")
    summary = json.loads(
        run("import", str(edited), "--conference", "1", "--json", library=lib).stdout
    )
    assert summary["updated"] == 1
    talks = json.loads(run("talks", "--json", library=lib).stdout)
    night = next(t for t in talks if t["title"].startswith("Night Owls"))
    assert [link["kind"] for link in night["links"]] == ["slides", "video"]


def test_star_agenda_export_and_import_round_trip(tmp_path):
    lib = tmp_path / "lib"
    run("import", str(SAMPLE), library=lib)
    starred = json.loads(run("star", "2", "5", "--json", library=lib).stdout)
    assert [(s["id"], s["starred"]) for s in starred] == [(2, True), (5, True)]
    out = tmp_path / "agenda.ics"
    exported = json.loads(
        run("agenda", "export", "--conference", "1", "--to", str(out), "--json", library=lib).stdout
    )
    assert exported["talks"] == 2
    ics = out.read_text()
    assert "BEGIN:VTIMEZONE" in ics and "TZID:Europe/Lisbon" in ics
    assert "DTSTART;TZID=Europe/Lisbon:" in ics and ics.count("BEGIN:VEVENT") == 2
    run("star", "2", "5", "--off", library=lib)
    assert json.loads(run("talks", "--starred", "--json", library=lib).stdout) == []
    extra = ics.replace(
        "END:VCALENDAR",
        "BEGIN:VEVENT\r\nUID:elsewhere-1\r\nDTSTART:20260514T080000Z\r\n"
        "SUMMARY:A talk of another conference\r\nEND:VEVENT\r\nEND:VCALENDAR",
    )
    (tmp_path / "other.ics").write_text(extra)
    report = json.loads(
        run("agenda", "import", str(tmp_path / "other.ics"), "--json", library=lib).stdout
    )
    assert sorted(report["starred"]) == [2, 5]
    assert [u["title"] for u in report["unmatched"]] == ["A talk of another conference"]
    assert [
        t["id"] for t in json.loads(run("talks", "--starred", "--json", library=lib).stdout)
    ] == [2, 5]
    missing = run("star", "2", "999", library=lib, check=False)
    assert missing.returncode == 2 and "talk 999" in missing.stderr


def test_agenda_import_of_a_fosdem_app_export_matches_by_title_and_start(tmp_path):
    """Another app's bookmarks (its UIDs are not the schedule's guids) star the same talks."""
    schedule = shared_fixture("schedules/xml/fosdem-2024-schedule.xml")
    bookmarks = shared_fixture("schedules/ics/fosdem-2024-app-export-jonathan.ics")
    lib = tmp_path / "lib"
    run("import", str(schedule), library=lib)
    report = json.loads(run("agenda", "import", str(bookmarks), "--json", library=lib).stdout)
    assert len(report["starred"]) == 26 and report["unmatched"] == []


def test_agenda_import_refuses_a_file_that_is_not_icalendar(tmp_path):
    lib = tmp_path / "lib"
    run("import", str(SAMPLE), library=lib)
    bad = tmp_path / "agenda.ics"
    bad.write_text("hello")
    result = run("agenda", "import", str(bad), library=lib, check=False)
    assert (
        result.returncode == 2 and str(bad) in result.stderr and "not an iCalendar" in result.stderr
    )
