#!/usr/bin/env bash
# Creates (once) the Python venv the Keras peer runs in: ~/.cache/jobcast/keras-venv with tensorflow-cpu from PyPI.
# Prints the venv's python path on stdout; progress goes to stderr.
set -euo pipefail
VENV="${JOBCAST_KERAS_VENV:-$HOME/.cache/jobcast/keras-venv}"
TF_VERSION="2.20.0"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import tensorflow" 2>/dev/null; then
  echo "installing tensorflow-cpu==$TF_VERSION into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "tensorflow-cpu==$TF_VERSION" >&2
fi
echo "$VENV/bin/python"
