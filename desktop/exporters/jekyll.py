"""Jekyll: _posts/YYYY-MM-DD-slug.md (drafts in _drafts/), photos under a site folder."""

from __future__ import annotations

import re

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


class Jekyll(Generator):
    name = "jekyll"
    label = "Jekyll"

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
        return super().image(post, photo, caption)

    def note_text(self, markdown: str) -> str:
        return paren_lists(markdown)

    def escape_text(self, text: str) -> str:
        """Liquid would run `{{ … }}` and `{% … %}` in notes: print them literally instead."""
        return _LIQUID.sub(lambda m: '{{ "' + m.group(0) + '" }}', text)

    def wants(self, key: str, post_draft: bool = False) -> bool:
        return key in ("title", "layout") or (key == "date" and self.profile.date_in_front_matter)
