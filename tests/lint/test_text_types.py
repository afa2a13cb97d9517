"""The character classes behind PD021 and PD022 agree with Unicode as this Python knows it."""

from __future__ import annotations

import sys
import unicodedata

from patchday.model.types import CONTROL, invisible_character


def test_the_format_character_class_is_unicodes_category_cf() -> None:
    cf = [c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    assert [c for c in range(sys.maxunicode + 1) if 0xD800 > c or c > 0xDFFF if invisible_character(chr(c))] == cf


def test_the_control_class_is_what_xml_forbids_plus_c1_and_del() -> None:
    forbidden = {*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000), 0xFFFE, 0xFFFF}
    assert {c for c in range(0x10000) if CONTROL.match(chr(c))} == forbidden


def test_the_placeholder_rule_skips_a_record_only_when_its_text_rules_a_placeholder_out():
    from patchday.lint.placeholders import _surely_none

    # Parsed in this process the text is a str; in a parse worker, the file's bytes.
    for form in (str, lambda t: t.encode("utf-8")):
        assert _surely_none(form("title: Finished\nsummary: Done.\n"))
        assert not _surely_none(form("summary: TODO later\n"))
        assert not _surely_none(form("cve: CVE-2026-0000\n"))
        assert not _surely_none(form('summary: "\\x54ODO"\n'))  # an escape could spell one
    assert not _surely_none(None)  # the text is gone once positions were built
