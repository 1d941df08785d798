"""After the conference, in the window: links by kind in the talk header, "Missed but starred
— watch later", and File → Export My Agenda… / Import Agenda… (issue 18.12, 18.13)."""

from datetime import UTC, datetime

import pytest

from desktop.app import build_window
from desktop.services.importing import import_schedule
from desktop.store.notes import save_talk_note
from desktop.store.talks import list_talks, set_starred
from desktop.ui.after_conference import WatchLaterDialog, export_agenda, import_agenda
from tests.conftest import SAMPLE
from tests.ui.conftest import RecordingNotifier

VIDEO = "https://video.example.org/harbour26/105.webm"


def _with_recordings(tmp_path):
    """The sample as re-published after the conference: two talks gained a recording."""
    xml = SAMPLE.read_text(encoding="utf-8")
    xml = xml.replace(
        '<link href="https://harbourconf.example/2026/talk/105/slides.pdf">Slides</link>',
        '<link href="https://harbourconf.example/2026/talk/105/slides.pdf">Slides</link>\n'
        f'<link href="{VIDEO}">Video recording</link>',
    )
    path = tmp_path / "after.xml"
    path.write_text(xml, encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot, library, tmp_path):
    import_schedule(library, str(SAMPLE))
    import_schedule(library, str(_with_recordings(tmp_path)), conference_id=1)
    win = build_window(
        library, clock=lambda: datetime(2026, 5, 16, 9, 0, tzinfo=UTC), notifier=RecordingNotifier()
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(win.settled)
    yield win
    win.autosaver.flush()


def _talk(library, prefix):
    return next(t for t in list_talks(library) if t.title.startswith(prefix))


def test_talk_header_names_the_recording_and_slides_first(qtbot, window, library):
    night = _talk(library, "Night Owls")
    window.sidebar.select_talk(night.id)
    qtbot.waitUntil(window.settled)
    header = window.editor.header.text()
    assert f'<a href="{VIDEO}">▶ Video: Video recording</a>' in header
    assert header.index("▶ Video") < header.index("Slides")


def test_watch_later_lists_starred_talks_without_notes_that_have_a_recording(
    qtbot, window, library
):
    night = _talk(library, "Night Owls")
    other = _talk(library, "Static Sites")
    set_starred(library, night.id, True)
    set_starred(library, other.id, True)  # starred, but no recording
    window.reload()
    qtbot.waitUntil(window.settled)
    window.act_watch_later.trigger()
    dialog = window.findChild(WatchLaterDialog)
    qtbot.waitUntil(lambda: dialog.isVisible())
    assert dialog.talk_ids() == [night.id]
    assert dialog.list.item(0).toolTip() == VIDEO
    dialog.go_button.click()
    assert window.sidebar.current_talk_id() == night.id
    save_talk_note(library, night.id, "watched it")  # a note: not missed after all
    window.reload()
    qtbot.waitUntil(window.settled)
    again = WatchLaterDialog(window.model.talks(), lambda _id: None, window)
    qtbot.addWidget(again)
    assert again.talk_ids() == []


def test_agenda_export_then_import_from_the_file_menu(qtbot, window, library, tmp_path):
    assert window.act_agenda_export in window.menuBar().actions()[0].menu().actions()
    night = _talk(library, "Night Owls")
    set_starred(library, night.id, True)
    window.reload()
    qtbot.waitUntil(window.settled)
    window.sidebar.select_talk(night.id)
    qtbot.waitUntil(window.settled)
    target = tmp_path / "mine.ics"
    export_agenda(window, str(target))
    qtbot.waitUntil(target.exists)
    qtbot.waitUntil(lambda: "Wrote 1 starred" in window.statusBar().currentMessage())
    assert "Night Owls" in target.read_text()
    set_starred(library, night.id, False)
    window.reload()
    qtbot.waitUntil(window.settled)
    import_agenda(window, str(target))
    qtbot.waitUntil(lambda: getattr(window, "agenda_report", "").startswith("Starred 1"))
    qtbot.waitUntil(window.settled)  # the sidebar re-read
    assert window.model.talk(night.id).starred


def test_a_url_with_a_token_asks_before_keeping_it_and_shows_it_redacted(
    qtbot, library, memory_keyring
):
    from desktop import secrets
    from desktop.store.conferences import list_conferences
    from tests.conftest import Reply, http_server
    from tests.ui.conftest import RecordingNotifier

    def respond(path: str, headers: dict[str, str]) -> Reply:
        ok = path == "/s.xml?token=gui-s3cret"
        return (200, SAMPLE.read_bytes(), None) if ok else (401, b"", None)

    window = build_window(library, notifier=RecordingNotifier(answer="Yes"))
    qtbot.waitUntil(window.settled)
    qtbot.addWidget(window)
    with http_server(respond) as base:
        with qtbot.waitSignal(window.import_flow.imported, timeout=10_000):
            window.import_flow.start(f"{base}/s.xml?token=gui-s3cret")
        qtbot.waitUntil(window.settled)  # the sidebar shows the conference
        (kind, title, text), *_ = window.notifier.told
        assert (kind, title) == ("ask", "Credentials in the URL")
        assert "token=***" in text and "gui-s3cret" not in text
        (conf,) = list_conferences(library)
        assert conf.source_uri == f"{base}/s.xml"
        assert secrets.get_url_secret(conf.source_uri).query == [("token", "gui-s3cret")]
        with qtbot.waitSignal(window.import_flow.imported, timeout=10_000) as refreshed:
            window.refresh_schedule()  # F5: the kept token goes with the stored URL
        assert refreshed.args[0].unchanged == 12
