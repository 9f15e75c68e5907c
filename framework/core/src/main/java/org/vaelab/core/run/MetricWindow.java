package org.vaelab.core.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaelab.core.train.StepValues;

/** Means of the training metrics (the model family's too) over the steps since the last log, and over the epoch. */
final class MetricWindow {

    private double loss;
    private double recon;
    private double kl;
    private double weight;
    private double capacity;
    private final Map<String, Double> familyMetrics = new LinkedHashMap<>();
    private int steps;

    void add(StepValues values) {
        loss += values.loss();
        recon += values.reconLoss();
        kl += values.kl();
        weight += values.weighting().weight();
        capacity += values.weighting().capacity();
        values.familyMetrics().forEach((name, value) -> familyMetrics.merge(name, value, Double::sum));
        steps++;
    }

    /** How many steps the window holds. */
    int steps() {
        return steps;
    }

    boolean isEmpty() {
        return steps == 0;
    }

    double meanLoss() {
        return loss / steps;
    }

    /**
     * The window's means as slash-named metrics, then an empty window. The KL schedule's weight
     * and capacity ({@code kl/weight}, {@code kl/capacity}) are among them when {@code withSchedule}.
     */
    Map<String, Double> drain(boolean withSchedule) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("train/loss", loss / steps);
        out.put("train/recon", recon / steps);
        out.put("train/kl", kl / steps);
        if (withSchedule) {
            out.put("kl/weight", weight / steps);
            out.put("kl/capacity", capacity / steps);
        }
        familyMetrics.forEach((name, sum) -> out.put("train/" + name, sum / steps));
        familyMetrics.clear();
        loss = recon = kl = weight = capacity = 0;
        steps = 0;
        return out;
    }
}
