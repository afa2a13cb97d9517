"""The fictional Contoso product catalogue used by the example corpus.

Every product carries, besides what goes into ``products.yaml``, the data the
generator needs to write plausible bulletins: its kind (server or client),
its components (named in vulnerability titles) with tags that say which kind
of flaw fits them (net, web, admin, file, local, kernel, auth, sig, sign, ui,
opt = can be turned off) and the port a firewall workaround would block, and the
build-number prefix of each version's fixed builds.
"""

from __future__ import annotations

import datetime as dt

from write import Q

D = dt.date.fromisoformat

FAMILIES = [
    ("operating-systems", "Operating Systems"),
    ("productivity", "Productivity and Clients"),
    ("servers", "Servers"),
    ("data-platform", "Data Platform"),
    ("networking", "Networking"),
]

# version tuple: (id, display suffix, platforms, released, supported_until, build prefix)
PRODUCTS = [
    {
        "id": "nimbus-os", "name": "Contoso Nimbus OS", "family": "operating-systems", "kind": "client",
        "cpe": "nimbus_os", "weight": 10, "cves": (3, 7),
        "components": {"Kernel": ("local kernel", None), "Print Spooler": ("local net opt", None),
                       "SMB Client": ("client-net sign", None), "TCP/IP Stack": ("net kernel", None),
                       "Kerberos": ("auth net sign", None), "Graphics Component": ("file local kernel", None),
                       "RPC Runtime": ("net local sign", None), "Hypervisor": ("local opt kernel", None),
                       "Shell": ("file ui", None), "Update Agent": ("sig local", None)},
        "versions": [
            ("22H2", "Contoso Nimbus OS 22H2", ["x64", "arm64"], "2022-09-20", "2025-10-14", "10.0.22621"),
            ("23H2", "Contoso Nimbus OS 23H2", ["x64", "arm64"], "2023-10-31", None, "10.0.22631"),
            ("24H2", "Contoso Nimbus OS 24H2", ["x64", "arm64"], "2024-10-01", None, "10.0.26100"),
            ("25H2", "Contoso Nimbus OS 25H2", ["x64", "arm64"], "2025-09-30", None, "10.0.26200"),
        ],
    },
    {
        "id": "office", "name": "Contoso Office Suite", "family": "productivity", "kind": "client",
        "cpe": "office_suite", "weight": 6, "cves": (2, 5),
        "components": {"Document Parser": ("file", None), "Spreadsheet Engine": ("file", None),
                       "Presentation Viewer": ("file opt", None), "Mail Client": ("file ui client-net", None),
                       "Graphics Filter": ("file opt", None), "Click-to-Run Service": ("local sig", None)},
        "versions": [
            ("2019", "Contoso Office Suite 2019", ["x86", "x64"], "2018-09-24", "2025-10-14", "16.0.10417"),
            ("2021", "Contoso Office Suite LTSC 2021", ["x86", "x64"], "2021-10-05", None, "16.0.14332"),
            ("2024", "Contoso Office Suite LTSC 2024", ["x64", "arm64"], "2024-10-01", None, "16.0.17932"),
            ("365", "Contoso Office Suite 365 Apps", ["x86", "x64", "arm64"], "2020-04-21", None, "16.0.19127"),
        ],
    },
    {
        "id": "remote-desktop", "name": "Contoso Remote Desktop Client", "family": "productivity", "kind": "client",
        "cpe": "remote_desktop_client", "weight": 3, "cves": (1, 3),
        "components": {"Clipboard Redirection": ("client-net local opt", None), "Graphics Pipeline": ("client-net", None),
                       "Smart Card Redirection": ("client-net opt", None),
                       "Connection Broker": ("client-net auth sign", None), "Auto-Updater": ("sig local", None)},
        "versions": [
            ("1.2", "Contoso Remote Desktop Client 1.2", ["x64", "macOS"], "2023-06-01", "2025-12-09", "1.2.6"),
            ("1.10", "Contoso Remote Desktop Client 1.10", ["x64", "arm64", "macOS"], "2024-08-01", None, "1.10.3"),
            ("2.0", "Contoso Remote Desktop Client 2.0", ["x64", "arm64", "macOS"], "2025-05-01", None, "2.0.1"),
        ],
    },
    {
        "id": "mail-server", "name": "Contoso Mail Server", "family": "servers", "kind": "server",
        "cpe": "mail_server", "weight": 5, "cves": (1, 5),
        "components": {"SMTP Transport": ("net sign", 25), "Web Access": ("web net auth opt", 443),
                       "Autodiscover": ("web net", 443), "Mailbox Replication Service": ("net local", 808),
                       "Calendar Sync": ("net opt", 443), "Admin Center": ("web admin", 443)},
        "versions": [
            ("2016", "Contoso Mail Server 2016 CU23", ["x64"], "2015-10-01", "2026-04-14", "15.1.2507"),
            ("2019", "Contoso Mail Server 2019 CU15", ["x64"], "2018-10-22", "2029-01-09", "15.2.1748"),
            ("SE", "Contoso Mail Server Subscription Edition", ["x64"], "2025-07-01", None, "15.2.2562"),
        ],
    },
    {
        "id": "identity-server", "name": "Contoso Identity Server", "family": "servers", "kind": "server",
        "cpe": "identity_server", "weight": 4, "cves": (1, 4),
        "components": {"SAML Token Service": ("net auth web sig", 443), "OAuth Endpoint": ("net auth web", 443),
                       "Admin Console": ("web admin", 8443), "LDAP Proxy": ("net opt sign", 389),
                       "Federation Service": ("net auth sig sign", 443), "Sync Agent": ("local net", None)},
        "versions": [
            ("10.0", "Contoso Identity Server 10.0", ["x64"], "2023-03-14", "2026-09-08", "10.0.4120"),
            ("10.5", "Contoso Identity Server 10.5", ["x64"], "2024-05-14", None, "10.5.2210"),
            ("11.0", "Contoso Identity Server 11.0", ["x64", "arm64"], "2026-04-01", None, "11.0.1000"),
        ],
    },
    {
        "id": "datastore", "name": "Contoso DataStore", "family": "data-platform", "kind": "server",
        "cpe": "datastore", "weight": 4, "cves": (1, 4),
        "components": {"Query Engine": ("net local", 1433), "Replication Agent": ("net sig sign opt", 5022),
                       "Reporting Services": ("web net opt", 443), "Full-Text Search": ("local opt", None),
                       "Backup Service": ("local", None)},
        "versions": [
            ("2017", "Contoso DataStore 2017", ["x64"], "2017-10-02", "2026-07-14", "14.0.3485"),
            ("2019", "Contoso DataStore 2019", ["x64", "linux-x64"], "2019-11-04", None, "15.0.4415"),
            ("2022", "Contoso DataStore 2022", ["x64", "linux-x64"], "2022-11-16", None, "16.0.4175"),
            ("2025", "Contoso DataStore 2025", ["x64", "linux-x64"], "2024-11-18", None, "17.0.1050"),
        ],
    },
    {
        "id": "edge-gateway", "name": "Contoso Edge Gateway", "family": "networking", "kind": "server",
        "cpe": "edge_gateway", "weight": 4, "cves": (1, 4),
        "components": {"SSL VPN Portal": ("web net auth opt", 443), "Management Interface": ("web admin", 4443),
                       "IKEv2 Service": ("net auth opt", None), "HTTP Proxy": ("net opt", 8080),
                       "Captive Portal": ("web opt", 443), "Firmware Updater": ("sig local", None)},
        "versions": [
            ("1.8", "Contoso Edge Gateway 1.8", ["hardware appliance", "virtual appliance"], "2023-02-01", "2026-01-13", "1.8.14"),
            ("1.9", "Contoso Edge Gateway 1.9", ["hardware appliance", "virtual appliance"], "2024-01-15", None, "1.9.9"),
            ("1.10", "Contoso Edge Gateway 1.10", ["hardware appliance", "virtual appliance"], "2025-01-20", None, "1.10.4"),
            ("2.0", "Contoso Edge Gateway 2.0", ["hardware appliance", "virtual appliance", "cloud"], "2026-06-01", None, "2.0.0"),
        ],
    },
]

