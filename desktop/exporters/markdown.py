"""Plain Markdown, for blogs that are neither Hugo nor Jekyll (Medium, Ghost, a CMS): each post
in a folder of its own, `<slug>/<slug>.md` with its photos in `<slug>/img/`, and
`<slug>/<slug>.html` beside it to paste into a web editor."""

from __future__ import annotations

import html

from desktop.core.render import render_html
from desktop.exporters.base import Generator, markdown_literal
from desktop.exporters.compose import Post, PostPhoto
from desktop.exporters.profile import BlogProfile


class PlainMarkdown(Generator):
    name = "markdown"
    label = "Plain Markdown (+ HTML)"

    @staticmethod
    def default_profile() -> BlogProfile:
        return BlogProfile(
            generator="markdown",
            keys=[],
            post_dir="",
            photos="folder",
            heading_form="bold",  # as Medium-style recaps do: **Title** then _Speaker_
            draft=False,
        )

    def post_path(self, post: Post) -> str:
        return f"{post.slug}/{post.slug}.md"

    def photo_dir(self, post: Post) -> str:
        return f"{post.photo_folder}/img"

    def photo_url(self, post: Post, photo: PostPhoto) -> str:
        if post.photo_folder != post.slug:  # a copy: the photos of the post it copies
            return f"../{post.photo_folder}/img/{photo.filename}"
        return f"img/{photo.filename}"

    def drafts_hide_photos(self, post: Post) -> bool:
        return True  # nothing here is published by itself

    def front_matter(self, post: Post) -> dict[str, object]:
        return {}

    def document(self, post: Post) -> str:
        """The whole post: its title as the first heading, then the recap (tags and the
        description are given to the web editor's own fields)."""
        return f"# {self.schedule_text(post.title)}\n\n" + self.body(post)

    def extra_files(self, post: Post, content: bytes) -> dict[str, bytes]:
        """The post as HTML (what Medium and other web editors accept when pasted)."""
        body = render_html(content.decode("utf-8"))
        page = (
            '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
            f"<title>{html.escape(post.title)}</title></head>\n<body>\n{body}\n</body></html>\n"
        )
        return {f"{post.slug}/{post.slug}.html": page.encode("utf-8")}


__all__ = ["PlainMarkdown", "markdown_literal"]
