"""Round-trip checks in real Keras for tests/keras/roundTrip.test.ts.

stdin: {"mode": "make", "dir": str}
  Writes extra models made with real Keras (beyond tests/fixtures/keras) into dir: NAME.keras, NAME.json and
  NAME.io.json ({"inputs": [...], "outputs": [...]}, 4 rows per input). stdout: {"names": [...]}.

stdin: {"mode": "check", "cases": [{"name", "keras": path, "json": path, "weights": {layer: [[flat], ...]},
                                    "inputs": [...], "outputs": [...]}]}
  For each case, loads the .keras file with keras.models.load_model and the JSON with model_from_json (then sets the
  given weights, in each layer's Keras weight order), predicts the given inputs and reports the largest difference
  from the expected outputs, and any warning Keras raised. stdout: {"results": [...]}.
"""

import io
import json
import logging
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import json_stdio  # noqa: E402  (first: it sets up the environment and stdout before keras loads)
import warnings


import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402


def extra_models():
    keras.utils.set_random_seed(11)
    a = keras.Input(shape=(3,), name="a")
    b = keras.Input(shape=(3,), name="b")
    c = keras.Input(shape=(2, 3), name="c")
    prod = layers.Multiply(name="gate")([a, b])
    wide = layers.Concatenate(axis=1, name="stack")([layers.Reshape((1, 3), name="a_row")(prod), c])
    dense = layers.Dense(4, activation="selu", kernel_initializer="lecun_normal", name="per_row")(wide)
    flat = layers.Flatten(name="flat")(dense)
    out = layers.Dense(2, activation="softmax", name="probs")(flat)
    three_inputs = keras.Model([a, b, c], out, name="three_inputs")

    regularised = keras.Sequential(
        [
            keras.Input(shape=(2, 4), name="grid"),
            layers.Dense(5, kernel_regularizer=keras.regularizers.L2(0.01), bias_initializer="ones", name="d1"),
            layers.PReLU(shared_axes=[1], name="prelu"),
            layers.BatchNormalization(center=False, scale=False, epsilon=0.01, name="bn"),
            layers.ELU(alpha=0.5, name="elu"),
            layers.ReLU(threshold=0.1, negative_slope=0.05, name="relu"),
            layers.Flatten(name="flat"),
            layers.Dense(3, kernel_regularizer=keras.regularizers.L1L2(l1=0.001, l2=0.002), activation="tanh", name="out"),
        ],
        name="regularised",
    )

    trained = keras.Sequential(
        [
            keras.Input(shape=(2,), name="point"),
            layers.Dense(6, activation="relu", kernel_initializer="he_uniform", name="h"),
            layers.Dropout(0.2, name="drop"),
            layers.Dense(3, activation="softmax", name="classes"),
        ],
        name="trained_rmsprop",
    )
    trained.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.005), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    rng = np.random.default_rng(3)
    x = rng.normal(size=(64, 2)).astype("float32")
    trained.fit(x, (x[:, 0] > 0).astype("int32") + (x[:, 1] > 0).astype("int32"), epochs=2, verbose=0)

    # Give BatchNormalization non-trivial running statistics.
    regularised.compile(optimizer="adam", loss="mse")
    regularised.fit(rng.normal(size=(32, 2, 4)).astype("float32"), rng.normal(size=(32, 3)).astype("float32"), epochs=1, verbose=0)
    return [three_inputs, regularised, trained]


def make(directory):
    names = []
    rng = np.random.default_rng(5)
    for model in extra_models():
        inputs = [rng.normal(size=(4,) + tuple(t.shape[1:])).astype("float32") for t in model.inputs]
        outputs = model.predict(inputs if len(inputs) > 1 else inputs[0], verbose=0)
        outputs = outputs if isinstance(outputs, list) else [outputs]
        model.save(os.path.join(directory, model.name + ".keras"))
        with open(os.path.join(directory, model.name + ".json"), "w") as f:
            f.write(model.to_json())
        with open(os.path.join(directory, model.name + ".io.json"), "w") as f:
            json.dump({"inputs": [i.tolist() for i in inputs], "outputs": [o.tolist() for o in outputs]}, f)
        names.append(model.name)
    return {"names": names}


def max_diff(model, inputs, expected):
    feed = [np.asarray(i, dtype="float32") for i in inputs]
    got = model.predict(feed if len(feed) > 1 else feed[0], verbose=0)
    got = got if isinstance(got, list) else [got]
    return max(float(np.max(np.abs(np.asarray(g) - np.asarray(e)))) for g, e in zip(got, expected))


def heard(fn):
    """Runs fn, returning (its result, everything Keras warned or logged)."""
    messages = []
    handler = logging.StreamHandler(io.StringIO())
    handler.emit = lambda record: messages.append(record.getMessage())
    logging.getLogger().addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = fn()
        messages.extend(str(w.message) for w in caught)
    finally:
        logging.getLogger().removeHandler(handler)
    return result, messages


def check(case):
    keras.backend.clear_session()
    loaded, keras_warnings = heard(lambda: keras.models.load_model(case["keras"]))
    result = {"name": case["name"], "keras_diff": max_diff(loaded, case["inputs"], case["outputs"]), "warnings": keras_warnings}
    result["compiled"] = loaded.optimizer is not None and loaded.compiled
    result["optimizer"] = type(loaded.optimizer).__name__ if loaded.optimizer is not None else None
    result["loss"] = loaded.loss if isinstance(loaded.loss, str) else None
    with open(case["json"]) as f:
        text = f.read()
    from_json, json_warnings = heard(lambda: keras.models.model_from_json(text))
    for layer in from_json.layers:
        given = case["weights"].get(layer.name)
        if given:
            layer.set_weights([np.asarray(v, dtype="float32").reshape(w.shape) for v, w in zip(given, layer.weights)])
    result["json_diff"] = max_diff(from_json, case["inputs"], case["outputs"])
    result["warnings"] += json_warnings
    result["params"] = int(from_json.count_params())
    return result


def main():
    request = json_stdio.request()
    if request["mode"] == "make":
        json_stdio.reply(make(request["dir"]))
    else:
        json_stdio.reply({"results": [check(case) for case in request["cases"]]})


if __name__ == "__main__":
    main()
