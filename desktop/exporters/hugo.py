"""Hugo: posts under content/, photos beside them (bundle or sibling folder), figure shortcode."""

from __future__ import annotations

import re

from desktop.exporters.base import Generator, one_line
from desktop.exporters.compose import Post, PostPhoto
from desktop.exporters.literal import clean_text
from desktop.exporters.profile import BlogProfile

# an opening {{< or {{% (not already escaped) up to its close, or to the end of the text
_SHORTCODE = re.compile(r"\{\{([<%])(?!/\*)(.*?)(?:([>%])\}\}|$)", re.S)


def shortcode_string(value: str) -> str:
    """A shortcode parameter value that survives quotes, backslashes and `}}`."""
    value = one_line(value)
    if '"' not in value and "\\" not in value:
        return f'"{value}"'  # as the blogs write them
    if "`" not in value:
        return f"`{value}`"  # raw string: nothing inside is special
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


_ALT_DROP = re.compile(r"[<>*_`~\\|\[\]]")
_ALT_TYPOGRAPHY = (("---", "—"), ("--", "–"), ("...", "…"), ("'", "’"), ('"', "”"))


def _plain_alt(text: str) -> str:
    for plain, typographic in _ALT_TYPOGRAPHY:
        text = text.replace(plain, typographic)
    return " ".join(_ALT_DROP.sub(" ", text).split())


class Hugo(Generator):
    name = "hugo"
    label = "Hugo"

    @staticmethod
    def default_profile() -> BlogProfile:
        return BlogProfile(
            generator="hugo",
            keys=["title", "date", "draft", "description", "tags"],
            post_dir="content/posts",
            photos="bundle",
            image_style="figure",
        )

    def _dir(self, post: Post) -> str:
        folder = self.profile.post_dir.replace("{year}", f"{post.date.year:04d}").strip("/")
        content = self.site.content_dir
        if content != "content" and (folder + "/").startswith("content/"):
            # the defaults' content/ is the blog's contentDir
            folder = content + folder.removeprefix("content")
        return folder

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
        folder = self.photo_dir(post).removeprefix(self.site.content_dir + "/")
        return f"/{folder}/{photo.filename}"

    def drafts_hide_photos(self, post: Post) -> bool:
        return self._as_bundle(post)

    def image(self, post: Post, photo: PostPhoto, caption: str) -> str:
        if self.profile.image_style != "figure":
            # Hugo's goldmark makes an image's alt from the caption's text with no escape or
            # entity undone, its markup dropped and its quotes as raw entities: the alt gets the
            # caption's words (typographic quotes ready-made), the title the caption itself
            text = one_line(clean_text(caption))
            title = text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
            alt = _plain_alt(text)
            url = self.photo_url(post, photo)
            return f'![{self.escape_text(alt)}]({url} "{self.escape_text(title)}")'
        width = (
            f" width={shortcode_string(self.profile.image_width)}"
            if self.profile.image_width
            else ""
        )
        alt = f" alt={shortcode_string(caption)}" if self.profile.figure_alt else ""
        return (
            f"{{{{< figure src={shortcode_string(self.photo_url(post, photo))}{width} "
            f"title={shortcode_string(caption)}{alt} >}}}}"
        )

    def escape_text(self, text: str) -> str:
        """A note that mentions `{{< x >}}` shows it instead of running it; a lone `>}}` is
        left as it is (Hugo only reads what opens with `{{<` or `{{%`)."""

        def shown(m: re.Match[str]) -> str:
            if m.group(3) is None:  # never closed: Hugo would stop the build; an entity is text
                return "&#123;&#123;" + m.group(1) + m.group(2)
            return f"{{{{{m.group(1)}/*{m.group(2)}*/{m.group(3)}}}}}"

        return _SHORTCODE.sub(shown, text)
