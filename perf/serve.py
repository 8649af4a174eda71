"""A tiny static server that compresses like GitHub Pages: gzip when the browser asks for it.

Used by `make audit` (Lighthouse), the budget tests and the benchmark, so every measurement
sees what a reader on GitHub Pages gets: text files sent with `Content-Encoding: gzip`,
`Cache-Control: max-age=600`, keep-alive over HTTP/1.1, and `404.html` with status 404 for
missing paths. Each response is recorded (path, status, bytes of body sent) so a test can
add up exactly what crossed the wire.

    python -m perf.serve site/ --port 8001
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# What GitHub Pages compresses; images and fonts are already compressed.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "image/svg+xml",
)
GZIP_LEVEL = 6  # the usual server default; level 9 saves well under 1 %
CACHE_CONTROL = "max-age=600"  # what GitHub Pages sends


@dataclass(frozen=True, slots=True)
class Sent:
    """One response as it went over the wire."""

    path: str
    status: int
    content_type: str
    encoding: str  # "gzip" or "" (identity)
    body_bytes: int


@functools.lru_cache(maxsize=512)
def _gzipped(path: Path, mtime_ns: int, size: int) -> bytes:
    # mtime and size are part of the key so a rebuilt file is compressed again.
    return gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


def gzip_size(path: Path) -> int:
    """The bytes `path` takes on the wire when compressed as this server does."""
    stat = path.stat()
    return len(_gzipped(path, stat.st_mtime_ns, stat.st_size))


def is_compressible(content_type: str) -> bool:
    return content_type.startswith(COMPRESSIBLE_TYPES)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler plus gzip, Pages' cache header, a 404 page and a response log."""

    protocol_version = "HTTP/1.1"  # keep-alive, as browsers get from a real host
    extensions_map = {  # noqa: RUF012 (the base class declares it as a plain class attribute)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
        ".xml": "application/xml",
        ".woff2": "font/woff2",
    }
    sent: list[Sent]  # set on the subclass made by `serve`

    def log_message(self, format: str, *args: object) -> None:  # quiet; the log is `sent`
        pass

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _respond(self, *, head: bool) -> None:
        url_path = unquote(urlsplit(self.path).path)
        if not url_path.endswith("/") and Path(self.translate_path(url_path)).is_dir():
            self._redirect(url_path + "/")  # as Pages does: relative links need the slash
            return
        file = self._file_for(url_path)
        status = 200
        if file is None:
            status, file = 404, Path(self.directory) / "404.html"
            if not file.is_file():
                self.send_error(404)
                return
        content_type = self.guess_type(str(file))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if accepts_gzip and is_compressible(content_type):
            stat = file.stat()
            body, encoding = _gzipped(file, stat.st_mtime_ns, stat.st_size), "gzip"
        else:
            body, encoding = file.read_bytes(), ""
        self.send_response(status)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        if is_compressible(content_type):
            self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        # Logged before the body goes out, so the log is complete once the browser has it.
        self.sent.append(Sent(url_path, status, content_type, encoding, 0 if head else len(body)))
        if not head:
            self.wfile.write(body)

    def _file_for(self, url_path: str) -> Path | None:
        path = Path(self.translate_path(url_path))
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()
        self.sent.append(Sent(location, 301, "", "", 0))


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A browser closing a kept-alive connection is normal, not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, port: int = 0) -> Iterator[tuple[str, list[Sent]]]:
    """Serve `site` on 127.0.0.1 in a background thread; yields the base URL and the response log."""
    sent: list[Sent] = []
    handler = type("SiteHandler", (GzipHandler,), {"sent": sent})
    server = _Server(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", sent
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    with serve(args.site, args.port) as (url, _):
        print(f"Serving {args.site} with gzip at {url} (Ctrl-C stops)")
        threading.Event().wait()


if __name__ == "__main__":
    main()
