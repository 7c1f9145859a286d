package org.stochad.lund.fit;

import org.stochad.lund.io.BinnedData;

/** A differentiable distance between a simulated histogram (with errors) and binned data. */
public enum HistogramLoss {

    /** The pseudo-χ² of the RSA study: Σ (h_sim − h_data)²/(σ²_sim + σ²_data), σ's held fixed in the gradient. */
    CHI2,
    /**
     * The 1-D Wasserstein distance between the two histograms normalised to unit area, with the
     * mass of each bin at its centre: Σ_k |C_sim(k) − C_data(k)|·(x_{k+1} − x_k), C cumulative.
     */
    WASSERSTEIN;

    /**
     * @param sim      simulated per-event densities
     * @param simVar   their variances (for χ²)
     * @param data     the data
     * @param gradient receives ∂loss/∂sim (same length as sim)
     * @return the loss
     */
    public double value(double[] sim, double[] simVar, BinnedData data, double[] gradient) {
        double[] d = data.values();
        double[] de = data.errors();
        if (sim.length != d.length || simVar.length != d.length || gradient.length != d.length) {
            throw new IllegalArgumentException("histogram of " + sim.length + " bins against data " + data.path()
                    + " of " + d.length + " bins");
        }
        if (this == CHI2) {
            double chi2 = 0;
            for (int k = 0; k < d.length; k++) {
                double var = simVar[k] + de[k] * de[k];
                if (var > 0) {
                    double r = sim[k] - d[k];
                    chi2 += r * r / var;
                    gradient[k] = 2 * r / var;
                } else {
                    gradient[k] = 0;
                }
            }
            return chi2;
        }
        double[] edges = data.edges();
        int n = d.length;
        double[] ms = new double[n];
        double[] md = new double[n];
        double totalS = 0;
        double totalD = 0;
        for (int k = 0; k < n; k++) {
            double w = edges[k + 1] - edges[k];
            ms[k] = sim[k] * w;
            md[k] = d[k] * w;
            totalS += ms[k];
            totalD += md[k];
        }
        if (!(totalS > 0) || !(totalD > 0)) {
            throw new IllegalArgumentException("Wasserstein distance of an empty histogram (" + data.path() + ")");
        }
        // W = Σ_{k<n−1} |Cs_k − Cd_k|·Δx_k; ∂W/∂ps_j = Σ_{k≥j} sign_k·Δx_k
        double w1 = 0;
        double cs = 0;
        double cd = 0;
        double[] sign = new double[n];
        double[] dx = new double[n];
        for (int k = 0; k < n - 1; k++) {
            cs += ms[k] / totalS;
            cd += md[k] / totalD;
            dx[k] = 0.5 * (edges[k + 2] - edges[k]);
            w1 += Math.abs(cs - cd) * dx[k];
            sign[k] = Math.signum(cs - cd);
        }
        double[] dp = new double[n];
        double acc = 0;
        for (int k = n - 1; k >= 0; k--) {
            acc += sign[k] * dx[k];
            dp[k] = acc;
        }
        // p_j = m_j/M: ∂W/∂m_i = (dp_i − Σ_j p_j dp_j)/M; m_i = sim_i·w_i
        double mean = 0;
        for (int j = 0; j < n; j++) {
            mean += ms[j] / totalS * dp[j];
        }
        for (int i = 0; i < n; i++) {
            gradient[i] = (dp[i] - mean) / totalS * (edges[i + 1] - edges[i]);
        }
        return w1;
    }
}
