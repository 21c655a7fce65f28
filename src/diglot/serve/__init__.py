"""diglot serve's parts: the in-memory preview site, its HTTP server, the file watcher."""
