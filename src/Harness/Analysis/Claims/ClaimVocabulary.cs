using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Analysis.Claims;

/// <summary>What became of a claim of the paper on our GPUs (lower-case words on pages and in claims.json).</summary>
public enum ClaimVerdict
{
    /// <summary>Ours within the tolerance of the paper's value (<see cref="ClaimRules"/>).</summary>
    Holds,

    /// <summary>Ours above the paper's value by more than the tolerance.</summary>
    Exceeded,

    /// <summary>Ours below the paper's value by more than the tolerance.</summary>
    NotReproduced,

    /// <summary>No headline measurement stands for this claim.</summary>
    NotMeasured,
}

/// <summary>Whether a value was measured on the real dataset or graph, or on a synthetic stand-in of its size.</summary>
public enum DataKind
{
    Real,
    Synthetic,
}

/// <summary>How a claim's value reads: a speed-up (×), a fraction shown as a percentage, or a change in percentage points.</summary>
public enum ClaimUnit
{
    Times,
    Fraction,
    PercentagePoints,
}

/// <summary>The groups of the claims page, in page order.</summary>
public enum ClaimSection
{
    EndToEnd,
    KernelAverage,
    Accuracy,
    Memory,
    Kernel,
}

/// <summary>Words of the claim vocabulary.</summary>
public static class ClaimWords
{
    public static string Word(this ClaimVerdict v) => v switch
    {
        ClaimVerdict.Holds => "holds",
        ClaimVerdict.Exceeded => "exceeded",
        ClaimVerdict.NotReproduced => "not reproduced",
        _ => "not measured",
    };

    public static string Word(this DataKind d) => d == DataKind.Real ? "real" : "synthetic";

    public static string Word(this ClaimSection s) => s switch
    {
        ClaimSection.EndToEnd => "end-to-end",
        ClaimSection.KernelAverage => "kernel average",
        ClaimSection.Accuracy => "accuracy",
        ClaimSection.Memory => "memory traffic",
        _ => "kernel",
    };

    public static string Word(this ClaimUnit u) => u switch
    {
        ClaimUnit.Times => "x",
        ClaimUnit.Fraction => "fraction",
        _ => "percentage points",
    };

    /// <summary>A value as pages show it: "4.00×", "56.3 %", "+0.14 pp", or "—".</summary>
    public static string Format(ClaimUnit unit, double? value)
    {
        if (value is not { } v || !double.IsFinite(v))
            return "—";
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return unit switch
        {
            ClaimUnit.Times => v.ToString("F2", inv) + "×",
            ClaimUnit.Fraction => (v < 0 ? "−" : "") + Math.Abs(v * 100).ToString("F1", inv) + " %",
            _ => (v >= 0 ? "+" : "−") + Math.Abs(v * 100).ToString("F2", inv) + " pp",
        };
    }

    /// <summary>"NVIDIA H100 80GB HBM3" → "H100", "NVIDIA H200" → "H200": the GPU's model word for narrow places.</summary>
    public static string ShortGpu(string gpu)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        var words = gpu.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 && words[0] == "NVIDIA" ? words[1] : gpu;
    }
}
