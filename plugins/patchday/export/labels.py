"""Small label table for the four site languages (feeds, calendar, JSON API).

Babel gives month names; these few domain words are ours. A language not
listed falls back to English, so adding a site language never breaks a build.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from patchday.model import Settings

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "update": "Update",
        "exploited": "Exploited", "disclosed": "Publicly disclosed", "yes": "Yes", "no": "No", "summary": "Summary", "description": "Description", "withdrawn": "Withdrawn", "mitigating_factors": "Mitigating factors", "workaround_impact": "Impact of the workaround", "workaround_undo": "How to undo the workaround", "cwe_more": "Additional CWE", "html": "This bulletin as a web page", "original": "Original advisory (English)", "install": "Install {update} (fixed version {fixed}).", "restart_maybe": "A restart may be required.",
        "critical": "Critical", "important": "Important", "moderate": "Moderate", "low": "Low",
        "rce": "Remote code execution", "eop": "Elevation of privilege", "dos": "Denial of service",
        "info": "Information disclosure", "spoofing": "Spoofing", "tampering": "Tampering",
        "sfb": "Security feature bypass",
        "feed_all": "{vendor} security bulletins", "feed_critical": "{vendor} critical security bulletins",
        "feed_exploited": "{vendor} security bulletins: vulnerabilities exploited in the wild",
        "feed_product": "{vendor} security bulletins: {product}",
        "updated": "Updated", "new": "New", "severity": "Severity", "revision": "Revision",
        "patch_day": "{vendor} patch day: {month}", "release": "{vendor} security release {month}",
        "release_desc": "{count} bulletin(s), {cves} CVE(s).", "out_of_band": "Out of band",
        "calendar": "{vendor} security releases",
    },
    "de": {
        "update": "Aktualisierung",
        "exploited": "Ausgenutzt", "disclosed": "Öffentlich bekannt", "yes": "Ja", "no": "Nein", "summary": "Zusammenfassung", "description": "Beschreibung", "withdrawn": "Zurückgezogen", "mitigating_factors": "Mildernde Faktoren", "workaround_impact": "Auswirkung der Problemumgehung", "workaround_undo": "Problemumgehung rückgängig machen", "cwe_more": "Weitere CWE", "html": "Dieses Bulletin als Webseite", "original": "Originalbulletin (Englisch)", "install": "Installieren Sie {update} (korrigierte Version {fixed}).", "restart_maybe": "Möglicherweise ist ein Neustart erforderlich.",
        "critical": "Kritisch", "important": "Hoch", "moderate": "Mittel", "low": "Niedrig",
        "rce": "Remotecodeausführung", "eop": "Rechteerweiterung", "dos": "Denial of Service",
        "info": "Offenlegung von Informationen", "spoofing": "Spoofing", "tampering": "Manipulation",
        "sfb": "Umgehung von Sicherheitsfunktionen",
        "feed_all": "{vendor}-Sicherheitsbulletins", "feed_critical": "Kritische {vendor}-Sicherheitsbulletins",
        "feed_exploited": "{vendor}-Sicherheitsbulletins: aktiv ausgenutzte Sicherheitsanfälligkeiten",
        "feed_product": "{vendor}-Sicherheitsbulletins: {product}",
        "updated": "Aktualisiert", "new": "Neu", "severity": "Schweregrad", "revision": "Revision",
        "patch_day": "{vendor}-Patchday: {month}", "release": "{vendor}-Sicherheitsrelease {month}",
        "release_desc": "{count} Bulletin(s), {cves} CVE(s).", "out_of_band": "Außerplanmäßig",
        "calendar": "{vendor}-Sicherheitsreleases",
    },
    "fr": {
        "update": "Mise à jour",
        "exploited": "Exploitée", "disclosed": "Divulguée publiquement", "yes": "Oui", "no": "Non", "summary": "Résumé", "description": "Description", "withdrawn": "Retiré", "mitigating_factors": "Facteurs atténuants", "workaround_impact": "Impact de la solution de contournement", "workaround_undo": "Annuler la solution de contournement", "cwe_more": "CWE supplémentaire", "html": "Ce bulletin en page web", "original": "Bulletin original (anglais)", "install": "Installez {update} (version corrigée {fixed}).", "restart_maybe": "Un redémarrage peut être nécessaire.",
        "critical": "Critique", "important": "Important", "moderate": "Modéré", "low": "Faible",
        "rce": "Exécution de code à distance", "eop": "Élévation de privilèges", "dos": "Déni de service",
        "info": "Divulgation d'informations", "spoofing": "Usurpation", "tampering": "Falsification",
        "sfb": "Contournement de fonctionnalité de sécurité",
        "feed_all": "Bulletins de sécurité {vendor}", "feed_critical": "Bulletins de sécurité critiques {vendor}",
        "feed_exploited": "Bulletins de sécurité {vendor} : vulnérabilités exploitées",
        "feed_product": "Bulletins de sécurité {vendor} : {product}",
        "updated": "Mis à jour", "new": "Nouveau", "severity": "Gravité", "revision": "Révision",
        "patch_day": "Jour de correctifs {vendor} : {month}", "release": "Publication de sécurité {vendor} {month}",
        "release_desc": "{count} bulletin(s), {cves} CVE.", "out_of_band": "Hors cycle",
        "calendar": "Publications de sécurité {vendor}",
    },
    "ja": {
        "update": "更新",
        "exploited": "悪用の事実", "disclosed": "一般に公開", "yes": "あり", "no": "なし", "summary": "概要", "description": "説明", "withdrawn": "取り下げ", "mitigating_factors": "緩和する要素", "workaround_impact": "回避策の影響", "workaround_undo": "回避策を元に戻す方法", "cwe_more": "その他の CWE", "html": "このセキュリティ情報の Web ページ", "original": "元のセキュリティ情報 (英語)", "install": "{update} をインストールしてください (修正済みバージョン {fixed})。", "restart_maybe": "再起動が必要な場合があります。",
        "critical": "緊急", "important": "重要", "moderate": "警告", "low": "注意",
        "rce": "リモートでコードが実行される", "eop": "特権の昇格", "dos": "サービス拒否",
        "info": "情報漏えい", "spoofing": "なりすまし", "tampering": "改ざん",
        "sfb": "セキュリティ機能のバイパス",
        "feed_all": "{vendor} セキュリティ情報", "feed_critical": "{vendor} 緊急のセキュリティ情報",
        "feed_exploited": "{vendor} セキュリティ情報: 悪用が確認された脆弱性",
        "feed_product": "{vendor} セキュリティ情報: {product}",
        "updated": "更新", "new": "新規", "severity": "深刻度", "revision": "改訂",
        "patch_day": "{vendor} 定例パッチ公開日: {month}", "release": "{vendor} セキュリティ リリース {month}",
        "release_desc": "セキュリティ情報 {count} 件、CVE {cves} 件。", "out_of_band": "定例外",
        "calendar": "{vendor} セキュリティ リリース",
    },
}


# Remediation model: unknown facts, KB-only updates, superseded-by, components (CSAF and feeds).
_REMEDIATION = {
    "en": {"not_stated": "Not stated", "install_kb": "Install {update}.", "since": "since {date}",
           "superseded_by": "Superseded by {id}", "supersedes": "Supersedes {id}",
           "component_of": "{component} as part of {platform}", "installed_on": "{component} installed on {platform}",
           "end_of_support": "End of support: no fix will be released for this version."},
    "de": {"not_stated": "Nicht angegeben", "install_kb": "Installieren Sie {update}.", "since": "seit {date}",
           "superseded_by": "Ersetzt durch {id}", "supersedes": "Ersetzt {id}",
           "component_of": "{component} als Bestandteil von {platform}", "installed_on": "{component} installiert auf {platform}",
           "end_of_support": "Supportende: Für diese Version wird keine Korrektur veröffentlicht."},
    "fr": {"not_stated": "Non indiqué", "install_kb": "Installez {update}.", "since": "depuis le {date}",
           "superseded_by": "Remplacé par {id}", "supersedes": "Remplace {id}",
           "component_of": "{component} inclus dans {platform}", "installed_on": "{component} installé sur {platform}",
           "end_of_support": "Fin de prise en charge : aucun correctif ne sera publié pour cette version."},
    "ja": {"not_stated": "記載なし", "install_kb": "{update} をインストールしてください。", "since": "{date} 以降",
           "superseded_by": "{id} で置き換え", "supersedes": "{id} を置き換え",
           "component_of": "{platform} に含まれる {component}", "installed_on": "{platform} にインストールされた {component}",
           "end_of_support": "サポート終了: このバージョンの修正は公開されません。"},
}
for _lang, _extra in _REMEDIATION.items():
    LABELS[_lang].update(_extra)


def severity_label(settings: Settings, lang: str, key: str) -> str:
    """A severity level's name: the site's own label (``severities`` objects) or the built-in one."""
    return settings.severity_label(key, lang) or label(lang, key)


def label(lang: str, key: str, **fmt: object) -> str:
    table = LABELS.get(lang, LABELS["en"])
    text = table.get(key) or LABELS["en"].get(key) or key
    return text.format(**fmt) if fmt else text


@functools.cache
def words(lang: str) -> dict[str, str]:
    """``label(lang, key)`` for every key of the tables, as one dict for exporters that ask thousands of times.

    Shared, so read only. Keys outside the tables (a site's own severity names) are missing:
    use ``words(lang).get(key) or key``.
    """
    return {key: label(lang, key) for key in {k for table in LABELS.values() for k in table}}


def month_name(month: str, lang: str) -> str:
    """'2026-12' -> 'December 2026' / 'Dezember 2026' / '2026年12月' via Babel."""
    import datetime as dt

    from babel.dates import format_skeleton

    year, mon = (int(x) for x in month.split("-"))
    try:
        return format_skeleton("yMMMM", dt.date(year, mon, 1), locale=lang)
    except Exception:  # unknown locale: fall back to the ISO month
        return month
