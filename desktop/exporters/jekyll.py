"""Jekyll: _posts/YYYY-MM-DD-slug.md (drafts in _drafts/), photos under a site folder."""

from __future__ import annotations

import re

from desktop.exporters.base import Generator, escape_alt
from desktop.exporters.compose import Post, PostPhoto

_LIQUID = re.compile(r"\{[{%]")


class Jekyll(Generator):
    name = "jekyll"

    def post_path(self, post: Post) -> str:
        if post.draft:
            return f"_drafts/{post.slug}.md"
        return f"_posts/{post.date:%Y-%m-%d}-{post.slug}.md"

    def photo_dir(self, post: Post) -> str:
        return f"{(self.profile.static_dir or 'assets/img').strip('/')}/{post.photo_folder}"

    def photo_url(self, post: Post, photo: PostPhoto) -> str:
        return f"/{self.photo_dir(post)}/{photo.filename}"

    def image(self, post: Post, photo: PostPhoto, caption: str) -> str:
        if self.profile.image_style == "relative_url":
            url = f"{{{{ '{self.photo_url(post, photo)}' | relative_url }}}}"
            return f"![{self.escape_text(escape_alt(caption))}]({url})"
        return super().image(post, photo, caption)

    def escape_text(self, text: str) -> str:
        """Liquid would run `{{ … }}` and `{% … %}` in notes: print them literally instead."""
        return _LIQUID.sub(lambda m: '{{ "' + m.group(0) + '" }}', text)

    def wants(self, key: str, post_draft: bool = False) -> bool:
        return key in ("title", "layout") or (key == "date" and self.profile.date_in_front_matter)
