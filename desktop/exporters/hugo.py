"""Hugo: posts under content/, photos beside them (bundle or sibling folder), figure shortcode."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from pathlib import PurePosixPath
from urllib.parse import quote

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


_PERMALINK_TOKEN = re.compile(
    r":(slugorfilename|filename|slug|title|yearday|year|monthname|month|"
    r"weekdayname|weekday|day|sections|section)"
)


def urlize(text: str) -> str:
    """A title as a Hugo 0.111 permalink's `:title` has it (PathSpec.UnicodeSanitize: letters,
    digits, marks and `./\\_#+~-@` kept, a run of spaces before a kept character one hyphen,
    the rest dropped; then lower case, as the whole path is).

    Hand-written: it has to be Hugo's own rule, which no slug library follows."""
    kept: list[str] = []
    hyphen_due = was_hyphen = False
    for i, char in enumerate(text):
        escape = char == "%" and re.fullmatch(r"[0-9A-Fa-f]{2}", text[i + 1 : i + 3]) is not None
        mark = unicodedata.category(char).startswith("M")
        if char.isalpha() or char.isdigit() or mark or char in "./\\_#+~-@" or escape:
            was_hyphen = char == "-"
            if hyphen_due and not was_hyphen:
                kept.append("-")
            hyphen_due = False
            kept.append(char)
        elif kept and not was_hyphen and char.isspace():
            hyphen_due = True
    return "".join(kept)


class Hugo(Generator):
    name = "hugo"
    label = "Hugo"
    future_setting = "`buildFuture = true`"

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

    def publish_time(self, post: Post) -> datetime | None:
        """Hugo holds back a page whose front matter date is after the build."""
        return post.date if self.profile.date_in_front_matter else None

    def builds_future(self) -> bool:
        return self.site.future

    def post_url(self, post: Post) -> str | None:
        """The page's address: baseURL, then the section's `permalinks` pattern, else its
        folders under contentDir and its slug (or file name); lower case unless the config
        has disablePathToLower. None for a draft."""
        relative = PurePosixPath(self.post_path(post))
        if post.draft or not relative.is_relative_to(self.site.content_dir):
            return None
        relative = relative.relative_to(self.site.content_dir)
        bundle = relative.name == "index.md"
        folders = (relative.parent.parent if bundle else relative.parent).parts
        name = relative.parent.name if bundle else relative.stem
        meta = self.front_matter(post)
        slug = str(meta.get("slug") or "")
        section = folders[0] if folders else ""
        template = self.site.permalinks.get(section, "")
        if template:
            when = post.date
            values = {
                "year": f"{when.year:04d}",
                "month": f"{when.month:02d}",
                "monthname": when.strftime("%B"),
                "day": f"{when.day:02d}",
                "weekday": str(when.isoweekday() % 7),
                "weekdayname": when.strftime("%A"),
                "yearday": str(when.timetuple().tm_yday),
                "section": section,
                "sections": "/".join(folders),
                "title": urlize(post.title),
                "slug": urlize(slug or post.title),
                "filename": name,
                "slugorfilename": urlize(slug) if slug else name,
            }
            path = _PERMALINK_TOKEN.sub(lambda m: values[m.group(1)], template)
            path = re.sub(r"/{2,}", "/", "/" + path.lstrip("/"))
        elif self.site.ugly_urls:
            path = "/" + "/".join([*folders, (urlize(slug) or name) + ".html"])
        else:
            path = "/" + "/".join([*folders, urlize(slug) or name]) + "/"
        if self.site.path_to_lower:
            path = path.lower()
        return self.site.site_url + self.site.baseurl + quote(path, safe="/#+~:%")

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
