"""A day recap exported into a copy of each real blog (../shared/fixtures/blogs), then the whole
site built offline by the real engine: the post is where its address says, with its photos,
beside the blog's own posts.

The fixtures hold posts and configs, not the sites' themes: what the copy lacks for a build
is stubbed in it and said here. Jekyll: the site's `_layouts/` and `_includes/` (a post
includes `youtube.html`, which Jekyll refuses to miss), and the posts the blog's posts link to
with `{% post_url %}` (the fixture holds 5 of the blog's posts; 2 more are linked). Hugo: the
`hugo-nuo` theme (a git submodule, not in the fixture: Hugo stops with `module "hugo-nuo" not
found`), so the copy drops `theme:` and gets minimal layouts; and a git repository, as
`enableGitInfo` wants (else "Failed to read Git log" stops the build).
"""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from desktop.exporters.compose import ExportRequest
from desktop.services.exporting import export
from tests.exporters.conftest import build_jekyll, copy_blog, require

DAY1 = ExportRequest("day", conference_id=1, day=date(2026, 5, 14))
POST_URL = re.compile(r"\{%\s*post_url\s+(\S+)\s*%\}")


def _path(url: str) -> str:
    return unquote(urlsplit(url).path).lstrip("/")


def test_the_jekyll_blog_builds_whole_with_the_recap(recap_library, tmp_path):
    require("jekyll")
    blog = copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path)
    (blog / "_layouts").mkdir()
    (blog / "_layouts" / "post.html").write_text(
        "<html><body><h1>{{ page.title }}</h1>{{ content }}</body></html>"
    )
    (blog / "_includes").mkdir()
    (blog / "_includes" / "youtube.html").write_text("<p>video {{ include.id }}</p>")
    # posts the blog's posts link to with {% post_url %} that the fixture does not hold
    linked = {m for p in blog.glob("_posts/*.md") for m in POST_URL.findall(p.read_text())}
    for name in linked - {p.stem for p in blog.glob("_posts/*.md")}:
        (blog / "_posts" / f"{name}.md").write_text("---\nlayout: post\ntitle: Stub\n---\n")
    result = export(recap_library, DAY1, blog, draft=False)
    assert result.not_read == [] and result.url is not None
    assert result.url.startswith("https://leebriggs.co.uk/blog/2026/05/14/")
    built = build_jekyll(blog)
    page = built / _path(result.url)
    assert page.is_file(), sorted(p.relative_to(built) for p in built.rglob("*.html"))
    html = page.read_text()
    assert "<h1>Harbour Notes Conference 2026 - Day 1 Recap</h1>" in html
    photos = [f.path for f in result.plan.files if f.kind == "photo"]
    assert len(photos) == 3 and all(f'src="/{p}"' in html for p in photos)
    assert all((built / p).is_file() for p in photos)
    assert (built / "blog/2017/03/28/kubecon-day-1.html").is_file()  # a neighbour, as before


def test_the_hugo_blog_builds_whole_with_the_recap(recap_library, tmp_path):
    require("hugo")
    require("git")
    blog = copy_blog("galexrt+www.edenmal.moe", tmp_path)
    config = blog / "config.yaml"
    config.write_text(config.read_text().replace("theme: hugo-nuo\n", ""))
    layouts = blog / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(
        "<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>"
    )
    listing = "<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>"
    (layouts / "list.html").write_text(listing)
    (blog / "layouts" / "index.html").write_text(listing)
    result = export(recap_library, DAY1, blog, draft=False)
    assert result.not_read == [] and result.url is not None
    # disablePathToLower: the blog's own case, in the file and in the address
    name = PurePosixPath(result.plan.post_path).stem
    assert name.startswith("Harbour-Notes-Conference-2026-Day-1")
    assert result.url == f"https://edenmal.moe/post/2026/{name}/"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "copy"]):
        subprocess.run(["git", *command], cwd=blog, env=env, check=True, capture_output=True)
    done = subprocess.run(["hugo"], cwd=blog, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    built = blog / "public"
    page = built / _path(result.url) / "index.html"
    assert page.is_file(), sorted(p.relative_to(built) for p in built.rglob("index.html"))
    html = page.read_text()
    photos = [f.path for f in result.plan.files if f.kind == "photo"]
    assert len(photos) == 3
    for photo in photos:  # beside the page, as the blog's own photos are
        name = PurePosixPath(photo).name
        assert (page.parent / name).is_file() and f'src="{name}"' in html
    assert (built / "post/2020/FOSDEM20/index.html").is_file()  # a neighbour, as before
