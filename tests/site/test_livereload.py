"""The live-reload adapter against the engine's real server, as a browser talks to it.

The adapter is the only code that touches the server's private fields; an engine
release that renames them must fail here, not silently stop the preview reloading.
"""

from __future__ import annotations

import re
import threading
import urllib.request
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from patchday.mkdocs_plugin.livereload import LiveReload


def test_reload_and_rebuild_reach_the_browser_and_the_build_loop(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body>page</body></html>", encoding="utf-8")
    rebuilt = threading.Event()
    server = LiveReloadServer(builder=rebuilt.set, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))  # as `serve` does: pages get the live-reload script only then
    runner = threading.Thread(target=server.serve, daemon=True)
    runner.start()
    try:
        for _ in range(100):
            if server.serve_thread.is_alive():
                break
            threading.Event().wait(0.05)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        page = urllib.request.urlopen(f"{base}/", timeout=10).read().decode()
        found = re.search(r"livereload\((\d+), (\d+)\)", page)
        assert found, page
        epoch = int(found[1])  # what the page polls with

        answer: list[int] = []
        poll = threading.Thread(target=lambda: answer.append(
            int(urllib.request.urlopen(f"{base}/livereload/{epoch}/1", timeout=30).read())))
        poll.start()
        threading.Event().wait(0.3)  # the poll is waiting on the server now
        assert answer == []
        live = LiveReload(server)
        assert live.usable
        live.reload_browsers()
        poll.join(10)
        assert answer and answer[0] > epoch, "the browser's poll did not see a newer epoch"

        live.request_rebuild()
        assert rebuilt.wait(10), "the build loop did not rebuild"
    finally:
        server.shutdown()
        runner.join(10)


def test_a_server_without_those_fields_is_reported_not_touched(caplog) -> None:  # type: ignore[no-untyped-def]
    class Other:
        pass

    live = LiveReload(Other())
    assert not live.usable
    live.reload_browsers()
    live.request_rebuild()
    assert "browsers must be reloaded by hand" in caplog.text
