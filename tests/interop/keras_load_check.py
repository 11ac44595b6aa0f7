"""Load .keras files LayerLab wrote with real Keras, predict with them, and compare them with what Keras writes.

stdin:  {"cases": [Case, ...]}
stdout: {"results": [Result, ...]}   (one per case, same order)

Case   = {"path": str, "inputs": [[...flat...], ...] (one per model input), "batch": int,
          "resave": str (where to save the loaded model with Keras), "fixture": str | null (the .keras file Keras
          wrote for the same model, to compare the /layers and /vars of model.weights.h5 with)}
Result = {"ok": true, "warnings": [str], "model_class": str, "optimizer": str | null, "learning_rate": float | null,
          "loss": str | null, "outputs": [[...flat...], ...],
          "h5_differences": [str],       # model.weights.h5: ours vs Keras's after load_model(ours).save(resave)
          "config_differences": [str],   # config.json: the same comparison, types included (1 is not 1.0)
          "zip_differences": [str],      # zip entries: names, order, compression, permissions, dates
          "metadata": {...},             # our metadata.json
          "fixture_differences": [str]}  # /layers and /vars of ours vs the fixture's (when "fixture" is given)
       | {"ok": false, "error": str}

Warnings are Python warnings and log records (WARNING and above) emitted while load_model runs, plus anything it
prints. Non-finite outputs are written as null. Everything runs in this one process.
"""

import contextlib
import io
import json
import logging
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import json_stdio  # noqa: E402  (first: it sets up the environment and stdout before keras loads)
import traceback
import warnings
import zipfile



import h5py  # noqa: E402
import numpy as np  # noqa: E402
import keras  # noqa: E402


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(f"log {record.name}: {record.getMessage()}")


