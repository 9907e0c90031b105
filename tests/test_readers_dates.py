"""Dates as pages write them: the local day is never lost (synthetic values)."""
from __future__ import annotations

from therapy_threads.readers._dates import when_from_machine, when_from_text, with_shown_local


def test_utc_markup_with_the_local_time_shown_keeps_both():
    shown = when_from_text("12. Sep 2024, 00:37", ("de",))
    for stamp in ("2024-09-11T22:37:48Z", "2024-09-11T22:37:48+00:00"):
        w = with_shown_local(when_from_machine(stamp), shown)
        assert (w.utc, w.local) == ("2024-09-11T22:37:48Z", "2024-09-12T00:37"), stamp


def test_shown_text_that_is_not_the_same_moment_changes_nothing():
    utc = when_from_machine("2024-09-11T22:37:48Z")
    for text in ("11. Sep 2024", "14. Sep 2024, 00:37", "12. Sep 2024, 00:41"):
        assert with_shown_local(utc, when_from_text(text, ("de",))) == utc, text
    # A stated offset already gives the local time.
    own = when_from_machine("2024-09-11T22:37:48+02:00")
    assert with_shown_local(own, when_from_text("11. Sep 2024, 22:37", ("de",))) == own


def test_forum_dates_with_dashes_follow_the_languages_order():
    # MyBB and vBulletin print m-d-Y by default on English boards; dots are always day first.
    assert when_from_text("04-08-2023, 02:34 PM", ("en",)).local == "2023-04-08T14:34"
    assert when_from_text("04-08-2023, 14:34", ("de",)).local == "2023-08-04T14:34"
    assert when_from_text("04.08.2023, 14:34", ("en",)).local == "2023-08-04T14:34"


def test_english_outside_the_us_writes_the_day_first():
    assert when_from_text("02/10/2020", ("en-gb",)).local == "2020-10-02"
    assert when_from_text("02/10/2020", ("en",)).local == "2020-02-10"
    assert when_from_text("2 October 2020", ("en-gb",)).local == "2020-10-02"


def test_a_british_page_dates_its_post_day_first():
    from therapy_threads.readers import SourceRef, get_reader

    body = "<p>" + "A paragraph long enough for the extractor to keep it as the main text. " * 4 + "</p>"
    for lang, day in (("en-GB", "2020-10-02"), ("en-US", "2020-02-10")):
        html = (f'<html lang="{lang}"><body><main><h1>A headline</h1><span class="time">02/10/2020</span>'
                f'{body}{body}</main></body></html>')
        post = get_reader("html").read(html.encode(), SourceRef("p", "p.html")).posts[0]
        assert post.published_local == day, lang


def test_a_time_written_with_a_zone_name_keeps_its_offset():
    # "... pm PST" (Gamasutra-era news sites), "PM EST", "MEZ": the zone's offset is the page's.
    w = when_from_text("2 Aug 2012 at 12:47 pm PST", ("en",))
    assert (w.utc, w.local) == ("2012-08-02T20:47:00Z", "2012-08-02T12:47-08:00")
    w = when_from_text("March 3, 2019 at 9:52 PM EST", ("en",))
    assert (w.utc, w.local) == ("2019-03-04T02:52:00Z", "2019-03-03T21:52-05:00")
    w = when_from_text("8. November 2020 um 21:52 MEZ", ("de",))
    assert (w.utc, w.local) == ("2020-11-08T20:52:00Z", "2020-11-08T21:52+01:00")
    # A zone name without a date is still no date.
    assert when_from_text("Posted 9:52 PM CET", ("en",)) is None


def test_an_hour_only_zone_after_gmt_is_an_offset_not_utc():
    # Browsers print a local time's zone as "GMT+2" (GitHub's relative-time tooltips).
    w = when_from_text("May 26, 2025, 12:14 AM GMT+2", ("en",))
    assert (w.utc, w.local) == ("2025-05-25T22:14:00Z", "2025-05-26T00:14+02:00")
    assert when_from_text("May 26, 2025 00:14 GMT+0200", ("en",)).utc == "2025-05-25T22:14:00Z"
    assert when_from_text("May 26, 2025, 12:14 AM GMT", ("en",)).utc == "2025-05-26T00:14:00Z"


def test_digits_of_other_scripts_and_a_month_of_two_words():
    # Arabic-Indic digits; Central Kurdish's izafe after the day and the month; doubled letters
    # spelt otherwise than the locale data (synthetic dates).
    assert when_from_text("٣ی کانوونی دووەمی ٢٠٢٠", ("ckb",)).local == "2020-01-03"
    assert when_from_text("٢١ی کانوونی یەکەم ٢٠١٩", ("ckb",)).local == "2019-12-21"
    assert when_from_text("5ی شوبات 2021", ("ckb",)).local == "2021-02-05"
    assert when_from_text("۱۲/۰۳/۲۰۲۰", ("fa",)) == when_from_text("12/03/2020", ("fa",))
    # Serbian in either script
    assert when_from_text("2. avgust 2019.", ("sr",)).local == "2019-08-02"
    assert when_from_text("2. август 2019.", ("sr",)).local == "2019-08-02"


def test_a_day_month_name_two_digit_year_date_is_read():
    # Oracle's DD-MON-YY, as forum software prints it with the weekday and the time
    assert when_from_text("Tue 16-Jun-20 23:12:23", ("en",)).local == "2020-06-16T23:12:23"
    assert when_from_text("3-Mar-99", ("en",)).local == "1999-03-03"
    assert when_from_text("16-Juni-20 10:00", ("de",)).local == "2020-06-16T10:00"
    assert when_from_text("12-abc-20", ("en",)) is None
