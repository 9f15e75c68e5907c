"""How far a run's codes are from DIP-VAE's targets (Kumar et al. 2018, eq. 6 and 7) and how
correlated they are, for docs/models.md.

Reads CSVs of `vae encode RUN -o latents.csv` and prints, over all their rows, the Frobenius norm
of the off-diagonal of Cov[mu], and the distances from 1 of the diagonal of Cov[mu] (DIP-VAE-I's
target) and of S = Cov[mu] + E[Sigma], the covariance of q(z) (DIP-VAE-II's); then the total
correlation KL(q(z) || prod_j q(z_j)) of the Gaussian with covariance S, -1/2 log det(R), R the
correlation matrix of S: the quantity FactorVAE penalises (Kim and Mnih 2018, eq. 2) in the closed
form of a Gaussian, measured without a discriminator. log det by Cholesky.
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
    s = [[c[i][j] + (ev[i] if i == j else 0.0) for j in range(d)] for i in range(d)]
    r = [[s[i][j] / math.sqrt(s[i][i] * s[j][j]) for j in range(d)] for i in range(d)]
    chol = [[0.0] * d for _ in range(d)]
    for i in range(d):
        for j in range(i + 1):
            v = r[i][j] - sum(chol[i][k] * chol[j][k] for k in range(j))
            chol[i][j] = math.sqrt(v) if i == j else v / chol[j][j]
    log_det = 2 * sum(math.log(chol[i][i]) for i in range(d))
    print(f"{path}: Gaussian total correlation of q(z) {-0.5 * log_det:.4f} nats")
