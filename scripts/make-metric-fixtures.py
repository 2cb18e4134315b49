#!/usr/bin/env python3
"""Writes the Metrics test fixtures: neural codes of small MNIST MLPs with scikit-learn's answers.

For each code length (40, 256 and 1,000 bits) this trains a one-hidden-layer ReLU MLP
(784 -> W -> 10, SGD with momentum, 2 epochs on 12,000 training images), takes the codes
(pre-activation > 0 of the hidden units) of 2,000 training and 500 test examples, and writes
`Tests/MetricsTests/Fixtures/mnist-W.json` with:

  train/test: count, labels (the labels the probes learn from; the 256-bit set has 20% label
              noise on the training labels), clean_labels, and the codes as one base64 string:
              row after row, ceil(bits / 8) bytes per row, bit j of a row is bit j % 8 (least
              significant first) of the row's byte j // 8 (so that the bytes of a row, read as
              little-endian 64-bit words, are hashsweep's CodeMatrix layout);
  sklearn:    redundancy ratios and distinct-code counts; KNeighborsClassifier(n_neighbors=9,
              metric="hamming") test predictions; for each test example whether the prediction
              involves a tie (a distance tie at the 9th neighbour, which sklearn breaks in no
              documented order, or a vote tie, which sklearn breaks by the smaller label and
              hashsweep by the smaller summed distance first); KMeans(n_clusters=10, n_init=10)
              fitted on train codes and separately on test codes (majority accuracy, Hungarian
              accuracy, NMI, against clean and, where they differ, noisy labels); and
              LogisticRegression(C=1, max_iter=200) train and test accuracy and its objective
              C * sum(cross-entropy) + 1/2 ||W||^2 (bias unpenalised);
  rules:      K-NN predictions under hashsweep's documented tie rules (neighbours ordered by
              distance, then reference index; votes by count, then smaller summed distance,
              then smaller label), computed here by brute force, for the test set and for
              leave-one-out on the training set.
K-Means answers also include the spread of KMeans(n_init=10) over 8 random states, and the
result of sklearn's Lloyd iterations (tol=0) from 10 recorded k-means++ seedings (row indices),
so that hashsweep's Lloyd can be compared from the same starting points.

Run from the project root with a Python that has torch, numpy and scikit-learn:
  $HOME/refvenv/bin/python scripts/make-metric-fixtures.py [--data ../shared/datasets/mnist]
"""
import argparse
import base64
import gzip
import json
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from scipy.optimize import linear_sum_assignment  # noqa: E402
from sklearn.cluster import KMeans, kmeans_plusplus  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import normalized_mutual_info_score  # noqa: E402
from sklearn.neighbors import KNeighborsClassifier  # noqa: E402

K_NEIGHBOURS = 9
CLASSES = 10


def read_idx(path):
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def load_mnist(root):
    def find(stem):
        for name in (stem, stem.replace("-idx", ".idx")):
            for ext in (".gz", ""):
                if os.path.exists(os.path.join(root, name + ext)):
                    return os.path.join(root, name + ext)
        raise FileNotFoundError(f"no {stem}[.gz] under {root}")
    images = lambda x: x.reshape(x.shape[0], -1).astype(np.float32) / 255.0  # noqa: E731
    return (images(read_idx(find("train-images-idx3-ubyte"))),
            read_idx(find("train-labels-idx1-ubyte")).astype(np.int64),
            images(read_idx(find("t10k-images-idx3-ubyte"))),
            read_idx(find("t10k-labels-idx1-ubyte")).astype(np.int64))


def train_codes(x_fit, y_fit, x_train, x_test, width, seed):
    torch.manual_seed(seed)
    hidden = torch.nn.Linear(x_fit.shape[1], width)
    out = torch.nn.Linear(width, CLASSES)
    params = list(hidden.parameters()) + list(out.parameters())
    opt = torch.optim.SGD(params, lr=0.01, momentum=0.9)
    xs, ys = torch.from_numpy(x_fit), torch.from_numpy(y_fit)
    gen = torch.Generator().manual_seed(seed)
    for _ in range(2):
        perm = torch.randperm(xs.shape[0], generator=gen)
        for i in range(0, xs.shape[0], 128):
            b = perm[i:i + 128]
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(out(torch.relu(hidden(xs[b]))), ys[b])
            loss.backward()
            opt.step()
    with torch.no_grad():
        return ((hidden(torch.from_numpy(x_train)) > 0).numpy(),
                (hidden(torch.from_numpy(x_test)) > 0).numpy())


def pack(codes):
    """Row after row, ceil(bits / 8) bytes per row, least significant bit first."""
    return base64.b64encode(np.packbits(codes, axis=1, bitorder="little").tobytes()).decode("ascii")


def redundancy(codes):
    m = np.unique(np.packbits(codes, axis=1), axis=0).shape[0]
    return (codes.shape[0] - m) / codes.shape[0], int(m)


