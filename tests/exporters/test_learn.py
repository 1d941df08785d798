"""Learning a blog's conventions from the two real blogs in ../shared/fixtures/blogs/."""

import pytest

from desktop.core.errors import TalknotesError
from desktop.exporters.learn import detect, learn
from desktop.exporters.site_config import NotRead
from tests.exporters.conftest import copy_blog


def test_hugo_blog_profile(tmp_path):
    profile = learn(copy_blog("galexrt+www.edenmal.moe", tmp_path))
    assert profile.generator == "hugo" and profile.front_matter == "yaml"
    assert profile.keys == [
        "title",
        "description",
        "toc",
        "sitemap",
        "comments",
        "author",
        "date",
        "tags",
        "cover",
    ]
    assert profile.post_dir == "content/post/{year}"
    assert profile.photos == "sibling"  # Name.md + Name/IMG_….jpg
    assert (profile.image_style, profile.image_width) == ("figure", "600px")
    assert profile.name_case == "keep"  # the blog sets disablePathToLower
    assert profile.author == "Alexander Trost"
    assert profile.date_quoted and profile.tags_style == "list"
    assert profile.defaults == {"toc": True, "sitemap": True, "comments": True}


def test_jekyll_blog_profile(tmp_path):
    profile = learn(copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path))
    assert profile.generator == "jekyll"
    assert set(profile.keys) == {"title", "layout", "category", "tags"}
    assert (profile.category_key, profile.category, profile.layout) == ("category", "blog", "post")
    assert not profile.date_in_front_matter  # the file name carries the date
    assert profile.post_dir == "_posts"
    assert (profile.image_style, profile.static_dir) == ("markdown", "img")


def test_empty_blogs_get_defaults(tmp_path):
    (tmp_path / "h" / "content").mkdir(parents=True)
    (tmp_path / "h" / "hugo.toml").write_text("title = 'x'\n")
    hugo = learn(tmp_path / "h")
    assert (hugo.generator, hugo.photos, hugo.learned_from) == ("hugo", "bundle", 0)
    (tmp_path / "j" / "_posts").mkdir(parents=True)
    assert learn(tmp_path / "j").generator == "jekyll"


def test_not_a_blog(tmp_path):
    with pytest.raises(TalknotesError, match="not a Hugo or Jekyll blog"):
        detect(tmp_path)


def test_toml_front_matter_blog(tmp_path):
    posts = tmp_path / "t" / "content" / "blog"
    posts.mkdir(parents=True)
    (tmp_path / "t" / "config.toml").write_text("title = 'x'\n")
    for n in range(3):
        (posts / f"p{n}.md").write_text(
            f'+++\ntitle = "Post {n}"\ndate = 2024-01-0{n + 1}T10:00:00+01:00\n'
            f'categories = ["talks"]\ntags = ["a"]\n+++\n\n![x](/images/p{n}.png)\n'
        )
    profile = learn(tmp_path / "t")
    assert profile.front_matter == "toml" and profile.learned_from == 3
    assert profile.keys == ["title", "date", "categories", "tags"]
    assert (profile.category_key, profile.category) == ("categories", "talks")
    assert profile.post_dir == "content/blog" and profile.image_style == "markdown"


def test_recap_style_learned_from_each_blogs_recaps(tmp_path):
    hugo = learn(copy_blog("galexrt+www.edenmal.moe", tmp_path))
    assert (hugo.heading_form, hugo.heading_level, hugo.group_by) == ("title_speakers", 2, "kind")
    assert hugo.keynote_prefix and not hugo.speakers_line
    assert hugo.day_title == "{conference} - Day {n}"  # "KubeCon Copenhagen 2018 - Day 1"
    assert hugo.caption_title == "{conference} - {talk} - {caption}"  # "KubeCon - Keynote - …"
    assert not hugo.figure_alt and not hugo.draft and hugo.links
    assert list(hugo.tag_vocabulary)[:2] == ["Conferences", "KubeCon"]
    jekyll = learn(copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path))
    assert (jekyll.heading_form, jekyll.heading_level, jekyll.group_by) == ("plain", 1, "kind")
    assert not jekyll.speakers_line and jekyll.wrapup_heading == "Wrap Up"
    assert jekyll.day_title == "{conference} - Day {n} Recap"  # "KubeCon - Day 1 Recap"
    assert not jekyll.draft


