"""A small LSP client over stdio: for the tests, the latency benchmark and smoke checks.

    python -m claimlint.server.client page.md other.html

starts `claimlint server`, opens each file and prints the diagnostics it publishes, the way
an editor would see them (LSP positions shown 1-based: line, then UTF-16 units). Every wait
has a timeout: a silent server is an error, never a hang.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

SERVER = (sys.executable, "-m", "claimlint", "server")


class LspError(Exception):
    """The server answered with an error, went away, or did not answer in time."""


class LspClient:
    """Speaks JSON-RPC with Content-Length framing to a server process."""

    def __init__(
        self,
        argv: Sequence[str] = SERVER,
        *,
        cwd: str | None = None,
        env: dict[str, str] | None = None,
        stderr: IO[bytes] | int | None = subprocess.DEVNULL,
    ) -> None:
        self.proc = subprocess.Popen(
            list(argv),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            cwd=cwd,
            env=env,
        )
        self._lock = threading.Condition()
        self._next_id = 0
        self._responses: dict[int, dict[str, Any]] = {}
        self.notifications: list[dict[str, Any]] = []  # every notification, in arrival order
        self.arrivals: list[float] = []  # time.perf_counter() of each notification
        self._closed = False
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()

    # -- wire ------------------------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as err:
            raise LspError(f"the server went away: {err}") from None

    def _read_message(self) -> dict[str, Any] | None:
        stream = self.proc.stdout
        assert stream is not None
        length = None
        while True:
            line = stream.readline()
            if not line:
                return None
            line = line.strip()
            if not line:
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value.strip())
        if length is None:
            return None
        return json.loads(stream.read(length).decode("utf-8"))

    def _read_loop(self) -> None:
        while True:
            try:
                message = self._read_message()
            except (ValueError, OSError):
                message = None
            if message is None:
                with self._lock:
                    self._closed = True
                    self._lock.notify_all()
                return
            if "id" in message and "method" in message:  # a request from the server
                self._answer(message)
                continue
            with self._lock:
                if "id" in message:
                    self._responses[message["id"]] = message
                else:
                    self.notifications.append(message)
                    self.arrivals.append(time.perf_counter())
                self._lock.notify_all()

    def _answer(self, request: dict[str, Any]) -> None:
        """Accept what a server may ask of an editor (watchers, progress, configuration)."""
        result: Any = None
        if request["method"] == "workspace/configuration":
            result = [None for _ in request.get("params", {}).get("items", [])]
        self._send({"id": request["id"], "result": result})

    # -- requests and notifications --------------------------------------------------------------

    def request(self, method: str, params: Any = None, timeout: float = 30.0) -> Any:
        with self._lock:
            self._next_id += 1
            ident = self._next_id
        self._send({"id": ident, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        with self._lock:
            while ident not in self._responses:
                left = deadline - time.monotonic()
                if self._closed or left <= 0:
                    raise LspError(f"no answer to {method} within {timeout:g} s")
                self._lock.wait(left)
            response = self._responses.pop(ident)
        if "error" in response:
            raise LspError(f"{method}: {response['error'].get('message')}")
        return response.get("result")

    def notify(self, method: str, params: Any = None) -> None:
        self._send({"method": method, "params": params})

    def mark(self) -> int:
        """How many notifications have arrived: pass it to wait_for to see only newer ones."""
        with self._lock:
            return len(self.notifications)

    def wait_for(
        self,
        method: str,
        where: Callable[[dict[str, Any]], bool] = lambda params: True,
        *,
        since: int = 0,
        timeout: float = 30.0,
    ) -> tuple[int, dict[str, Any]]:
        """The first notification of `method` after `since` whose params satisfy `where`, and
        its index."""
        deadline = time.monotonic() + timeout
        with self._lock:
            index = since
            while True:
                while index < len(self.notifications):
                    note = self.notifications[index]
                    if note.get("method") == method and where(note.get("params") or {}):
                        return index, note.get("params") or {}
                    index += 1
                left = deadline - time.monotonic()
                if self._closed or left <= 0:
                    raise LspError(f"no {method} within {timeout:g} s")
                self._lock.wait(left)

    # -- the editor's side of a session -----------------------------------------------------------

    def initialize(self, root: str | Path, *, watch: bool = True) -> dict[str, Any]:
        capabilities = {
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": watch}},
            "textDocument": {
                "publishDiagnostics": {"versionSupport": True, "codeDescriptionSupport": True},
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "codeAction": {
                    "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}
                },
            },
        }
        root_uri = Path(root).resolve().as_uri()
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root_uri,
                "workspaceFolders": [{"uri": root_uri, "name": Path(root).name}],
                "capabilities": capabilities,
            },
            timeout=120,
        )
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, language_id: str = "markdown", version: int = 1) -> None:
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": language_id,
                    "version": version,
                    "text": text,
                }
            },
        )

    def change(self, uri: str, version: int, changes: list[dict[str, Any]]) -> None:
        """Send edits: {"text": full} or {"range": ..., "text": replacement} items."""
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes},
        )

    def diagnostics(
        self, uri: str, *, version: int | None = None, since: int = 0, timeout: float = 60.0
    ) -> list[dict[str, Any]]:
        """The diagnostics published for the document (for that version, when given)."""

        def wanted(params: dict[str, Any]) -> bool:
            return params.get("uri") == uri and (
                version is None or params.get("version") == version
            )

        return self.wait_for(
            "textDocument/publishDiagnostics", wanted, since=since, timeout=timeout
        )[1]["diagnostics"]

    def close(self, timeout: float = 10.0) -> int | None:
        """shutdown + exit; kill the process if it does not leave in time."""
        try:
            if not self._closed:
                self.request("shutdown", None, timeout=timeout)
                self.notify("exit", None)
        except LspError:
            pass
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(timeout=timeout)


def main(argv: Sequence[str] | None = None) -> int:
    """Open each file in a fresh `claimlint server` and print what it publishes."""
    from claimlint.server.linting import document_format

    files = list(sys.argv[1:] if argv is None else argv)
    if not files:
        print("usage: python -m claimlint.server.client FILE...", file=sys.stderr)
        return 2
    client = LspClient(stderr=None)
    try:
        client.initialize(os.getcwd())
        for name in files:
            path = Path(name).resolve()
            uri = path.as_uri()
            language = {"markdown": "markdown", "html": "html"}.get(
                document_format(str(path), None), "plaintext"
            )
            since = client.mark()
            client.open(uri, path.read_text(encoding="utf-8"), language)
            for item in client.diagnostics(uri, since=since):
                start = item["range"]["start"]
                print(
                    f"{name}:{start['line'] + 1}:{start['character'] + 1}: "
                    f"{item.get('code', '')} [{item.get('severity')}] {item['message']}"
                )
    except (LspError, OSError) as err:
        print(f"claimlint client: {err}", file=sys.stderr)
        return 2
    finally:
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