def hamming(queries, references):
    q, r = queries.astype(np.int32), references.astype(np.int32)
    return q.sum(1)[:, None] + r.sum(1)[None, :] - 2 * (q @ r.T)


def rule_knn(distances, labels, k, flag_ties=True):
    """Brute-force K-NN under hashsweep's tie rules; returns predictions and tie flags.

    A prediction "involves a tie" when some way of breaking distance ties at the k-th
    neighbour, with either vote rule (sklearn's: count, then smaller label; hashsweep's:
    count, then smaller summed distance, then smaller label), gives another label.
    """
    predictions, ties = [], []
    for row in distances:
        order = np.lexsort((np.arange(row.size), row))
        near = order[:k]
        counts = np.bincount(labels[near], minlength=CLASSES)
        sums = np.bincount(labels[near], weights=row[near], minlength=CLASSES)
        best = max(range(CLASSES), key=lambda c: (counts[c], -sums[c], -c))
        predictions.append(best)
        ties.append(flag_ties and len(possible_votes(row, order, labels, k)) > 1)
    return np.array(predictions), np.array(ties)


def possible_votes(row, order, labels, k):
    """Every label some tie-breaking could predict (see rule_knn)."""
    boundary = row[order[k - 1]]
    inner = order[:k][row[order[:k]] < boundary]
    group = np.flatnonzero(row == boundary)
    base_counts = np.bincount(labels[inner], minlength=CLASSES)
    base_sums = np.bincount(labels[inner], weights=row[inner], minlength=CLASSES)
    capacity = np.bincount(labels[group], minlength=CLASSES)
    outcomes = set()

    def choose(label, left, picked):
        if label == CLASSES:
            if left == 0:
                counts = base_counts + picked
                sums = base_sums + picked * boundary
                outcomes.add(max(range(CLASSES), key=lambda c: (counts[c], -sums[c], -c)))
                outcomes.add(max(range(CLASSES), key=lambda c: (counts[c], -c)))
            return
        for take in range(min(left, capacity[label]) + 1):
            picked[label] = take
            choose(label + 1, left - take, picked)
        picked[label] = 0

    choose(0, k - inner.size, np.zeros(CLASSES, dtype=np.int64))
    return outcomes


def cluster_scores(assignments, labels):
    table = np.zeros((CLASSES, CLASSES), dtype=np.int64)
    np.add.at(table, (assignments, labels), 1)
    rows, cols = linear_sum_assignment(-table)
    return {"majority": float(table.max(1).sum() / labels.size),
            "hungarian": float(table[rows, cols].sum() / labels.size),
            "nmi": float(normalized_mutual_info_score(labels, assignments))}


def logistic_objective(clf, x, y, c):
    logits = x @ clf.coef_.T + clf.intercept_
    logits -= logits.max(1, keepdims=True)
    log_p = logits - np.log(np.exp(logits).sum(1, keepdims=True))
    return float(-c * log_p[np.arange(y.size), y].sum() + 0.5 * (clf.coef_ ** 2).sum())


