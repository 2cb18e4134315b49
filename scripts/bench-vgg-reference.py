#!/usr/bin/env python3
"""PyTorch reference for the VGG rows of `hashsweep bench train`.

Trains the same networks hashsweep builds (VGGConfiguration: 3x3 convolutions with padding 1,
BatchNorm and ReLU after each, a 2x2 max pool after every stage, two fully connected layers of
512 x width multiplier with ReLU and dropout 0.5, then the classifier) on random 3x32x32 images
with 10 classes, Adam (lr 1e-3), batch 64, one thread, and prints seconds per epoch of 50,000
images, scaled from the images timed (after one warm-up batch), as JSON lines.

Install (see ../shared/bench/reference_point.py):
  python3 -m venv $HOME/refvenv
  $HOME/refvenv/bin/pip install --no-deps torch==2.13.0
  $HOME/refvenv/bin/pip install filelock typing-extensions sympy networkx jinja2 fsspec numpy

Run as `$HOME/refvenv/bin/python scripts/bench-vgg-reference.py --images 5000`, once as is and
once with `env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE` (PyTorch uses its own oneDNN/MKL
kernels, so the variable should not matter to it; the run says which were used).
"""
import argparse
import json
import time

import torch
from torch import nn

STAGES = {
    "vgg11": [[64], [128], [256, 256], [512, 512], [512, 512]],
    "vgg16": [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]],
}
EPOCH_IMAGES = 50_000


def scaled(channels, multiplier):
    return max(1, round(channels * multiplier))


def vgg(variant, multiplier, classes=10):
    layers, channels = [], 3
    for stage in STAGES[variant]:
        for width in stage:
            out = scaled(width, multiplier)
            layers += [nn.Conv2d(channels, out, 3, padding=1), nn.BatchNorm2d(out), nn.ReLU(inplace=True)]
            channels = out
        layers.append(nn.MaxPool2d(2))
    fc = scaled(512, multiplier)
    layers += [nn.Flatten(), nn.Linear(channels, fc), nn.ReLU(inplace=True), nn.Dropout(0.5),
               nn.Linear(fc, fc), nn.ReLU(inplace=True), nn.Dropout(0.5), nn.Linear(fc, classes)]
    return nn.Sequential(*layers)


def multiply_adds(model):
    total, side = 0, 32
    for layer in model:
        if isinstance(layer, nn.Conv2d):
            total += side * side * layer.in_channels * 9 * layer.out_channels
        elif isinstance(layer, nn.MaxPool2d):
            side //= 2
        elif isinstance(layer, nn.Linear):
            total += layer.in_features * layer.out_features
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=5000)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--configurations", default="vgg11:0.25,vgg16:0.5")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    for item in args.configurations.split(","):
        variant, multiplier = item.split(":")
        model = vgg(variant, float(multiplier))
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss = nn.CrossEntropyLoss()
        images = torch.rand(args.images, 3, 32, 32)
        labels = torch.randint(0, 10, (args.images,))

        def step(x, y):
            optimizer.zero_grad(set_to_none=True)
            loss(model(x), y).backward()
            optimizer.step()

        model.train()
        step(images[:args.batch_size], labels[:args.batch_size])
        order = torch.randperm(args.images)
        start, cpu_start = time.perf_counter(), time.process_time()
        for first in range(0, args.images, args.batch_size):
            batch = order[first:first + args.batch_size]
            step(images[batch], labels[batch])
        scale = EPOCH_IMAGES / args.images
        seconds = (time.perf_counter() - start) * scale
        cpu = (time.process_time() - cpu_start) * scale
        macs = multiply_adds(model)
        print(json.dumps({"benchmark": "train", "reference": "pytorch", "configuration": f"{variant} x{float(multiplier)}",
                          "input": "3x32x32", "batch_size": args.batch_size, "images_timed": args.images,
                          "seconds_per_epoch": seconds, "cpu_seconds_per_epoch": cpu, "multiply_adds": macs,
                          "gflops": 6 * macs * EPOCH_IMAGES / seconds / 1e9, "torch": torch.__version__,
                          "mkldnn": torch.backends.mkldnn.is_available(), "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
