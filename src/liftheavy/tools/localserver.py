"""A built site on 127.0.0.1, for the tools and tests that open it in a real browser.

    with serve_site(Path("site")) as url:  # http://127.0.0.1:PORT/
        ...

Quiet, threaded and on a free port. A browser that drops a request (a lazy image it no
longer needs, a page left mid-load) is normal, not worth a traceback, so connection errors
are not reported. With `base_path`, the site answers under that path only, as on GitHub
Pages (`/runners-lift-heavy/`); everything else is a 404. (`perf/serve.py` adds gzip and
Pages' cache headers for the speed measurements.)
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"

    def translate_path(self, path: str) -> str:
        request = urlsplit(path).path
        if not request.startswith(self.base_path):
            return str(Path(self.directory) / "no such file")
        return super().translate_path("/" + request.removeprefix(self.base_path))

    def log_message(self, format: str, *args: object) -> None:  # keep test and tool output readable
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipe, ConnectionReset
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextlib.contextmanager
def serve_site(directory: Path, base_path: str = "/") -> Iterator[str]:
    """Serve `directory` under `base_path` in a background thread; yields the site's URL."""
    handler = type("SiteHandler", (_QuietHandler,), {"base_path": base_path})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()
