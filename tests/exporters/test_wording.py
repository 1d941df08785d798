"""The words a recap starts from: the intro sentence, day headings, the recap's title."""

from datetime import date

from desktop.core.models import Conference
from desktop.core.render import render_html
from desktop.exporters.registry import default_profile
from desktop.exporters.wording import day_heading, default_intro, recap_title

DAYS = [date(2024, 2, 3), date(2024, 2, 4)]


def test_intro_links_the_conference_it_was_downloaded_from():
    conf = Conference("FOSDEM 2024", source_uri="https://fosdem.org/2024/schedule/xml")
    assert default_intro(conf, DAYS[1], DAYS) == (
        "I attended [FOSDEM 2024](https://fosdem.org/). This is my recap of the second day, "
        "Sunday, 4 February 2024."
    )


def test_intro_from_a_file_has_no_link_and_brackets_stay_text():
    conf = Conference("[Local] Con", source_uri="/home/me/schedule.xml")
    intro = default_intro(conf, None, DAYS)
    assert intro == "I attended \\[Local\\] Con. This is my recap of the conference."
    assert render_html(intro) == f"<p>{intro.replace(chr(92), '')}</p>"  # shown without \\


def test_day_heading_and_titles_in_the_blogs_pattern():
    assert day_heading(1, DAYS[0]) == "Day 1 – Saturday, 3 February 2024"
    profile = default_profile("jekyll")
    profile.day_title = "{conference} - Day {n} Recap"
    assert recap_title(profile, Conference("KubeCon"), 2) == "KubeCon - Day 2 Recap"
    assert recap_title(profile, Conference("KubeCon"), None) == "KubeCon Recap"


def test_intro_links_the_schedules_own_site_and_says_where():
    conf = Conference(
        "FOSDEM 2024",
        source_uri="https://mirror.example.org/fosdem.xml",
        url="https://fosdem.org/2024/schedule/",
        city="Brussels",
        venue="ULB (Université Libre de Bruxelles)",
    )
    assert default_intro(conf, DAYS[0], DAYS) == (
        "I attended [FOSDEM 2024](https://fosdem.org/2024/schedule/) at ULB (Université Libre "
        "de Bruxelles) in Brussels. This is my recap of the first day, Saturday, 3 February 2024."
    )
    only_city = Conference("Camp", city="Mildenberg")
    assert default_intro(only_city, None, DAYS).startswith("I attended Camp in Mildenberg.")


def test_intro_link_never_carries_credentials():
    """A URL stored by an earlier version with its credentials: only the site is linked."""
    conf = Conference("Con", source_uri="https://ann:pw-123@sched.example.org:8443/a.ics?token=t1")
    assert default_intro(conf, None, DAYS).startswith(
        "I attended [Con](https://sched.example.org:8443/)."
    )
    conf = Conference("Con", url="https://con.example.org/?api_key=k-456&lang=en")
    assert "[Con](https://con.example.org/?lang=en)" in default_intro(conf, None, DAYS)


def test_import_from_a_url_with_a_token_stores_and_exports_no_token(
    library, memory_keyring, tmp_path
):
    """The token in the imported URL, and one in the schedule's own <url>, reach neither the
    library nor the exported post: the intro links the schedule's site without it."""
    from desktop.exporters.compose import ExportRequest
    from desktop.services.exporting import export
    from desktop.services.importing import import_schedule
    from desktop.store.conferences import list_conferences
    from desktop.store.notes import save_talk_note
    from desktop.store.talks import list_talks
    from tests.conftest import SAMPLE, Reply, http_server

    token = "tok-7f3e91"
    xml = SAMPLE.read_text(encoding="utf-8").replace(
        "<base_url>https://harbourconf.example/2026/</base_url>",
        f"<url>https://harbourconf.example/2026/?lang=en&amp;token={token}</url>"
        "<city>Lisbon</city><venue>Pavilhão Carlos Lopes</venue>",
    )

    def respond(path: str, headers: dict[str, str]) -> Reply:
        ok = path == f"/schedule.xml?token={token}"
        return (200, xml.encode(), None) if ok else (401, b"", None)

    with http_server(respond) as base:
        summary = import_schedule(library, f"{base}/schedule.xml?token={token}")
    (conf,) = list_conferences(library)
    assert conf.source_uri == f"{base}/schedule.xml"
    assert conf.url == "https://harbourconf.example/2026/?lang=en"
    talk = next(t for t in list_talks(library) if t.title == "Offline First, Always")
    save_talk_note(library, talk.id, "Notes.")
    blog = tmp_path / "blog"
    blog.mkdir()
    request = ExportRequest("day", conference_id=summary.conference_id, day=talk.day)
    result = export(library, request, blog, fmt="markdown", remember_profile=False)
    post = (blog / result.plan.post_path).read_text(encoding="utf-8")
    assert (
        "I attended [Harbour Notes Conference 2026](https://harbourconf.example/2026/?lang=en) "
        "at Pavilhão Carlos Lopes in Lisbon." in post
    )
    written = [p for p in blog.rglob("*") if p.is_file()]
    stored = [library.database_path, *library.path.glob("talknotes.sqlite3*")]
    for path in written + stored:
        assert token.encode() not in path.read_bytes(), path


def test_description_from_the_intro_reads_schedule_text_as_written():
    """The intro shows schedule text literally (escaped Markdown, entities); the description
    taken from it is what the reader sees, not the escapes."""
    from desktop.exporters.compose import first_sentence

    conf = Conference("C++ & Q&A [Berlin] *live* --", venue="Hall <A>", city="Köln")
    intro = default_intro(conf, None, DAYS)
    assert "&amp;" in intro and "\\[" in intro  # escaped in the Markdown
    assert first_sentence(intro) == "I attended C++ & Q&A [Berlin] *live* -- at Hall <A> in Köln."
