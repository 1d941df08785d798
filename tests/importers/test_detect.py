"""Format detection by content, and hostile or broken files refused with a clear message."""

import pytest

from desktop.core.errors import TalknotesError
from desktop.importers.detect import MAX_SCHEDULE_BYTES, not_a_schedule, parse_schedule
from tests.conftest import SAMPLE

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<schedule><conference><title>&lol3;</title></conference></schedule>"""
EXTERNAL_FILE = b"""<?xml version="1.0"?>
<!DOCTYPE s [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<schedule><conference><title>&xxe;</title></conference></schedule>"""
EXTERNAL_URL = b"""<?xml version="1.0"?>
<!DOCTYPE s [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/evil">]>
<schedule><conference><title>&xxe;</title></conference></schedule>"""


def test_detects_sample_regardless_of_extension():
    assert parse_schedule(SAMPLE.read_bytes(), "schedule.json").format == "frab-xml"


@pytest.mark.parametrize(
    "name,data,why",
    [
        ("laughs.xml", BILLION_LAUGHS, "unsafe XML"),
        ("xxe-file.xml", EXTERNAL_FILE, "unsafe XML"),
        ("xxe-url.xml", EXTERNAL_URL, "unsafe XML"),
        ("truncated.xml", SAMPLE.read_bytes()[:2000], "not well-formed XML"),
        (
            "truncated.json",
            b'{"schedule": {"conference": {"title": "x", "da',
            "broken JSON at line 1",
        ),
        ("garbage.bin", bytes(range(256)) * 8, "binary data"),
        ("empty.xml", b"", "the file is empty"),
        ("blank.json", b"  \n\t ", "the file is empty"),
        ("utf16.json", '{"schedule": {}}'.encode("utf-16"), "UTF-16"),
        ("latin1.xml", "<schedule><title>Café</title></schedule>".encode("latin-1"), "not UTF-8"),
        ("feed.xml", b"<rss><channel><title>blog</title></channel></rss>", not_a_schedule()),
        ("other.json", b'{"hello": "world"}', not_a_schedule()),
        ("notes.txt", b"just some text", not_a_schedule()),
        ("list.json", b"[1, 2, 3]", not_a_schedule()),
    ],
)
def test_refuses_with_file_and_reason(name, data, why):
    with pytest.raises(TalknotesError) as err:
        parse_schedule(data, name)
    assert err.value.what == name
    assert why in err.value.why


def test_refuses_oversized_input_before_parsing():
    data = b"<" + b" " * MAX_SCHEDULE_BYTES
    with pytest.raises(TalknotesError, match="larger than a schedule can be"):
        parse_schedule(data, "huge.xml")
