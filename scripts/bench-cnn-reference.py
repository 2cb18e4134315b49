#!/usr/bin/env python3
"""PyTorch reference for the VGG and ResNet rows of `hashsweep bench train`.

Trains the same networks hashsweep builds on random 3x32x32 images: VGGConfiguration (3x3
convolutions with padding 1, BatchNorm and ReLU after each, a 2x2 max pool after every stage,
two fully connected layers of 512 x width multiplier with ReLU and dropout 0.5, then the
classifier) and ResNetConfiguration (3x3 stem, basic blocks of two 3x3 convolutions with
BatchNorm, ReLU after the addition; ResNet20/32/56: 16/32/64 channels, option-A shortcuts;
ResNet18: 64/128/256/512 channels, 1x1 projection shortcuts; global average pool; classifier),
convolutions with a bias as in hashsweep, on random 3x32x32 images
with 10 classes, Adam (lr 1e-3), batch 64, one thread, and prints seconds per epoch of 50,000
images, scaled from the images timed (after one warm-up batch), as JSON lines.

Install (see ../shared/bench/reference_point.py):
  python3 -m venv $HOME/refvenv
  $HOME/refvenv/bin/pip install --no-deps torch==2.13.0
  $HOME/refvenv/bin/pip install filelock typing-extensions sympy networkx jinja2 fsspec numpy

Run as `$HOME/refvenv/bin/python scripts/bench-cnn-reference.py --images 5000`, once as is and
once with `env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE` (PyTorch uses its own oneDNN/MKL
kernels, so the variable should not matter to it; the run says which were used).
"""
import argparse
import json
import time

import torch
import torch.nn.functional as F
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


RESNETS = {"resnet18": ([64, 128, 256, 512], 2, "projection"), "resnet20": ([16, 32, 64], 3, "zero_pad"),
           "resnet32": ([16, 32, 64], 5, "zero_pad"), "resnet56": ([16, 32, 64], 9, "zero_pad")}


class ZeroPadShortcut(nn.Module):
    """Option A: every stride-th pixel, channels zero-padded evenly on both sides."""

    def __init__(self, inputs, outputs, stride):
        super().__init__()
        self.stride, self.before, self.after = stride, (outputs - inputs) // 2, outputs - inputs - (outputs - inputs) // 2

    def forward(self, x):
        return F.pad(x[:, :, ::self.stride, ::self.stride], (0, 0, 0, 0, self.before, self.after))


class BasicBlock(nn.Module):
    def __init__(self, inputs, outputs, stride, downsampling):
        super().__init__()
        self.conv1, self.bn1 = nn.Conv2d(inputs, outputs, 3, stride, 1), nn.BatchNorm2d(outputs)
        self.conv2, self.bn2 = nn.Conv2d(outputs, outputs, 3, 1, 1), nn.BatchNorm2d(outputs)
        self.shortcut = nn.Identity()
        if stride != 1 or inputs != outputs:
            self.shortcut = (nn.Sequential(nn.Conv2d(inputs, outputs, 1, stride), nn.BatchNorm2d(outputs))
                             if downsampling == "projection" else ZeroPadShortcut(inputs, outputs, stride))

    def forward(self, x):
        h = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(h)) + self.shortcut(x))


def resnet(variant, multiplier, classes=10):
    widths, blocks, downsampling = RESNETS[variant]
    widths = [scaled(width, multiplier) for width in widths]
    layers = [nn.Conv2d(3, widths[0], 3, padding=1), nn.BatchNorm2d(widths[0]), nn.ReLU(inplace=True)]
    channels = widths[0]
    for stage, width in enumerate(widths):
        for block in range(blocks):
            layers.append(BasicBlock(channels, width, 2 if stage > 0 and block == 0 else 1, downsampling))
            channels = width
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, classes)]
    return nn.Sequential(*layers)


def multiply_adds(model):
    """Multiply-adds of one 3x32x32 image's forward pass (convolutions and Linear layers), from hooks."""
    total = 0

    def count(layer, inputs, output):
        nonlocal total
        if isinstance(layer, nn.Conv2d):
            total += output.shape[2] * output.shape[3] * layer.in_channels * layer.kernel_size[0] * layer.kernel_size[1] * layer.out_channels
        elif isinstance(layer, nn.Linear):
            total += layer.in_features * layer.out_features

    hooks = [layer.register_forward_hook(count) for layer in model.modules() if isinstance(layer, (nn.Conv2d, nn.Linear))]
    was_training = model.training
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, 3, 32, 32))
    model.train(was_training)
    for hook in hooks:
        hook.remove()
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=5000)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--configurations", default="vgg11:0.25,vgg16:0.5,resnet20:1,resnet18:0.25")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    for item in args.configurations.split(","):
        variant, multiplier = item.split(":")
        model = (resnet if variant.startswith("resnet") else vgg)(variant, float(multiplier))
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
