"""The one place that reaches into the live-reload server of `mkdocs serve` (and ProperDocs').

The engine has no public call for "pages changed on disk: reload the browsers"
or "rebuild the site now"; its server keeps both as private fields guarded by
conditions. They are touched here only, and tests/site/test_livereload.py
drives a real server through this adapter, so an engine release that renames
them fails that test instead of silently stopping live reload. A server
without them is reported once, and the preview goes on without reloading.
"""

from __future__ import annotations

import time
from typing import Any

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

_FIELDS = ("_epoch_cond", "_wanted_epoch", "_visible_epoch", "_rebuild_cond", "_want_rebuild")


class LiveReload:
    def __init__(self, server: Any) -> None:
        self.server = server
        missing = [f for f in _FIELDS if not hasattr(server, f)] if server is not None else []
        if missing:
            log.warning(f"this engine's live-reload server lacks {', '.join(missing)}: "
                        "saved bulletins are written, but browsers must be reloaded by hand")
        self.usable = server is not None and not missing

    def reload_browsers(self) -> None:
        """Tell every open page that the site changed (their long poll returns a newer epoch)."""
        if not self.usable:
            return
        s = self.server
        with s._epoch_cond:
            # the engine's epochs are monotonic milliseconds; never go back or stand still
            epoch = max(round(time.monotonic() * 1000), s._visible_epoch + 1)
            s._wanted_epoch = s._visible_epoch = epoch
            s._epoch_cond.notify_all()

    def request_rebuild(self) -> None:
        """Ask the server's build loop for a full rebuild, as its own file watcher does."""
        if not self.usable:
            return
        s = self.server
        with s._rebuild_cond:
            s._want_rebuild = True
            s._rebuild_cond.notify_all()
