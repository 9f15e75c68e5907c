"""The reference VAEs in PyTorch eager mode on the CPU, the peer VAELab's training speed is measured against.

Two models, each that of a VAELab spec, with PyTorch's default initialisation (uniform in
[-1/sqrt(fan_in), 1/sqrt(fan_in)] for weights and biases, which is VAELab's too):

  --model mlp   configs/quickstart.yaml: 784-400-20 encoder and 20-400-784 decoder with ReLU
                (Kingma and Welling 2014, appendix C.2), as bench/numpy_vae.py.
  --model conv  configs/fashion-conv-bernoulli.yaml (plugins/nn's ConvEncoder and ConvDecoder):
                encoder conv 1->32 (4x4, stride 2, padding 1, 28 -> 14), ReLU, conv 32->64 (14 -> 7),
                ReLU, flatten 3136, dense 256, ReLU, linear heads for mean and log-variance (20);
                decoder dense 20->256, ReLU, dense 256->3136 ("project"), ReLU, reshape 64x7x7,
                transposed conv 64->32 (7 -> 14), ReLU, transposed conv 32->1 (14 -> 28), linear:
                the logits.

Both: Bernoulli likelihood on grey levels in [0, 1] (binary cross-entropy with logits, summed over
the 784 pixels), one sample of z per example, closed-form KL to N(0, I), loss the batch mean of
both, Adam (Kingma and Ba 2015) with lr 1e-3, batch 128 (430 steps per epoch, the last one of 88),
float32, the first 55,000 Fashion-MNIST training images (the last 5,000 are VAELab's validation
split), shuffled each epoch.

    torch_vae.py [--model mlp|conv] [--threads N] DATA_DIR EPOCHS SEED

--threads sets torch.set_num_threads; without it PyTorch keeps its default (one per core).
Prints `startup S` (from the script's start, before `import torch`, to the first training step),
then one line per epoch, `epoch N seconds S test_elbo E eval_seconds T`: the training time, and
the test ELBO in nats per example over the 10,000 test images (one sample of z each, in passes of
1,000 images as VAELab's evaluation) with the time its evaluation took. Lines starting with `#`
describe the run. Same output as bench/numpy_vae.py, which bench/speed parses.
"""
import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import gzip  # noqa: E402
import os  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402
from torch.nn import functional as F  # noqa: E402

LATENT = 20


def idx_images(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    count, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    return np.frombuffer(data, np.uint8, offset=16).reshape(count, rows * cols).astype(np.float32) / 255


def images(data_dir, name):
    path = f"{data_dir}/{name}"
    return idx_images(path if os.path.exists(path) else path + ".gz")


class MlpVae(nn.Module):
    def __init__(self, d=784, h=400, k=LATENT):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(d, h), nn.ReLU())
        self.mean, self.logvar = nn.Linear(h, k), nn.Linear(h, k)
        self.decoder = nn.Sequential(nn.Linear(k, h), nn.ReLU(), nn.Linear(h, d))

    def encode(self, x):
        h = self.encoder(x)
        return self.mean(h), self.logvar(h)

    def decode(self, z):
        return self.decoder(z)


class ConvVae(nn.Module):
    def __init__(self, k=LATENT, dense=256):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 32, 4, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(32, 64, 4, stride=2, padding=1), nn.ReLU(),
            nn.Flatten(), nn.Linear(64 * 7 * 7, dense), nn.ReLU())
        self.mean, self.logvar = nn.Linear(dense, k), nn.Linear(dense, k)
        self.decoder = nn.Sequential(
            nn.Linear(k, dense), nn.ReLU(),
            nn.Linear(dense, 64 * 7 * 7), nn.ReLU(), nn.Unflatten(1, (64, 7, 7)),
            nn.ConvTranspose2d(64, 32, 4, stride=2, padding=1), nn.ReLU(),
            nn.ConvTranspose2d(32, 1, 4, stride=2, padding=1), nn.Flatten())

    def encode(self, x):
        h = self.encoder(x.view(-1, 1, 28, 28))
        return self.mean(h), self.logvar(h)

    def decode(self, z):
        return self.decoder(z)


def negative_elbo(model, x):
    """Per example: -log p(x|z) for one z ~ q(z|x), plus KL(q(z|x) || N(0, I)), in nats."""
    mu, logvar = model.encode(x)
    z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
    logits = model.decode(z)
    recon = F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(1)
    kl = 0.5 * (torch.exp(logvar) + mu * mu - 1 - logvar).sum(1)
    return recon + kl


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", choices=("mlp", "conv"), default="mlp")
    parser.add_argument("--threads", type=int, default=0, help="torch.set_num_threads; 0 keeps PyTorch's default")
    parser.add_argument("data_dir")
    parser.add_argument("epochs", type=int)
    parser.add_argument("seed", type=int)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    train = torch.from_numpy(images(args.data_dir, "train-images-idx3-ubyte")[:55000])
    test = torch.from_numpy(images(args.data_dir, "t10k-images-idx3-ubyte"))
    model = MlpVae() if args.model == "mlp" else ConvVae()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    batch, eval_batch = 128, 1000
    print(f"# torch {torch.__version__} model {args.model} threads {torch.get_num_threads()} "
          f"parameters {sum(p.numel() for p in model.parameters())}", flush=True)
    print(f"startup {time.perf_counter() - STARTED:.3f}", flush=True)
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(len(train))
        for i in range(0, len(train), batch):
            x = train[order[i:i + batch]]
            loss = negative_elbo(model, x).mean()
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        model.eval()
        with torch.no_grad():
            total = sum(negative_elbo(model, test[i:i + eval_batch]).sum().item()
                        for i in range(0, len(test), eval_batch))
        elbo = -total / len(test)
        evaluation = time.perf_counter() - start
        print(f"epoch {epoch} seconds {seconds:.3f} test_elbo {elbo:.2f} eval_seconds {evaluation:.3f}", flush=True)


if __name__ == "__main__":
    main()
