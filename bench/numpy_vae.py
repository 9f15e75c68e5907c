"""The classic MLP VAE in plain NumPy, the reference VAELab's training speed is measured against.

The model and training are those of configs/quickstart.yaml: 784-400-20 encoder and 20-400-784
decoder with ReLU (Kingma and Welling 2014, appendix C.2), Bernoulli likelihood on grey levels in
[0, 1], one sample of z per example, closed-form KL, Adam (Kingma and Ba 2015) with lr 1e-3, batch
128, float32, the first 55,000 Fashion-MNIST training images (the last 5,000 are VAELab's
validation split). Forward and backward passes are written by hand; the matrix products go to the
OpenBLAS NumPy was built with.

    numpy_vae.py DATA_DIR EPOCHS SEED

prints `startup S` (from the script's start to the first training step), then one line per epoch,
`epoch N seconds S test_elbo E eval_seconds T`: the training time, and the test ELBO in nats over
the 10,000 test images (one sample of z each) with the time its evaluation took.
"""
import time

STARTED = time.perf_counter()

import gzip  # noqa: E402
import sys  # noqa: E402

import numpy as np


def idx_images(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    count, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    return np.frombuffer(data, np.uint8, offset=16).reshape(count, rows * cols).astype(np.float32) / 255


def uniform(rng, n_in, n_out):
    bound = 1 / np.sqrt(n_in)
    return (rng.uniform(-bound, bound, (n_in, n_out)).astype(np.float32),
            rng.uniform(-bound, bound, (1, n_out)).astype(np.float32))


def softplus(v):
    return np.maximum(v, 0) + np.log1p(np.exp(-np.abs(v)))


class Vae:
    def __init__(self, rng, d=784, h=400, k=20):
        self.p = {}
        for name, n_in, n_out in (("e", d, h), ("mu", h, k), ("lv", h, k), ("d", k, h), ("o", h, d)):
            self.p[name + "W"], self.p[name + "b"] = uniform(rng, n_in, n_out)
        self.m = {n: np.zeros_like(v) for n, v in self.p.items()}
        self.v = {n: np.zeros_like(v) for n, v in self.p.items()}
        self.t = 0

    def forward(self, x, eps):
        p = self.p
        he = np.maximum(x @ p["eW"] + p["eb"], 0)
        mu = he @ p["muW"] + p["mub"]
        lv = he @ p["lvW"] + p["lvb"]
        std = np.exp(0.5 * lv)
        z = mu + std * eps
        hd = np.maximum(z @ p["dW"] + p["db"], 0)
        logits = hd @ p["oW"] + p["ob"]
        recon = (softplus(logits) - x * logits).sum(1)
        kl = 0.5 * (np.exp(lv) + mu * mu - 1 - lv).sum(1)
        return (he, mu, lv, std, z, hd, logits), recon, kl

    def step(self, x, eps, lr=1e-3, b1=0.9, b2=0.999, e=1e-8):
        p = self.p
        (he, mu, lv, std, z, hd, logits), recon, kl = self.forward(x, eps)
        n = x.shape[0]
        g = {}
        dlogits = (1 / (1 + np.exp(-logits)) - x) / n
        g["oW"], g["ob"] = hd.T @ dlogits, dlogits.sum(0, keepdims=True)
        dhd = (dlogits @ p["oW"].T) * (hd > 0)
        g["dW"], g["db"] = z.T @ dhd, dhd.sum(0, keepdims=True)
        dz = dhd @ p["dW"].T
        dmu = dz + mu / n
        dlv = dz * eps * 0.5 * std + 0.5 * (np.exp(lv) - 1) / n
        g["muW"], g["mub"] = he.T @ dmu, dmu.sum(0, keepdims=True)
        g["lvW"], g["lvb"] = he.T @ dlv, dlv.sum(0, keepdims=True)
        dhe = (dmu @ p["muW"].T + dlv @ p["lvW"].T) * (he > 0)
        g["eW"], g["eb"] = x.T @ dhe, dhe.sum(0, keepdims=True)
        self.t += 1
        a = lr * np.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)
        for name, grad in g.items():
            self.m[name] = b1 * self.m[name] + (1 - b1) * grad
            self.v[name] = b2 * self.v[name] + (1 - b2) * grad * grad
            p[name] -= a * self.m[name] / (np.sqrt(self.v[name]) + e)
        return recon.mean() + kl.mean()


def main():
    data_dir, epochs, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    train = idx_images(f"{data_dir}/train-images-idx3-ubyte.gz")[:55000]
    test = idx_images(f"{data_dir}/t10k-images-idx3-ubyte.gz")
    rng = np.random.default_rng(seed)
    vae = Vae(rng)
    batch = 128
    print(f"startup {time.perf_counter() - STARTED:.3f}", flush=True)
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        order = rng.permutation(len(train))
        for i in range(0, len(train), batch):
            x = train[order[i:i + batch]]
            vae.step(x, rng.standard_normal((len(x), 20), dtype=np.float32))
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        _, recon, kl = vae.forward(test, rng.standard_normal((len(test), 20), dtype=np.float32))
        elbo = -(recon + kl).mean()
        evaluation = time.perf_counter() - start
        print(f"epoch {epoch} seconds {seconds:.3f} test_elbo {elbo:.2f} eval_seconds {evaluation:.3f}", flush=True)


if __name__ == "__main__":
    main()
