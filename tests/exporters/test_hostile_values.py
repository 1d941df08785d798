"""Property test: any title, tag or caption round-trips through front matter, and no file
lands outside the blog."""

from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop.exporters import frontmatter_io
from desktop.exporters.compose import ExportRequest, clean_tag, clean_text
from desktop.exporters.registry import default_profile
from desktop.services.exporting import export

SPECIALS = st.sampled_from(
    [
        '"',
        "'",
        ":",
        "\x85",
        "\u2028",
        "---",
        "+++",
        "}}",
        "{{<",
        "\n",
        "#",
        "@",
        "*",
        "`",
        "../",
        "/",
        "\\",
        "\x00",
        "\x1b",
        "🎤",
        "עברית",
        "مرحبا",
        "%",
        "&",
        "[",
        "]",
        "|",
        ">",
        "- ",
        "? ",
        "!",
        "{%",
        "'''",
        '"""',
    ]
)
TEXT = st.lists(st.one_of(SPECIALS, st.text(max_size=8)), min_size=1, max_size=8).map("".join)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=TEXT,
    tags=st.lists(TEXT, min_size=1, max_size=3),
    fmt=st.sampled_from(["yaml", "toml"]),
    generator=st.sampled_from(["hugo", "jekyll"]),
)
def test_front_matter_round_trips(recap_library, tmp_path_factory, title, tags, fmt, generator):
    assume(clean_text(title).strip())  # a blank title or description means "the default"
    blog = tmp_path_factory.mktemp("blog")
    profile = default_profile(generator)
    profile.front_matter = fmt
    request = ExportRequest(
        "day", conference_id=1, day=date(2026, 5, 14), title=title, tags=tags, description=title
    )
    result = export(recap_library, request, blog, profile=profile, remember_profile=False)
    for rel in result.written:
        assert (blog / rel).resolve().is_relative_to(blog.resolve())
    post = frontmatter_io.read((blog / result.plan.post_path).read_text(encoding="utf-8"))
    assert post["title"] == clean_text(title)
    assert post["description"] == clean_text(title)
    assert post["tags"] == [clean_tag(t) for t in tags if clean_tag(t)]


# --- the hostile-string suite: titles, captions and tags built by each target --------------

HOSTILE = [
    "<script>alert(1)</script>",
    "{{< youtube x >}}",
    "{{ site.title }} {% raw %}",
    "*star* _under_ `tick` ~~strike~~",
    "[link](javascript:alert(1))",
    "](photo:0123456789abcdef)",
    "--- # not a heading",
    "bell\x07nul\x00esc\x1b end",
    "../../etc/passwd",
    "C++ & Q&A &amp; <b>",
    "\"double\" 'single' \\back\\slash",
    "}} >}} %}",
    "🎤 עברית right-to-left",
    "line\u2028separator",
    "#hash | pipe",
    "open {{< never closed",
    'Kelsey\'s demo -- "live"',
    "[Lightning] Intro – 1",
]
CHUNKS = [HOSTILE[i : i + 3] for i in range(0, len(HOSTILE), 3)]
TALKS = ["Offline First, Always", "Sketchnoting for Engineers", "Static Sites in 2026"]


_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "…": "..."})


def _shown(text: str) -> str:
    """What a reader should see: the text without control characters, on one line, with
    the typographer's quotes taken as the straight quotes they stand for."""
    return " ".join(clean_text(text).split()).translate(_TYPOGRAPHY)


