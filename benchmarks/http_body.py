"""Peak memory of `replynudge run --http` while an unsigned, oversized POST arrives (issue 16).

Starts the service as a real process (SQLite, one empty replay account, the stand-in Slack Web API), sends one
unsigned POST of `--megabytes` to /slack/events over a raw socket — once announced by Content-Length, once chunked —
and prints, per request: the status line the server answered, how much of the body it took before answering or
closing, and the process's peak resident memory (VmHWM) before and after. `--source` runs another checkout's `bot`
(for the figure before the body limit: `git worktree add /tmp/before e494ce1~1`).

    .venv/bin/python benchmarks/http_body.py [--megabytes 400] [--source /tmp/before]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.slack_api import SlackAPI  # noqa: E402

CHUNK = 1024 * 1024
CONFIG = """
[[accounts]]
name = "blog"
platform = "replay"
path = "blog.jsonl"
channel = "C0NUDGES"
"""


def memory(pid: int, field: str) -> int:
    """A /proc/<pid>/status figure in MB (VmHWM: the peak resident set so far; VmRSS: now)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    raise KeyError(field)


def send(port: int, megabytes: int, chunked: bool) -> tuple[str, int]:
    """One unsigned POST of `megabytes`; (the status line answered, or how the connection ended; bytes sent)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=120)
    size = megabytes * CHUNK
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {size}"
    sock.sendall(f"POST /slack/events HTTP/1.1\r\nHost: localhost\r\n"
                 f"Content-Type: application/x-www-form-urlencoded\r\n{framing}\r\n\r\n".encode())
    piece = b"x" * CHUNK
    if chunked:
        piece = f"{CHUNK:x}\r\n".encode() + piece + b"\r\n"
    sent = 0
    try:
        for _ in range(megabytes):
            sock.sendall(piece)
            sent += CHUNK
        if chunked:
            sock.sendall(b"0\r\n\r\n")
        answer = sock.recv(200).decode("latin-1").split("\r\n", 1)[0] or "closed"
    except OSError as error:  # the server answered and closed while the body was still on its way
        try:
            answer = sock.recv(200).decode("latin-1").split("\r\n", 1)[0] or type(error).__name__
        except OSError:
            answer = type(error).__name__
    finally:
        sock.close()
    return answer, sent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=400)
    parser.add_argument("--source", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="the checkout whose bot/ to run (default: this one)")
    args = parser.parse_args()
    api = SlackAPI()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        (workdir / "replynudge.toml").write_text(CONFIG)
        (workdir / "blog.jsonl").write_text("")
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}", "SLACK_BOT_TOKEN": "xoxb-bench",
               "SLACK_SIGNING_SECRET": "bench-secret", "SLACK_API_URL": api.url,
               "HEALTH_PORT": "0", "PYTHONPATH": str(args.source.resolve())}
        process = subprocess.Popen([sys.executable, "-m", "bot", "run", "--http", "--port", "0"], cwd=workdir,
                                   env=env, stderr=subprocess.PIPE, text=True)
        try:
            banner = ""
            for line in iter(process.stderr.readline, ""):
                banner = line
                if "serving Slack on http://" in line:
                    break
            port = int(banner.split("http://", 1)[1].split("/")[0].rsplit(":", 1)[1])
            time.sleep(1)  # the first poll cycle
            print(f"source: {args.source}; body: {args.megabytes} MB, unsigned")
            print(f"started: peak RSS {memory(process.pid, 'VmHWM')} MB")
            for chunked in (False, True):
                started = time.monotonic()
                answer, sent = send(port, args.megabytes, chunked)
                print(f"{'chunked' if chunked else 'Content-Length'}: answered {answer!r} after "
                      f"{sent // CHUNK} MB sent in {time.monotonic() - started:.1f} s; "
                      f"peak RSS {memory(process.pid, 'VmHWM')} MB, now {memory(process.pid, 'VmRSS')} MB")
        finally:
            process.terminate()
            process.wait(timeout=30)
            api.close()


if __name__ == "__main__":
    main()
