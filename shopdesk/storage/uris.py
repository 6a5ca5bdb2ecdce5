"""file: URIs for SQLite that open on every platform.

`Path.resolve()` turns a Windows mapped drive (Z:) into its \\\\server\\share path, and
`as_uri()` makes that `file://server/share/...`: a URI with a host, which SQLite refuses
("invalid uri authority"). A path is made absolute without resolving, and a UNC path is
given as an empty host and a path of its own (`file:////server/share/...`).
"""

from __future__ import annotations

from pathlib import Path, PurePath


def sqlite_uri(path: PurePath, query: str = "") -> str:
    """The file: URI of `path` for sqlite3.connect(..., uri=True), with `query` (no '?')."""
    if isinstance(path, Path):
        path = path.absolute()
    uri = path.as_uri()
    if not uri.startswith("file:///"):  # file://server/share/...: SQLite takes no host
        uri = "file:////" + uri[len("file://"):]
    return f"{uri}?{query}" if query else uri
