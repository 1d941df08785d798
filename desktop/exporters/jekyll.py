"""Jekyll: _posts/YYYY-MM-DD-slug.md (drafts in _drafts/), photos under a site folder."""

from __future__ import annotations

import re
from datetime import datetime, time, tzinfo
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from desktop.core.timezones import get_zone
from desktop.exporters.base import Generator, escape_alt
from desktop.exporters.compose import Post, PostPhoto
from desktop.exporters.profile import BlogProfile

_LIQUID = re.compile(r"\{[{%]")
_QUOTES = re.compile(r"^(?: {0,3}> ?)*")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_PAREN_ITEM = re.compile(r"^(?P<indent> *)(?P<number>\d{1,9})\)(?=[ \t]|$)")
_ANY_ITEM = re.compile(r"^ *([-*+]|\d{1,9}[.)])([ \t]|$)")
_NOT_PARAGRAPH = re.compile(r"^ {0,3}(#|<|\||[-*_]( *[-*_]){2,} *$)")


def paren_lists(markdown: str) -> str:
    """`1)` list items written `1.`: kramdown has no `1)` lists and prints them as text in a
    paragraph, where Hugo, the preview and the note's author see a list. Only list items as
    CommonMark reads them change: not code, not a `2)` that continues a paragraph line.

    Hand-written, not a library: python-markdown (our renderer) has no `1)` lists to tell
    items with, and a CommonMark parser just for this one marker is a dependency too many."""
    out: list[str] = []
    fence = ""
    in_list = in_paragraph = after_blank = False
    for line in markdown.split("\n"):
        quotes = _QUOTES.match(line)  # always matches, maybe nothing
        lead = quotes[0] if quotes else ""
        body = line[len(lead) :]
        if fence:
            fence = "" if body.strip().startswith(fence) else fence
            out.append(line)
            continue
        if opening := _FENCE.match(body.lstrip(" ") if in_list else body):
            fence, in_paragraph, after_blank = opening.group(1), False, False
            out.append(line)
            continue
        if not body.strip():
            in_paragraph, after_blank = False, True
            out.append(line)
            continue
        indent = len(body) - len(body.lstrip(" "))
        if not in_list and not in_paragraph and indent >= 4:  # indented code
            out.append(line)
            after_blank = False
            continue
        item = _PAREN_ITEM.match(body)
        starts = item is not None and (
            in_list or not in_paragraph or item["number"] == "1"  # (CommonMark's rule)
        )
        if item is not None and starts and (in_list or indent <= 3):
            body = f"{item['indent']}{item['number']}.{body[item.end() :]}"
            in_list, in_paragraph = True, True
        elif item is None and _ANY_ITEM.match(body):
            in_list, in_paragraph = True, True
        else:
            if indent == 0 and after_blank:
                in_list = False  # a paragraph after the list
            in_paragraph = not _NOT_PARAGRAPH.match(body)
        after_blank = False
        out.append(lead + body)
    return "\n".join(out)


# Jekyll's permalink styles (Jekyll::Utils#permalink_style_template)
_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_DATE_PARTS = {
    "year": "%Y",
    "month": "%m",
    "day": "%d",
    "hour": "%H",
    "minute": "%M",
    "second": "%S",
    "y_day": "%j",
    "short_year": "%y",
    "long_month": "%B",
    "short_month": "%b",
    "long_day": "%A",
    "short_day": "%a",
    "week": "%V",
    "w_year": "%G",
    "w_day": "%u",
}
_PLACEHOLDER = re.compile(r":([a-z_]+)")


def site_zone(name: str) -> tzinfo:
    """The zone a site is built in: its config's, else this machine's (where Jekyll or Hugo
    would run when the config names none)."""
    if name:
        try:
            return get_zone(name)
        except Exception:  # noqa: BLE001 (an unknown name: the engine falls back too)
            pass
    local = datetime.now().astimezone().tzinfo
    assert local is not None
    return local


def _categories(meta: dict[str, Any]) -> list[str]:
    """A post's categories as Jekyll reads them from its front matter (`categories`: a list,
    or words; `category`: one), lower case and once each, as its URL has them."""
    found: list[str] = []
    for key in ("categories", "category"):
        value = meta.get(key)
        if isinstance(value, str):
            found += value.split() if key == "categories" else [value]
        elif isinstance(value, list):
            found += [str(v) for v in value if v is not None]
        elif value is not None:
            found.append(str(value))
    return list(dict.fromkeys(c.lower() for c in found if c))


