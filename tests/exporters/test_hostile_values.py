"""Property test: any title, tag or caption round-trips through front matter, and no file
lands outside the blog."""

from datetime import date

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop.exporters import frontmatter_io
from desktop.exporters.compose import ExportRequest, clean_tag, clean_text
from desktop.exporters.profile import default_profile
from desktop.workflows.exporting import export

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
