"""The MMD between a trained run's aggregate codes and the prior N(0, I), for docs/models.md.

Reads the CSV of `vae encode RUN -o latents.csv` (posterior means z_mean_j and log-variances
z_log_var_j of the test split), draws one code z = mu + sigma * eps per example for the first N
examples and N draws from N(0, I), and prints the unbiased MMD estimate (Gretton et al. 2012, eq. 3;
Tolstikhin et al. 2018, Algorithm 2) with the inverse multiquadratics kernel C / (C + ||z - z'||^2),
C = 2 d s for s in 0.1 ... 10, summed: the kernel wae_mmd trains with. Pure Python, seeded.
In place of a CSV, `prior:D` takes N more draws of N(0, I_D) as the codes: the estimate's noise
when the two distributions are equal.
    python3 bench/mmd_to_prior.py latents.csv [N] [SEED]      (default N 1000, seed 1)
    python3 bench/mmd_to_prior.py prior:20 [N] [SEED]
"""
import csv
import math
import random
import sys

SCALES = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)


def codes(path, n, rng):
    if path.startswith("prior:"):
        d = int(path.split(":")[1])
        return [[rng.gauss(0, 1) for _ in range(d)] for _ in range(n)], d
    with open(path, newline="") as f:
        rows = csv.DictReader(f)
        d = sum(1 for name in rows.fieldnames if name.startswith("z_mean_"))
        out = []
        for row in rows:
            if len(out) == n:
                break
            out.append([float(row[f"z_mean_{j}"]) + math.exp(0.5 * float(row[f"z_log_var_{j}"])) * rng.gauss(0, 1)
                        for j in range(d)])
    return out, d


def kernel_sum(a, b, d, skip_diagonal):
    cs = [2.0 * d * s for s in SCALES]
    total = 0.0
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if skip_diagonal and i == j:
                continue
            squared = sum((p - q) * (p - q) for p, q in zip(x, y))
            total += sum(c / (c + squared) for c in cs)
    return total


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    z, d = codes(path, n, rng)
    n = len(z)
    prior = [[rng.gauss(0, 1) for _ in range(d)] for _ in range(n)]
    within = (kernel_sum(z, z, d, True) + kernel_sum(prior, prior, d, True)) / (n * (n - 1))
    print(f"{within - 2 * kernel_sum(z, prior, d, False) / (n * n):.5f}")


if __name__ == "__main__":
    main()
