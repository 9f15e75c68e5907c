"""How far a run's codes are from DIP-VAE's targets (Kumar et al. 2018, eq. 6 and 7), for docs/models.md.

Reads CSVs of `vae encode RUN -o latents.csv` and prints, over all their rows, the Frobenius norm
of the off-diagonal of Cov[mu], and the distances from 1 of the diagonal of Cov[mu] (DIP-VAE-I's
target) and of Cov[mu] + E[Sigma], the covariance of q(z) (DIP-VAE-II's).
    python3 bench/latent_covariance.py latents.csv...
"""
import csv, math, sys
for path in sys.argv[1:]:
    rows = list(csv.DictReader(open(path)))
    d = sum(1 for k in rows[0] if k.startswith("z_mean_"))
    mu = [[float(r[f"z_mean_{j}"]) for j in range(d)] for r in rows]
    var = [[math.exp(float(r[f"z_log_var_{j}"])) for j in range(d)] for r in rows]
    n = len(mu)
    m = [sum(x[j] for x in mu) / n for j in range(d)]
    ev = [sum(x[j] for x in var) / n for j in range(d)]
    c = [[sum((x[i] - m[i]) * (x[j] - m[j]) for x in mu) / n for j in range(d)] for i in range(d)]
    off = math.sqrt(sum(c[i][j] ** 2 for i in range(d) for j in range(d) if i != j))
    dI = math.sqrt(sum((c[i][i] - 1) ** 2 for i in range(d)))
    dII = math.sqrt(sum((c[i][i] + ev[i] - 1) ** 2 for i in range(d)))
    print(f"{path}: ||offdiag Cov[mu]||_F {off:.3f}  ||diag Cov[mu] - 1|| {dI:.3f}  ||diag(Cov[mu] + E[Sigma]) - 1|| {dII:.3f}")
