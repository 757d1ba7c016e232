"""`python -m actions.complaints.photo_server`: serves complaint photos read-only.

GET/HEAD <URL_PATH>/<32 hex digits>.<jpg|png|webp> from COMPLAINT_PHOTO_DIR;
anything else is 404. Listens on COMPLAINT_PHOTO_HOST:COMPLAINT_PHOTO_PORT
(default 127.0.0.1:8004). In production put it behind the public web server
and set COMPLAINT_PHOTO_BASE_URL to the address officers' systems can reach.
"""
from __future__ import annotations

import logging
import os
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional, Tuple

from jan_seva.complaint_photos import PUBLISHED_NAME, URL_PATH, PhotoSettings

log = logging.getLogger(__name__)
CONTENT_TYPES = {".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


def photo_handler(photo_dir: Path) -> type:
    class PhotoHandler(BaseHTTPRequestHandler):
        def _photo(self) -> Optional[Path]:
            folder, _, name = self.path.split("?")[0].rpartition("/")
            if folder != URL_PATH or not PUBLISHED_NAME.match(name):
                return None
            path = photo_dir / name
            return path if path.is_file() else None

        def _answer(self, with_body: bool) -> None:
            path = self._photo()
            if path is None:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            data = path.read_bytes()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", CONTENT_TYPES[path.suffix])
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "public, max-age=86400, immutable")
            self.end_headers()
            if with_body:
                self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._answer(with_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer(with_body=False)

        def log_message(self, format: str, *args) -> None:  # noqa: A002
            log.info("%s %s", self.address_string(), format % args)

    return PhotoHandler


def make_server(address: Tuple[str, int], settings: Optional[PhotoSettings] = None) -> ThreadingHTTPServer:
    settings = settings or PhotoSettings.from_env()
    return ThreadingHTTPServer(address, photo_handler(settings.photo_dir))


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    host = os.environ.get("COMPLAINT_PHOTO_HOST") or "127.0.0.1"
    port = int(os.environ.get("COMPLAINT_PHOTO_PORT") or 8004)
    server = make_server((host, port))
    log.info("serving complaint photos on http://%s:%s%s", host, port, URL_PATH)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
