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


def test_the_markup_rule_skips_a_record_only_when_its_source_rules_out_html_and_unsafe_links():
    from patchday.load.yaml_strict import markup_safe

    for form in (str, lambda t: t.encode("utf-8")):  # this process: str; a parse worker: the file's bytes
        assert markup_safe(form("summary: Plain text.\n"))
        assert markup_safe(form("a: See [KB1](https://x.example/kb1), [b]( http://y) and [c](mailto:s@x) [d](#top) [e](/e) [f](../f)\n"))
        assert not markup_safe(form("a: '[click](javascript:alert(1))'\n"))
        assert not markup_safe(form("a: [ok](https://x.example) then [bad](javascript:x)\n"))  # one unsafe link of two
        assert not markup_safe(form("a: >-\n  [click](\n  javascript:alert(1))\n"))  # the destination on the next line
        assert not markup_safe(form("a: '[c](''javascript:x'')'\n"))  # '' is read as '
        assert not markup_safe(form("a: [c](page.html)\n"))  # relative words: the rule decides
        assert not markup_safe(form("a: x <b>bold</b>\n"))
        assert not markup_safe(form("a: [b](<https://y>)\n"))  # '<' anywhere: the rule reads it
        assert not markup_safe(form("a: '[c][r]'\nb: |\n  [r]: javascript:x\n"))  # a reference definition
        assert not markup_safe(form('a: "[c](\\x6aavascript:x)"\n'))  # an escape could spell anything
