"""Load Keras model JSON written by LayerLab in real Keras and report what Keras makes of it.

stdin:  {"models": [{"key": str, "json": str, "reference": str (optional)}, ...]}
stdout: {"results": [Result, ...]}   (one per model, same order)

Result = {"key", "ok": true,
          "warnings": [str],      # Python warnings, log records and any output while loading and re-serializing
          "json": object,         # json.loads(model.to_json()) of the loaded model
          "class_name": str,
          "layers": [str],        # [layer.name for layer in model.layers]
          "layer_params": {name: int},   # layer.count_params() for every layer in model.layers
          "inputs": [[int|null]], "outputs": [[int|null]],   # batch shapes of model.inputs / model.outputs
          "params": int,          # model.count_params()
          "written_vs_ours": [str],     # every difference between model.to_json() and our JSON, types included
          "reference_vs_ours": [str],   # the same against "reference" (a fixture Keras wrote), when given
          "compiled": null | {"optimizer": str, "learning_rate": float, "loss": str|null, "compile_config": object}}
       | {"key", "ok": false, "error": "<exception class>: <message>", "warnings": [str]}

Each model is loaded with keras.models.model_from_json, which is also how Keras's own .keras loader rebuilds a model
from config.json: deserialize_keras_object, then build_from_config, then compile_from_config when the JSON holds a
non-empty compile_config. While it loads (and while to_json runs) everything Keras could say is captured: Python
warnings (all of them, "always"), records of every Python logger (absl included), writes to sys.stdout/sys.stderr,
and bytes written to file descriptors 1 and 2 (TensorFlow's C++ logs). One bad model never stops the others.
"""

import contextlib
import io
import json
import logging
import os
import sys
import tempfile
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

# Anything Keras/TensorFlow prints must not corrupt the JSON on stdout: keep a private copy of the real stdout.
_real_stdout = os.fdopen(os.dup(1), "w")
sys.stdout = sys.stderr

import keras  # noqa: E402


class _ListHandler(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(f"log {record.name} {record.levelname}: {record.getMessage()}")


@contextlib.contextmanager
def _capture_fd(fd):
    """Redirects file descriptor `fd` into a temporary file; yields a function that returns what was written."""
    saved = os.dup(fd)
    with tempfile.TemporaryFile(mode="w+b") as sink:
        os.dup2(sink.fileno(), fd)
        written = []
        try:
            yield written
        finally:
            sys.stderr.flush()
            os.dup2(saved, fd)
            os.close(saved)
            sink.seek(0)
            text = sink.read().decode("utf8", "replace").strip()
            if text:
                written.append(text)


@contextlib.contextmanager
def capture_everything():
    """Collects every warning, log record and output made inside the block into the yielded list (also on error)."""
    messages = []
    handler = _ListHandler()
    loggers = [logging.getLogger(), logging.getLogger("absl"), logging.getLogger("tensorflow"), logging.getLogger("keras")]
    saved_levels = [(logger, logger.level) for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    py_out, py_err = io.StringIO(), io.StringIO()
    saved_out, saved_err = sys.stdout, sys.stderr
    caught = []
    fd1, fd2 = [], []
    try:
        with _capture_fd(1) as fd1, _capture_fd(2) as fd2:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                sys.stdout, sys.stderr = py_out, py_err
                try:
                    yield messages
                finally:
                    sys.stdout, sys.stderr = saved_out, saved_err
    finally:
        for logger, level in saved_levels:
            logger.removeHandler(handler)
            logger.setLevel(level)
        messages.extend(f"warning {w.category.__name__}: {w.message}" for w in caught)
        messages.extend(handler.records)
        for label, text in (("stdout", py_out.getvalue()), ("stderr", py_err.getvalue())):
            if text.strip():
                messages.append(f"{label}: {text.strip()}")
        messages.extend(f"fd1: {text}" for text in fd1)
        messages.extend(f"fd2: {text}" for text in fd2)


def strict_differences(ours, theirs, path="$", out=None):
    """Differences between two parsed JSON values where 0 and 0.0 (int and float), or 1 and True, differ."""
    out = [] if out is None else out
    if len(out) >= 20:
        return out
    if type(ours) is not type(theirs):
        out.append(f"{path}: ours {json.dumps(ours)[:200]} ({type(ours).__name__}), Keras {json.dumps(theirs)[:200]} ({type(theirs).__name__})")
    elif isinstance(ours, dict):
        for key in sorted(set(ours) | set(theirs)):
            if key not in ours or key not in theirs:
                side = "Keras only" if key not in ours else "ours only"
                out.append(f"{path}.{key}: {side}")
            else:
                strict_differences(ours[key], theirs[key], f"{path}.{key}", out)
    elif isinstance(ours, list):
        if len(ours) != len(theirs):
            out.append(f"{path}: {len(ours)} items, Keras {len(theirs)}")
        for i, (a, b) in enumerate(zip(ours, theirs)):
            strict_differences(a, b, f"{path}[{i}]", out)
    elif ours != theirs:
        out.append(f"{path}: ours {json.dumps(ours)[:200]}, Keras {json.dumps(theirs)[:200]}")
    return out


def batch_shape(tensor):
    return [None if dim is None else int(dim) for dim in tensor.shape]


def compiled_report(model):
    if not getattr(model, "compiled", False):
        return None
    optimizer = model.optimizer
    loss = model.loss
    return {
        "optimizer": type(optimizer).__name__,
        "learning_rate": float(keras.ops.convert_to_numpy(optimizer.learning_rate)),
        "loss": loss if isinstance(loss, str) or loss is None else repr(loss),
        "compile_config": model.get_compile_config(),
    }


def check(entry):
    # No keras.backend.clear_session() between models (it costs ~150 ms each): every name in our JSON is explicit,
    # so nothing Keras writes depends on what was loaded before.
    warnings_seen = []
    try:
        with capture_everything() as warnings_seen:
            model = keras.models.model_from_json(entry["json"])
            written = model.to_json()
        return {
            "key": entry["key"],
            "ok": True,
            "warnings": warnings_seen,
            "json": json.loads(written),
            "class_name": type(model).__name__,
            "layers": [layer.name for layer in model.layers],
            "layer_params": {layer.name: int(layer.count_params()) for layer in model.layers},
            "inputs": [batch_shape(t) for t in model.inputs],
            "outputs": [batch_shape(t) for t in model.outputs],
            "params": int(model.count_params()),
            "compiled": compiled_report(model),
            "written_vs_ours": strict_differences(json.loads(entry["json"]), json.loads(written)),
            "reference_vs_ours": (
                strict_differences(json.loads(entry["json"]), json.loads(entry["reference"])) if "reference" in entry else []
            ),
        }
    except Exception as error:  # one bad model must not stop the others
        return {"key": entry["key"], "ok": False, "error": f"{type(error).__name__}: {error}", "warnings": warnings_seen}


def warm_up():
    """Runs TensorFlow once before any capture, so one-time start-up logs are not blamed on the first model."""
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mean_squared_error")
    keras.models.model_from_json(model.to_json())
    keras.backend.clear_session()


def main():
    request = json.load(sys.stdin)
    warm_up()
    results = [check(entry) for entry in request["models"]]
    _real_stdout.write(json.dumps({"results": results}))
    _real_stdout.write("\n")
    _real_stdout.flush()


if __name__ == "__main__":
    main()