class Jekyll(Generator):
    name = "jekyll"
    label = "Jekyll"
    future_setting = "`future: true`"

    @staticmethod
    def default_profile() -> BlogProfile:
        return BlogProfile(
            generator="jekyll",
            keys=["layout", "title", "date", "description", "categories", "tags"],
            category_key="categories",
            layout="post",
            post_dir="_posts",
            photos="static",
            static_dir="assets/img",
            image_style="relative_url",
        )

    def post_path(self, post: Post) -> str:
        """In `_drafts/` or `_posts/`, under the config's `source` and `collections_dir`."""
        folder = self.site.posts_folder()
        if post.draft:
            return (folder / "_drafts" / f"{post.slug}.md").as_posix()
        return (folder / "_posts" / f"{post.date:%Y-%m-%d}-{post.slug}.md").as_posix()

    def publish_time(self, post: Post) -> datetime:
        """The post's time as Jekyll reads it: its front matter's date, else midnight of the
        file name's date in the site's zone (the config's `timezone`, else the machine's)."""
        if self.profile.date_in_front_matter:
            return post.date
        return datetime.combine(post.date.date(), time(0), site_zone(self.site.timezone))

    def builds_future(self) -> bool:
        return self.site.future

    def post_url(self, post: Post) -> str | None:
        """The post's address on the site: the config's `url` and `baseurl`, then its
        permalink (`permalink` of the config, of its front matter defaults for posts, or of
        the post), the date in the site's zone. None for a draft (not published)."""
        if post.draft:
            return None
        meta = self.front_matter(post)
        defaults = self._defaults()
        for key, value in defaults.items():
            meta.setdefault(key, value)
        template = str(meta.get("permalink") or self.site.permalink or "date")
        template = _STYLES.get(template, template)
        when = self.publish_time(post).astimezone(site_zone(self.site.timezone))
        slug = str(meta.get("slug") or post.slug)
        values = {
            "categories": "/".join(_categories(meta)),
            "title": slug,
            "slug": slug,
            "name": slug,
            "output_ext": ".html",
            "path": "",
            "i_month": str(when.month),
            "i_day": str(when.day),
            **{name: when.strftime(form) for name, form in _DATE_PARTS.items()},
        }

        def placeholder(match: re.Match[str]) -> str:
            name = match.group(1)
            for key in (name, name.removesuffix("_")):
                if key in values:
                    return quote(values[key], safe="/") + match.group(0)[len(key) + 1 :]
            return match.group(0)

        path = re.sub(r"/{2,}", "/", "/" + _PLACEHOLDER.sub(placeholder, template))
        path = path.replace("..", "/").replace("./", "")
        return self.site.site_url + self.site.baseurl + re.sub(r"/{2,}", "/", path)

    def _defaults(self) -> dict[str, Any]:
        """The permalink the config's `defaults` give posts (its scope: all files, or the
        posts' folder, or type posts); a later entry wins. (Categories given there do not
        reach the URL: Jekyll 4.3 reads those from the post alone.)"""
        values: dict[str, Any] = {}
        for entry in self.site.defaults:
            scope = entry.get("scope") if isinstance(entry.get("scope"), dict) else {}
            assert isinstance(scope, dict)
            path = str(scope.get("path") or "").strip("/")
            kind = scope.get("type")
            posts = (PurePosixPath(self.site.collections_dir or ".") / "_posts").as_posix()
            if path not in ("", ".", posts) or kind not in (None, "posts"):
                continue
            given = entry.get("values")
            if isinstance(given, dict) and "permalink" in given:
                values["permalink"] = given["permalink"]
        return values

    def _static(self, post: Post) -> str:
        """The photos' folder as the site serves it."""
        return f"{(self.profile.static_dir or 'assets/img').strip('/')}/{post.photo_folder}"

    def photo_dir(self, post: Post) -> str:
        return (self.site.site_folder() / self._static(post)).as_posix()

    def photo_url(self, post: Post, photo: PostPhoto) -> str:
        return f"/{self._static(post)}/{photo.filename}"

    def image(self, post: Post, photo: PostPhoto, caption: str) -> str:
        if self.profile.image_style == "relative_url":
            url = f"{{{{ '{self.photo_url(post, photo)}' | relative_url }}}}"
            return f"![{self.escape_text(escape_alt(caption))}]({url})"
        # a site served under a `baseurl` has its files there, not at the host's root
        url = self.site.baseurl + self.photo_url(post, photo)
        return f"![{self.escape_text(escape_alt(caption))}]({url})"

    def note_text(self, markdown: str) -> str:
        return paren_lists(markdown)

    def escape_text(self, text: str) -> str:
        """Liquid would run `{{ … }}` and `{% … %}` in notes: print them literally instead."""
        return _LIQUID.sub(lambda m: '{{ "' + m.group(0) + '" }}', text)

    def wants(self, key: str, post_draft: bool = False) -> bool:
        return key in ("title", "layout") or (key == "date" and self.profile.date_in_front_matter)
