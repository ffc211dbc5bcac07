"""A local HTTP server speaking the part of Algolia's REST API the push uses, recording every request.

Indexes live in memory: settings, objects, and the `move` operation behave as Algolia
documents them, so a test can check the final state as well as the requests. `fail_first`
answers the first N requests with a 500, to exercise the retries.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class FakeAlgolia:
    fail_first: int = 0
    requests: list[Recorded] = field(default_factory=list)
    indexes: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> {"settings", "objects"}
    _task: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else None
                status, payload = fake.handle(self.command, self.path, dict(self.headers), body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _answer  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> "FakeAlgolia":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def handle(self, method: str, path: str, headers: dict[str, str], body: Any) -> tuple[int, Any]:
        with self._lock:
            self.requests.append(Recorded(method, path, headers, body))
            if self.fail_first > 0:
                self.fail_first -= 1
                return 500, {"message": "Internal error (fake)", "status": 500}
            self._task += 1
            task = {"taskID": self._task, "updatedAt": "2026-11-21T10:00:00Z"}
            route = path.split("?")[0]
            if m := re.fullmatch(r"/1/indexes/([^/]+)/task/(\d+)", route):
                return 200, {"status": "published", "pendingTask": False}
            if m := re.fullmatch(r"/1/indexes/([^/]+)/settings", route):
                self._index(m[1])["settings"] = body
                return 200, task
            if m := re.fullmatch(r"/1/indexes/([^/]+)/rules/batch", route):
                self._index(m[1])["rules"] = {rule["objectID"]: rule for rule in body}
                return 200, task
            if m := re.fullmatch(r"/1/indexes/([^/]+)/batch", route):
                objects = self._index(m[1])["objects"]
                for request in body["requests"]:
                    objects[request["body"]["objectID"]] = request["body"]
                return 200, {**task, "objectIDs": [r["body"]["objectID"] for r in body["requests"]]}
            if m := re.fullmatch(r"/1/indexes/([^/]+)/operation", route):
                source = self.indexes.pop(m[1], None)
                if source is None:
                    return 404, {"message": "Index does not exist", "status": 404}
                if body["operation"] == "move":
                    self.indexes[body["destination"]] = source
                return 200, task
            if (m := re.fullmatch(r"/1/indexes/([^/]+)", route)) and method == "DELETE":
                self.indexes.pop(m[1], None)
                return 200, {"taskID": self._task, "deletedAt": "2026-11-21T10:00:00Z"}
            return 404, {"message": f"not implemented in the fake: {method} {route}", "status": 404}

    def _index(self, name: str) -> dict[str, Any]:
        return self.indexes.setdefault(name, {"settings": None, "objects": {}, "rules": {}})
