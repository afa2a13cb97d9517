"""The advance notice counts in each language's plural forms, from the one label table."""

from __future__ import annotations

import datetime as dt

import pytest

from patchday.notice import Notice
from patchday.render.notice import sentence

DAY = dt.datetime(2026, 3, 10, 17, 0, tzinfo=dt.UTC)


def _notice(n: int, released: bool = False) -> Notice:
    return Notice("2026-03", DAY, DAY - dt.timedelta(days=3), n, (("mail-server", "critical"),) if n else (), released)


@pytest.mark.parametrize(("lang", "one", "many"), [
    ("en", "1 security bulletin for", "3 security bulletins for"),
    ("de", "1 Sicherheitsbulletin für", "3 Sicherheitsbulletins für"),
    ("fr", "1 bulletin de sécurité", "3 bulletins de sécurité"),
    ("ja", "1 件のセキュリティ情報", "3 件のセキュリティ情報"),
])
def test_a_coming_release_counts_its_bulletins_in_the_readers_plural(lang, one, many):
    assert one in sentence(_notice(1), lang, "Contoso", "UTC")
    assert many in sentence(_notice(3), lang, "Contoso", "UTC")
    assert "(s)" not in sentence(_notice(1), lang, "Contoso", "UTC") + sentence(_notice(3), lang, "Contoso", "UTC")


@pytest.mark.parametrize(("lang", "one", "many"), [
    ("en", "1 bulletin was planned", "2 bulletins were planned"),
    ("de", "war 1 Bulletin geplant", "waren 2 Bulletins geplant"),
    ("fr", "1 bulletin était prévu", "2 bulletins étaient prévus"),
])
def test_a_release_that_is_out_says_how_many_were_planned_in_the_right_number(lang, one, many):
    assert one in sentence(_notice(1, released=True), lang, "Contoso", "UTC")
    assert many in sentence(_notice(2, released=True), lang, "Contoso", "UTC")


def test_no_bulletin_planned_is_its_own_sentence():
    assert "plans no security bulletin" in sentence(_notice(0), "en", "Contoso", "UTC")
