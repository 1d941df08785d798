"""A talk's details under its title in the note pane: subtitle, speakers, room, day and time,
track, then its links (recordings and slides first), as the pane's rich text."""

from __future__ import annotations

import html

from desktop.core import agenda
from desktop.core.links import header_links
from desktop.core.models import Talk


def _when(talk: Talk) -> str:
    return f"{talk.start:%a %d %b}, {agenda.time_label(talk)}" if talk.start else "unscheduled"


UNBROKEN_UP_TO = 40  # characters: a fact this long stays on one line (a longer one wraps)
SEPARATOR = "\u00a0· "  # a line may end with the dot, never start with it


NOWRAP = '<span style="white-space:nowrap">{}</span>'


def _whole(text: str) -> str:
    """A short fact, escaped, kept whole on its line: the details broke inside one ("· Main
    Track - K" on one line, "Building" on the next). No break at its spaces nor after its
    hyphens (a word joiner); between facts the line still wraps."""
    shown = html.escape(text)
    if len(text) > UNBROKEN_UP_TO:
        return shown
    return NOWRAP.format(shown.replace("-", "-&#8288;"))


def _whole_link(link: str) -> str:
    """A link of header_links (`<a href="…">text</a>`) kept whole on its line when short."""
    text = html.unescape(link.split(">", 1)[1].rsplit("<", 1)[0])
    return link if len(text) > UNBROKEN_UP_TO else NOWRAP.format(link)


def details_html(talk: Talk) -> str:
    """The talk's details under its title line: subtitle, who, where, when, links."""
    esc = html.escape
    who = ", ".join(_whole(s) for s in talk.speakers) or "—"
    where_when = (_whole(f) for f in (talk.room, _when(talk), talk.track) if f)
    facts = SEPARATOR.join((who, *where_when))
    links = [_whole_link(link) for link in header_links(talk)]  # recordings, slides first
    subtitle = f"<i>{esc(talk.subtitle)}</i><br>" if talk.subtitle else ""
    gone = (
        '<br><span style="color:#c0392b">No longer in the schedule</span>'
        if talk.status == "removed"
        else ""
    )
    return f"{subtitle}{facts}{gone}" + (f"<br>{SEPARATOR.join(links)}" if links else "")
