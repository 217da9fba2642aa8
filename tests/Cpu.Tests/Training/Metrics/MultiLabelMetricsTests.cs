using MaxK.Training.Metrics;

namespace MaxK.Tests.Training.Metrics;

/// <summary>Micro-F1 and ROC-AUC against values computed by hand.</summary>
public class MultiLabelMetricsTests
{
    [Fact]
    public void MicroF1_CountsPairsWithLogitAboveZeroAsPositive()
    {
        // predicted positive: 0 (hit), 2 (false alarm), 4 (hit); missed: 3 → TP 2, FP 1, FN 1 → 4 / 6
        float[] logits = [1, -1, 2, -0.5f, 0.3f, -2];
        float[] targets = [1, 0, 0, 1, 1, 0];
        Assert.Equal(2.0 / 3, MultiLabelMetrics.MicroF1(logits, targets), 12);
    }

    [Fact]
    public void MicroF1_LogitOfExactlyZeroIsNegative_AndNoPositivesAnywhereGivesZero()
    {
        Assert.Equal(0, MultiLabelMetrics.MicroF1([0f, 0f], [1f, 0f]));
        Assert.Equal(0, MultiLabelMetrics.MicroF1([-1f, -2f], [0f, 0f]));
        Assert.Equal(1, MultiLabelMetrics.MicroF1([0.1f, -2f], [1f, 0f]));
    }

    [Fact]
    public void RocAuc_WithoutTies_IsTheShareOfCorrectlyOrderedPairs()
    {
        // positives 0.35, 0.8; negatives 0.1, 0.4: ordered pairs (0.35>0.1), (0.8>0.1), (0.8>0.4) = 3 of 4
        Assert.Equal(0.75, MultiLabelMetrics.RocAuc([0.1f, 0.4f, 0.35f, 0.8f], [false, false, true, true])!.Value, 12);
    }

    [Fact]
    public void RocAuc_CountsATiedPositiveNegativePairAsOneHalf()
    {
        // positives 0.5, 0.9; negatives 0.5, 0.2: pairs ½ + 1 + 1 + 1 = 3.5 of 4
        Assert.Equal(0.875, MultiLabelMetrics.RocAuc([0.5f, 0.5f, 0.2f, 0.9f], [true, false, false, true])!.Value, 12);
        Assert.Equal(0.5, MultiLabelMetrics.RocAuc([1f, 1f, 1f], [true, false, true])!.Value, 12);
    }

    [Fact]
    public void RocAuc_OfASingleClassTaskIsUndefined()
    {
        Assert.Null(MultiLabelMetrics.RocAuc([0.1f, 0.2f], [false, false]));
        Assert.Null(MultiLabelMetrics.RocAuc([0.1f, 0.2f], [true, true]));
    }

    [Fact]
    public void MeanRocAuc_AveragesTheTasksWithBothClasses_SkippingTheOthers()
    {
        // 4 rows × 3 tasks, row-major: task 0 → 0.75, task 1 all negative (skipped), task 2 → 0.875; mean 0.8125
        float[] scores =
        [
            0.1f, 0.3f, 0.5f,
            0.4f, 0.7f, 0.5f,
            0.35f, 0.2f, 0.2f,
            0.8f, 0.9f, 0.9f,
        ];
        float[] targets =
        [
            0, 0, 1,
            0, 0, 0,
            1, 0, 0,
            1, 0, 1,
        ];
        Assert.Equal(0.8125, MultiLabelMetrics.MeanRocAuc(scores, targets, tasks: 3), 12);
    }

    [Fact]
    public void MeanRocAuc_WithNoUsableTask_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => MultiLabelMetrics.MeanRocAuc([0.1f, 0.2f], [1f, 1f], tasks: 1));
        Assert.Contains("no task", e.Message);
    }

    [Fact]
    public void MismatchedLengths_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => MultiLabelMetrics.MicroF1([1f], [1f, 0f]));
        Assert.Throws<ArgumentException>(() => MultiLabelMetrics.MeanRocAuc([1f, 2f, 3f], [1f, 0f, 1f], tasks: 2));
    }
}
