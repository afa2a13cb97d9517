"""Release notes for some months (highlights, known issues) and their translations."""

from __future__ import annotations

from catalogue import BY_ID, version_info
from render import LANGS, fmt_date
from write import Q

# month -> [(section, template key, product, version)]
NOTE_MONTHS = {
    (2025, 9): [("highlights", "overview", None, None), ("highlights", "critical", None, None), ("known_issues", "restart-twice", "nimbus-os", None)],
    (2025, 10): [("highlights", "exploited", None, None),
                 ("highlights", "end-of-support", "nimbus-os", "22H2"),
                 ("highlights", "end-of-support", "office", "2019"),
                 ("highlights", "new-version", "nimbus-os", "25H2")],
    (2025, 11): [("highlights", "out-of-band", "mail-server", None), ("highlights", "critical", None, None)],
    (2026, 1): [("highlights", "exploited", None, None), ("highlights", "end-of-support", "edge-gateway", "1.8"),
                ("known_issues", "service-start", "mail-server", None)],
    (2026, 2): [("highlights", "out-of-band", "edge-gateway", None)],
    (2026, 4): [("highlights", "exploited", None, None), ("highlights", "new-version", "identity-server", "11.0"),
                ("highlights", "end-of-support", "mail-server", "2016"),
                ("known_issues", "slow-sign-in", "identity-server", None)],
    (2026, 7): [("highlights", "overview", None, None), ("highlights", "end-of-support", "datastore", "2017"),
                ("known_issues", "restart-twice", "nimbus-os", None)],
    (2026, 9): [("highlights", "end-of-support", "identity-server", "10.0"), ("highlights", "critical", None, None)],
    (2026, 11): [("highlights", "overview", None, None), ("highlights", "critical", None, None), ("known_issues", "restart-twice", "nimbus-os", None)],
}
NOTE_OVERLAYS = {(2026, 11): ["de", "fr", "ja"], (2026, 1): ["de", "fr", "ja"], (2026, 4): ["de", "ja"],
                 (2025, 10): ["de", "fr"], (2026, 2): ["ja"]}
SERVICE = {"mail-server": "Mailbox Replication Service"}


def _first_kb(specs: list[dict], pid: str) -> str:
    for s in specs:
        for r in s["affected"]:
            if r["product"] == pid and "update" in r:
                return r["update"]["id"]
    raise LookupError(f"no update for {pid} this month")


def note_specs(specs: list[dict]) -> dict:
    """month -> list of (section, key, template, params, date-or-None)"""
    out = {}
    for ym, items in NOTE_MONTHS.items():
        month = [s for s in specs if s["month"] == ym and s["status"] == "final"]
        notes = []
        for section, tpl, pid, vid in items:
            params, day, key = {}, None, tpl if pid is None else f"{tpl}-{pid}"
            if tpl == "critical":
                crit = [s["id"] for s in month if any(r["severity"] == "critical" for r in s["affected"])]
                if len(crit) < 2:
                    continue
                params = {"n": len(crit), "bulletins": ", ".join(crit)}
            elif tpl == "overview":
                names = list(dict.fromkeys(p for s in month for p in s["products"]))
                params = {"n": len(month), "m": len({v["cve"] for s in month for v in s["vulns"]}), "names": names}
            elif tpl == "exploited":
                s, v = next((s, v) for s in month if not s["oob"] for v in s["vulns"] if v["exploited"])
                params = {"bulletin": s["id"], "cve": v["cve"], "product": BY_ID[v["home"]]["name"]}
                key = f"exploited-{v['home']}"
            elif tpl == "out-of-band":
                s = next(s for s in month if s["oob"])
                params, day = {"bulletin": s["id"], "product": BY_ID[pid]["name"]}, s["released"].date()
            elif tpl in ("end-of-support", "new-version"):
                info = version_info(pid, vid)
                params = {"product": BY_ID[pid]["name"], "version": vid}
                day = info["supported_until"] if tpl == "end-of-support" else info["released"]
            else:
                params = {"kb": _first_kb(month, pid), "component": SERVICE.get(pid, "")}
            notes.append((section, key, tpl, params, day))
        out[ym] = notes
    return out


def _render(note, lang: str) -> tuple[str, str]:
    _, _, tpl, params, day = note
    p = dict(params)
    if "names" in p:
        L, names = LANGS[lang], [BY_ID[x]["name"] for x in p.pop("names")]
        p["products"] = L["list_sep"].join(names[:-1]) + L["and"] + names[-1] if len(names) > 1 else names[0]
    if day is not None:
        p["date"] = fmt_date(lang, day)
    title, text = LANGS[lang]["notes"][tpl]
    return title.format(**p), text.format(**p)


def notes_document(ym: tuple[int, int], notes: list) -> dict:
    doc: dict = {"schema_version": 1, "release": Q(f"{ym[0]}-{ym[1]:02d}"), "highlights": [], "known_issues": []}
    for note in notes:
        title, text = _render(note, "en")
        doc[note[0]].append({"key": note[1], "title": title, "text": text})
    return doc


def notes_overlay(notes: list, lang: str) -> dict:
    doc: dict = {"schema_version": 1, "highlights": {}, "known_issues": {}}
    for note in notes:
        title, text = _render(note, lang)
        doc[note[0]][note[1]] = {"title": title, "text": text}
    return doc
