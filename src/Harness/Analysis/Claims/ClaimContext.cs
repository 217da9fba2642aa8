using MaxK.Harness.Vocabulary;
using MaxK.Harness.Paper;

namespace MaxK.Harness.Analysis.Claims;

/// <summary>What every claim builder reads: the runs, the paper's numbers, the headline figures and the GPUs of the report.</summary>
public sealed class ClaimContext
{
    public ClaimContext(IReadOnlyList<AnalysisRun> runs, PaperNumbers paper)
    {
        Runs = runs;
        Paper = paper;
        Kernels = new KernelFigures(runs);
        Training = new TrainingFigures(runs);
        Gpus = [.. Kernels.Gpus.Concat(Training.Gpus).Where(g => g != AnalysisRun.CpuOnly).Distinct().Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<AnalysisRun> Runs { get; }
    public PaperNumbers Paper { get; }
    public KernelFigures Kernels { get; }
    public TrainingFigures Training { get; }

    /// <summary>The GPUs with CUDA headline measurements, ordinal order (the report's columns).</summary>
    public IReadOnlyList<string> Gpus { get; }

    /// <summary>
    /// The first of our datasets or graphs standing for <paramref name="paperName"/> that gives a value: the real one first
    /// (<paramref name="isReal"/>), then the stand-ins in the order of paper-numbers.json's graph_aliases.
    /// </summary>
    public T? StandIn<T>(string paperName, Func<string, T?> pick, Func<T, bool> isReal) where T : class
    {
        var found = Paper.OursFor(paperName).Select(pick).OfType<T>().ToList();
        return found.FirstOrDefault(isReal) ?? found.FirstOrDefault();
    }

    /// <summary>A not-measured measurement with its reason.</summary>
    public static ClaimMeasurement Missing(string gpu, string why) => new() { Gpu = gpu, Missing = why };
}
