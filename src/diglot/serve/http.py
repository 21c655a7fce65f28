"""The preview's HTTP server (the standard library's threaded server, on 127.0.0.1 only).

``GET /…html`` serves a page of the in-memory ``Site``; ``/`` redirects to the index;
``GET /_diglot/events?page=…&generation=…`` is a server-sent event stream that sends one
``reload`` event as soon as that page's generation differs from the one given (at once if
it already does), and a comment every few seconds meanwhile so dead connections show.
"""

from __future__ import annotations

import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from diglot.serve.site import Site

EVENTS = "/_diglot/events"
KEEPALIVE = 10.0  # seconds between comments on an idle event stream
_LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream never holds the process at exit
    allow_reuse_address = True

    def __init__(self, site: Site, port: int):
        super().__init__(("127.0.0.1", port), _Handler)
        self.site = site

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def handle_error(self, request, client_address) -> None:
        """A browser closing its connection is routine, not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "diglot-serve"
    protocol_version = "HTTP/1.1"
    timeout = 60  # an idle connection is closed, not kept in a thread for ever

    def _foreign_host(self) -> bool:
        """A Host other than this machine's own names for the server: a web page whose
        domain was made to point at 127.0.0.1 (DNS rebinding) would read the preview."""
        host = self.headers.get("Host")
        port = self.server.server_address[1]
        if host is None or host in _LOCAL_NAMES or host in {f"{n}:{port}" for n in _LOCAL_NAMES}:
            return False
        self._send(421, "text/plain; charset=utf-8",
                   f"diglot serve answers http://127.0.0.1:{port}/ only\n".encode())
        return True

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self._foreign_host():
            return None
        url = urlsplit(self.path)
        path = unquote(url.path)
        if path == EVENTS:
            query = parse_qs(url.query)
            return self._events(query.get("page", ["/"])[0], query.get("generation", [""])[0])
        if path == "/":
            return self._redirect(self.server.site.home())
        self._send(*self.server.site.page(path))

    def do_HEAD(self) -> None:  # noqa: N802
        """GET's answer without its body (the root's redirect too)."""
        if self._foreign_host():
            return None
        path = unquote(urlsplit(self.path).path)
        if path == "/":
            return self._redirect(self.server.site.home())
        self._send(*self.server.site.page(path), body=False)

    def _send(self, status: int, kind: str, data: bytes, body: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        # Drafts are shown to this machine's own browser tab, never framed by another site.
        self.send_header("X-Frame-Options", "DENY")
        if not kind.startswith("text/html"):  # an image opened alone (an SVG) runs nothing
            self.send_header("Content-Security-Policy", "default-src 'none'; sandbox")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _events(self, page: str, generation: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        site = self.server.site
        try:
            self._write("retry: 1000\n\n")
            while not site.closed:
                current = site.generation(page)
                if current != generation or site.wait(page, generation, KEEPALIVE):
                    self._write(f"event: reload\ndata: {site.generation(page)}\n\n")
                    return
                self._write(": waiting\n\n")
        except (BrokenPipeError, ConnectionResetError):
            return  # the page went away

    def _write(self, text: str) -> None:
        self.wfile.write(text.encode("utf-8"))
        self.wfile.flush()

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        """Quiet: the terminal shows rebuilds and errors, not every request."""
