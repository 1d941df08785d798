"""A pre-pass that makes python-markdown read a note as the blog's engine will.

Notes are typed fast, in CommonMark habits that python-markdown reads otherwise: a list right
under a paragraph line ("Key points:" then "- first"), lists nested by two or three spaces,
`1)` lists, a backslash hard break. Hugo (goldmark) and Jekyll (kramdown) read them as lists
and breaks; so the preview rewrites them into python-markdown's spelling before rendering.
Where the engines disagree, `flavor` says which to follow ("hugo" unless the note goes to a
Jekyll blog). tests/core/test_preview_parity.py renders a corpus with real hugo and jekyll.

Hand-written, not a library: mdx_truly_sane_lists fixes nesting by a fixed number of
spaces only, and no python-markdown extension lets a list interrupt a paragraph.
"""

from __future__ import annotations

import re

HUGO, JEKYLL = "hugo", "jekyll"

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE = re.compile(r"^ {0,3}> ?")
_ITEM = re.compile(
    r"^(?P<indent> *)(?P<marker>[-*+]|(?P<number>\d{1,9})(?P<delim>[.)]))(?P<gap> +|$)"
)
_RULE = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$")  # a thematic break, not a list item
_BLOCK_START = re.compile(r"^ {0,3}(#{1,6}( |$)|[-*_]( *[-*_]){2,} *$|\||<)")


def prepare(text: str, flavor: str = HUGO) -> str:
    """`text` in python-markdown's spelling of what `flavor`'s engine reads."""
    return "\n".join(_prepare_lines(text.split("\n"), flavor))


def _prepare_lines(lines: list[str], flavor: str) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _QUOTE.match(lines[i]):  # a quote: its inside, prepared the same way
            j = i
            while j < len(lines) and _QUOTE.match(lines[j]):
                j += 1
            inner = [_QUOTE.sub("", line, count=1) for line in lines[i:j]]
            out += [f"> {line}" if line else ">" for line in _prepare_lines(inner, flavor)]
            i = j
            continue
        j = i
        while j < len(lines) and not _QUOTE.match(lines[j]):
            j += 1
        out += _prepare_flat(lines[i:j], flavor)
        i = j
    return out


def _item(line: str, flavor: str, in_list: bool) -> re.Match[str] | None:
    match = _ITEM.match(line)
    if match is None or _RULE.match(line):
        return None
    if match["delim"] == ")" and flavor == JEKYLL:
        return None  # kramdown has no `1)` lists
    if not in_list and len(match["indent"]) > 3:
        return None  # indented code
    return match


def _prepare_flat(lines: list[str], flavor: str) -> list[str]:
    out: list[str] = []
    fence = ""
    in_item_fence: tuple[int, int] | None = None  # (fence's indent, code's new indent)
    in_paragraph = False
    item_paragraph = False  # a paragraph of an item's own, after a blank line
    stack: list[int] = []  # content columns of the open list items, outermost first
    for line in lines:
        if fence and in_item_fence is not None:  # python-markdown has no fences in lists:
            if line.strip().startswith(fence):  # an indented code block instead
                fence, in_item_fence = "", None
                out.append("")
            else:
                strip, indent = in_item_fence
                body = line[min(strip, len(line) - len(line.lstrip(" "))) :]
                out.append(" " * indent + body if body else "")
            continue
        if fence:
            out.append(line)
            if line.strip().startswith(fence):
                fence = ""
            continue
        if not line.strip():
            in_paragraph = False
            out.append(line)
            continue
        indent = len(line) - len(line.lstrip(" "))
        outside = stack and indent < stack[0] and not _item(line, flavor, True)
        # outside every item: after a blank line it ends the list, and so does a fence
        if outside and ((out and not out[-1].strip()) or _FENCE.match(line)):
            stack, item_paragraph = [], False
        opening = _FENCE.match(line.lstrip(" ")) if stack else _FENCE.match(line)
        item = _item(line, flavor, bool(stack))
        if opening and not stack:
            fence = opening.group(1)
            in_paragraph = False
            out.append(line)
            continue
        if opening and stack:
            owner = max((k for k, col in enumerate(stack) if col <= indent), default=None)
            if owner is not None:
                fence = opening.group(1)
                in_item_fence = (indent, 4 * (owner + 1) + 4)
                if out and out[-1].strip():
                    out.append("")
                continue
        if item is not None:
            if in_paragraph and not stack and _interrupts(item, flavor):
                out.append("")  # python-markdown wants a blank line before a list
            elif in_paragraph and not stack:
                out.append(_hard_break(line))  # stays paragraph text
                continue
            if item_paragraph and out and out[-1].strip():
                out.append("")  # else python-markdown reads the item as that paragraph's
            item_paragraph = False
            indent = len(item["indent"])
            while stack and indent < stack[-1]:
                stack.pop()
            depth = len(stack)
            marker = item["marker"]
            if item["delim"] == ")":
                marker = f"{item['number']}."
            gap = item["gap"] or " "
            rest = line[item.end() :]
            stack.append(indent + len(item["marker"]) + len(item["gap"] or " "))
            out.append(f"{' ' * (4 * depth)}{marker}{gap}{_hard_break(rest)}")
            in_paragraph = False
            continue
        if stack and indent:  # an item's continuation: to python-markdown's 4 per level
            owner = max((k for k, col in enumerate(stack) if col <= indent), default=None)
            if owner is not None:
                extra = indent - stack[owner]
                item_paragraph = item_paragraph or not out or not out[-1].strip()
                out.append(" " * (4 * (owner + 1) + extra) + _hard_break(line.lstrip(" ")))
                continue
        in_paragraph = not stack and not _BLOCK_START.match(line)
        out.append(_hard_break(line))
    return out


def _interrupts(item: re.Match[str], flavor: str) -> bool:
    """Whether a list item right under a paragraph line starts a list (else it is text)."""
    if item["number"] is None:
        return True
    if flavor == JEKYLL:
        return True  # kramdown: any number
    return int(item["number"]) == 1  # CommonMark: an ordered list interrupts only from 1


def _hard_break(line: str) -> str:
    """A backslash at the end of a line is a hard break in both engines: python-markdown
    spells it with two spaces."""
    stripped = line.rstrip(" ")
    trailing = len(stripped) - len(stripped.rstrip("\\"))
    if trailing % 2 == 1:
        return stripped[:-1] + "  "
    return line
