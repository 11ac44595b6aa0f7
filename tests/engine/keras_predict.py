"""Run LayerLab graphs in real Keras with given weights and inputs, and print what Keras predicts.

stdin:  {"cases": [Case, ...]}
stdout: {"results": [Result, ...]}   (one per case, same order)

Case   = {"graph": Graph, "weights": {nodeId: [{"name", "shape", "values"}]}, "inputs": [[...flat...], ...],
          "batch": int, "training": bool}
Result = {"ok": true, "outputs": [[...flat...], ...], "weights": {nodeId: {name: [...flat...]}}}
       | {"ok": false, "error": "..."}

With "training": true the model is called with training=True (batch statistics in BatchNormalization, which also
moves its running statistics); "weights" holds every layer's weights after the call.

The graph is built exactly as tests/keras/keras_graph_report.py builds it (its helpers are imported), except that
the model's outputs are core's: nodes without outgoing edges that are not Inputs. Weights are set by name (Keras's
weight names, e.g. "kernel", "moving_mean"); inputs are one flat row-major array per model Input, in graph order.
Non-finite outputs are written as null.
"""

import importlib.util
import json
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import json_stdio  # noqa: E402  (first: it sets up the environment and stdout before keras loads)



import numpy as np  # noqa: E402

_HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    "keras_graph_report", os.path.join(_HERE, "..", "keras", "keras_graph_report.py")
)
report = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(report)
keras = report.keras


def build(graph):
    keras.backend.clear_session()
    nodes = {node["id"]: node for node in graph["nodes"]}
    incoming = {node_id: [] for node_id in nodes}
    outgoing = {node_id: [] for node_id in nodes}
    for edge in graph["edges"]:
        incoming[edge["target"]].append(edge)
        outgoing[edge["source"]].append(edge["target"])
    for edges in incoming.values():
        edges.sort(key=lambda e: (e.get("inputIndex", 0), str(e.get("id", ""))))
    tensors = {}
    inputs = []
    for node_id in report.topological_order(list(nodes), incoming, outgoing):
        node = nodes[node_id]
        kind = node["kind"]
        params = dict(node.get("params") or {})
        sources = [tensors[edge["source"]] for edge in incoming[node_id]]
        if kind == "Input":
            tensor = keras.Input(shape=tuple(params.pop("shape")), name=node_id)
            inputs.append(tensor)
            tensors[node_id] = tensor
            continue
        layer = report.layer_class(node_id, kind)(name=node_id, **report.convert_params(node_id, kind, params))
        takes_list = isinstance(layer, keras.src.layers.merging.base_merge.Merge) or len(sources) > 1
        tensors[node_id] = layer(sources if takes_list else sources[0])
    outputs = [tensors[n["id"]] for n in graph["nodes"] if not outgoing[n["id"]] and n["kind"] != "Input"]
    return keras.Model(inputs=inputs, outputs=outputs), inputs


def run(case):
    model, inputs = build(case["graph"])
    for node_id, given in case["weights"].items():
        layer = model.get_layer(node_id)
        by_name = {w["name"]: w for w in given}
        values = []
        for variable in layer.weights:
            name = variable.name.split("/")[-1]
            w = by_name[name]
            values.append(np.asarray(w["values"], dtype="float32").reshape(w["shape"]))
        layer.set_weights(values)
    batch = case["batch"]
    feed = [
        np.asarray(flat, dtype="float32").reshape((batch,) + tuple(int(d) for d in tensor.shape[1:]))
        for flat, tensor in zip(case["inputs"], inputs)
    ]
    predicted = model(feed if len(feed) > 1 else feed[0], training=bool(case.get("training", False)))
    if not isinstance(predicted, (list, tuple)):
        predicted = [predicted]
    outputs = [flat_list(tensor) for tensor in predicted]
    weights = {
        layer.name: {variable.name.split("/")[-1]: flat_list(variable) for variable in layer.weights}
        for layer in model.layers
        if layer.weights
    }
    return {"ok": True, "outputs": outputs, "weights": weights}


def flat_list(tensor):
    flat = np.asarray(tensor, dtype="float64").reshape(-1).tolist()
    return [v if math.isfinite(v) else None for v in flat]


def main():
    json_stdio.serve_each("cases", run)


if __name__ == "__main__":
    main()
