"""Hugo: posts under content/, photos beside them (bundle or sibling folder), figure shortcode."""

from __future__ import annotations

import re

from desktop.exporters.base import Generator, one_line
from desktop.exporters.compose import Post, PostPhoto

_SHORTCODE_OPEN = re.compile(r"\{\{([<%])(?!/\*)")
_SHORTCODE_CLOSE = re.compile(r"(?<!\*/)([>%])\}\}")


def shortcode_string(value: str) -> str:
    """A shortcode parameter value that survives quotes, backslashes and `}}`."""
    value = one_line(value)
    if '"' not in value and "\\" not in value:
        return f'"{value}"'  # as the blogs write them
    if "`" not in value:
        return f"`{value}`"  # raw string: nothing inside is special
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Hugo(Generator):
    name = "hugo"

    def _dir(self, post: Post) -> str:
        return self.profile.post_dir.replace("{year}", f"{post.date.year:04d}").strip("/")

    def _as_bundle(self, post: Post) -> bool:
        # a draft of a blog with sibling folders is written as a page bundle in that same
        # folder: Hugo publishes a bundle's photos only with its page, a folder's at once
        return self.profile.photos == "bundle" or (self.profile.photos == "sibling" and post.draft)

    def post_path(self, post: Post) -> str:
        if self._as_bundle(post):
            return f"{self._dir(post)}/{post.slug}/index.md"
        return f"{self._dir(post)}/{post.slug}.md"

    def photo_dir(self, post: Post) -> str:
        if self.profile.photos == "static":
            return f"static/{self.profile.static_dir or 'images'}/{post.photo_folder}"
        return f"{self._dir(post)}/{post.photo_folder}"

    def photo_url(self, post: Post, photo: PostPhoto) -> str:
        if self.profile.photos == "static":
            return f"/{self.profile.static_dir or 'images'}/{post.photo_folder}/{photo.filename}"
        if post.photo_slug and post.photo_slug != post.slug:
            return self.site_url(post, photo)  # a copy: the photos of the post it copies
        return photo.filename  # beside the page: relative to its URL

    def site_url(self, post: Post, photo: PostPhoto) -> str:
        if self.profile.photos == "static":
            return self.photo_url(post, photo)
        folder = self.photo_dir(post).removeprefix("content/")
        return f"/{folder}/{photo.filename}"

    def drafts_hide_photos(self, post: Post) -> bool:
        return self._as_bundle(post)

    def image(self, post: Post, photo: PostPhoto, caption: str) -> str:
        if self.profile.image_style != "figure":
            return super().image(post, photo, caption)
        width = (
            f" width={shortcode_string(self.profile.image_width)}"
            if self.profile.image_width
            else ""
        )
        return (
            f"{{{{< figure src={shortcode_string(self.photo_url(post, photo))}{width} "
            f"title={shortcode_string(caption)} alt={shortcode_string(caption)} >}}}}"
        )

    def escape_text(self, text: str) -> str:
        """A note that mentions `{{< x >}}` shows it instead of running it."""
        text = _SHORTCODE_OPEN.sub(lambda m: "{{" + m.group(1) + "/*", text)
        return _SHORTCODE_CLOSE.sub(lambda m: "*/" + m.group(1) + "}}", text)