def _hostile_library(lib, strings: list[str]) -> None:
    """Talk titles, photo captions, the first speaker's affiliation of each talk, and the
    conference's city and venue (in the intro) all carry the hostile strings."""
    from sqlmodel import Session, select

    from desktop.store.notes import talk_note
    from desktop.store.photos import note_photos, set_caption
    from desktop.store.tables import ConferenceRow, TalkRow, TalkSpeakerRow

    captions = iter(strings)
    for title, hostile in zip(TALKS, strings, strict=False):
        note = talk_note(lib, lib.talks[title].id)
        for photo in note_photos(lib, note.id):
            set_caption(lib, photo.id, next(captions, hostile))
        with Session(lib.engine) as s:
            row = s.exec(select(TalkRow).where(TalkRow.id == lib.talks[title].id)).one()
            row.title = hostile
            s.add(row)
            first = s.exec(
                select(TalkSpeakerRow).where(
                    TalkSpeakerRow.talk_id == row.id, TalkSpeakerRow.position == 0
                )
            ).one()
            first.affiliation = hostile
            s.add(first)
            s.commit()
    with Session(lib.engine) as s:
        conference = s.exec(select(ConferenceRow)).one()
        conference.venue, conference.city = strings[0], strings[-1]
        s.add(conference)
        s.commit()


@pytest.mark.parametrize("chunk", CHUNKS, ids=[str(i) for i in range(len(CHUNKS))])
@pytest.mark.parametrize("target", ["hugo", "hugo-images", "hugo-headings", "jekyll", "markdown"])
def test_hostile_titles_captions_tags_build_and_show_as_written(
    recap_library, tmp_path, chunk, target
):
    from tests.exporters.conftest import build_hugo, build_jekyll, hugo_site, jekyll_site
    from tests.exporters.html_check import read_page

    _hostile_library(recap_library, chunk)
    variant, target = target, target.partition("-")[0]
    profile = default_profile(target)
    profile.draft = False
    if variant == "hugo-images":  # Markdown images instead of the figure shortcode
        profile.image_style = "markdown"
    if variant == "hugo-headings":  # '### Title - Speaker, Affiliation', as a real blog does
        profile.heading_form, profile.speakers_line = "title_speakers", False
    if target == "hugo":
        site = hugo_site(tmp_path)
    elif target == "jekyll":
        site = jekyll_site(tmp_path)
    else:
        site = tmp_path / "plain"
        site.mkdir()
    request = ExportRequest("day", conference_id=1, day=date(2026, 5, 14), tags=chunk)
    result = export(recap_library, request, site, profile=profile, remember_profile=False)
    assert result.plan.post.tags == [clean_tag(t) for t in chunk if clean_tag(t)]
    if target == "hugo":
        public = build_hugo(site)
        (page_path,) = [
            p for p in public.rglob("index.html") if p.parent.name.startswith("harbour-notes")
        ]
    elif target == "jekyll":
        public = build_jekyll(site)
        (page_path,) = [p for p in public.rglob("*.html") if "harbour-notes" in p.name]
    else:
        page_path = site / next(f.path for f in result.plan.files if f.kind == "page")
    page = read_page(page_path)
    html = page_path.read_text(encoding="utf-8")
    assert "<script" not in html and "\x00" not in html and "\x07" not in html
    # the plain Markdown target writes a talk's title in bold, as Medium-style recaps do
    headings = [h.translate(_TYPOGRAPHY) for h in page.headings + page.strong]
    alts = [a.translate(_TYPOGRAPHY) for a in page.alts]
    text = page.text.translate(_TYPOGRAPHY)
    for hostile, title in zip(chunk, TALKS, strict=False):
        if variant == "hugo-headings":
            first, *others = recap_library.talks[title].speakers
            who = "; ".join([f"{first}, {_shown(hostile)}", *others])
            assert f"{_shown(hostile)} - {who}" in headings, (hostile, headings)
        else:
            assert _shown(hostile) in headings, (hostile, headings)
            # the affiliation beside its speaker ('– Name, …', '_Name, …_')
            first = recap_library.talks[title].speakers[0]
            assert f"{first}, {_shown(hostile)}" in text, (hostile, text)
    where = f"at {_shown(chunk[0])} in {_shown(chunk[-1])}."  # the intro: venue and city
    assert where in text, (where, text)
    captions = [_shown(c) for c in chunk]
    if profile.generator == "hugo" and profile.image_style == "markdown":
        alts = page.image_titles  # Hugo's alt holds the caption's words only (see Hugo.image)
    assert all(c in alts for c in captions), (captions, alts)
