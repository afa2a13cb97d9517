"""Language-independent metadata for the text templates.

The templates themselves live in ``text_<lang>.py`` under the same keys; this
module says which template fits which vulnerability (impact, product kind,
CWE, CVSS vectors) so that every language renders the same choice.
"""

from __future__ import annotations

# description key -> (impact, product kinds, CWE ids, [(severity, CVSS 3.1 base vector without prefix)])
DESCRIPTIONS = {
    "rce-heap": ("rce", {"server"}, ["CWE-122"], [
        ("critical", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), ("critical", "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H")]),
    "rce-uaf": ("rce", {"server", "client"}, ["CWE-416"], [
        ("critical", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), ("important", "AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H")]),
    "rce-deser": ("rce", {"server"}, ["CWE-502"], [
        ("important", "AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"), ("critical", "AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H")]),
    "rce-file": ("rce", {"client"}, ["CWE-787"], [
        ("important", "AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H"), ("critical", "AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H")]),
    "rce-server": ("rce", {"client"}, ["CWE-20", "CWE-122"], [
        ("critical", "AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H"), ("important", "AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H")]),
    "eop-race": ("eop", {"client"}, ["CWE-362", "CWE-416"], [
        ("important", "AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H"), ("important", "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H")]),
    "eop-acl": ("eop", {"server", "client"}, ["CWE-732"], [
        ("important", "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"), ("moderate", "AV:L/AC:H/PR:L/UI:R/S:U/C:H/I:H/A:N")]),
    "eop-auth": ("eop", {"server"}, ["CWE-863"], [
        ("important", "AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N"), ("critical", "AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H")]),
    "dos-loop": ("dos", {"server", "client"}, ["CWE-835"], [
        ("important", "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"), ("moderate", "AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H")]),
    "dos-null": ("dos", {"server", "client"}, ["CWE-476"], [
        ("moderate", "AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H"), ("important", "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H")]),
    "dos-resource": ("dos", {"server"}, ["CWE-400"], [
        ("important", "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"), ("low", "AV:N/AC:H/PR:L/UI:N/S:U/C:N/I:N/A:L")]),
    "info-read": ("info", {"server", "client"}, ["CWE-125"], [
        ("important", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"), ("moderate", "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N")]),
    "info-uninit": ("info", {"client"}, ["CWE-908"], [
        ("important", "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N"), ("low", "AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N")]),
    "info-exposure": ("info", {"server"}, ["CWE-209"], [
        ("moderate", "AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N"), ("low", "AV:N/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N")]),
    "spoof-xss": ("spoofing", {"server"}, ["CWE-79"], [
        ("important", "AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"), ("moderate", "AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N")]),
    "spoof-cert": ("spoofing", {"server", "client"}, ["CWE-295"], [
        ("important", "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N"), ("moderate", "AV:A/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:N")]),
    "spoof-ui": ("spoofing", {"client"}, ["CWE-451"], [
        ("moderate", "AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N"), ("low", "AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N")]),
    "tamper-sig": ("tampering", {"server", "client"}, ["CWE-347"], [
        ("important", "AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N"), ("moderate", "AV:A/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N")]),
    "tamper-path": ("tampering", {"server"}, ["CWE-22"], [
        ("important", "AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:H/A:N"), ("moderate", "AV:N/AC:L/PR:H/UI:N/S:U/C:N/I:H/A:N")]),
    "sfb-auth": ("sfb", {"server"}, ["CWE-287"], [
        ("important", "AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N"), ("critical", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N")]),
    "sfb-motw": ("sfb", {"client"}, ["CWE-693"], [
        ("moderate", "AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:N"), ("important", "AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N")]),
}

# description key -> component tags, any of which makes a component fit (None: any component)
DESC_TAGS = {
    "rce-heap": {"net"}, "rce-uaf": None, "rce-deser": {"net"}, "rce-file": {"file"}, "rce-server": {"client-net"},
    "eop-race": {"local"}, "eop-acl": {"local"}, "eop-auth": {"web"}, "dos-loop": {"net", "client-net"},
    "dos-null": None, "dos-resource": {"net"}, "info-read": None, "info-uninit": {"kernel"},
    "info-exposure": {"web", "net"}, "spoof-xss": {"web"}, "spoof-cert": {"net", "client-net", "auth"},
    "spoof-ui": {"ui"}, "tamper-sig": {"sig"}, "tamper-path": {"web"}, "sfb-auth": {"auth"}, "sfb-motw": {"file", "ui"},
}

# Sentences a later revision may add to a description (keys of T["desc_extra"]).
DESC_EXTRA = ["clarify-auth", "clarify-config"]

# mitigating factor key -> description keys it fits (mf-default-off needs an "opt" component)
MITIGATIONS = {
    "mf-default-off": set(DESCRIPTIONS) - {"sfb-motw", "rce-file"},
    "mf-auth": {"rce-deser", "eop-auth", "tamper-path"},
    "mf-user-rights": {"rce-file", "rce-server", "rce-uaf"},
    "mf-perimeter": {"rce-heap", "dos-loop", "dos-resource", "info-exposure", "sfb-auth", "info-read"},
    "mf-ui": {"rce-file", "spoof-ui", "sfb-motw", "spoof-xss"},
    "mf-mitm": {"spoof-cert", "tamper-sig"},
    "mf-local": {"eop-race", "eop-acl", "info-uninit", "dos-null"},
}

# workaround key -> (product kinds, description keys it fits, component tag it needs or None)
WORKAROUNDS = {
    "disable-component": ({"server", "client"}, set(DESCRIPTIONS), "opt"),
    "block-port": ({"server"}, {"rce-heap", "dos-loop", "dos-resource", "info-read", "info-exposure", "sfb-auth",
                                "rce-deser"}, "port"),
    "restrict-admin": ({"server"}, {"eop-auth", "tamper-path", "rce-deser", "spoof-xss"}, "admin"),
    "block-files": ({"client"}, {"rce-file", "sfb-motw", "rce-uaf"}, "file"),
    "require-signing": ({"server", "client"}, {"spoof-cert", "tamper-sig", "rce-server"}, "sign"),
    "disable-anonymous": ({"server"}, {"sfb-auth", "info-exposure", "dos-loop"}, "net"),
}

# "How could an attacker exploit this?" answer variant per description key
EXPLOIT_FAQ = {
    "rce-heap": "exploit-rce-server", "rce-deser": "exploit-rce-auth", "rce-uaf": "exploit-rce-client",
    "rce-file": "exploit-rce-client", "rce-server": "exploit-rce-malserver", "eop-race": "exploit-local",
    "eop-acl": "exploit-local", "eop-auth": "exploit-rce-auth", "dos-loop": "exploit-network",
    "dos-null": "exploit-local", "dos-resource": "exploit-network", "info-read": "exploit-network",
    "info-uninit": "exploit-local", "info-exposure": "exploit-network", "spoof-xss": "exploit-link",
    "spoof-cert": "exploit-mitm", "spoof-ui": "exploit-link", "tamper-sig": "exploit-mitm",
    "tamper-path": "exploit-rce-auth", "sfb-auth": "exploit-network", "sfb-motw": "exploit-link",
}

ACKNOWLEDGMENTS = [
    {"name": "Mira Castellanos", "organization": "Northwind Labs", "url": "https://northwind-labs.example"},
    {"name": "Jonas Feld", "organization": "Fabrikam Security Research"},
    {"name": "Aiko Tanabe", "organization": "Tailspin Threat Intelligence", "url": "https://tailspin.example/research"},
    {"name": "Léa Moreau", "organization": "Wingtip Security"},
    {"name": "Rahul Iyer"},
    {"name": "Tomasz Nowak", "organization": "Litware Research"},
    {"name": "Grace Okafor", "organization": "Woodgrove Bank Security Team"},
    {"name": "Wei Zhang", "organization": "Adventure Works Red Team"},
    {"name": "Sven Lindqvist", "organization": "Proseware Labs", "url": "https://proseware.example"},
    {"name": "Contoso Offensive Research Team", "organization": "Contoso"},
    {"name": "Priya Raman", "organization": "Northwind Labs", "url": "https://northwind-labs.example"},
    {"name": "Daniel Ortega"},
    {"name": "Yuki Morimoto", "organization": "Tailspin Threat Intelligence", "url": "https://tailspin.example/research"},
    {"name": "Anonymous researcher working with the Fabrikam Bug Bounty Program"},
    {"name": "Hannah Becker", "organization": "Wingtip Security"},
    {"name": "Contoso Threat Intelligence Center", "organization": "Contoso"},
]

SEVERITY_RANK = {"critical": 0, "important": 1, "moderate": 2, "low": 3}
IMPACT_RANK = {"rce": 0, "eop": 1, "sfb": 2, "spoofing": 3, "tampering": 4, "info": 5, "dos": 6}


def v4_from_v3(v3: str) -> str:
    """A CVSS 4.0 base vector that matches a CVSS 3.1 base vector (both without prefix)."""
    m = dict(part.split(":") for part in v3.split("/"))
    changed = m["S"] == "C"
    ui = {"N": "N", "R": "P" if m["AV"] in ("L", "P") else "A"}[m["UI"]]
    at = "P" if m["AC"] == "H" and m["AV"] in ("N", "A") and m["PR"] == "N" else "N"
    sub = (m["C"], m["I"], m["A"]) if changed else ("N", "N", "N")
    return (f"AV:{m['AV']}/AC:{m['AC']}/AT:{at}/PR:{m['PR']}/UI:{ui}/VC:{m['C']}/VI:{m['I']}/VA:{m['A']}"
            f"/SC:{sub[0]}/SI:{sub[1]}/SA:{sub[2]}")
