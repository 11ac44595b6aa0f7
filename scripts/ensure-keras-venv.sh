#!/usr/bin/env bash
# Makes sure .keras-venv has real Keras (pinned in requirements-keras.txt) for the tests/keras suite.
# Fast when it is already there; about 20-50 s the first time (pip from the configured package index).
# Environment: PYTHON (default python3) is the interpreter used to create the venv.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
VENV=.keras-venv

keras_ok() {
  TF_CPP_MIN_LOG_LEVEL=3 KERAS_BACKEND=tensorflow "$VENV/bin/python" -c "import keras" >/dev/null 2>&1
}

if keras_ok; then
  exit 0
fi
echo "==> creating $VENV with real Keras (requirements-keras.txt); this happens once"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install --quiet --retries 0 -r requirements-keras.txt
# Fail here, with Python's own error, rather than later in the tests.
TF_CPP_MIN_LOG_LEVEL=3 KERAS_BACKEND=tensorflow "$VENV/bin/python" -c "import keras; print('keras', keras.__version__)"
