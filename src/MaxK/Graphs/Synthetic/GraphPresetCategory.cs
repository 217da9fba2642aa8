namespace MaxK.Graphs.Synthetic;

/// <summary>What a <see cref="GraphPreset"/> stands in for.</summary>
public enum GraphPresetCategory
{
    /// <summary>An end-to-end training dataset of the paper (design §5.1 sizes).</summary>
    TrainingDataset,

    /// <summary>One of the paper's 24 kernel-benchmark graphs (design §5.2 sizes).</summary>
    KernelBenchmark,

    /// <summary>A graph behind a measured library baseline (platform notes §2.2).</summary>
    Baseline,

    /// <summary>A small graph for unit tests and CPU runs.</summary>
    Test,
}
