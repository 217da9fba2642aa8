using System.Globalization;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Results;

namespace MaxK.Harness.Analysis.Claims;

/// <summary>
/// The stated rules that turn values into a verdict and a cause (the claims page prints them; tests hold them).
/// <para>Verdict per GPU: no value → not measured. Speed-ups and fractions: ratio r = ours / paper; r above
/// 1 + <see cref="RatioTolerance"/> → exceeded, below 1 − <see cref="RatioTolerance"/> → not reproduced, else holds (the
/// paper's figures are read off plots, ±5 %, and runs vary). Accuracy changes: ours − paper above
/// +<see cref="PointsTolerance"/> → exceeded, below −<see cref="PointsTolerance"/> → not reproduced, else holds.</para>
/// <para>Cause per GPU, every rule that applies, in this order: (1) not measured → why; (2) our kernel slower than the
/// released code on the same GPU under the released protocol by more than the tolerance → "our implementation";
/// (3) not reproduced: the released code also falls short of the paper on this GPU → "GPU or data", the released code
/// reaches it → "our implementation", not measured → "unexplained so far"; (4) exceeded: the released code also exceeds
/// it → "GPU or data", else (no released value, no baseline difference) → "unexplained so far"; (5) a baseline that
/// differs from the paper's (our GNNAdvisor-style kernel against cuSPARSE, our ReLU baseline's aggregation share) →
/// "baseline: …"; (6) a synthetic stand-in → "data: … synthetic stand-in …".</para>
/// </summary>
public static class ClaimRules
{
    /// <summary>Relative tolerance of speed-up and fraction claims: ±10 %.</summary>
    public const double RatioTolerance = 0.10;

    /// <summary>Tolerance of accuracy-change claims: ±1 percentage point (as a fraction).</summary>
    public const double PointsTolerance = 0.01;

    /// <summary>The verdict of one value against the paper's.</summary>
    public static ClaimVerdict Verdict(ClaimUnit unit, double? paper, double? ours)
    {
        if (ours is not { } o || !double.IsFinite(o) || paper is not { } p)
            return ClaimVerdict.NotMeasured;
        if (unit == ClaimUnit.PercentagePoints)
            return o - p > PointsTolerance ? ClaimVerdict.Exceeded : o - p < -PointsTolerance ? ClaimVerdict.NotReproduced : ClaimVerdict.Holds;
        var r = o / p;
        return r > 1 + RatioTolerance ? ClaimVerdict.Exceeded : r < 1 - RatioTolerance ? ClaimVerdict.NotReproduced : ClaimVerdict.Holds;
    }

    /// <summary>Fills ratio, verdict and cause of every measurement, then the row's verdict and cause.</summary>
    public static ClaimRow Evaluate(ClaimRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var measured = row.ByGpu.Select(m =>
        {
            var verdict = Verdict(row.Unit, row.PaperValue, m.Ours);
            var ratio = row.Unit == ClaimUnit.PercentagePoints || m.Ours is not { } o || row.PaperValue is not { } p || p == 0 ? (double?)null : o / p;
            return m with { Verdict = verdict, Ratio = ratio, Cause = Cause(row, m, verdict) };
        }).ToList();
        var verdicts = measured.Where(m => m.Verdict != ClaimVerdict.NotMeasured).Select(m => m.Verdict).ToList();
        var rowVerdict = verdicts.Count == 0 ? ClaimVerdict.NotMeasured
            : verdicts.Contains(ClaimVerdict.NotReproduced) ? ClaimVerdict.NotReproduced
            : verdicts.Contains(ClaimVerdict.Holds) ? ClaimVerdict.Holds : ClaimVerdict.Exceeded;
        return row with { ByGpu = measured, Verdict = rowVerdict, Cause = RowCause(measured) };
    }

    /// <summary>
    /// The row's cause: the parts every GPU shares once, the others prefixed with their GPU ("H100: …"); "—" when no GPU has
    /// one. Not-measured GPUs are left out when another GPU measured the claim.
    /// </summary>
    private static string RowCause(IReadOnlyList<ClaimMeasurement> measured)
    {
        var any = measured.Any(m => m.Verdict != ClaimVerdict.NotMeasured);
        var parts = measured.Where(m => !any || m.Verdict != ClaimVerdict.NotMeasured).Select(m => (m.Gpu, Parts: m.Cause.Length == 0 ? [] : m.Cause.Split(Separator))).ToList();
        if (parts.All(p => p.Parts.Length == 0))
            return "—";
        var common = parts.Skip(1).Aggregate(parts[0].Parts.AsEnumerable(), (acc, p) => acc.Intersect(p.Parts, StringComparer.Ordinal)).ToList();
        var specific = parts.Select(p => (p.Gpu, Parts: p.Parts.Except(common, StringComparer.Ordinal).ToList())).Where(p => p.Parts.Count > 0)
            .Select(p => $"{ClaimWords.ShortGpu(p.Gpu)}: {string.Join(Separator, p.Parts)}");
        return string.Join(Separator, specific.Concat(common));
    }

    /// <summary>Between the parts of a cause (no part contains it).</summary>
    private const string Separator = "; ";

    private static string Cause(ClaimRow row, ClaimMeasurement m, ClaimVerdict verdict)
    {
        if (verdict == ClaimVerdict.NotMeasured)
            return "not measured: " + (m.Missing ?? "no headline run stands for this claim").Replace(Separator, ", ", StringComparison.Ordinal);
        var parts = new List<string>();
        var slower = m.OursOverReleasedTime is > 1 + RatioTolerance;
        if (slower)
            parts.Add($"our implementation: our kernel takes {X(m.OursOverReleasedTime)} the released code's time on this GPU (both {TimingProtocol.ReleasedHostMean4.Word()})");
        var paper = row.PaperValue ?? 0;
        if (verdict == ClaimVerdict.NotReproduced)
        {
            if (m.Released is { } r && r < paper * (1 - RatioTolerance))
                parts.Add($"GPU or data: the released code reaches only {ClaimWords.Format(row.Unit, r)} here too");
            else if (m.Released is { } r2 && !slower)
                parts.Add($"our implementation: the released code reaches {ClaimWords.Format(row.Unit, r2)} here");
            else if (m.Released is null && m.BaselineNote is null)
                parts.Add("unexplained so far (the released code is not measured on this GPU yet)");
        }
        else if (verdict == ClaimVerdict.Exceeded)
        {
            if (m.Released is { } r && r > paper * (1 + RatioTolerance))
                parts.Add($"GPU or data: the released code also exceeds the paper here ({ClaimWords.Format(row.Unit, r)})");
            else if (m.Released is null && m.BaselineNote is null)
                parts.Add("unexplained so far (the released code is not measured on this GPU yet)");
        }
        if (m.BaselineNote is { } b)
            parts.Add(b);
        if (m.Data == DataKind.Synthetic)
            parts.Add($"data: a synthetic stand-in ({m.StandIn ?? "our graph"})" + (row.PaperName is { } n ? $" for {n}" : ""));
        return string.Join(Separator, parts.Select(p => p.Replace(Separator, ", ", StringComparison.Ordinal)));
    }

    private static string X(double? v) => v is { } x ? x.ToString("F2", CultureInfo.InvariantCulture) + "×" : "—";
}