def _attr(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def h5_tree(data, roots=None):
    """Every group and dataset: attributes (value and type), dtype, shape, layout, values."""
    tree = {}
    with h5py.File(io.BytesIO(data), "r") as f:
        tree["/"] = {"attrs": {k: repr(_attr(v)) for k, v in f.attrs.items()}}

        def visit(name, obj):
            if roots is not None and name.split("/")[0] not in roots:
                return
            entry = {"attrs": {}}
            for key in obj.attrs:
                attr_id = obj.attrs.get_id(key)
                kind = attr_id.get_type()
                entry["attrs"][key] = (
                    repr(_attr(obj.attrs[key])),
                    type(kind).__name__,
                    kind.get_cset() if hasattr(kind, "get_cset") else None,
                    kind.is_variable_str() if hasattr(kind, "is_variable_str") else None,
                    attr_id.shape,
                )
            if isinstance(obj, h5py.Dataset):
                plist = obj.id.get_create_plist()
                entry.update(
                    kind="dataset",
                    dtype=obj.dtype.str,
                    shape=obj.shape,
                    maxshape=obj.maxshape,
                    chunks=obj.chunks,
                    compression=obj.compression,
                    layout=plist.get_layout(),
                    values=np.asarray(obj[()]).ravel().tolist(),
                )
            else:
                entry.update(kind="group")
            tree[name] = entry

        f.visititems(visit)
    return tree


def compare_trees(ours, theirs):
    differences = []
    for name in sorted(set(ours) | set(theirs)):
        if name not in ours:
            differences.append(f"{name}: only in Keras's file")
        elif name not in theirs:
            differences.append(f"{name}: only in ours")
        else:
            for key in sorted(set(ours[name]) | set(theirs[name])):
                a, b = ours[name].get(key), theirs[name].get(key)
                if a != b:
                    differences.append(f"{name} {key}: ours {str(a)[:200]}, Keras {str(b)[:200]}")
    return differences


def strip_shared_ids(value):
    if isinstance(value, dict):
        return {k: strip_shared_ids(v) for k, v in value.items() if k != "shared_object_id"}
    if isinstance(value, list):
        return [strip_shared_ids(v) for v in value]
    return value


def compare_json(ours, theirs, path=""):
    """Differences with types: 1 and 1.0 differ, as do key orders."""
    if type(ours) is not type(theirs):
        return [f"{path or '/'}: ours {ours!r:.120} ({type(ours).__name__}), Keras {theirs!r:.120} ({type(theirs).__name__})"]
    if isinstance(ours, dict):
        if list(ours) != list(theirs):
            if set(ours) != set(theirs):
                return [f"{path or '/'}: keys ours {sorted(set(ours) - set(theirs))}, Keras {sorted(set(theirs) - set(ours))}"]
            return [f"{path or '/'}: key order ours {list(ours)}, Keras {list(theirs)}"]
        out = []
        for key in ours:
            out.extend(compare_json(ours[key], theirs[key], f"{path}/{key}"))
        return out
    if isinstance(ours, list):
        if len(ours) != len(theirs):
            return [f"{path}: {len(ours)} items, Keras {len(theirs)}"]
        out = []
        for i, (a, b) in enumerate(zip(ours, theirs)):
            out.extend(compare_json(a, b, f"{path}/{i}"))
        return out
    if ours != theirs and not (isinstance(ours, float) and math.isnan(ours) and math.isnan(theirs)):
        return [f"{path}: ours {ours!r:.120}, Keras {theirs!r:.120}"]
    return []


def zip_entries(path):
    with zipfile.ZipFile(path) as z:
        return [
            {
                "name": i.filename,
                "compress_type": i.compress_type,
                "external_attr": i.external_attr,
                "create_system": i.create_system,
                "create_version": i.create_version,
                "extract_version": i.extract_version,
                "flag_bits": i.flag_bits,
                "extra": i.extra.hex(),
                # The weights file is dated when it is saved; the JSON entries always 1980-01-01.
                "date_time": list(i.date_time) if i.filename != "model.weights.h5" else None,
            }
            for i in z.infolist()
        ]


def flat(values):
    return [None if not math.isfinite(v) else v for v in np.asarray(values, dtype=np.float64).ravel().tolist()]


def run(case):
    records = _Records()
    root = logging.getLogger()
    root.addHandler(records)
    printed = io.StringIO()
    try:
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(printed):
            warnings.simplefilter("always")
            model = keras.models.load_model(case["path"])
    finally:
        root.removeHandler(records)
    found = [f"{w.category.__name__}: {w.message}" for w in caught] + records.messages
    if printed.getvalue().strip():
        found.append(f"printed: {printed.getvalue().strip()[:500]}")

    inputs = [
        np.asarray(values, dtype=np.float32).reshape((case["batch"], *tuple(t.shape[1:])))
        for values, t in zip(case["inputs"], model.inputs)
    ]
    predicted = model.predict(inputs if len(inputs) > 1 else inputs[0], verbose=0)
    outputs = predicted if isinstance(predicted, (list, tuple)) else [predicted]

    optimizer = getattr(model, "optimizer", None)
    learning_rate = None
    if optimizer is not None:
        learning_rate = float(np.asarray(optimizer.learning_rate))

    model.save(case["resave"])
    with zipfile.ZipFile(case["path"]) as z:
        ours_h5 = z.read("model.weights.h5")
        ours_config = json.loads(z.read("config.json"))
        metadata = json.loads(z.read("metadata.json"))
    with zipfile.ZipFile(case["resave"]) as z:
        theirs_h5 = z.read("model.weights.h5")
        theirs_config = json.loads(z.read("config.json"))
        theirs_metadata = json.loads(z.read("metadata.json"))

    zip_differences = []
    ours_zip, theirs_zip = zip_entries(case["path"]), zip_entries(case["resave"])
    if ours_zip != theirs_zip:
        zip_differences.append(f"ours {ours_zip}, Keras {theirs_zip}")
    if list(metadata) != list(theirs_metadata) or metadata.get("keras_version") != theirs_metadata.get("keras_version"):
        zip_differences.append(f"metadata.json: ours {metadata}, Keras {theirs_metadata}")

    fixture_differences = []
    if case.get("fixture"):
        with zipfile.ZipFile(case["fixture"]) as z:
            fixture_h5 = z.read("model.weights.h5")
        fixture_differences = compare_trees(h5_tree(ours_h5, {"layers", "vars"}), h5_tree(fixture_h5, {"layers", "vars"}))

    return {
        "ok": True,
        "warnings": found,
        "model_class": type(model).__name__,
        "optimizer": type(optimizer).__name__ if optimizer is not None else None,
        "learning_rate": learning_rate,
        "loss": model.loss if isinstance(getattr(model, "loss", None), str) else repr(getattr(model, "loss", None)),
        "outputs": [flat(o) for o in outputs],
        "h5_differences": compare_trees(h5_tree(ours_h5), h5_tree(theirs_h5)),
        "config_differences": compare_json(strip_shared_ids(ours_config), strip_shared_ids(theirs_config)),
        "zip_differences": zip_differences,
        "metadata": metadata,
        "fixture_differences": fixture_differences,
    }


def main():
    results = []
    for case in json_stdio.request()["cases"]:
        try:
            results.append(run(case))
        except Exception as error:  # noqa: BLE001 - every failure is reported to the test, with where it happened
            results.append({"ok": False, "error": f"{type(error).__name__}: {error}\n{traceback.format_exc()[-2000:]}"})
        keras.backend.clear_session()
    json_stdio.reply({"results": results})


if __name__ == "__main__":
    main()
