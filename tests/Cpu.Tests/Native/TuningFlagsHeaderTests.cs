using System.Text.RegularExpressions;
using MaxK.Native;
using MaxK.Tests.Site;

namespace MaxK.Tests.Native;

/// <summary>
/// <see cref="MxkTuningFlags"/> mirrors every <c>#define MXK_TUNE_*</c> of <c>native/cuda/include/maxk_native.h</c>:
/// the header is read as text, so a bit added there and not here (or renamed, or renumbered) fails on a CPU.
/// </summary>
public partial class TuningFlagsHeaderTests
{
    [Fact]
    public void EveryTuningBitOfTheHeaderHasTheSameValueInCSharp()
    {
        var header = File.ReadAllText(Path.Combine(SiteTestData.RepoRoot, "native", "cuda", "include", "maxk_native.h"));
        var defines = TuneDefine().Matches(header).ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(defines.Count >= 11, $"expected the header's MXK_TUNE_* bits, found {defines.Count}");
        var mirrored = Enum.GetValues<MxkTuningFlags>().Where(f => f != MxkTuningFlags.None).ToDictionary(ConstantName, f => (int)f);
        Assert.Equal(defines.OrderBy(d => d.Value), mirrored.OrderBy(m => m.Value));
        Assert.All(defines.Values, v => Assert.True(v > 0 && (v & (v - 1)) == 0, $"{v} is not a single bit"));
    }

    [Theory]
    [InlineData(MxkTuningFlags.ScalarSlots, "MXK_TUNE_SCALAR_SLOTS")]
    [InlineData(MxkTuningFlags.NoLanePrivate, "MXK_TUNE_NO_LANE_PRIVATE")]
    [InlineData(MxkTuningFlags.PrefetchL2, "MXK_TUNE_PREFETCH_L2")]
    [InlineData(MxkTuningFlags.DiagnosticSkipAccumulate, "MXK_TUNE_DIAGNOSTIC_SKIP_ACCUMULATE")]
    public void ThePascalCaseNameSpellsTheConstant(MxkTuningFlags flag, string constant) => Assert.Equal(constant, ConstantName(flag));

    /// <summary>ScalarSlots → MXK_TUNE_SCALAR_SLOTS, PrefetchL2 → MXK_TUNE_PREFETCH_L2.</summary>
    private static string ConstantName(MxkTuningFlags flag) => "MXK_TUNE_" + WordBoundary().Replace(flag.ToString(), "_").ToUpperInvariant();

    [GeneratedRegex(@"^\s*#define\s+(?<name>MXK_TUNE_\w+)\s+(?<value>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TuneDefine();

    [GeneratedRegex(@"(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex WordBoundary();
}
