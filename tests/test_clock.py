from datetime import datetime, timezone

from generator.clock import build_now, epoch_of, to_utc


def test_option_wins_then_source_date_epoch():
    assert build_now("2026-11-21T10:00", {"SOURCE_DATE_EPOCH": "0"}) == datetime(2026, 11, 21, 10, 0)
    # 2026-07-01T12:00Z is 14:00 in Paris (summer time)
    epoch = str(int(datetime(2026, 7, 1, 12, tzinfo=timezone.utc).timestamp()))
    assert build_now(None, {"SOURCE_DATE_EPOCH": epoch}) == datetime(2026, 7, 1, 14, 0)


def test_aware_option_is_converted_to_paris():
    assert build_now("2026-12-01T09:00+00:00", {}) == datetime(2026, 12, 1, 10, 0)


def test_round_trip_to_utc():
    local = datetime(2026, 11, 21, 10, 0)
    assert to_utc(local) == datetime(2026, 11, 21, 9, 0, tzinfo=timezone.utc)
    assert epoch_of(local) == int(datetime(2026, 11, 21, 9, tzinfo=timezone.utc).timestamp())


def test_a_date_that_does_not_read_is_a_french_error_not_a_traceback():
    import pytest

    from generator.errors import BibnumError

    with pytest.raises(BibnumError, match=r"^--today 'mars 2023' : ce n'est pas une date ; écrivez AAAA-MM-JJ"):
        build_now("mars 2023", {})
    with pytest.raises(BibnumError, match=r"^SOURCE_DATE_EPOCH='hier' : ce n'est pas un nombre de secondes"):
        build_now(None, {"SOURCE_DATE_EPOCH": "hier"})
