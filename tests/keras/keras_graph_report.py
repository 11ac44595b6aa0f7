"""Build real Keras functional models from LayerLab graphs and report shapes and parameter counts.

stdin:  {"graphs": [Graph, ...]}
stdout: {"results": [Report, ...]}   (one per graph, same order)

Graph  = {"nodes": [{"id", "kind", "params", "position"}], "edges": [{"id", "source", "target", "inputIndex"}]}
Report = {"ok": true, "layers": {nodeId: {"output_shape": [...], "params": int}}, "total_params": int}
       | {"ok": false, "error": "<exception class>: <message>"}

Each node becomes one Keras layer named by its node id. `kind` is the Keras layer class name and
`params` are its constructor arguments, with these conversions:
  - Input {shape}           -> keras.Input(shape=tuple(shape), name=id)
  - any *_regularizer dict  -> keras.regularizers.L1L2(l1=, l2=)
  - Reshape target_shape    -> tuple
  - activation 'step'       -> error (LayerLab-only, no Keras equivalent)
A node with several incoming edges takes them ordered by inputIndex (ties: edge id). The model's
outputs are the nodes without outgoing edges. One bad graph never stops the others.
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import json_stdio  # noqa: E402  (first: it sets up the environment and stdout before keras loads)



import keras  # noqa: E402

LAYERLAB_ONLY_ACTIVATIONS = {
    "step": "'step' is a LayerLab-only activation with no Keras equivalent",
}


class GraphError(ValueError):
    """A problem with the graph itself (not one Keras found)."""


def convert_params(node_id, kind, params):
    converted = {}
    for key, value in params.items():
        if key == "activation" and isinstance(value, str) and value in LAYERLAB_ONLY_ACTIVATIONS:
            raise GraphError(f"{LAYERLAB_ONLY_ACTIVATIONS[value]} (node {node_id!r}, {kind})")
        if key.endswith("_regularizer") and isinstance(value, dict):
            value = keras.regularizers.L1L2(l1=float(value.get("l1", 0.0)), l2=float(value.get("l2", 0.0)))
        elif key == "target_shape" and isinstance(value, list):
            value = tuple(value)
        converted[key] = value
    return converted


def layer_class(node_id, kind):
    cls = getattr(keras.layers, kind, None) if isinstance(kind, str) and not kind.startswith("_") else None
    if not (isinstance(cls, type) and issubclass(cls, keras.layers.Layer)):
        raise GraphError(f"unknown layer kind {kind!r} (node {node_id!r}): not a class in keras.layers")
    return cls


def topological_order(nodes, incoming, outgoing):
    """Kahn's algorithm, stable in node order; raises on cycles."""
    remaining = {node_id: len(incoming[node_id]) for node_id in nodes}
    ready = [node_id for node_id in nodes if remaining[node_id] == 0]
    order = []
    while ready:
        node_id = ready.pop(0)
        order.append(node_id)
        for target in outgoing[node_id]:
            remaining[target] -= 1
            if remaining[target] == 0:
                ready.append(target)
    if len(order) != len(nodes):
        stuck = sorted(node_id for node_id in nodes if node_id not in order)
        raise GraphError(f"the graph has a cycle through nodes {stuck}")
    return order


def shape_list(tensor):
    return [None if dim is None else int(dim) for dim in tensor.shape[1:]]


def report_graph(graph):
    keras.backend.clear_session()
    nodes = {}
    for node in graph.get("nodes", []):
        node_id = node["id"]
        if node_id in nodes:
            raise GraphError(f"duplicate node id {node_id!r}")
        nodes[node_id] = node

    incoming = {node_id: [] for node_id in nodes}
    outgoing = {node_id: [] for node_id in nodes}
    for edge in graph.get("edges", []):
        for end in ("source", "target"):
            if edge[end] not in nodes:
                raise GraphError(f"edge {edge.get('id')!r} has unknown {end} {edge[end]!r}")
        incoming[edge["target"]].append(edge)
        outgoing[edge["source"]].append(edge["target"])
    for edges in incoming.values():
        edges.sort(key=lambda e: (e.get("inputIndex", 0), str(e.get("id", ""))))

    tensors = {}
    layers = {}
    model_inputs = []
    for node_id in topological_order(list(nodes), incoming, outgoing):
        node = nodes[node_id]
        kind = node["kind"]
        params = dict(node.get("params") or {})
        sources = [tensors[edge["source"]] for edge in incoming[node_id]]
        if kind == "Input":
            if sources:
                raise GraphError(f"Input node {node_id!r} cannot have incoming edges")
            tensor = keras.Input(shape=tuple(params.pop("shape")), name=node_id, **convert_params(node_id, kind, params))
            model_inputs.append(tensor)
            tensors[node_id] = tensor
            continue
        if not sources:
            raise GraphError(f"node {node_id!r} ({kind}) has no incoming edge")
        layer = layer_class(node_id, kind)(name=node_id, **convert_params(node_id, kind, params))
        layers[node_id] = layer
        takes_list = isinstance(layer, keras.src.layers.merging.base_merge.Merge) or len(sources) > 1
        tensors[node_id] = layer(sources if takes_list else sources[0])

    if not model_inputs:
        raise GraphError("the graph has no Input node")
    model_outputs = [tensors[node_id] for node_id in nodes if not outgoing[node_id]]
    model = keras.Model(inputs=model_inputs, outputs=model_outputs)

    report = {}
    for node_id in nodes:
        layer = layers.get(node_id) or model.get_layer(node_id)
        report[node_id] = {"output_shape": shape_list(tensors[node_id]), "params": int(layer.count_params())}
    return {"ok": True, "layers": report, "total_params": int(model.count_params())}


def main():
    json_stdio.serve_each("graphs", report_graph)


if __name__ == "__main__":
    main()