BY_ID = {p["id"]: p for p in PRODUCTS}

# Products that are often fixed together in one bulletin.
PAIRS = {
    "nimbus-os": "remote-desktop",
    "remote-desktop": "nimbus-os",
    "office": "mail-server",
    "mail-server": "office",
    "identity-server": "edge-gateway",
    "edge-gateway": "identity-server",
}


def tags(pid: str, component: str) -> set[str]:
    return set(BY_ID[pid]["components"][component][0].split())


def port(pid: str, component: str) -> int | None:
    return BY_ID[pid]["components"][component][1]


def version_info(pid: str, vid: str) -> dict:
    for v in BY_ID[pid]["versions"]:
        if v[0] == vid:
            return {"id": v[0], "name": v[1], "platforms": v[2], "released": D(v[3]),
                    "supported_until": D(v[4]) if v[4] else None, "build": v[5]}
    raise KeyError((pid, vid))


def supported(pid: str, day: dt.date) -> list[str]:
    """Version ids of a product that are supported on ``day`` (same rule as the validator)."""
    out = []
    for v in BY_ID[pid]["versions"]:
        released, until = D(v[3]), (D(v[4]) if v[4] else None)
        if released <= day and (until is None or day <= until):
            out.append(v[0])
    return out


def products_document() -> dict:
    """The content of bulletins/products.yaml."""
    products = []
    for p in PRODUCTS:
        versions = []
        for vid, name, platforms, released, until, _ in p["versions"]:
            row = {"id": Q(vid), "name": name, "platforms": platforms, "released": D(released)}
            if until:
                row["supported_until"] = D(until)
            part = "o" if p["family"] == "operating-systems" else "a"
            row["cpe"] = f"cpe:2.3:{part}:contoso:{p['cpe']}:{vid.lower()}:*:*:*:*:*:*:*"
            versions.append(row)
        products.append({"id": p["id"], "name": p["name"], "family": p["family"],
                         "url": f"https://www.contoso.example/products/{p['id']}", "versions": versions})
    return {"schema_version": 1, "families": [{"id": f, "name": n} for f, n in FAMILIES], "products": products}
