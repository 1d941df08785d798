"""Capture times read from camera file names, in the conference's zone."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from desktop.core.file_name_time import time_from_name

ZONE = ZoneInfo("Europe/Copenhagen")


@pytest.mark.parametrize(
    ("name", "expected", "date_only"),
    [
        ("IMG_20180502_091534.jpg", datetime(2018, 5, 2, 9, 15, 34), False),
        ("PXL_20240203_112233123.jpg", datetime(2024, 2, 3, 11, 22, 33), False),
        ("PXL_20240203_112233123.MP.jpg", datetime(2024, 2, 3, 11, 22, 33), False),
        ("Screenshot_20240203-112233.png", datetime(2024, 2, 3, 11, 22, 33), False),
        ("2024-02-03 11.22.33.jpg", datetime(2024, 2, 3, 11, 22, 33), False),
        ("IMG-20240203-WA0001.jpg", datetime(2024, 2, 3, 12, 0), True),
    ],
)
def test_camera_names_give_local_time(name, expected, date_only):
    found = time_from_name(name, ZONE)
    assert found is not None
    assert found.moment == expected.replace(tzinfo=ZONE)
    assert found.date_only is date_only


@pytest.mark.parametrize(
    "name", ["IMG_1234.jpg", "IMG_20240231_101010.jpg", "slide.png", "20240203.jpg", "IMG_2099"]
)
def test_other_names_give_nothing(name):
    assert time_from_name(name, ZONE) is None
