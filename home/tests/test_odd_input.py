"""Odd input from anonymous visitors costs bounded work and never a server error."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def test_every_documented_server_command_reads_websocket_frames_up_to_the_limit_only():
    """`make run`, production (docs/operations.md) and the benchmarks serve with `--ws-max-size`.

    The test servers read the setting itself (home/tests/browser.py and servers.py).
    """
    for path, pattern in [
        ("Makefile", r"WS_MAX_SIZE := (\d+)"),
        ("docs/operations.md", r"--ws-max-size (\d+)"),
        ("bench/benchlib.py", r'WS_MAX_SIZE = "(\d+)"'),
    ]:
        text = (ROOT / path).read_text()
        assert "--ws-max-size" in text, path
        values = {int(value) for value in re.findall(pattern, text)}
        assert values == {settings.WEBSOCKET_MAX_FRAME_BYTES}, path
