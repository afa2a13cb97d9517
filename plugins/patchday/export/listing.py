"""Pre-rendered HTML directory listings (CSAF R14) for static hosts.

The CSAF TC wants server-generated listings, not JavaScript (csaf#876); a
static host has no server, so the build writes one index.html per folder.
"""

from __future__ import annotations

from html import escape


def listing(folder: str, entries: list[tuple[str, bool]]) -> bytes:
    """``folder`` is the site path ('/.well-known/csaf/white/'); entries are (name, is_folder)."""
    rows = []
    if folder.rstrip("/") != "":
        rows.append('<li><a href="../">../</a></li>')
    for name, is_dir in sorted(entries, key=lambda e: (not e[1], e[0])):
        if name == "index.html":
            continue
        shown = name + ("/" if is_dir else "")
        rows.append(f'<li><a href="{escape(shown, quote=True)}">{escape(shown)}</a></li>')
    title = f"Index of {escape(folder)}"
    body = "\n".join(rows)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n</head>\n'
        f"<body>\n<h1>{title}</h1>\n<ul>\n{body}\n</ul>\n</body>\n</html>\n"
    ).encode("utf-8")
