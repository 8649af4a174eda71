"""A local web server for a built site whose directory can be swapped, like a deploy.

It serves the site under a base path (production's `/runners-lift-heavy/`, as `make serve`
does) and answers everything outside it with 404, so relative URLs are put to the test.
`swap(new_dir)` makes the next request see another build: the way a new deploy looks to a
browser that visited before.
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

BASE_PATH = "/runners-lift-heavy/"


class SwappableSite:
    def __init__(self, directory: Path, base_path: str = BASE_PATH) -> None:
        self.directory = directory
        self.base_path = base_path
        self.requests: list[str] = []  # every path asked for, in order
        site = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def translate_path(self, path: str) -> str:
                request_path = urlsplit(path).path
                site.requests.append(request_path)
                if not request_path.startswith(site.base_path):
                    return str(site.directory / "no such file")
                self.directory = str(site.directory)  # read per request: swap() takes effect at once
                return super().translate_path("/" + path[len(site.base_path) :])

            def log_message(self, format: str, *args: object) -> None:  # keep test output readable
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}{base_path}"

    def swap(self, directory: Path) -> None:
        self.directory = directory

    def __enter__(self) -> SwappableSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
