"""What Python sees in exported scripts: the program's shape, without its text.

usage: python_program_shape.py < {"files": [path, ...]}
prints {"results": [{"ok": true, "kinds": [...], "strict": "...", "renamed": "..."} | {"ok": false, "error": "..."}]}

Each file is parsed from its bytes, as `python model.py` reads it (so an encoding declaration in its first two lines
counts). "kinds" are the top-level statements' node types; "strict" is ast.dump with every string constant emptied
(a hostile name changes the strings, never the code); "renamed" also renames every variable to v0, v1, ... in order
of first use (layer variables are named after layers, so only the code's shape is compared). Comments are not in
the AST: text that escaped a comment shows up as statements here.
"""

import ast
import json
import sys


class EmptyStrings(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, str):
            return ast.copy_location(ast.Constant(value=""), node)
        return node


class RenameVariables(ast.NodeTransformer):
    def __init__(self):
        self.names = {}

    def visit_Name(self, node):
        node.id = self.names.setdefault(node.id, "v%d" % len(self.names))
        return node


def shape(path):
    with open(path, "rb") as file:
        source = file.read()
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as error:
        return {"ok": False, "error": "SyntaxError: %s (line %s)" % (error.msg, error.lineno)}
    kinds = [type(statement).__name__ for statement in tree.body]
    strict = ast.dump(EmptyStrings().visit(tree), include_attributes=False)
    renamed = ast.dump(RenameVariables().visit(tree), include_attributes=False)
    return {"ok": True, "kinds": kinds, "strict": strict, "renamed": renamed}


def main():
    request = json.load(sys.stdin)
    json.dump({"results": [shape(path) for path in request["files"]]}, sys.stdout)


if __name__ == "__main__":
    main()
