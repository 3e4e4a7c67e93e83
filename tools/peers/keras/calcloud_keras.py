"""Keras peer of Jobcast's calcloud networks: the same three architectures, data, split and epoch budget.

Reads the prepared matrix written by tools/bench/calcloud/calcloud.bench.ts (columns: split, ipst, the 9 inputs
already power-transformed with the same tx_data, mem_bin, memory, wallclock), trains with Adam 1e-3 and early stopping
on the validation rows exactly as libs/models does, and prints one JSON object as its last stdout line.
"""
import argparse
import csv
import json
import resource
import sys
import time

import numpy as np
import tensorflow as tf

FEATURES = ["x_files", "x_size", "drizcorr", "pctecorr", "crsplit", "subarray", "detector", "dtype", "instr"]
CLASSIFIER_LAYERS = [18, 32, 64, 32, 18, 9]
WALLCLOCK_LAYERS = [18, 32, 64, 128, 256, 128, 64, 32, 18, 9]


def load(path):
    parts = {"train": [], "validation": [], "test": []}
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            parts[row["split"]].append(row)
    out = {}
    for name, rows in parts.items():
        out[name] = {
            "x": np.array([[float(r[f]) for f in FEATURES] for r in rows], dtype=np.float32),
            "bin": np.array([int(r["mem_bin"]) for r in rows]),
            "memory": np.array([float(r["memory"]) for r in rows], dtype=np.float32),
            "wallclock": np.array([float(r["wallclock"]) for r in rows], dtype=np.float32),
        }
    return out


def build(hidden, outputs, head, seed):
    model = tf.keras.Sequential([tf.keras.Input(shape=(len(FEATURES),))])
    for i, units in enumerate(hidden):
        model.add(tf.keras.layers.Dense(units, activation="relu", kernel_initializer=tf.keras.initializers.HeNormal(seed=seed + i)))
    model.add(tf.keras.layers.Dense(outputs, activation=head, kernel_initializer=tf.keras.initializers.GlorotUniform(seed=seed + len(hidden))))
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="categorical_crossentropy" if head == "softmax" else "mse")
    return model


def fit(name, model, x, y, xv, yv, epochs, batch, patience):
    started = time.time()
    stop = tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(xv, yv), epochs=epochs, batch_size=batch, shuffle=True, verbose=0, callbacks=[stop])
    seconds = time.time() - started
    print(f"keras {name}: {len(history.history['loss'])} epochs, {seconds:.1f} s", file=sys.stderr)
    return seconds, len(history.history["loss"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--epochs-scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    tf.keras.utils.set_random_seed(args.seed)
    data = load(args.data)
    scale = lambda epochs: max(1, round(epochs * args.epochs_scale))
    tr, va, te = data["train"], data["validation"], data["test"]
    started = time.time()

    clf = build(CLASSIFIER_LAYERS, 4, "softmax", args.seed)
    clf_s, clf_e = fit("mem_clf", clf, tr["x"], np.eye(4)[tr["bin"]], va["x"], np.eye(4)[va["bin"]], scale(60), 32, 10)
    # regressors learn target / std, as libs/models does
    mem_sd, wall_sd = float(tr["memory"].std()), float(tr["wallclock"].std())
    mem = build(CLASSIFIER_LAYERS, 1, "linear", args.seed)
    mem_s, mem_e = fit("mem_reg", mem, tr["x"], tr["memory"] / mem_sd, va["x"], va["memory"] / mem_sd, scale(60), 32, 10)
    wall = build(WALLCLOCK_LAYERS, 1, "linear", args.seed)
    wall_s, wall_e = fit("wall_reg", wall, tr["x"], tr["wallclock"] / wall_sd, va["x"], va["wallclock"] / wall_sd, scale(300), 64, 20)
    total = time.time() - started

    accuracy = float((clf.predict(te["x"], verbose=0).argmax(axis=1) == te["bin"]).mean())
    mem_rmse = float(np.sqrt(((mem.predict(te["x"], verbose=0)[:, 0] * mem_sd - te["memory"]) ** 2).mean()))
    wall_rmse = float(np.sqrt(((wall.predict(te["x"], verbose=0)[:, 0] * wall_sd - te["wallclock"]) ** 2).mean()))
    print(json.dumps({
        "peer": f"keras (tensorflow-cpu {tf.__version__})",
        "accuracy": accuracy,
        "mem_rmse": mem_rmse,
        "wall_rmse": wall_rmse,
        "train_seconds": round(total, 1),
        "fit_seconds": {"mem_clf": round(clf_s, 1), "mem_reg": round(mem_s, 1), "wall_reg": round(wall_s, 1)},
        "fit_steps": {"mem_clf": clf_e, "mem_reg": mem_e, "wall_reg": wall_e},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }))


if __name__ == "__main__":
    main()
