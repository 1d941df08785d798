"""The words a recap is made of when the blogger has not written them: titles, day headings,
the intro sentence, the description.

English month and weekday names are spelled here rather than with strftime's %A/%B, which
follow the process locale (Qt sets it from the desktop) and would mix languages in a post.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from desktop.core.models import Conference
from desktop.core.url_secrets import split_credentials
from desktop.exporters.literal import clean_text, link_target, markdown_literal
from desktop.exporters.profile import BlogProfile

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]


def long_date(day: date) -> str:
    """'Saturday, 3 February 2024'."""
    return f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def day_heading(number: int, day: date | None) -> str:
    return f"Day {number} – {long_date(day)}" if day else f"Day {number}"


def conference_link(conf: Conference) -> str:
    """The conference's web site: its own URL when the schedule gives one, else the site the
    schedule was downloaded from (never a local file, never the URL's credentials)."""
    own, _ = split_credentials(conf.url)
    if own.startswith(("http://", "https://")):
        return own
    try:
        parts = urlsplit(conf.source_uri or "")
        host, port = parts.hostname, parts.port
    except ValueError:  # a malformed port
        return ""
    if parts.scheme in ("http", "https") and host:
        host = f"[{host}]" if ":" in host else host
        return f"{parts.scheme}://{host}{f':{port}' if port else ''}/"  # no user:password@
    return ""


def _where(conf: Conference) -> str:
    """' at Venue in City' as the schedule names them, shown as written (no Markdown, HTML or
    template syntax in them takes effect)."""
    city = markdown_literal(" ".join(clean_text(conf.city).split()))
    venue = markdown_literal(" ".join(clean_text(conf.venue).split()))
    if city and venue:
        return f" at {venue} in {city}"
    if city:
        return f" in {city}"
    if venue:
        return f" at {venue}"
    return ""


def default_intro(conf: Conference, day: date | None, days: list[date]) -> str:
    """One sentence from the schedule for the blogger to start from."""
    link = conference_link(conf)
    title = markdown_literal(" ".join(clean_text(conf.title).split()))
    name = f"[{title}]({link_target(link)})" if link else title
    opening = f"I attended {name}{_where(conf)}."
    if day is None:
        return f"{opening} This is my recap of the conference."
    number = days.index(day) if day in days else 0
    which = f"the {ORDINALS[number]} day" if number < len(ORDINALS) else f"day {number + 1}"
    return f"{opening} This is my recap of {which}, {long_date(day)}."


def recap_title(profile: BlogProfile, conf: Conference, day_number: int | None) -> str:
    """The recap's title in the blog's own pattern ('KubeCon - Day 1 Recap')."""
    pattern = profile.day_title if day_number else profile.conference_title
    return pattern.replace("{conference}", conf.title).replace("{n}", str(day_number or ""))


def default_description(title: str, talk_titles: list[str]) -> str:
    names = ", ".join(talk_titles[:3]) + (" and more" if len(talk_titles) > 3 else "")
    text = f"Notes and photos from {title.removesuffix(' Recap').strip()}: {names}."
    if len(text) <= 160:
        return text
    return text[:160].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"
