"""Every UI label of the site, in every language we ship.

One table, one row per label, so a missing translation is visible in review
and caught by a test (every row has every language). Record text is never
here: it comes from the bulletins and their overlays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

LANGS = ("en", "de", "fr", "ja")

# key: (en, de, fr, ja)
_TABLE: dict[str, tuple[str, str, str, str]] = {
    # site structure
    "home": ("Home", "Startseite", "Accueil", "ホーム"),
    "releases": ("Releases", "Veröffentlichungen", "Publications", "リリース"),
    "release": ("Release {month}", "Veröffentlichung {month}", "Publication de {month}", "{month} のリリース"),
    "products": ("Products", "Produkte", "Produits", "製品"),
    "cves": ("CVE index", "CVE-Index", "Index des CVE", "CVE 一覧"),
    "cves_year": ("CVEs of {year}", "CVEs aus {year}", "CVE de {year}", "{year} 年の CVE"),
    "cves_by_year": ("CVEs by the year in their identifier. To find one CVE, search for it.",
                     "CVEs nach dem Jahr in ihrer Kennung. Eine einzelne CVE finden Sie über die Suche.",
                     "Les CVE par année de leur identifiant. Pour trouver une CVE précise, utilisez la recherche.",
                     "ID の年ごとの CVE です。特定の CVE は検索で見つけられます。"),
    "year": ("Year", "Jahr", "Année", "年"),
    "affected_page": ("Am I affected?", "Bin ich betroffen?", "Suis-je concerné ?", "影響を受けるか確認"),
    "search": ("Search", "Suche", "Recherche", "検索"),
    "skip_links": ("Bulletins", "Bulletins", "Bulletins", "セキュリティ情報"),
    # severities, impacts, restart
    "sev.critical": ("Critical", "Kritisch", "Critique", "緊急"),
    "sev.important": ("Important", "Hoch", "Important", "重要"),
    "sev.moderate": ("Moderate", "Mittel", "Modéré", "警告"),
    "sev.low": ("Low", "Niedrig", "Faible", "注意"),
    "impact.rce": ("Remote code execution", "Remotecodeausführung", "Exécution de code à distance", "リモートでコードが実行される"),
    "impact.eop": ("Elevation of privilege", "Rechteerweiterung", "Élévation de privilèges", "特権の昇格"),
    "impact.dos": ("Denial of service", "Denial of Service", "Déni de service", "サービス拒否"),
    "impact.info": ("Information disclosure", "Offenlegung von Informationen", "Divulgation d'informations", "情報漏えい"),
    "impact.spoofing": ("Spoofing", "Spoofing", "Usurpation", "なりすまし"),
    "impact.tampering": ("Tampering", "Manipulation", "Falsification", "改ざん"),
    "impact.sfb": ("Security feature bypass", "Umgehung von Sicherheitsfunktionen", "Contournement de fonctionnalité de sécurité", "セキュリティ機能のバイパス"),
    "restart.required": ("Required", "Erforderlich", "Requis", "必要"),
    "restart.not-required": ("Not required", "Nicht erforderlich", "Non requis", "不要"),
    "restart.may-be-required": ("May be required", "Eventuell erforderlich", "Peut être requis", "必要な場合あり"),
    "yes": ("Yes", "Ja", "Oui", "はい"),
    "no": ("No", "Nein", "Non", "いいえ"),
    "none": ("None", "Keine", "Aucun", "なし"),
    # bulletin page
    "bulletin": ("Bulletin", "Bulletin", "Bulletin", "セキュリティ情報"),
    "summary": ("Executive summary", "Zusammenfassung", "Synthèse", "概要"),
    "severity": ("Severity", "Schweregrad", "Gravité", "深刻度"),
    "max_severity": ("Maximum severity", "Höchster Schweregrad", "Gravité maximale", "最大深刻度"),
    "impact": ("Impact", "Auswirkung", "Impact", "影響"),
    "affected_software": ("Affected software", "Betroffene Software", "Logiciels concernés", "影響を受けるソフトウェア"),
    "not_affected": ("Not affected", "Nicht betroffen", "Non concernés", "影響を受けないソフトウェア"),
    "product": ("Product", "Produkt", "Produit", "製品"),
    "version": ("Version", "Version", "Version", "バージョン"),
    "update": ("Update", "Update", "Mise à jour", "更新プログラム"),
    "fixed_version": ("Fixed version", "Korrigierte Version", "Version corrigée", "修正バージョン"),
    "restart": ("Restart", "Neustart", "Redémarrage", "再起動"),
    "supersedes": ("Supersedes", "Ersetzt", "Remplace", "置き換え"),
    "no_fix": ("No update yet", "Noch kein Update", "Pas encore de mise à jour", "更新プログラムは未提供"),
    "no_fix_planned": ("No fix planned", "Keine Korrektur geplant", "Aucun correctif prévu", "修正の予定なし"),
    "fix_planned": ("A fix will follow", "Eine Korrektur folgt", "Un correctif suivra", "修正は今後提供予定"),
    "vulnerabilities": ("Vulnerabilities", "Sicherheitslücken", "Vulnérabilités", "脆弱性"),
    "cvss": ("CVSS", "CVSS", "CVSS", "CVSS"),
    "cvss_vector": ("Vector", "Vektor", "Vecteur", "ベクター"),
    "cvss_score": ("Base score", "Basiswert", "Score de base", "基本値"),
    "cvss.none": ("None", "Keine", "Aucune", "なし"),
    "cvss.low": ("Low", "Niedrig", "Faible", "低"),
    "cvss.medium": ("Medium", "Mittel", "Moyenne", "中"),
    "cvss.high": ("High", "Hoch", "Élevée", "高"),
    "cvss.critical": ("Critical", "Kritisch", "Critique", "緊急"),
    "cwe": ("Weakness", "Schwachstellentyp", "Faiblesse", "脆弱性の種類"),
    "publicly_disclosed": ("Publicly disclosed", "Öffentlich bekannt", "Divulguée publiquement", "一般に公開"),
    "exploited": ("Exploited", "Ausgenutzt", "Exploitée", "悪用"),
    "description": ("Description", "Beschreibung", "Description", "説明"),
    "mitigating_factors": ("Mitigating factors", "Schadensbegrenzende Faktoren", "Facteurs atténuants", "緩和策"),
    "workarounds": ("Workarounds", "Problemumgehungen", "Solutions de contournement", "回避策"),
    "workaround_impact": ("Impact of the workaround", "Auswirkung der Problemumgehung", "Impact de la solution de contournement", "回避策の影響"),
    "workaround_undo": ("How to undo the workaround", "Problemumgehung rückgängig machen", "Annuler la solution de contournement", "回避策を元に戻す方法"),
    "faq": ("Frequently asked questions", "Häufig gestellte Fragen", "Questions fréquentes", "よく寄せられる質問"),
    "acknowledgments": ("Acknowledgments", "Danksagungen", "Remerciements", "謝辞"),
    "references": ("References", "Verweise", "Références", "参考情報"),
    "revisions": ("Revision history", "Versionsverlauf", "Historique des révisions", "更新履歴"),
    "revision": ("Revision", "Revision", "Révision", "改訂"),
    "date": ("Date", "Datum", "Date", "日付"),
    "released": ("Released", "Veröffentlicht", "Publié", "公開日"),
    "last_updated": ("Last updated", "Zuletzt aktualisiert", "Dernière mise à jour", "最終更新日"),
    "other_languages": ("This bulletin in other languages", "Dieses Bulletin in anderen Sprachen", "Ce bulletin dans d'autres langues", "他の言語のこのセキュリティ情報"),
    "withdrawn": ("Withdrawn", "Zurückgezogen", "Retiré", "取り下げ"),
    "withdrawn_notice": ("This bulletin was withdrawn on {date}.", "Dieses Bulletin wurde am {date} zurückgezogen.", "Ce bulletin a été retiré le {date}.", "このセキュリティ情報は {date} に取り下げられました。"),
    "out_of_band": ("Out of band", "Außerplanmäßig", "Hors cycle", "定例外"),
    "out_of_band_notice": ("Released outside the monthly patch day.", "Außerhalb des monatlichen Patchdays veröffentlicht.", "Publié en dehors du patch day mensuel.", "月例の定例日以外に公開されました。"),
    "reason": ("Reason", "Grund", "Raison", "理由"),
    "untranslated_notice": (
        "Parts of this page are not translated yet and are shown in English: {fields}.",
        "Teile dieser Seite sind noch nicht übersetzt und werden auf Englisch angezeigt: {fields}.",
        "Certaines parties de cette page ne sont pas encore traduites et s'affichent en anglais : {fields}.",
        "このページの一部はまだ翻訳されていないため、英語で表示しています: {fields}。",
    ),
    "stale_notice": (
        "The English original of this bulletin has changed since it was translated. The English text is authoritative.",
        "Das englische Original dieses Bulletins wurde nach der Übersetzung geändert. Maßgeblich ist der englische Text.",
        "L'original anglais de ce bulletin a changé depuis sa traduction. Le texte anglais fait foi.",
        "このセキュリティ情報の英語の原文は翻訳後に変更されました。英語の原文が優先されます。",
    ),
    "read_english": ("Read the English original", "Englisches Original lesen", "Lire l'original en anglais", "英語の原文を読む"),
    "field.title": ("title", "Titel", "titre", "タイトル"),
    "field.summary": ("executive summary", "Zusammenfassung", "synthèse", "概要"),
    "field.out_of_band": ("out-of-band reason", "Grund der außerplanmäßigen Veröffentlichung", "raison de la publication hors cycle", "定例外の理由"),
    "field.withdrawn": ("withdrawal reason", "Grund der Zurückziehung", "raison du retrait", "取り下げの理由"),
    "field.vuln_title": ("vulnerability titles", "Titel der Sicherheitslücken", "titres des vulnérabilités", "脆弱性のタイトル"),
    "field.description": ("descriptions", "Beschreibungen", "descriptions", "説明"),
    "field.mitigating_factors": ("mitigating factors", "schadensbegrenzende Faktoren", "facteurs atténuants", "緩和策"),
    "field.workarounds": ("workarounds", "Problemumgehungen", "solutions de contournement", "回避策"),
    "field.faq": ("FAQ", "FAQ", "FAQ", "よく寄せられる質問"),
    "field.revisions": ("revision history", "Versionsverlauf", "historique des révisions", "更新履歴"),
    "field.notes": ("release notes", "Versionshinweise", "notes de publication", "リリース ノート"),
    "field.no_fix": ("reasons why no update is available", "Gründe, warum kein Update verfügbar ist",
                     "raisons de l'absence de mise à jour", "更新プログラムがない理由"),
    "field.references": ("reference titles", "Titel der Verweise", "titres des références", "参考情報のタイトル"),
    "english": ("English", "Englisch", "anglais", "英語"),
    # preview
    "preview_banner": (
        "Preview build: includes unpublished drafts. Do not distribute.",
        "Vorschau: enthält unveröffentlichte Entwürfe. Nicht weitergeben.",
        "Aperçu : contient des brouillons non publiés. Ne pas diffuser.",
        "プレビュー: 未公開の下書きを含みます。配布しないでください。",
    ),
    "draft": ("Draft", "Entwurf", "Brouillon", "下書き"),
    # home
    "latest_release": ("Latest release", "Neueste Veröffentlichung", "Dernière publication", "最新のリリース"),
    "next_patch_day": ("Next patch day", "Nächster Patchday", "Prochain patch day", "次回の定例日"),
    "oob_recent": ("Out-of-band bulletins in the last 30 days", "Außerplanmäßige Bulletins der letzten 30 Tage", "Bulletins hors cycle des 30 derniers jours", "過去 30 日間の定例外のセキュリティ情報"),
    "oob_none": ("No out-of-band bulletins in the last 30 days.", "Keine außerplanmäßigen Bulletins in den letzten 30 Tagen.", "Aucun bulletin hors cycle au cours des 30 derniers jours.", "過去 30 日間に定例外のセキュリティ情報はありません。"),
    "view_release": ("All bulletins of {month}", "Alle Bulletins von {month}", "Tous les bulletins de {month}", "{month} のすべてのセキュリティ情報"),
    "no_release": ("Nothing has been published yet.", "Noch nichts veröffentlicht.", "Rien n'a encore été publié.", "まだ何も公開されていません。"),
    "data": ("Feeds and machine-readable data", "Feeds und maschinenlesbare Daten", "Flux et données lisibles par machine", "フィードと機械可読データ"),
    "feed_all": ("Atom feed: all bulletins", "Atom-Feed: alle Bulletins", "Flux Atom : tous les bulletins", "Atom フィード: すべてのセキュリティ情報"),
    "feed_critical": ("Atom feed: critical bulletins", "Atom-Feed: kritische Bulletins", "Flux Atom : bulletins critiques", "Atom フィード: 緊急のセキュリティ情報"),
    "feed_exploited": ("Atom feed: exploited vulnerabilities", "Atom-Feed: ausgenutzte Sicherheitslücken", "Flux Atom : vulnérabilités exploitées", "Atom フィード: 悪用が確認された脆弱性"),
    "feed_product": ("Atom feed: {product}", "Atom-Feed: {product}", "Flux Atom : {product}", "Atom フィード: {product}"),
    "calendar": ("Patch-day calendar (iCalendar)", "Patchday-Kalender (iCalendar)", "Calendrier des patch days (iCalendar)", "定例日カレンダー (iCalendar)"),
    "json_api": ("JSON API", "JSON-API", "API JSON", "JSON API"),
    "csaf": ("CSAF 2.0 provider metadata", "CSAF-2.0-Provider-Metadaten", "Métadonnées du fournisseur CSAF 2.0", "CSAF 2.0 プロバイダー メタデータ"),
    # feeds, calendar and CSAF documents (titles carry the vendor's name; the site's rows above do not)
    "feed.title_all": ("{vendor} security bulletins", "{vendor}-Sicherheitsbulletins", "Bulletins de sécurité {vendor}", "{vendor} セキュリティ情報"),
    "feed.title_critical": ("{vendor} critical security bulletins", "Kritische {vendor}-Sicherheitsbulletins",
                            "Bulletins de sécurité critiques {vendor}", "{vendor} 緊急のセキュリティ情報"),
    "feed.title_exploited": ("{vendor} security bulletins: vulnerabilities exploited in the wild",
                             "{vendor}-Sicherheitsbulletins: aktiv ausgenutzte Sicherheitslücken",
                             "Bulletins de sécurité {vendor} : vulnérabilités exploitées",
                             "{vendor} セキュリティ情報: 悪用が確認された脆弱性"),
    "feed.title_product": ("{vendor} security bulletins: {product}", "{vendor}-Sicherheitsbulletins: {product}",
                           "Bulletins de sécurité {vendor} : {product}", "{vendor} セキュリティ情報: {product}"),
    "feed.updated": ("Updated", "Aktualisiert", "Mis à jour", "更新"),
    "feed.new": ("New", "Neu", "Nouveau", "新規"),
    "calendar.name": ("{vendor} security releases", "{vendor}-Sicherheitsreleases", "Publications de sécurité {vendor}", "{vendor} セキュリティ リリース"),
    "calendar.patch_day": ("{vendor} patch day: {month}", "{vendor}-Patchday: {month}", "Patch day {vendor} : {month}", "{vendor} 定例日: {month}"),
    "calendar.release": ("{vendor} security release {month}", "{vendor}-Sicherheitsrelease {month}",
                         "Publication de sécurité {vendor} {month}", "{vendor} セキュリティ リリース {month}"),
    "csaf.html": ("This bulletin as a web page", "Dieses Bulletin als Webseite", "Ce bulletin en page web", "このセキュリティ情報の Web ページ"),
    "csaf.original": ("Original advisory (English)", "Originalbulletin (Englisch)", "Bulletin original (anglais)", "元のセキュリティ情報 (英語)"),
    "csaf.cwe_more": ("Additional CWE", "Weitere CWE", "CWE supplémentaire", "その他の CWE"),
    "csaf.since": ("since {date}", "seit {date}", "depuis le {date}", "{date} 以降"),
    "remedy.install": ("Install {update} (fixed version {fixed}).", "Installieren Sie {update} (korrigierte Version {fixed}).",
                       "Installez {update} (version corrigée {fixed}).", "{update} をインストールしてください (修正バージョン {fixed})。"),
    "remedy.install_kb": ("Install {update}.", "Installieren Sie {update}.", "Installez {update}.", "{update} をインストールしてください。"),
    "remedy.restart_maybe": ("A restart may be required.", "Möglicherweise ist ein Neustart erforderlich.",
                             "Un redémarrage peut être nécessaire.", "再起動が必要な場合があります。"),
    "remedy.superseded_by": ("Superseded by {id}", "Ersetzt durch {id}", "Remplacé par {id}", "{id} で置き換え"),
    "remedy.supersedes": ("Supersedes {id}", "Ersetzt {id}", "Remplace {id}", "{id} を置き換え"),
    "remedy.component_of": ("{component} as part of {platform}", "{component} als Bestandteil von {platform}",
                            "{component} inclus dans {platform}", "{platform} に含まれる {component}"),
    "remedy.installed_on": ("{component} installed on {platform}", "{component} installiert auf {platform}",
                            "{component} installé sur {platform}", "{platform} にインストールされた {component}"),
    "remedy.end_of_support": ("End of support: no fix will be released for this version.",
                              "Supportende: Für diese Version wird keine Korrektur veröffentlicht.",
                              "Fin de prise en charge : aucun correctif ne sera publié pour cette version.",
                              "サポート終了: このバージョンの修正は公開されません。"),
    # release pages
    "by_year": ("Releases by year", "Veröffentlichungen nach Jahr", "Publications par année", "年別のリリース"),
    "release_notes": ("Release notes", "Versionshinweise", "Notes de publication", "リリース ノート"),
    "highlights": ("Highlights", "Wichtigste Punkte", "Points importants", "主な内容"),
    "known_issues": ("Known issues", "Bekannte Probleme", "Problèmes connus", "既知の問題"),
    "bulletins": ("Bulletins", "Bulletins", "Bulletins", "セキュリティ情報"),
    "id": ("ID", "ID", "ID", "ID"),
    "title": ("Title", "Titel", "Titre", "タイトル"),
    "cve_count": ("CVEs", "CVEs", "CVE", "CVE 数"),
    "exploited_disclosed": ("Exploited / disclosed", "Ausgenutzt / bekannt", "Exploitée / divulguée", "悪用 / 公開"),
    "totals": ("Totals", "Summen", "Totaux", "合計"),
    "by_severity": ("Bulletins by maximum severity", "Bulletins nach höchstem Schweregrad", "Bulletins par gravité maximale", "最大深刻度別のセキュリティ情報"),
    "by_impact": ("CVEs by impact", "CVEs nach Auswirkung", "CVE par impact", "影響別の CVE"),
    "chart_desc": ("Bar chart; the same numbers are in the table below.", "Balkendiagramm; dieselben Zahlen stehen in der Tabelle darunter.", "Diagramme en barres ; les mêmes chiffres figurent dans le tableau ci-dessous.", "棒グラフ。同じ数値を下の表に示します。"),
    "count": ("Count", "Anzahl", "Nombre", "件数"),
    "bulletin_count": ("{n} bulletins", "{n} Bulletins", "{n} bulletins", "{n} 件のセキュリティ情報"),
    "cve_count_n": ("{n} CVEs", "{n} CVEs", "{n} CVE", "CVE {n} 件"),
    "patch_day": ("Patch day", "Patchday", "Patch day", "定例日"),
    "month": ("Month", "Monat", "Mois", "月"),
    # products
    "versions_status": ("Versions", "Versionen", "Versions", "バージョン"),
    "supported_until": ("Supported until {date}", "Unterstützt bis {date}", "Prise en charge jusqu'au {date}", "{date} までサポート"),
    "supported": ("Supported", "Unterstützt", "Pris en charge", "サポート中"),
    "not_released": ("Released on {date}", "Erscheint am {date}", "Disponible le {date}", "{date} リリース予定"),
    "end_of_support": ("End of support {date}", "Support endete am {date}", "Fin de prise en charge le {date}", "{date} にサポート終了"),
    "open_issues": ("Unfixed", "Nicht behoben", "Non corrigé", "未修正"),
    "status": ("Status", "Status", "État", "状態"),
    "bulletins_by_release": ("Bulletins by release", "Bulletins nach Veröffentlichung", "Bulletins par publication", "リリース別のセキュリティ情報"),
    "latest_fix": ("Latest fix", "Neueste Korrektur", "Dernier correctif", "最新の修正"),
    "family": ("Family", "Familie", "Famille", "ファミリ"),
    # filters
    "filter": ("Filter", "Filter", "Filtrer", "絞り込み"),
    "all": ("All", "Alle", "Tous", "すべて"),
    "exploited_only": ("Exploited only", "Nur ausgenutzte", "Exploitées uniquement", "悪用ありのみ"),
    "rows_shown": ("{shown} of {total} rows shown", "{shown} von {total} Zeilen angezeigt", "{shown} lignes affichées sur {total}", "{total} 行中 {shown} 行を表示"),
    # search and affected pages
    "search_intro": (
        "Search titles, CVE ids and update numbers (KB) in this language.",
        "Suchen Sie in dieser Sprache nach Titeln, CVE-IDs und Update-Nummern (KB).",
        "Recherchez des titres, identifiants CVE et numéros de mise à jour (KB) dans cette langue.",
        "この言語のタイトル、CVE ID、更新プログラム番号 (KB) を検索します。",
    ),
    "search_noscript": (
        "Search needs JavaScript. Without it, use the release, product and CVE indexes.",
        "Die Suche benötigt JavaScript. Verwenden Sie ohne JavaScript die Indizes nach Veröffentlichung, Produkt und CVE.",
        "La recherche nécessite JavaScript. Sans JavaScript, utilisez les index par publication, produit et CVE.",
        "検索には JavaScript が必要です。JavaScript なしでは、リリース、製品、CVE の一覧を使用してください。",
    ),
    "search.results": ("{n} results for “{q}”", "{n} Ergebnisse für „{q}“", "{n} résultats pour « {q} »", "「{q}」の検索結果: {n} 件"),
    "search.none": ("No results for “{q}”.", "Keine Ergebnisse für „{q}“.", "Aucun résultat pour « {q} ».", "「{q}」に一致する結果はありません。"),
    "search.more": ("More results", "Weitere Ergebnisse", "Plus de résultats", "さらに表示"),
    "search.loading": ("Searching…", "Suche läuft …", "Recherche en cours…", "検索しています…"),
    "search.error": ("The search index could not be loaded. Reload the page to try again.",
                     "Der Suchindex konnte nicht geladen werden. Laden Sie die Seite neu, um es erneut zu versuchen.",
                     "L’index de recherche n’a pas pu être chargé. Rechargez la page pour réessayer.",
                     "検索インデックスを読み込めませんでした。ページを再読み込みしてください。"),
    "search.in_bulletin": ("In this bulletin", "In diesem Bulletin", "Dans ce bulletin", "このセキュリティ情報内"),
    "affected_intro": (
        "Choose your products and versions to see which bulletins apply and which updates to install.",
        "Wählen Sie Ihre Produkte und Versionen, um zu sehen, welche Bulletins zutreffen und welche Updates Sie installieren müssen.",
        "Choisissez vos produits et versions pour voir quels bulletins s'appliquent et quelles mises à jour installer.",
        "製品とバージョンを選択すると、該当するセキュリティ情報とインストールする更新プログラムが表示されます。",
    ),
    "affected_noscript": (
        "This check needs JavaScript. Without it, open the page of your product: it lists every bulletin and the status of each version.",
        "Diese Prüfung benötigt JavaScript. Öffnen Sie ohne JavaScript die Seite Ihres Produkts: Sie listet alle Bulletins und den Status jeder Version.",
        "Cette vérification nécessite JavaScript. Sans JavaScript, ouvrez la page de votre produit : elle liste tous les bulletins et l'état de chaque version.",
        "この確認には JavaScript が必要です。JavaScript なしでは、製品のページを開いてください。すべてのセキュリティ情報と各バージョンの状態が表示されます。",
    ),
    "choose_product": ("Product", "Produkt", "Produit", "製品"),
    "choose_version": ("Version", "Version", "Version", "バージョン"),
    "check": ("Check", "Prüfen", "Vérifier", "確認"),
    "fixed_by": ("Fixed by", "Behoben durch", "Corrigé par", "修正元"),
    # the checker's script (export/assets/affected.js) gets these through its data-labels attribute
    "affected.choose": ("Choose…", "Auswählen…", "Choisir…", "選択してください…"),
    "affected.loading": ("Loading…", "Wird geladen…", "Chargement…", "読み込み中…"),
    "affected.error": ("The advisory data could not be loaded.", "Die Daten konnten nicht geladen werden.",
                       "Les données n’ont pas pu être chargées.", "データを読み込めませんでした。"),
    "affected.none": ("No published bulletin applies to {version}.", "Für {version} gilt kein veröffentlichtes Bulletin.",
                      "Aucun bulletin publié ne concerne {version}.", "{version} に該当する公開済みのセキュリティ情報はありません。"),
    "affected.count": ("{n} bulletins apply to {version}.", "{n} Bulletins betreffen {version}.",
                       "{n} bulletins concernent {version}.", "{version} に該当するセキュリティ情報: {n} 件"),
    "affected.install": ("Install these {n} updates, in this order:", "Installieren Sie diese {n} Updates in dieser Reihenfolge:",
                         "Installez ces {n} mises à jour, dans cet ordre :", "次の {n} 件の更新プログラムをこの順にインストールしてください:"),
    "affected.nothing": ("Nothing to install: every published update for {version} is installed.",
                         "Nichts zu installieren: Alle veröffentlichten Updates für {version} sind installiert.",
                         "Rien à installer : toutes les mises à jour publiées pour {version} sont installées.",
                         "インストールするものはありません。{version} の公開済みの更新プログラムはすべてインストールされています。"),
    "affected.nothing_yet": ("Nothing to install yet.", "Noch nichts zu installieren.", "Rien à installer pour l’instant.",
                             "まだインストールするものはありません。"),
    "affected.done": ("Already installed according to your build ({build}): {n} updates.",
                      "Laut Ihrem Build ({build}) bereits installiert: {n} Updates.",
                      "Déjà installées d’après votre build ({build}) : {n} mises à jour.",
                      "ご使用のビルド ({build}) で既にインストール済み: {n} 件"),
    # "from" of an update: the bulletin that ships it (not a source, not a starting point)
    "affected.from_bulletin": ("from {id}", "aus {id}", "de {id}", "{id} で公開"),
    "affected.fixed": ("fixed build", "korrigierter Build", "build corrigé", "修正ビルド"),
    "affected.not_stated": ("fixed build not stated", "korrigierter Build nicht angegeben", "build corrigé non indiqué",
                            "修正ビルドの記載なし"),
    "affected.resolves": ("resolves", "behebt", "corrige", "解決"),
    "affected.open": ("{n} bulletins have no update for this version:", "{n} Bulletins haben kein Update für diese Version:",
                      "{n} bulletins n’ont pas de mise à jour pour cette version :", "このバージョン用の更新プログラムがないセキュリティ情報: {n} 件"),
    "affected.update": ("Update:", "Update:", "Mise à jour :", "更新プログラム:"),
    "affected.cves": ("CVEs:", "CVEs:", "CVE :", "CVE:"),
    "affected.severity": ("Severity:", "Schweregrad:", "Gravité :", "深刻度:"),
    "affected.not_affected": ("Stated as not affected by:", "Laut diesen Bulletins nicht betroffen:",
                              "Déclaré non concerné par :", "影響を受けないと記載:"),
    "affected.unsupported": ("This version is no longer supported.", "Diese Version wird nicht mehr unterstützt.",
                             "Cette version n’est plus prise en charge.", "このバージョンはサポートが終了しています。"),
    "affected.build": ("Installed build (optional)", "Installierter Build (optional)", "Build installé (facultatif)",
                       "インストール済みのビルド (任意)"),
    "affected.bad_build": ("A build number is digits separated by dots, e.g. 15.2.2562.29.",
                           "Eine Build-Nummer besteht aus Ziffern und Punkten, z. B. 15.2.2562.29.",
                           "Un numéro de build est fait de chiffres séparés par des points, par ex. 15.2.2562.29.",
                           "ビルド番号は数字をドットで区切ったものです (例: 15.2.2562.29)。"),
    "affected.permalink": ("Link to this answer", "Link zu dieser Antwort", "Lien vers cette réponse", "この結果へのリンク"),
    # remediation model: what to install, unknown facts, superseded-by, components
    "restart.unknown": ("Not stated", "Nicht angegeben", "Non indiqué", "記載なし"),
    "not_stated": ("Not stated", "Nicht angegeben", "Non indiqué", "記載なし"),
    "no_score": ("No CVSS score was published for this vulnerability.", "Für diese Sicherheitslücke wurde kein CVSS-Wert veröffentlicht.",
                 "Aucun score CVSS n'a été publié pour cette vulnérabilité.", "この脆弱性の CVSS スコアは公開されていません。"),
    "nofix.in_progress": ("Fix in progress", "Korrektur in Arbeit", "Correctif en cours", "修正を準備中"),
    "nofix.not_planned": ("No fix planned", "Keine Korrektur geplant", "Aucun correctif prévu", "修正の予定なし"),
    "nofix.end_of_support": ("End of support: no fix", "Supportende: keine Korrektur", "Fin de prise en charge : pas de correctif", "サポート終了のため修正なし"),
    "install_in_order": ("Install, in this order", "In dieser Reihenfolge installieren", "À installer, dans cet ordre", "この順にインストール"),
    "nothing_to_install": ("Nothing to install", "Nichts zu installieren", "Rien à installer", "インストール不要"),
    "superseded_by": ("Superseded by", "Ersetzt durch", "Remplacé par", "置き換え先"),
    "superseded_notice": ("Updates of this bulletin were replaced by later bulletins: {ids}. The table below says for which versions.",
                          "Updates dieses Bulletins wurden durch spätere Bulletins ersetzt: {ids}. Die Tabelle unten nennt die Versionen.",
                          "Des mises à jour de ce bulletin ont été remplacées par des bulletins ultérieurs : {ids}. Le tableau ci-dessous indique pour quelles versions.",
                          "このセキュリティ情報の更新プログラムは、後のセキュリティ情報で置き換えられました: {ids}。対象のバージョンは下の表を参照してください。"),
    "component_of": ("{component}, part of this version", "{component}, Bestandteil dieser Version", "{component}, inclus dans cette version", "{component} (このバージョンに含まれる)"),
    "installed_on": ("{component}, if installed", "{component}, falls installiert", "{component}, s'il est installé", "{component} (インストールされている場合)"),
    "updates.separate": ("Updates of this product are not cumulative: install each bulletin's update.",
                         "Updates dieses Produkts sind nicht kumulativ: Installieren Sie das Update jedes Bulletins.",
                         "Les mises à jour de ce produit ne sont pas cumulatives : installez la mise à jour de chaque bulletin.",
                         "この製品の更新プログラムは累積的ではありません。各セキュリティ情報の更新プログラムをインストールしてください。"),
    "updates.cumulative": ("Updates of this product are cumulative: the newest update contains every earlier fix.",
                           "Updates dieses Produkts sind kumulativ: Das neueste Update enthält alle früheren Korrekturen.",
                           "Les mises à jour de ce produit sont cumulatives : la plus récente contient tous les correctifs antérieurs.",
                           "この製品の更新プログラムは累積的です。最新の更新プログラムに以前のすべての修正が含まれます。"),
    "exploited_since": ("Exploitation known since {date}", "Ausnutzung bekannt seit {date}", "Exploitation connue depuis le {date}", "{date} から悪用を確認"),
    "components": ("Components", "Komponenten", "Composants", "コンポーネント"),
    # site chrome: header, colour scheme, footer, page metadata
    "chrome.search_placeholder": ("ID, CVE, KB or words", "ID, CVE, KB oder Begriffe", "ID, CVE, KB ou mots", "ID、CVE、KB、キーワード"),
    "chrome.scheme_dark": ("Switch to the dark scheme", "Zum dunklen Farbschema wechseln", "Passer au thème sombre", "ダーク テーマに切り替え"),
    "chrome.scheme_light": ("Switch to the light scheme", "Zum hellen Farbschema wechseln", "Passer au thème clair", "ライト テーマに切り替え"),
    "chrome.permalink": ("Permanent link", "Dauerhafter Link", "Lien permanent", "固定リンク"),
    "chrome.generator": ("Made with {link}", "Erstellt mit {link}", "Réalisé avec {link}", "{link} で作成"),
    "chrome.description": ("{vendor} security bulletins, updates and patch-day releases.",
                           "Sicherheitsbulletins, Updates und Patchday-Veröffentlichungen von {vendor}.",
                           "Bulletins de sécurité, mises à jour et publications du patch day de {vendor}.",
                           "{vendor} のセキュリティ情報、更新プログラム、定例リリース。"),
    # bulletin header, CVE links, site chrome: footer, severity ratings, reporting, home, 404
    "downloads": ("Downloads", "Downloads", "Téléchargements", "ダウンロード"),
    "download_csaf": ("CSAF 2.0 ({language})", "CSAF 2.0 ({language})", "CSAF 2.0 ({language})", "CSAF 2.0 ({language})"),
    "download_json": ("JSON (API)", "JSON (API)", "JSON (API)", "JSON (API)"),
    "your_time": ("Your time", "Ihre Zeit", "Votre heure", "現地時刻"),
    "released_oob": ("Released out of band on {time}.", "Außerplanmäßig veröffentlicht am {time}.",
                     "Publié hors cycle le {time}.", "{time} に定例外で公開されました。"),
    "cve_links": ("CVE records", "CVE-Einträge", "Fiches CVE", "CVE レコード"),
    "permalink_to": ("Permanent link to {name}", "Dauerhafter Link zu {name}", "Lien permanent vers {name}", "{name} への固定リンク"),
    "footer.contact": ("Report a vulnerability", "Sicherheitslücke melden", "Signaler une vulnérabilité", "脆弱性の報告"),
    "footer.policy": ("Disclosure policy", "Offenlegungsrichtlinie", "Politique de divulgation", "開示ポリシー"),
    "footer.key": ("Encryption key", "Verschlüsselungsschlüssel", "Clé de chiffrement", "暗号化キー"),
    "footer.label": ("Security contact", "Sicherheitskontakt", "Contact sécurité", "セキュリティ窓口"),
    "severity_ratings": ("Severity ratings", "Schweregrade", "Niveaux de gravité", "深刻度の評価"),
    "severity_intro": (
        "Each bulletin rates every affected product with one of these levels, most severe first. A bulletin's maximum severity is the highest rating of its products.",
        "Jedes Bulletin bewertet jedes betroffene Produkt mit einer dieser Stufen, die schwerste zuerst. Der höchste Schweregrad eines Bulletins ist die höchste Bewertung seiner Produkte.",
        "Chaque bulletin attribue à chaque produit concerné l'un de ces niveaux, du plus grave au moins grave. La gravité maximale d'un bulletin est la note la plus élevée de ses produits.",
        "各セキュリティ情報は、影響を受ける製品ごとに次のいずれかの深刻度を付けます (深刻な順)。セキュリティ情報の最大深刻度は、その製品の評価のうち最も高いものです。",
    ),
    "severity_level": ("Level", "Stufe", "Niveau", "レベル"),
    "severity_meaning": ("Meaning", "Bedeutung", "Signification", "意味"),
    "severity_custom": ("A level of this vendor's scale.", "Eine Stufe der Skala dieses Herstellers.",
                        "Un niveau de l'échelle de cet éditeur.", "このベンダー独自の深刻度です。"),
    "sevdef.critical": (
        "Exploitation could let an attacker run code or take control without any action by the user.",
        "Ein Angreifer könnte ohne Zutun des Benutzers Code ausführen oder die Kontrolle übernehmen.",
        "L'exploitation pourrait permettre à un attaquant d'exécuter du code ou de prendre le contrôle sans action de l'utilisateur.",
        "悪用されると、ユーザーの操作なしに攻撃者がコードを実行したり制御を奪ったりする可能性があります。",
    ),
    "sevdef.important": (
        "Exploitation could compromise the confidentiality, integrity or availability of data or systems.",
        "Eine Ausnutzung könnte die Vertraulichkeit, Integrität oder Verfügbarkeit von Daten oder Systemen gefährden.",
        "L'exploitation pourrait compromettre la confidentialité, l'intégrité ou la disponibilité des données ou des systèmes.",
        "悪用されると、データやシステムの機密性、整合性、可用性が損なわれる可能性があります。",
    ),
    "sevdef.moderate": (
        "Exploitation is made much harder by factors such as authentication, default settings or an unusual configuration.",
        "Eine Ausnutzung wird durch Faktoren wie Authentifizierung, Standardeinstellungen oder eine ungewöhnliche Konfiguration deutlich erschwert.",
        "L'exploitation est rendue nettement plus difficile par des facteurs tels que l'authentification, les paramètres par défaut ou une configuration inhabituelle.",
        "認証、既定の設定、一般的でない構成などの要因により、悪用は大幅に困難です。",
    ),
    "sevdef.low": (
        "Exploitation is very difficult, or its impact is minimal.",
        "Eine Ausnutzung ist sehr schwierig, oder ihre Auswirkung ist gering.",
        "L'exploitation est très difficile, ou son impact est minime.",
        "悪用は非常に困難であるか、影響は最小限です。",
    ),
    "report_page": ("Report a vulnerability", "Sicherheitslücke melden", "Signaler une vulnérabilité", "脆弱性の報告"),
    "report_intro": (
        "If you believe you have found a vulnerability in a {vendor} product, tell us privately so we can fix it before it is exploited.",
        "Wenn Sie glauben, eine Sicherheitslücke in einem Produkt von {vendor} gefunden zu haben, melden Sie sie uns vertraulich, damit wir sie beheben können, bevor sie ausgenutzt wird.",
        "Si vous pensez avoir trouvé une vulnérabilité dans un produit {vendor}, signalez-la-nous en privé afin que nous puissions la corriger avant qu'elle ne soit exploitée.",
        "{vendor} 製品に脆弱性を発見したと思われる場合は、悪用される前に修正できるよう、非公開でお知らせください。",
    ),
    "report_contact": ("Where to report", "Wohin melden", "Où signaler", "報告先"),
    "report_no_contact": ("This site does not name a reporting address yet: contact {vendor} through its usual support channels and ask for the security team.",
                          "Diese Website nennt noch keine Meldeadresse: Wenden Sie sich über die üblichen Supportkanäle an {vendor} und fragen Sie nach dem Sicherheitsteam.",
                          "Ce site n'indique pas encore d'adresse de signalement : contactez {vendor} par ses canaux d'assistance habituels et demandez l'équipe sécurité.",
                          "このサイトにはまだ報告先が記載されていません。{vendor} の通常のサポート窓口に連絡し、セキュリティ チームを指定してください。"),
    "report_key": ("Encrypt your report with our key", "Verschlüsseln Sie Ihre Meldung mit unserem Schlüssel",
                   "Chiffrez votre signalement avec notre clé", "報告は当社のキーで暗号化してください"),
    "report_include": ("What to include", "Was die Meldung enthalten sollte", "Que faut-il inclure", "報告に含める内容"),
    "report_item_product": ("the product, version and platform affected;", "betroffenes Produkt, Version und Plattform;",
                            "le produit, la version et la plateforme concernés ;", "影響を受ける製品、バージョン、プラットフォーム"),
    "report_item_steps": ("the steps to reproduce it, or a proof of concept;", "die Schritte zur Reproduktion oder einen Proof of Concept;",
                          "les étapes pour la reproduire, ou une preuve de concept ;", "再現手順または概念実証 (PoC)"),
    "report_item_impact": ("what an attacker could achieve;", "was ein Angreifer erreichen könnte;",
                           "ce qu'un attaquant pourrait obtenir ;", "攻撃者が達成できること"),
    "report_item_contact": ("how to reach you, and the name to credit, if any.", "wie wir Sie erreichen, und ggf. den Namen für die Danksagung.",
                            "comment vous joindre, et le nom à remercier le cas échéant.", "連絡先と、謝辞に記載する名前 (希望する場合)"),
    "report_policy": ("How we handle reports: our disclosure policy", "Wie wir Meldungen bearbeiten: unsere Offenlegungsrichtlinie",
                      "Comment nous traitons les signalements : notre politique de divulgation", "報告の取り扱い: 開示ポリシー"),
    "home_lead": ("Security updates for {month}", "Sicherheitsupdates für {month}", "Mises à jour de sécurité de {month}", "{month} のセキュリティ更新プログラム"),
    "notfound.title": ("Page not found", "Seite nicht gefunden", "Page introuvable", "ページが見つかりません"),
    "notfound.text": ("The page you asked for does not exist. Bulletins keep their address once published: check the ID, or search.",
                      "Die angeforderte Seite existiert nicht. Bulletins behalten ihre Adresse nach der Veröffentlichung: Prüfen Sie die ID, oder suchen Sie.",
                      "La page demandée n'existe pas. Les bulletins gardent leur adresse une fois publiés : vérifiez l'identifiant, ou faites une recherche.",
                      "お探しのページは存在しません。公開済みのセキュリティ情報のアドレスは変わりません。ID を確認するか、検索してください。"),
    "notice.kind": ("Advance notification", "Vorabbenachrichtigung", "Notification préalable", "事前通知"),
    "notice.title": ("Advance notification: {month}", "Vorabbenachrichtigung: {month}", "Notification préalable : {month}", "事前通知: {month}"),
    "notice.coming": ("On {date}, {vendor} plans to release {n} security bulletins for the products below.",
                      "Am {date} veröffentlicht {vendor} voraussichtlich {n} Sicherheitsbulletins für die folgenden Produkte.",
                      "Le {date}, {vendor} prévoit de publier {n} bulletins de sécurité pour les produits ci-dessous.",
                      "{vendor} は {date} に、以下の製品について {n} 件のセキュリティ情報を公開する予定です。"),
    "notice.none": ("{vendor} plans no security bulletin for the patch day of {date}.",
                    "{vendor} plant für den Patchday am {date} kein Sicherheitsbulletin.",
                    "{vendor} ne prévoit aucun bulletin de sécurité pour le jour de correctifs du {date}.",
                    "{vendor} は {date} の定例パッチ公開日にセキュリティ情報を公開する予定はありません。"),
    "notice.out": ("The release of {date} is out: {n} bulletins were planned for these products.",
                   "Die Veröffentlichung vom {date} ist erschienen: Für diese Produkte waren {n} Bulletins geplant.",
                   "La publication du {date} est disponible : {n} bulletins étaient prévus pour ces produits.",
                   "{date} のリリースが公開されました。これらの製品について {n} 件のセキュリティ情報が予定されていました。"),
    "notice.scope": ("This notice gives only the number of bulletins, the products and the highest severity for each. "
                     "The bulletins themselves, with their details and updates, are published on patch day; until then the plan may change.",
                     "Diese Benachrichtigung nennt nur die Anzahl der Bulletins, die Produkte und jeweils den höchsten Schweregrad. "
                     "Die Bulletins selbst, mit Details und Updates, erscheinen am Patchday; bis dahin kann sich die Planung ändern.",
                     "Cette notification donne seulement le nombre de bulletins, les produits et la gravité la plus élevée de chacun. "
                     "Les bulletins, avec leurs détails et mises à jour, sont publiés le jour de correctifs ; d'ici là, le plan peut changer.",
                     "この通知には、セキュリティ情報の件数、製品、製品ごとの最大深刻度のみを記載しています。"
                     "詳細と更新プログラムを含むセキュリティ情報は定例パッチ公開日に公開されます。それまでに予定が変わる場合があります。"),
    "notice.see": ("Read the release", "Zur Veröffentlichung", "Voir la publication", "リリースを見る"),
}


# Labels that count: the form for each CLDR plural category other than "other" (which is
# the row of _TABLE). Babel says which category a number takes in a language (French
# "one" is 0 and 1; Japanese has only "other"), so nobody writes "1 bulletins".
_PLURALS: dict[str, tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]] = {
    "bulletin_count": ({"one": "{n} bulletin"}, {"one": "{n} Bulletin"}, {"one": "{n} bulletin"}, {}),
    "cve_count_n": ({"one": "{n} CVE"}, {"one": "{n} CVE"}, {"one": "{n} CVE"}, {}),
    "search.results": ({"one": "{n} result for “{q}”"}, {"one": "{n} Ergebnis für „{q}“"}, {"one": "{n} résultat pour « {q} »"}, {}),
    "affected.count": ({"one": "{n} bulletin applies to {version}."}, {"one": "{n} Bulletin betrifft {version}."},
                       {"one": "{n} bulletin concerne {version}."}, {}),
    "affected.install": ({"one": "Install this update:"}, {"one": "Installieren Sie dieses Update:"},
                         {"one": "Installez cette mise à jour :"}, {}),
    "affected.done": ({"one": "Already installed according to your build ({build}): {n} update."},
                      {"one": "Laut Ihrem Build ({build}) bereits installiert: {n} Update."},
                      {"one": "Déjà installée d’après votre build ({build}) : {n} mise à jour."}, {}),
    "affected.open": ({"one": "{n} bulletin has no update for this version:"}, {"one": "{n} Bulletin hat kein Update für diese Version:"},
                      {"one": "{n} bulletin n’a pas de mise à jour pour cette version :"}, {}),
    "notice.coming": ({"one": "On {date}, {vendor} plans to release {n} security bulletin for the products below."},
                      {"one": "Am {date} veröffentlicht {vendor} voraussichtlich {n} Sicherheitsbulletin für die folgenden Produkte."},
                      {"one": "Le {date}, {vendor} prévoit de publier {n} bulletin de sécurité pour les produits ci-dessous."}, {}),
    "notice.out": ({"one": "The release of {date} is out: {n} bulletin was planned for these products."},
                   {"one": "Die Veröffentlichung vom {date} ist erschienen: Für diese Produkte war {n} Bulletin geplant."},
                   {"one": "La publication du {date} est disponible : {n} bulletin était prévu pour ces produits."}, {}),
}


# French typography: a no-break space before the two-part marks (: ; ? !) and inside « »,
# so a colon never starts a line on a phone. Written as plain spaces in the table above to
# keep it readable; every reader of the table (pages, scripts, feeds, CSAF) gets these.
_FR = LANGS.index("fr")


def _french(text: str) -> str:
    return re.sub(r" ([:;?!»])", "\u00a0\\1", text).replace("« ", "«\u00a0")


_TABLE = {key: tuple(_french(t) if i == _FR else t for i, t in enumerate(row)) for key, row in _TABLE.items()}  # type: ignore[misc]
_PLURALS = {key: tuple({c: _french(t) for c, t in forms.items()} if i == _FR else forms for i, forms in enumerate(row))  # type: ignore[misc]
            for key, row in _PLURALS.items()}


@lru_cache(maxsize=256)
def plural_category(lang: str, n: int) -> str:
    from babel import Locale

    try:
        return Locale.parse(lang).plural_form(n)
    except (ValueError, LookupError):
        return "one" if n == 1 else "other"


@dataclass(frozen=True, slots=True)
class Labels:
    """The labels of one language; unknown languages fall back to English."""

    lang: str

    def __call__(self, key: str, **values: object) -> str:
        row = _TABLE[key]
        i = LANGS.index(self.lang) if self.lang in LANGS else 0
        text = row[i]
        if key in _PLURALS and isinstance(values.get("n"), int):
            text = _PLURALS[key][i].get(plural_category(LANGS[i], values["n"]), text)
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        return key in _TABLE


def script_labels(lang: str, names: dict[str, str]) -> dict[str, str | dict[str, str]]:
    """Labels for a page script, by the script's names: the text, or for a counting label its
    plural forms by CLDR category ({"one": ..., "other": ...}) for the browser's Intl.PluralRules.
    Placeholders stay in: the script fills them."""
    i = LANGS.index(lang) if lang in LANGS else 0
    out: dict[str, str | dict[str, str]] = {}
    for name, key in names.items():
        other = _TABLE[key][i]
        out[name] = {**_PLURALS[key][i], "other": other} if key in _PLURALS else other
    return out


def labels(lang: str) -> Labels:
    return Labels(lang)


LABELS = _TABLE
