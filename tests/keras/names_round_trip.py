"""Activation and initializer names through real Keras, for tests/keras/namesRoundTrip.test.ts.

stdin: {"mode": "make", "dir": str, "activations": [str], "initializers": [str]}
  Builds with real Keras a Sequential model: Input(2), then one Dense(3) per activation, named "act_<activation>",
  built with activation=<name> and, cycling through the initializers, kernel_initializer=<name> and
  bias_initializer=<name>; then a Dense(1, "sigmoid") output. Writes its model.to_json() to dir/names.json with each
  Dense layer's activation set back to the name it was built with (Keras writes the function's own name: "silu" for
  "swish"), and checks that Keras loads that JSON into the same functions.
  stdout: {"json": path, "layers": {layer: {"activation", "kernel", "bias"}},  (the names each layer was built with)
           "keras_function": {activation: function name},  (keras.activations.get(name).__name__)
           "keras_class": {initializer: class name},       (type(keras.initializers.get(name)).__name__)
           "serialized_activation": {activation: str}}      (what Keras itself writes for a layer built with it)

stdin: {"mode": "check", "json": path, "keras": path, "script": path}
  Loads the JSON with model_from_json and the .keras file with load_model, and runs the Python script as
  `python model.py` does (keras.Model.fit is wrapped to record the model just before the real fit runs).
  stdout: {"json": Report, "keras": Report, "script": Report, "warnings": [str]}
  Report = {layer: {"written": {"activation", "kernel", "bias"} | null,  (as the file has them: a string and two
                                                                          class names; null for the script)
                    "loaded": {"activation", "kernel", "bias"}}}        (the function's name and the class names
                                                                          of what Keras built)
"""

import json
import os
import runpy
import sys
import warnings
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import json_stdio  # noqa: E402  (first: it sets up the environment and stdout before keras loads)

import keras  # noqa: E402
from keras import layers  # noqa: E402


def make(request):
    activations, initializers = request["activations"], request["initializers"]
    model = keras.Sequential([keras.Input(shape=(2,), name="x")], name="names")
    built = {}
    for i, activation in enumerate(activations):
        kernel = initializers[i % len(initializers)]
        bias = initializers[(i + 5) % len(initializers)]
        name = f"act_{activation}"
        model.add(layers.Dense(3, activation=activation, kernel_initializer=kernel, bias_initializer=bias, name=name))
        built[name] = {"activation": activation, "kernel": kernel, "bias": bias}
    model.add(layers.Dense(1, activation="sigmoid", name="out"))
    config = json.loads(model.to_json())
    serialized = {}
    for layer in config["config"]["layers"]:
        wanted = built.get(layer["config"]["name"])
        if wanted is not None:
            serialized[wanted["activation"]] = layer["config"]["activation"]
            layer["config"]["activation"] = wanted["activation"]
    text = json.dumps(config)
    reloaded = keras.models.model_from_json(text)
    for layer in reloaded.layers:
        wanted = built.get(layer.name)
        if wanted is not None and layer.activation is not keras.activations.get(wanted["activation"]):
            raise AssertionError(f"{layer.name}: Keras loaded {layer.activation.__name__}")
    path = os.path.join(request["dir"], "names.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return {
        "json": path,
        "layers": built,
        "keras_function": {a: keras.activations.get(a).__name__ for a in activations},
        "keras_class": {i: type(keras.initializers.get(i)).__name__ for i in initializers},
        "serialized_activation": serialized,
    }


def loaded_names(model):
    return {
        layer.name: {
            "activation": layer.activation.__name__,
            "kernel": type(layer.kernel_initializer).__name__,
            "bias": type(layer.bias_initializer).__name__,
        }
        for layer in model.layers
        if isinstance(layer, layers.Dense)
    }


def written_names(config):
    out = {}
    for layer in config["config"]["layers"]:
        if layer["class_name"] == "Dense":
            c = layer["config"]
            out[c["name"]] = {
                "activation": c["activation"],
                "kernel": c["kernel_initializer"]["class_name"],
                "bias": c["bias_initializer"]["class_name"],
            }
    return out


def report(config, model):
    written = written_names(config)
    return {name: {"written": written.get(name), "loaded": names} for name, names in loaded_names(model).items()}


def run_script(script):
    recorded = []
    real_fit = keras.Model.fit

    def recording_fit(self, *args, **kwargs):
        recorded.append(loaded_names(self))
        return real_fit(self, *args, **kwargs)

    keras.Model.fit = recording_fit
    cwd = os.getcwd()
    sys.argv = [script]
    try:
        os.chdir(os.path.dirname(script))
        runpy.run_path(script, run_name="__main__")
    finally:
        os.chdir(cwd)
        keras.Model.fit = real_fit
    if len(recorded) != 1:
        raise AssertionError(f"the script called fit {len(recorded)} times")
    return {name: {"written": None, "loaded": names} for name, names in recorded[0].items()}


def check(request):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with open(request["json"], encoding="utf-8") as f:
            text = f.read()
        from_json = report(json.loads(text), keras.models.model_from_json(text))
        with zipfile.ZipFile(request["keras"]) as archive:
            config = json.loads(archive.read("config.json"))
        from_keras = report(config, keras.models.load_model(request["keras"]))
        from_script = run_script(request["script"])
    return {"json": from_json, "keras": from_keras, "script": from_script, "warnings": [str(w.message) for w in caught]}


def main():
    request = json_stdio.request()
    json_stdio.reply(make(request) if request["mode"] == "make" else check(request))


if __name__ == "__main__":
    main()
