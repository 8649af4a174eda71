"""A minimal Language Server Protocol client over stdio, to drive yaml-language-server (the
engine of VS Code's YAML extension and github.dev) as a coach's editor does: open files,
collect the diagnostics it publishes, ask for completions.

JSON-RPC messages framed by `Content-Length` headers (the LSP base protocol). The server's
own requests (`workspace/configuration`, capability registration) get the answers an
editor with the schema store switched off would give: no network, only the `$schema`
modelines of our files.
"""

from __future__ import annotations

import json
import select
import subprocess
import time
from pathlib import Path
from typing import Any

Message = dict[str, Any]
SETTINGS = {
    "yaml": {
        "validate": True,
        "completion": True,
        "hover": True,
        "schemaStore": {"enable": False},  # the editor's default fetches a catalogue online
        "schemas": {},
    },
}


class LanguageServer:
    def __init__(self, command: list[str], root: Path) -> None:
        # Unbuffered, so `select` sees every byte the server has sent (a deadline, never a hang).
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0
        )
        self.timeout = 60.0
        self.diagnostics: dict[str, list[Message]] = {}
        self._next_id = 0
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": {"workspace": {"configuration": True}, "textDocument": {"publishDiagnostics": {}}},
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def _send(self, message: Message) -> None:
        assert self.process.stdin is not None
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self, count: int) -> bytes:
        assert self.process.stdout is not None
        assert self.process.stderr is not None
        if not select.select([self.process.stdout], [], [], self.timeout)[0]:
            raise TimeoutError(f"the language server said nothing for {self.timeout:g} s")
        data = self.process.stdout.read(count)
        if not data:
            raise RuntimeError(f"the language server stopped: {self.process.stderr.read().decode()}")
        return data

    def _receive(self) -> Message:
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            header += self._read(1)
        length = 0
        for line in header.decode("ascii").split("\r\n"):
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
        body = b""
        while len(body) < length:
            body += self._read(length - len(body))
        message: Message = json.loads(body)
        return message

    def _handle(self, message: Message) -> None:
        method = message.get("method")
        if method == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
        elif method and "id" in message:  # a request from the server
            result = None
            if method == "workspace/configuration":
                result = [SETTINGS.get(item.get("section", "")) for item in message["params"]["items"]]
            self._send({"id": message["id"], "result": result})

    def notify(self, method: str, params: object) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: object) -> Any:
        self._next_id += 1
        ident = self._next_id
        self._send({"id": ident, "method": method, "params": params})
        while True:
            message = self._receive()
            if message.get("id") == ident and "method" not in message:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result")
            self._handle(message)

    def open(self, path: Path) -> None:
        document = {"uri": path.as_uri(), "languageId": "yaml", "version": 1, "text": path.read_text(encoding="utf-8")}
        self.notify("textDocument/didOpen", {"textDocument": document})

    def diagnose(self, paths: list[Path]) -> dict[Path, list[Message]]:
        """Open the files and wait for the diagnostics the server publishes for each."""
        for path in paths:
            self.open(path)
        wanted = {path.as_uri(): path for path in paths}
        deadline = time.monotonic() + self.timeout
        while not wanted.keys() <= self.diagnostics.keys():
            if time.monotonic() > deadline:
                raise TimeoutError(f"no diagnostics for {sorted(wanted.keys() - self.diagnostics.keys())}")
            self._handle(self._receive())
        return {path: self.diagnostics[uri] for uri, path in wanted.items()}

    def completions(self, path: Path, line: int, character: int) -> list[str]:
        result = self.request(
            "textDocument/completion",
            {"textDocument": {"uri": path.as_uri()}, "position": {"line": line, "character": character}},
        )
        items = result["items"] if isinstance(result, dict) else result or []
        return [item["label"] for item in items]

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
