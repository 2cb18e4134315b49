#!/usr/bin/env python3
"""scikit-learn reference for `hashsweep bench metrics --codes FOLDER`.

Times the metric step of ../shared/bench/reference_point.py (its own functions: redundancy by
np.unique on packed rows, K-NN k=9 by float32 GEMM on the 0/1 codes, K-Means with 10 clusters
and n_init=10, LogisticRegression(C=1, max_iter=200)) on the codes a `hashsweep codes` folder
holds (codes.npy, labels.npy, clean_labels.npy, split.npy, codes.json), so both sides work on
the same bits. Prints one JSON object with each step's seconds and its results.

Install as for reference_point.py (the venv at $HOME/refvenv), then, from the project root:
  $HOME/refvenv/bin/python scripts/bench-metrics-reference.py results/<sweep>/codes/<id>-epoch<E>

Memory: the reference unpacks the codes to bool and converts them to float32 (4 bytes per bit
and example, more than once), so 10^5-bit codes fit in 24 GiB only for a few thousand examples.
"""
import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "..", "shared", "bench")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder", help="a folder written by `hashsweep codes`")
    p.add_argument("--steps", default="redundancy,knn,kmeans,logistic")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--reference", default=REFERENCE, help="folder holding reference_point.py")
    return p.parse_args()


def main():
    args = parse_args()
    # reference_point.py reads its own options (thread limits, K-Means restarts) when imported.
    sys.argv = [sys.argv[0], "--threads", "1", "--kmeans-n-init", "10", "--knn-k", "9"]
    sys.path.insert(0, os.path.abspath(args.reference))
    import numpy as np
    import reference_point as ref

    with open(os.path.join(args.folder, "codes.json")) as f:
        manifest = json.load(f)
    bits = manifest["bit_count"]
    packed = np.load(os.path.join(args.folder, "codes.npy"))
    labels = np.load(os.path.join(args.folder, "labels.npy")).astype(np.int64)
    clean = np.load(os.path.join(args.folder, "clean_labels.npy")).astype(np.int64)
    split = np.load(os.path.join(args.folder, "split.npy"))
    codes = np.unpackbits(packed, axis=1, count=bits, bitorder="little").astype(bool)
    del packed
    train, test = codes[split == 0], codes[split == 1]
    del codes
    ytr, ytr_clean, yte = labels[split == 0], clean[split == 0], labels[split == 1]
    steps = args.steps.split(",")
    record = {"bits": bits, "train": int(train.shape[0]), "test": int(test.shape[0]), "seconds": {}}
    if "redundancy" in steps:
        t = time.perf_counter()
        record["redundancy_train"], _ = ref.redundancy_ratio(train)
        record["redundancy_test"], _ = ref.redundancy_ratio(test)
        record["seconds"]["redundancy"] = time.perf_counter() - t
    if "knn" in steps:
        t = time.perf_counter()
        predictions = ref.knn_hamming(train, ytr, test, [9])
        record["knn_test_accuracy"] = float((predictions[9] == yte).mean())
        record["seconds"]["knn"] = time.perf_counter() - t
    if "kmeans" in steps:
        t = time.perf_counter()
        scores = ref.kmeans_metrics(train, [("", ytr_clean)], test, yte, args.seed, 10)
        record["kmeans_hungarian_test"] = scores["kmeans_hungarian_test"]
        record["seconds"]["kmeans"] = time.perf_counter() - t
    if "logistic" in steps:
        t = time.perf_counter()
        train_accuracy, test_accuracy, iterations = ref.logreg_acc(train, ytr, test, yte, 200, 1.0, args.seed)
        record.update(logistic_train_accuracy=train_accuracy, logistic_test_accuracy=test_accuracy,
                      logistic_iterations=iterations)
        record["seconds"]["logistic"] = time.perf_counter() - t
    record["seconds"]["total"] = sum(record["seconds"].values())
    print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main()
