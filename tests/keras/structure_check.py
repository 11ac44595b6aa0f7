"""Loads models LayerLab exported with real Keras and reports their class and what predict returns, structure kept.

stdin:  {"cases": [{"keras": path | null, "json": path | null, "weights": {layer: [[flat], ...]} | null,
                    "inputs": <predict's input: a dict of row lists, a list of them, or one>}]}
stdout: {"results": [{"ok": true, "keras": Report | null, "json": Report | null} | {"ok": false, "error": str}]}

Report = {"class": "Sequential" | "Functional", "input_layers": ..., "output_layers": ... (the config's),
          "outputs": <predict's result in its structure: {"type": "dict", "value": {key: rows}},
                      {"type": "list", "value": [rows, ...]} or {"type": "array", "value": rows}>}

The JSON is loaded with model_from_json and given the weights (each layer's, in its Keras order); the .keras file
with load_model. The inputs are fed as given (dicts stay dicts).
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import json_stdio  # noqa: E402  (first: it sets up the environment and stdout before keras loads)

import numpy as np  # noqa: E402
import keras  # noqa: E402


def as_arrays(value):
    if isinstance(value, dict):
        return {k: as_arrays(v) for k, v in value.items()}
    if isinstance(value, list) and value and isinstance(value[0], list) and value[0] and isinstance(value[0][0], list):
        return [as_arrays(v) for v in value]
    return np.asarray(value, dtype="float32")


def described(result):
    if isinstance(result, dict):
        return {"type": "dict", "value": {k: np.asarray(v, dtype="float64").tolist() for k, v in result.items()}}
    if isinstance(result, (list, tuple)):
        return {"type": "list", "value": [np.asarray(v, dtype="float64").tolist() for v in result]}
    return {"type": "array", "value": np.asarray(result, dtype="float64").tolist()}


def report(model, inputs):
    config = json.loads(model.to_json())["config"]
    return {
        "class": type(model).__name__,
        "input_layers": config.get("input_layers"),
        "output_layers": config.get("output_layers"),
        "outputs": None if inputs is None else described(model.predict(as_arrays(inputs), verbose=0)),
    }


def check(case):
    out = {"ok": True, "keras": None, "json": None}
    if case.get("keras"):
        out["keras"] = report(keras.models.load_model(case["keras"]), case["inputs"])
    if case.get("json"):
        with open(case["json"]) as f:
            model = keras.models.model_from_json(f.read())
        weights = case.get("weights") or {}
        for layer in model.layers:
            given = weights.get(layer.name)
            if given:
                layer.set_weights([np.asarray(v, dtype="float32").reshape(w.shape) for v, w in zip(given, layer.get_weights())])
        out["json"] = report(model, case["inputs"])
    return out


if __name__ == "__main__":
    json_stdio.serve_each("cases", check)
