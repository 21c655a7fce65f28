"""``diglot serve``: build the HTML edition in preview mode, serve it on 127.0.0.1, rebuild
what changes on every save and tell open pages to reload; Ctrl-C stops it.

A file that cannot be read never stops the server: its one-line error is printed and shown
in the page, and the next save that fixes it brings the page back. The project lock is not
taken: the preview only reads, and ``diglot update`` must stay free to run beside it (its
writes are atomic, so a rebuild reads the old file or the new one).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from diglot.errors import BuildError, ConfigError
from diglot.serve.http import PreviewServer
from diglot.serve.site import Site
from diglot.serve.watch import Watcher

Say = Callable[[str], None]


class Preview:
    """The site, its server and its watcher; ``start`` returns once the server listens."""

    def __init__(self, root: Path, port: int, say: Say, err: Say):
        self.root, self.say, self.err = Path(root).absolute(), say, err
        if not self.root.is_dir():  # a typo in -C: nothing to watch, ever (a missing
            raise ConfigError("project folder does not exist", self.root)  # source_fr may come)
        self.site = Site(self.root)
        try:
            self.server = PreviewServer(self.site, port)
        except OSError as exc:
            raise BuildError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}; choose another "
                             "port with --port") from exc
        self.watcher = Watcher(self.root, self._folders, self.rebuild)
        self._background: threading.Thread | None = None

    @property
    def url(self) -> str:
        return self.server.url

    def start(self) -> None:
        self.rebuild()
        self.watcher.start()

    def rebuild(self) -> None:
        for line in self.site.rebuild():
            (self.err if line.startswith("Error:") else self.say)(line)

    def _folders(self) -> list[Path]:
        project = self.site.project
        if project is None:
            return [self.root / "source_fr", self.root / "translations"]
        return [project.source_dir, project.translations_dir]

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted (Ctrl-C raises KeyboardInterrupt here)."""
        self.server.serve_forever(poll_interval=0.2)

    def serve_in_background(self) -> None:
        self._background = threading.Thread(target=self.serve_forever, name="diglot-serve",
                                            daemon=True)
        self._background.start()

    def stop(self) -> None:
        """Stop watching, end every event stream, close the socket."""
        self.watcher.stop()
        self.site.close()
        if self._background is not None:  # a serve_forever() still running elsewhere
            self.server.shutdown()
            self._background.join()
        self.server.server_close()


def serve(root: Path, port: int, say: Say, err: Say) -> None:
    """Run until Ctrl-C (SIGINT), then stop cleanly."""
    preview = Preview(root, port, say, err)
    try:
        preview.start()
        say(f"Serving the preview at {preview.url} (Ctrl-C to stop)")
        preview.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
    say("Stopped.")
