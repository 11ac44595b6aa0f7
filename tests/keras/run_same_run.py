"""Run an exported LayerLab script the way `python model.py` does, and record where its training starts and what it reports.

usage: run_same_run.py SCRIPT REPORT_JSON [--weights-only]

The script runs as __main__ (runpy), exactly as written. Only keras.Model.fit is wrapped: just before the real fit
runs, the model's weights (the ones the script loaded) are recorded layer by layer; after it, the history. With
--weights-only the wrapper stops the script at fit, after recording the weights (no training).

REPORT_JSON = {"weights": {layer name: [{"name", "shape", "bits"}]},   (bits: each float32's 32-bit pattern)
               "history": {"loss": [...], "val_loss": [...], ...} or null}
"""

import json
import os
import runpy
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import numpy as np  # noqa: E402
from tensorflow import keras  # noqa: E402  (the same keras the exported script imports)


class StopAtFit(Exception):
    """Raised by the fit wrapper in --weights-only mode."""


def weight_name(variable):
    return variable.path.rsplit("/", 1)[-1]


def layer_weights(model):
    out = {}
    for layer in model.layers:
        if not layer.weights:
            continue
        out[layer.name] = [
            {
                "name": weight_name(variable),
                "shape": [int(d) for d in variable.shape],
                "bits": np.asarray(variable.numpy(), dtype=np.float32).reshape(-1).view(np.uint32).tolist(),
            }
            for variable in layer.weights
        ]
    return out


def main():
    script, report_path = sys.argv[1], sys.argv[2]
    weights_only = "--weights-only" in sys.argv[3:]
    report = {"weights": None, "history": None}
    real_fit = keras.Model.fit

    def recording_fit(self, *args, **kwargs):
        report["weights"] = layer_weights(self)
        if weights_only:
            raise StopAtFit()
        history = real_fit(self, *args, **kwargs)
        report["history"] = {key: [float(v) for v in values] for key, values in history.history.items()}
        return history

    keras.Model.fit = recording_fit
    sys.argv = [script]
    try:
        runpy.run_path(script, run_name="__main__")
    except StopAtFit:
        pass
    finally:
        keras.Model.fit = real_fit
        with open(report_path, "w", encoding="utf-8") as out:
            json.dump(report, out)


if __name__ == "__main__":
    main()
