"""French Markdown sources → Articles: the reader, front matter, inline spans; the only
place markdown-it-py is used."""
