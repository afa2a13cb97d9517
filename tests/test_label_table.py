"""One label table: site, feeds, calendar, CSAF and the page scripts take their words from
patchday.i18n.labels. A second table drifts (German "Mitigating factors" and Japanese
"exploited" once read differently in CSAF than on the page), so these tests look for one."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

from patchday.i18n.labels import _PLURALS, LABELS, LANGS

PLUGIN = Path(__file__).resolve().parents[1] / "plugins" / "patchday"
TABLE = PLUGIN / "i18n" / "labels.py"

# Keys whose English is the same but whose translation rightly differs: grammar of the
# noun it qualifies, or a count noun against a label.
SAME_ENGLISH_DIFFERENT_WORDS = {
    frozenset({"none", "cvss.none"}),  # French gender: "Aucun" (item) / "Aucune" (CVSS severity)
    # Two rating scales: the vendor's severity (Japanese vendors say 注意) and CVSS's
    # qualitative rating (低, as JVN writes it).
    frozenset({"sev.low", "cvss.low"}),
}


def translated_texts() -> dict[str, set[str]]:
    """Every German, French and Japanese label text (and plural form), with the keys it belongs to,
    that is not also the English text (English words appear in code for other reasons)."""
    out: dict[str, set[str]] = defaultdict(set)
    for key, row in LABELS.items():
        for text in row[1:]:
            if text != row[0]:
                out[text].add(key)
    for key, forms in _PLURALS.items():
        for by_category in forms[1:]:
            for text in by_category.values():
                out[text].add(key)
    return out


def python_strings(path: Path) -> set[str]:
    return {n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def script_strings(path: Path) -> set[str]:
    quoted = re.findall(r"'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"", path.read_text(encoding="utf-8"))
    return {single or double for single, double in quoted}


def second_tables() -> dict[str, list[str]]:
    """Files outside the table that spell a translated label of the table themselves."""
    texts = translated_texts()
    found: dict[str, list[str]] = {}
    for path in sorted(PLUGIN.rglob("*")):
        if path == TABLE or path.suffix not in (".py", ".js", ".j2", ".html") or "vendor" in path.parts:
            continue
        strings = python_strings(path) if path.suffix == ".py" else script_strings(path) if path.suffix == ".js" else {path.read_text(encoding="utf-8")}
        hits = sorted({f"{text!r} ({', '.join(sorted(texts[text]))})" for text in texts if len(text) >= 4
                       for s in strings if s == text or (path.suffix in (".j2", ".html") and f">{text}<" in s)})
        if hits:
            found[str(path.relative_to(PLUGIN))] = hits
    return found


def test_no_module_keeps_its_own_translation_of_a_label():
    assert second_tables() == {}


def test_the_scan_finds_a_second_table():
    rogue = PLUGIN / "export" / "_rogue_labels_for_test.py"
    rogue.write_text('WORDS = {"de": {"mitigating_factors": "Mildernde Faktoren", "exploited": "Ausgenutzt"}}\n')
    try:
        found = second_tables()
    finally:
        rogue.unlink()
    assert "export/_rogue_labels_for_test.py" in found
    assert any("Ausgenutzt" in hit for hit in found["export/_rogue_labels_for_test.py"])


def test_one_english_text_has_one_translation_per_language():
    by_english: dict[str, list[str]] = defaultdict(list)
    for key, row in LABELS.items():
        by_english[row[0]].append(key)
    problems = []
    for english, keys in by_english.items():
        for i, lang in enumerate(LANGS[1:], start=1):
            words = {LABELS[k][i] for k in keys}
            if len(words) > 1 and frozenset(keys) not in SAME_ENGLISH_DIFFERENT_WORDS:
                problems.append(f"{lang}: {english!r} is {sorted(words)} in {sorted(keys)}")
    assert problems == []


def test_export_words_are_the_site_words():
    from patchday.export.labels import label
    from patchday.i18n import Labels

    for lang in LANGS:
        t = Labels(lang)
        assert label(lang, "mitigating_factors") == t("mitigating_factors")
        assert label(lang, "exploited") == t("exploited")
        assert label(lang, "disclosed") == t("publicly_disclosed")
        assert label(lang, "critical") == t("sev.critical") and label(lang, "rce") == t("impact.rce")
    assert label("de", "mitigating_factors") == "Schadensbegrenzende Faktoren"
    assert label("ja", "exploited") == "悪用"


def test_french_two_part_marks_never_start_a_line():
    """A plain space before : ; ? ! lets the browser wrap the mark onto the next line."""
    fr = LANGS.index("fr")
    texts = [row[fr] for row in LABELS.values()] + [t for row in _PLURALS.values() for t in row[fr].values()]
    loose = [t for t in texts if re.search(r" [:;?!»]|« ", t)]
    assert loose == []
    assert any("\u00a0:" in t for t in texts)
