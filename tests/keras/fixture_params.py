"""Load Keras model JSON files with keras.models.model_from_json and report their parameter counts.

stdin:  {"paths": ["/abs/path/NAME.json", ...]}
stdout: {"results": [{"path", "ok": true, "class": "Sequential" | "Functional" | ..., "params": int}
                     | {"path", "ok": false, "error": "<exception class>: <message>"}, ...]}
(one result per path, same order; one bad file never stops the others)
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import json_stdio  # noqa: E402  (first: it sets up the environment and stdout before keras loads)



import keras  # noqa: E402


def report(path):
    keras.backend.clear_session()
    with open(path, encoding="utf-8") as handle:
        model = keras.models.model_from_json(handle.read())
    return {"path": path, "ok": True, "class": type(model).__name__, "params": int(model.count_params())}


def main():
    def report_path(path):
        result = json_stdio.isolated(report, path)
        return result if result.get("ok") else {"path": path, **result}

    json_stdio.serve_each("paths", report_path)


if __name__ == "__main__":
    main()
