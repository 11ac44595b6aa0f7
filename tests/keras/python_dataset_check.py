"""Run LayerLab's exported Python dataset code and report the exact arrays it makes.

stdin:  {"cases": [{"code": "<imports and definitions>", "call": "make_xor(samples=..., ...)",
                    "probes": {"<function name>": ["<float64 as 16 hex digits>", ...]}}, ...]}  (optional)
stdout: {"results": [{"ok": true, "features_bits": [uint32, ...], "features_shape": [n, 2],
                      "features_dtype": "float32", "labels": [int, ...], "labels_dtype": "int32",
                      "probes": {"<function name>": ["<float64 as 16 hex digits>", ...]}}
                     | {"ok": false, "error": "..."}, ...]}

Each case runs in its own namespace; the float32 features are reported as their raw 32-bit patterns and the
probes (single-argument functions of the code, e.g. portable_sin, called on each value) take and give the raw
bits of float64 values (JSON cannot carry -0.0 or NaN), so the comparison with TypeScript is bit for bit.
"""

import json
import struct
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import json_stdio  # noqa: E402  (first: it sets up the environment and stdout before keras loads)

import numpy as np


def from_hex(bits):
    return struct.unpack(">d", bytes.fromhex(bits))[0]


def run_case(case):
    namespace = {"__name__": "layerlab_dataset"}
    exec(compile(case["code"], "<layerlab dataset>", "exec"), namespace)
    features, labels = eval(case["call"], namespace)
    probes = {
        name: [struct.pack(">d", float(namespace[name](from_hex(value)))).hex() for value in values]
        for name, values in case.get("probes", {}).items()
    }
    return {
        "probes": probes,
        "ok": True,
        "features_bits": np.ascontiguousarray(features).view(np.uint32).ravel().tolist(),
        "features_shape": list(features.shape),
        "features_dtype": str(features.dtype),
        "labels": labels.tolist(),
        "labels_dtype": str(labels.dtype),
    }


def main():
    json_stdio.serve_each("cases", run_case)


if __name__ == "__main__":
    main()
