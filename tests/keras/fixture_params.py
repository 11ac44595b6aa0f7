"""Load Keras model JSON files with keras.models.model_from_json and report their parameter counts.

stdin:  {"paths": ["/abs/path/NAME.json", ...]}
stdout: {"results": [{"path", "ok": true, "class": "Sequential" | "Functional" | ..., "params": int}
                     | {"path", "ok": false, "error": "<exception class>: <message>"}, ...]}
(one result per path, same order; one bad file never stops the others)
"""

import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

# Anything Keras/TensorFlow prints must not corrupt the JSON on stdout.
_real_stdout = sys.stdout
sys.stdout = sys.stderr

import keras  # noqa: E402


def report(path):
    keras.backend.clear_session()
    with open(path, encoding="utf-8") as handle:
        model = keras.models.model_from_json(handle.read())
    return {"path": path, "ok": True, "class": type(model).__name__, "params": int(model.count_params())}


def main():
    request = json.load(sys.stdin)
    results = []
    for path in request["paths"]:
        try:
            results.append(report(path))
        except Exception as error:
            results.append({"path": path, "ok": False, "error": f"{type(error).__name__}: {error}"})
    _real_stdout.write(json.dumps({"results": results}))
    _real_stdout.write("\n")
    _real_stdout.flush()


if __name__ == "__main__":
    main()
