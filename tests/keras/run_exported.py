"""Run an exported LayerLab script the way `python model.py` does, and record the Keras model it trains.

usage: run_exported.py SCRIPT REPORT_JSON

The script runs as __main__ (runpy), with its own output on stdout, exactly as written: nothing in the student's
code changes. Only keras.Model.fit is wrapped, to record the model just before the real fit runs:

REPORT_JSON = {"fits": [{"name", "class", "total_params", "epochs_run",
                         "inputs": [{"name", "shape"}],
                         "layers": [{"name", "class", "output_shape", "params"}]}]}
(shapes without the batch dimension; one entry per call of fit)
"""

import json
import os
import runpy
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

from tensorflow import keras  # noqa: E402  (the same keras the exported script imports)


def shape_list(shape):
    return [None if dim is None else int(dim) for dim in shape[1:]]


def describe(model):
    return {
        "name": model.name,
        "class": type(model).__name__,
        "total_params": int(model.count_params()),
        "inputs": [{"name": tensor.name, "shape": shape_list(tensor.shape)} for tensor in model.inputs],
        "layers": [
            {
                "name": layer.name,
                "class": type(layer).__name__,
                "output_shape": shape_list(layer.output.shape),
                "params": int(layer.count_params()),
            }
            for layer in model.layers
        ],
    }


def main():
    script, report_path = sys.argv[1], sys.argv[2]
    fits = []
    real_fit = keras.Model.fit

    def recording_fit(self, *args, **kwargs):
        fits.append(describe(self))
        history = real_fit(self, *args, **kwargs)
        fits[-1]["epochs_run"] = len(history.history.get("loss", []))
        return history

    keras.Model.fit = recording_fit
    sys.argv = [script]
    try:
        runpy.run_path(script, run_name="__main__")
    finally:
        keras.Model.fit = real_fit
        with open(report_path, "w", encoding="utf-8") as report:
            json.dump({"fits": fits}, report)


if __name__ == "__main__":
    main()
