"""Plumbing shared by the Python helpers the tests run: one JSON request on stdin, one JSON reply on stdout.

Import it before keras or tensorflow: it quiets TensorFlow's C++ logging, selects the TensorFlow backend, and sends
everything else printed to stderr, so that only the reply reaches stdout (where the test parses it).
"""

import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

_reply_stream = sys.stdout
sys.stdout = sys.stderr


def request():
    """The JSON request the test wrote to stdin."""
    return json.load(sys.stdin)


def isolated(handle, item):
    """handle(item), or {"ok": False, "error": "<class>: <message>"} if it raised: one bad item never stops the rest."""
    try:
        return handle(item)
    except Exception as error:  # noqa: BLE001 - every failure is reported to the test
        return {"ok": False, "error": f"{type(error).__name__}: {error}"}


def reply(value):
    """Writes the JSON reply on the real stdout."""
    _reply_stream.write(json.dumps(value) + "\n")
    _reply_stream.flush()


def serve_each(key, handle):
    """Reads {key: [items]} and replies {"results": [handle(item) for each item]}, each item isolated."""
    reply({"results": [isolated(handle, item) for item in request()[key]]})
