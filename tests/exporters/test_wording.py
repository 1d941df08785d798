"""The words a recap starts from: the intro sentence, day headings, the recap's title."""

from datetime import date

from desktop.core.models import Conference
from desktop.exporters.registry import default_profile
from desktop.exporters.wording import day_heading, default_intro, recap_title

DAYS = [date(2024, 2, 3), date(2024, 2, 4)]


def test_intro_links_the_conference_it_was_downloaded_from():
    conf = Conference("FOSDEM 2024", source_uri="https://fosdem.org/2024/schedule/xml")
    assert default_intro(conf, DAYS[1], DAYS) == (
        "I attended [FOSDEM 2024](https://fosdem.org/). This is my recap of the second day, "
        "Sunday, 4 February 2024."
    )


def test_intro_from_a_file_has_no_link_and_brackets_stay_text():
    conf = Conference("[Local] Con", source_uri="/home/me/schedule.xml")
    assert default_intro(conf, None, DAYS) == (
        "I attended [Local] Con. This is my recap of the conference."
    )


def test_day_heading_and_titles_in_the_blogs_pattern():
    assert day_heading(1, DAYS[0]) == "Day 1 – Saturday, 3 February 2024"
    profile = default_profile("jekyll")
    profile.day_title = "{conference} - Day {n} Recap"
    assert recap_title(profile, Conference("KubeCon"), 2) == "KubeCon - Day 2 Recap"
    assert recap_title(profile, Conference("KubeCon"), None) == "KubeCon Recap"
