"""A note's time stamps in a post: [12:34] is the time into the talk in the note, but reads
as a clock time to a post's reader (often before the talk began)."""

from desktop.core.stamps import at_moment, for_readers


def test_elapsed_stamps_say_they_are_into_the_talk():
    note = "[10:15] Lorna on SemVer\n- [1:25:11]  a long answer\n[03:07]"
    assert for_readers(note) == (
        "(10:15 in) Lorna on SemVer\n- (1:25:11 in) a long answer\n(3:07 in)"
    )  # (the stamp brings its space: a typed one after it made two)


def test_clock_times_links_and_code_are_left_as_they_are():
    note = (
        "[14:03 CET] after the break\n"  # a clock time with its zone: as written
        "[10:30](https://example.org/slot) and [10:30][schedule]\n"  # a link's text
        "`[12:34]` in code, and\n```\n[12:34] in a code block\n```\n"
        "ratio [3:2], a time [25:61]"
    )
    assert for_readers(note) == note  # (nor [3:2] or [25:61]: no stamp is written so)


def test_with_a_recording_a_stamp_links_to_that_moment():
    webm = "https://video.fosdem.org/2024/ua2118/fosdem-2024-3242.av1.webm"
    assert for_readers("[10:15] demo", webm) == f"[10:15 in]({webm}#t=615) demo"
    assert at_moment("https://www.youtube.com/watch?v=abc&t=3", 615) == (
        "https://www.youtube.com/watch?v=abc&t=615s"
    )
    assert at_moment("https://youtu.be/abc", 75) == "https://youtu.be/abc?t=75s"
    assert at_moment("https://media.ccc.de/v/37c3-1#t=9", 5) == "https://media.ccc.de/v/37c3-1#t=5"