@pytest.mark.parametrize(
    ("generator", "case", "apostrophes", "slug"),
    [
        ("jekyll", "lower", "drop", "youre-not-alone-at-kubecon"),
        ("jekyll", "lower", "split", "you-re-not-alone-at-kubecon"),
        ("hugo", "keep", "drop", "Youre-Not-Alone-at-KubeCon"),
    ],
)
def test_file_names_in_the_blogs_style(generator, case, apostrophes, slug):
    from desktop.exporters.compose import make_slug
    from desktop.exporters.registry import default_profile

    profile = default_profile(generator)
    profile.name_case, profile.apostrophes = case, apostrophes
    assert make_slug("You're Not Alone at KubeCon", profile) == slug


def test_numeric_categories_are_learned_as_text(tmp_path):
    """`category: 2024` is a YAML number, and `[2024]` a list of one: learning read them as
    text and crashed on the number ('int' object is not subscriptable)."""
    posts = tmp_path / "j" / "_posts"
    posts.mkdir(parents=True)
    for day, value in (("01", "2024"), ("02", "2024"), ("03", "[2024]")):
        (posts / f"2024-01-{day}-post.md").write_text(
            f"---\ntitle: Post {day}\ncategory: {value}\n---\nBody.\n"
        )
    profile = learn(tmp_path / "j")
    assert (profile.category_key, profile.category) == ("category", "2024")


@pytest.mark.parametrize("config", ["- a list\n- of lines\n", "just a sentence\n", "[1, 2]\n"])
def test_a_hugo_config_that_is_not_a_mapping_teaches_nothing(tmp_path, config):
    """A hugo.yaml holding a list or a lone value is read as no settings, not a crash
    ('list' object has no attribute 'get')."""
    (tmp_path / "h" / "content" / "post").mkdir(parents=True)
    (tmp_path / "h" / "hugo.yaml").write_text(config)
    (tmp_path / "h" / "content" / "post" / "Post.md").write_text("---\ntitle: T\n---\nBody.\n")
    profile = learn(tmp_path / "h")
    assert (profile.generator, profile.learned_from, profile.name_case) == ("hugo", 1, "lower")


@pytest.mark.parametrize(
    ("name", "config", "why"),
    [
        (
            "hugo.toml",
            "title =\n",
            "hugo.toml: not read, learned without it (Invalid value (at line 1",
        ),
        ("config.yaml", "title: [x\n", "config.yaml: not read, learned without it (expected"),
        ("hugo.json", "{", "hugo.json: not read, learned without it (Expecting property"),
        ("hugo.yaml", "- a\n", "hugo.yaml: not read, learned without it (no settings in it)"),
    ],
)
def test_what_could_not_be_read_is_told_with_its_file_and_why(tmp_path, name, config, why):
    """A broken config and a post whose front matter is no YAML were skipped in silence: the
    profile is still learned from the rest, and each is told as "file: why"."""
    posts = tmp_path / "h" / "content" / "post"
    posts.mkdir(parents=True)
    (tmp_path / "h" / name).write_text(config)
    (posts / "Post.md").write_text("---\ntitle: T\n---\nBody.\n")
    (posts / "Broken.md").write_text("---\ntitle: Broken: colons\n---\nBody.\n")
    problems: list[NotRead] = []
    profile = learn(tmp_path / "h", problems)
    assert (profile.generator, profile.learned_from) == ("hugo", 1)
    assert str(problems[0]) == (
        "content/post/Broken.md: skipped, front matter not read "
        "(mapping values are not allowed in this context (line 2, column 14))"
    )
    assert str(problems[1]).startswith(why) and len(problems) == 2
    assert problems[1].path == name
    assert learn(tmp_path / "h").learned_from == 1  # (nobody asking: nothing told)
