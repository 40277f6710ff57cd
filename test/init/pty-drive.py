"""Drive a command in a pseudo-terminal, as a person at a keyboard would.

usage: python3 pty-drive.py STEPS_JSON TIMEOUT_S COMMAND [ARG...]

STEPS_JSON is a list of [pattern, keys]: wait until the screen text (colour codes removed)
shows `pattern` (a regular expression, searched after the previous match), then type `keys`.
Prints one JSON object: {"code": exit code or null, "output": screen text, "failed": the
pattern that never appeared, or null}. Gives up after TIMEOUT_S seconds in all.
"""
import json
import os
import pty
import re
import select
import signal
import sys
import time

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")


def main():
    steps = json.loads(sys.argv[1])
    deadline = time.monotonic() + float(sys.argv[2])
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[3], sys.argv[3:])
    raw = b""
    pos = 0
    failed = None

    def text():
        return ANSI.sub("", raw.decode("utf-8", "replace"))

    def read_some(wait):
        nonlocal raw
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        raw += chunk
        return True

    alive = True
    for pattern, keys in steps:
        rx = re.compile(pattern)
        while True:
            m = rx.search(text(), pos)
            if m:
                pos = m.end()
                break
            if not alive or time.monotonic() > deadline:
                failed = pattern
                break
            alive = read_some(0.2)
        if failed:
            break
        # The prompt is drawn once it listens for keys; a moment's pause keeps keystrokes apart.
        time.sleep(0.1)
        os.write(fd, keys.encode("utf-8"))
    while alive and time.monotonic() < deadline:
        alive = read_some(0.2)
    code = None
    if failed or alive:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    else:
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"code": code, "output": text(), "failed": failed}))


main()
