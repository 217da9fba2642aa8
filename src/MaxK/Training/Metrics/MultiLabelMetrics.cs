namespace MaxK.Training.Metrics;

/// <summary>
/// Metrics of multi-label predictions on the host, over row-major M×C arrays of logits and 0/1 targets
/// (M nodes, C labels or tasks).
/// </summary>
public static class MultiLabelMetrics
{
    /// <summary>
    /// Micro-averaged F1 over every (node, label) pair, a pair predicted positive when its logit is &gt; 0:
    /// 2·TP / (2·TP + FP + FN); 0 when there are neither positive targets nor positive predictions.
    /// </summary>
    public static double MicroF1(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets)
    {
        if (logits.Length != targets.Length)
            throw new ArgumentException($"Micro-F1 needs as many logits as targets, got {logits.Length} and {targets.Length}.");
        long truePositives = 0, falsePositives = 0, falseNegatives = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var predicted = logits[i] > 0;
            var actual = targets[i] > 0.5f;
            if (predicted && actual)
                truePositives++;
            else if (predicted)
                falsePositives++;
            else if (actual)
                falseNegatives++;
        }
        var denominator = 2 * truePositives + falsePositives + falseNegatives;
        return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
    }

    /// <summary>
    /// ROC-AUC averaged over the tasks (columns) that have both a positive and a negative target among the M rows,
    /// as the OGB evaluator does for ogbn-proteins; each task's AUC is the Mann–Whitney statistic with tied scores
    /// given their average rank (a tie between a positive and a negative counts one half).
    /// </summary>
    /// <exception cref="InvalidOperationException">No task has both classes, so the metric is undefined.</exception>
    public static double MeanRocAuc(ReadOnlySpan<float> scores, ReadOnlySpan<float> targets, int tasks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tasks);
        if (scores.Length != targets.Length || scores.Length % tasks != 0)
            throw new ArgumentException($"ROC-AUC needs M×{tasks} scores and targets, got {scores.Length} and {targets.Length}.");
        var rows = scores.Length / tasks;
        var column = new float[rows];
        var labels = new bool[rows];
        double sum = 0;
        var counted = 0;
        for (var t = 0; t < tasks; t++)
        {
            for (var r = 0; r < rows; r++)
            {
                column[r] = scores[r * tasks + t];
                labels[r] = targets[r * tasks + t] > 0.5f;
            }
            var auc = RocAuc(column, labels);
            if (auc is { } value)
            {
                sum += value;
                counted++;
            }
        }
        if (counted == 0)
            throw new InvalidOperationException("ROC-AUC is undefined: no task has both a positive and a negative target in this split.");
        return sum / counted;
    }

    /// <summary>One task's ROC-AUC with average ranks for ties, or null when all targets are of one class.</summary>
    public static double? RocAuc(ReadOnlySpan<float> scores, ReadOnlySpan<bool> positive)
    {
        if (scores.Length != positive.Length)
            throw new ArgumentException($"ROC-AUC needs as many scores as targets, got {scores.Length} and {positive.Length}.");
        var n = scores.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
            order[i] = i;
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        long positives = 0;
        double positiveRankSum = 0;
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
                end++;
            var averageRank = (start + 1 + end) / 2.0; // ranks start..end-1, 1-based
            for (var i = start; i < end; i++)
            {
                if (positive[order[i]])
                {
                    positives++;
                    positiveRankSum += averageRank;
                }
            }
            start = end;
        }
        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
            return null;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
