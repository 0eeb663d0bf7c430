package com.partnerb2b.scorecard.trainer;

/**
 * Logistic regression of P(bad) by Newton–Raphson (IRLS) with an optional ridge penalty on the
 * slopes (not the intercept). Deterministic: fixed start at zero, fixed iteration order.
 */
final class LogisticRegression {
    private LogisticRegression() {
    }

    /** Returns {intercept, slope 1, …, slope p}. x[row][feature]. */
    static double[] fit(double[][] x, boolean[] bad, double l2) {
        int n = x.length;
        int p = x.length == 0 ? 0 : x[0].length;
        int k = p + 1;
        double[] beta = new double[k];
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            double[] row = new double[k];
            for (int i = 0; i < n; i++) {
                row[0] = 1;
                System.arraycopy(x[i], 0, row, 1, p);
                double eta = 0;
                for (int j = 0; j < k; j++) {
                    eta += beta[j] * row[j];
                }
                double mu = 1 / (1 + Math.exp(-eta));
                double w = Math.max(mu * (1 - mu), 1e-12);
                double residual = (bad[i] ? 1 : 0) - mu;
                for (int a = 0; a < k; a++) {
                    gradient[a] += row[a] * residual;
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += w * row[a] * row[b];
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
                if (a > 0) {
                    hessian[a][a] += l2;
                    gradient[a] -= l2 * beta[a];
                }
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int j = 0; j < k; j++) {
                beta[j] += step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (largest < 1e-10) {
                break;
            }
        }
        return beta;
    }

    /** Solves a·x = b for a symmetric positive definite a (Gaussian elimination with partial pivoting). */
    static double[] solve(double[][] a, double[] b) {
        int k = b.length;
        double[][] m = new double[k][k + 1];
        for (int i = 0; i < k; i++) {
            System.arraycopy(a[i], 0, m[i], 0, k);
            m[i][k] = b[i];
        }
        for (int c = 0; c < k; c++) {
            int pivot = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            double d = m[c][c];
            if (Math.abs(d) < 1e-300) {
                throw new IllegalStateException("singular system in the logistic fit (collinear characteristics?)");
            }
            for (int r = c + 1; r < k; r++) {
                double f = m[r][c] / d;
                if (f != 0) {
                    for (int j = c; j <= k; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = m[i][k];
            for (int j = i + 1; j < k; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
