"""`talknotes export` names the blog files it could not read, as the export dialog does: in
`warnings[]` and `not_read[]` of --json, and as warnings on stderr."""

import json

import pytest

from tests.cli_in_process import talknotes_in_process
from tests.conftest import SAMPLE


def run(*args, library, check=True):
    result = talknotes_in_process(["--library", str(library), *args])
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


@pytest.fixture
def lib(tmp_path):
    folder = tmp_path / "lib"
    run("import", str(SAMPLE), library=folder)
    run("note", "3", "--append", "Plain files win.", library=folder)
    return folder


def _jekyll_blog(folder, config="title: t\n"):
    (folder / "_posts").mkdir(parents=True)
    (folder / "_config.yml").write_text(config)
    (folder / "_posts" / "2024-01-01-good.md").write_text("---\ntitle: Good\n---\nBody.\n")
    return folder


BROKEN_POST = (
    "_posts/2024-01-02-broken.md",
    "skipped, front matter not read (mapping values are not allowed in this context "
    "(line 2, column 14))",
)


def test_a_post_whose_front_matter_is_broken_yaml_is_named(lib, tmp_path):
    blog = _jekyll_blog(tmp_path / "blog")
    (blog / BROKEN_POST[0]).write_text("---\ntitle: Broken: colons\n---\nBody.\n")
    done = run("export", "--talk", "3", "--to", str(blog), "--dry-run", "--json", library=lib)
    data = json.loads(done.stdout)
    assert data["not_read"] == [{"path": BROKEN_POST[0], "why": BROKEN_POST[1]}]
    assert f"{BROKEN_POST[0]}: {BROKEN_POST[1]}" in data["warnings"]
    assert f"warning: {BROKEN_POST[0]}: {BROKEN_POST[1]}" in done.stderr.splitlines()
    human = run("export", "--talk", "3", "--to", str(blog), "--dry-run", library=lib)
    assert f"warning: {BROKEN_POST[0]}: {BROKEN_POST[1]}" in human.stderr.splitlines()


@pytest.mark.parametrize(
    ("name", "make_blog"),
    [
        ("_config.yml", lambda blog: _jekyll_blog(blog, "title: [x\n")),
        ("hugo.toml", lambda blog: (blog / "content" / "posts").mkdir(parents=True)),
    ],
)
def test_a_broken_config_is_named_on_each_export(lib, tmp_path, name, make_blog):
    """The config is told at every export, a saved profile's too (the config is read each
    time: it says where the post goes)."""
    blog = tmp_path / "blog"
    make_blog(blog)
    (blog / name).write_text("title: [x\n" if name.endswith(".yml") else "title =\n")
    for _ in range(2):  # the second export has the saved profile
        data = json.loads(
            run("export", "--talk", "3", "--to", str(blog), "--json", library=lib).stdout
        )
        assert [n["path"] for n in data["not_read"]] == [name]
        why = data["not_read"][0]["why"]
        assert why.startswith("not read, learned without it (") and "line" in why
        assert f"{name}: {why}" in data["warnings"]


def test_a_damaged_saved_profile_is_named(lib, tmp_path):
    blog = _jekyll_blog(tmp_path / "blog")
    run("export", "--talk", "3", "--to", str(blog), library=lib)
    (saved,) = (lib / "blog-profiles").glob("*.json")
    saved.write_text("[1, 2")
    refused = run("export", "--talk", "3", "--to", str(blog), "--json", library=lib, check=False)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.startswith(f"error: {saved}: not a blog profile Talknotes can read (")


def test_the_posts_address_is_given(lib, tmp_path):
    """The address the blog's config gives the post (url, baseurl, permalink); none for a
    draft, which is not published."""
    blog = _jekyll_blog(
        tmp_path / "blog", "url: https://b.example\nbaseurl: /x\npermalink: /:title/\n"
    )
    args = ("export", "--talk", "3", "--to", str(blog))
    data = json.loads(run(*args, "--no-draft", "--json", library=lib).stdout)
    assert data["url"] == "https://b.example/x/static-sites-in-2026/"
    human = run(*args, "--no-draft", library=lib).stdout
    assert "address: https://b.example/x/static-sites-in-2026/" in human.splitlines()
    draft = json.loads(run(*args, "--draft", "--dry-run", "--json", library=lib).stdout)
    assert draft["url"] is None