def fixture(width, data, n_train, n_test, noise, seed):
    x_all, y_all, x_test_all, y_test_all = data
    rng = np.random.default_rng(seed)
    fit_rows = np.sort(rng.permutation(x_all.shape[0])[:12000])
    x_fit, y_clean_fit = x_all[fit_rows], y_all[fit_rows]
    y_fit = y_clean_fit.copy()
    noisy = rng.choice(y_fit.size, int(round(noise * y_fit.size)), replace=False)
    y_fit[noisy] = (y_fit[noisy] + rng.integers(1, CLASSES, noisy.size)) % CLASSES
    test_rows = np.sort(rng.permutation(x_test_all.shape[0])[:n_test])
    train_bool, test_bool = train_codes(x_fit, y_fit, x_fit[:n_train], x_test_all[test_rows], width, seed)
    y_train, y_train_clean, y_test = y_fit[:n_train], y_clean_fit[:n_train], y_test_all[test_rows]

    answers = {}
    for name, codes in (("train", train_bool), ("test", test_bool),
                        ("all", np.concatenate([train_bool, test_bool]))):
        answers[f"redundancy_{name}"], answers[f"distinct_codes_{name}"] = redundancy(codes)

    knn = KNeighborsClassifier(n_neighbors=K_NEIGHBOURS, metric="hamming").fit(train_bool, y_train)
    answers["knn_test_predictions"] = knn.predict(test_bool).tolist()
    rule_test, ties = rule_knn(hamming(test_bool, train_bool), y_train, K_NEIGHBOURS)
    answers["knn_test_tie_involved"] = ties.tolist()

    loo = hamming(train_bool, train_bool)
    loo = loo.astype(np.float64)
    np.fill_diagonal(loo, np.inf)  # the query itself sorts last and is never among the k
    rule_loo, _ = rule_knn(loo, y_train, K_NEIGHBOURS, flag_ties=False)

    for split, codes, clean, used in (("train", train_bool, y_train_clean, y_train),
                                      ("test", test_bool, y_test, y_test)):
        points = codes.astype(np.float32)
        km = KMeans(n_clusters=CLASSES, n_init=10, random_state=seed).fit(points)
        answers[f"kmeans_{split}_inertia"] = float(km.inertia_)
        for key, value in cluster_scores(km.labels_, clean).items():
            answers[f"kmeans_{split}_{key}"] = value
        if not np.array_equal(clean, used):
            for key, value in cluster_scores(km.labels_, used).items():
                answers[f"kmeans_{split}_{key}_noisy"] = value
        # The spread of KMeans(n_init=10) over random states: a single run's majority accuracy
        # varies by several points with the seeding, so hashsweep's own seeding is compared
        # against this range, and its Lloyd iterations against sklearn's from the same seeds.
        spread = [KMeans(n_clusters=CLASSES, n_init=10, random_state=state).fit(points) for state in range(8)]
        majorities = [cluster_scores(m.labels_, clean)["majority"] for m in spread]
        answers[f"kmeans_{split}_majority_over_states"] = majorities
        answers[f"kmeans_{split}_inertia_over_states"] = [float(m.inertia_) for m in spread]
        best = None
        for restart in range(10):
            _, seeds = kmeans_plusplus(points, CLASSES, random_state=1000 * seed + restart)
            run = KMeans(n_clusters=CLASSES, init=points[seeds], n_init=1, tol=0.0).fit(points)
            if best is None or run.inertia_ < best[0].inertia_:
                best = (run, seeds)
            answers.setdefault(f"kmeans_{split}_seeded_initial_rows", []).append(seeds.tolist())
        answers[f"kmeans_{split}_seeded_inertia"] = float(best[0].inertia_)
        answers[f"kmeans_{split}_seeded_majority"] = cluster_scores(best[0].labels_, clean)["majority"]

    x_train_f, x_test_f = train_bool.astype(np.float64), test_bool.astype(np.float64)
    clf = LogisticRegression(C=1.0, max_iter=200).fit(x_train_f, y_train)
    answers["logistic_train_accuracy"] = float((clf.predict(x_train_f) == y_train).mean())
    answers["logistic_test_accuracy"] = float((clf.predict(x_test_f) == y_test).mean())
    answers["logistic_objective"] = logistic_objective(clf, x_train_f, y_train, 1.0)
    answers["logistic_iterations"] = int(np.max(clf.n_iter_))
    # The same fit run to convergence (sklearn's default stops at 200 iterations).
    full = LogisticRegression(C=1.0, max_iter=10000, tol=1e-6).fit(x_train_f, y_train)
    answers["logistic_converged_train_accuracy"] = float((full.predict(x_train_f) == y_train).mean())
    answers["logistic_converged_test_accuracy"] = float((full.predict(x_test_f) == y_test).mean())
    answers["logistic_converged_objective"] = logistic_objective(full, x_train_f, y_train, 1.0)
    answers["logistic_converged_iterations"] = int(np.max(full.n_iter_))

    return {
        "bits": width, "classes": CLASSES, "k": K_NEIGHBOURS, "label_noise": noise, "seed": seed,
        "train": {"count": n_train, "codes": pack(train_bool), "labels": y_train.tolist(),
                  "clean_labels": y_train_clean.tolist()},
        "test": {"count": n_test, "codes": pack(test_bool), "labels": y_test.tolist()},
        "sklearn": answers,
        "rules": {"knn_test_predictions": rule_test.tolist(),
                  "knn_train_loo_predictions": rule_loo.tolist()},
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.environ.get("HASHSWEEP_MNIST",
                                                         os.path.join(here, "..", "..", "shared", "datasets", "mnist")))
    parser.add_argument("--out", default=os.path.join(here, "..", "Tests", "MetricsTests", "Fixtures"))
    args = parser.parse_args()
    torch.set_num_threads(1)
    data = load_mnist(args.data)
    os.makedirs(args.out, exist_ok=True)
    for width, noise in ((40, 0.0), (256, 0.2), (1000, 0.0)):
        result = fixture(width, data, n_train=2000, n_test=500, noise=noise, seed=width)
        path = os.path.join(args.out, f"mnist-{width}.json")
        with open(path, "w") as f:
            json.dump(result, f, separators=(",", ":"))
            f.write("\n")
        s = result["sklearn"]
        print(f"{path}: redundancy {s['redundancy_train']:.4f}/{s['redundancy_test']:.4f}, "
              f"knn ties {sum(s['knn_test_tie_involved'])}, kmeans majority {s['kmeans_train_majority']:.4f}, "
              f"logistic test {s['logistic_test_accuracy']:.4f} ({s['logistic_iterations']} iterations)")


if __name__ == "__main__":
    main()
