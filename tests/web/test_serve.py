"""`reportsearch serve` from a fresh checkout: builds the index, then answers on loopback."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import PROJECT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_builds_missing_index_and_answers(tmp_path):
    port = free_port()
    index = tmp_path / "index"
    proc = subprocess.Popen(
        [sys.executable, str(PROJECT / "cli.py"), "serve", "--port", str(port), "--index", str(index)],
        cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        data = None
        while time.monotonic() < deadline and data is None:
            try:
                with urllib.request.urlopen(
                        f"http://127.0.0.1:{port}/api/search?q=forced+labour", timeout=5) as resp:
                    data = json.load(resp)
            except OSError:
                assert proc.poll() is None, proc.stderr.read()
                time.sleep(0.5)
        assert data is not None, "server never answered"
        assert data["total"] > 0 and data["results"][0]["pages"]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as resp:
            assert json.load(resp)["reports"] == 14
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "building it from" in err and "14 indexed" in (err + _)

