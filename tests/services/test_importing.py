"""Import from file and URL: a kept copy, tokens from the keyring, nothing changed on failure."""

from pathlib import Path

import pytest

from desktop import secrets
from desktop.core.errors import TalknotesError
from desktop.services.importing import import_schedule
from desktop.store.conferences import list_conferences
from desktop.store.notes import save_talk_note
from desktop.store.talks import list_talks
from tests.conftest import SAMPLE, Reply, http_server, library_snapshot, shared_fixture


@pytest.fixture
def server():
    """A local HTTP server: /sample.xml, /private.xml (needs a token), /huge.xml."""
    seen_headers: list[dict[str, str]] = []

    def respond(path: str, headers: dict[str, str]) -> Reply:
        seen_headers.append(headers)
        if path == "/private.xml" and headers.get("Authorization") != "Token s3cret":
            return 401, b"", None
        if path in ("/sample.xml", "/private.xml"):
            return 200, SAMPLE.read_bytes(), None
        if path == "/huge.xml":
            return 200, b"", 200 * 2**20  # announces 200 MiB
        return 404, b"", None

    with http_server(respond) as base:
        yield base, seen_headers


def test_import_from_url_keeps_copy_and_records_url(library, server):
    base, _ = server
    summary = import_schedule(library, f"{base}/sample.xml")
    assert summary.added == 12
    (conf,) = list_conferences(library)
    assert conf.source_uri == f"{base}/sample.xml"
    copies = list(library.schedules_dir.iterdir())
    assert [c.read_bytes() for c in copies] == [SAMPLE.read_bytes()]
    again = import_schedule(library, f"{base}/sample.xml")  # refresh: same conference
    assert (again.conference_id, again.unchanged) == (conf.id, 12)


def test_private_url_uses_token_from_keyring(library, server, memory_keyring):
    base, headers = server
    with pytest.raises(TalknotesError, match="HTTP 401"):
        import_schedule(library, f"{base}/private.xml")
    secrets.set_token(secrets.key_for_url(base), "s3cret")
    assert import_schedule(library, f"{base}/private.xml").added == 12
    assert headers[-1]["Authorization"] == "Token s3cret"
    assert "s3cret" not in library.database_path.read_bytes().decode("latin-1")


def test_url_errors_are_clear(library, server):
    base, _ = server
    with pytest.raises(TalknotesError, match="HTTP 404"):
        import_schedule(library, f"{base}/missing.xml")
    with pytest.raises(TalknotesError, match="too large"):
        import_schedule(library, f"{base}/huge.xml")


@pytest.mark.parametrize("bad", ["invalid", "garbage", "missing", "truncated"])
def test_failed_import_leaves_library_unchanged(library, tmp_path, bad):
    import_schedule(library, str(SAMPLE))
    save_talk_note(library, list_talks(library)[0].id, "precious")
    before = library_snapshot(library)
    path = tmp_path / "bad.xml"
    if bad == "invalid":
        path = shared_fixture("schedules/json/invalid-example.json")
    elif bad == "garbage":
        path.write_bytes(bytes(range(256)) * 4)
    elif bad == "truncated":
        path.write_bytes(SAMPLE.read_bytes()[:-300])
    with pytest.raises(TalknotesError) as err:
        import_schedule(library, str(path))
    assert str(path) in str(err.value)
    assert library_snapshot(library) == before


def test_failure_inside_the_transaction_rolls_back(library, monkeypatch):
    import_schedule(library, str(SAMPLE))
    before = library_snapshot(library)
    edited = SAMPLE.read_text(encoding="utf-8").replace("Closing Remarks", "Closing Words")
    path = Path(library.path.parent / "edited.xml")
    path.write_text(edited, encoding="utf-8")

    from desktop.store import schedule_sync

    def failing(s, names):  # fails after the talk rows were written
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(schedule_sync, "_speaker_ids", failing)
    with pytest.raises(OSError):
        import_schedule(library, str(path))
    assert library_snapshot(library) == before


def test_garbage_collection_is_paused_during_import_and_restored(library, monkeypatch, tmp_path):
    import gc

    from desktop.services import importing

    seen = []
    real_apply = importing.apply_schedule

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(importing, "apply_schedule", spy)
    assert gc.isenabled()
    importing.import_schedule(library, str(SAMPLE))
    broken = tmp_path / "broken.xml"
    broken.write_bytes(SAMPLE.read_bytes()[:500])
    with pytest.raises(TalknotesError, match="not well-formed"):
        importing.import_schedule(library, str(broken))  # fails inside the pause
    assert seen == [False] and gc.isenabled()
    with importing._gc_paused():  # overlapping pauses: enabled again only after the last
        with importing._gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_url_stored_with_its_token_by_an_earlier_version_is_cleaned_on_refresh(
    library, memory_keyring
):
    """Libraries from before credentials were moved out hold `?token=` in the stored URL."""
    from desktop.importers import parse_schedule
    from desktop.store.schedule_sync import apply_schedule

    paths: list[str] = []

    def respond(path: str, headers: dict[str, str]) -> Reply:
        paths.append(path)
        ok = path == "/sample.xml?token=olds3cret"
        return (200, SAMPLE.read_bytes(), None) if ok else (401, b"", None)

    with http_server(respond) as base:
        old = f"{base}/sample.xml?token=olds3cret"
        schedule = parse_schedule(SAMPLE.read_bytes(), "sample.xml")
        schedule.conference.source_uri = old
        first = apply_schedule(library, schedule)
        summary = import_schedule(library, old, keep_secret=lambda shown: "olds3cret" not in shown)
        assert (summary.conference_id, summary.unchanged) == (first.conference_id, 12)
        (conf,) = list_conferences(library)
        assert conf.source_uri == f"{base}/sample.xml"
        assert "olds3cret" not in library.database_path.read_bytes().decode("latin-1")
        assert secrets.get_url_secret(conf.source_uri).query == [("token", "olds3cret")]
        assert import_schedule(library, conf.source_uri).unchanged == 12  # token from keyring
    assert paths == ["/sample.xml?token=olds3cret"] * 2


def test_urls_with_credentials_are_redacted_in_messages():
    from desktop.core.url_secrets import redact_url, split_credentials

    url = "https://ann:pw-123@sched.example.org/all.ics?api_key=k-456&day=2"
    assert redact_url(url) == "https://***@sched.example.org/all.ics?api_key=***&day=2"
    clean, secret = split_credentials(url)
    assert clean == "https://sched.example.org/all.ics?day=2"
    assert (secret.user, secret.password, secret.query) == ("ann", "pw-123", [("api_key", "k-456")])
