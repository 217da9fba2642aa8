using System.Text.RegularExpressions;
using MaxK.Harness.Kernels;
using MaxK.Tests.Site;

namespace MaxK.Tests.Architecture;

/// <summary>
/// Kernel ids are spelled once, in the kernel catalogue (src/Harness/Kernels): no string literal anywhere else under src/
/// (site code included) and no site template contains one. Other code names them through <see cref="KernelNames"/> or
/// the descriptors, so renaming or adding a kernel cannot miss a copy.
/// </summary>
public class KernelIdLiteralTests
{
    private static readonly string Catalogue = Path.Combine("Harness", "Kernels") + Path.DirectorySeparatorChar;

    /// <summary>
    /// Words that are not our ids although they are spelled like one, each with its reason: another program's output
    /// parsed as it prints it.
    /// </summary>
    private static readonly HashSet<(string File, string Word)> NotOurIds =
    [
        (Path.Combine("Harness", "Peers", "Released", "ReleasedOutput.cs"), "maxk_backward"), // the released MaxK-GNN benchmark's own timing label
    ];

    [Fact]
    public void NoKernelIdIsSpelledOutsideTheCatalogue()
    {
        var ids = KernelCatalog.All.Select(d => d.Id).Distinct().ToList();
        var found = new List<string>();
        foreach (var project in Directory.GetDirectories(Path.Combine(SiteTestData.RepoRoot, "src")).Select(Path.GetFileName))
        {
            foreach (var (path, text) in SourceText.Files(project!))
            {
                var relative = Path.Combine(project!, path);
                if (relative.StartsWith(Catalogue, StringComparison.Ordinal))
                    continue;
                found.AddRange(SourceText.StringLiterals(text).SelectMany(literal => KernelIdsIn(literal, ids))
                    .Where(id => !NotOurIds.Contains((relative, id))).Select(id => $"src/{relative}: \"{id}\""));
            }
        }
        foreach (var template in Directory.GetFiles(Path.Combine(SiteTestData.SiteSources, "templates")))
            found.AddRange(KernelIdsIn(File.ReadAllText(template), ids).Select(id => $"site/templates/{Path.GetFileName(template)}: {id}"));
        Assert.True(found.Count == 0, "kernel ids spelled outside src/Harness/Kernels (use KernelNames or the descriptor's Name):\n" + string.Join("\n", found));
    }

    [Fact]
    public void TheScanFindsAnIdInsideALiteralButNotALongerId()
    {
        var ids = KernelCatalog.All.Select(d => d.Id).Distinct().ToList();
        const string code = """
            var a = c.Kernel == "maxk_forward";
            var b = $"maxk_backward k={k}";
            var f = "maxk_forward_floor_suffix";
            // "device_copy" in a comment does not count
            """;
        var literals = SourceText.StringLiterals(code);
        Assert.Equal(["maxk_forward", "maxk_backward"], literals.SelectMany(l => KernelIdsIn(l, ids)));
    }

    [Fact]
    public void EveryKernelIdIsLowerSnakeCaseAndEachImplementationIsCataloguedOnce()
    {
        var all = KernelCatalog.All;
        Assert.All(all, d => Assert.Matches("^[a-z][a-z0-9]*(_[a-z0-9]+)+$", d.Id));
        var implementations = all.Select(d => (d.Id, d.CpuImplementation, d.GpuImplementation)).ToList();
        Assert.Equal(implementations.Count, implementations.Distinct().Count());
    }

    /// <summary>The ids that occur in <paramref name="text"/> as whole words (a longer id such as maxk_forward_floor is not maxk_forward).</summary>
    private static IEnumerable<string> KernelIdsIn(string text, IEnumerable<string> ids) =>
        ids.Where(id => Regex.IsMatch(text, $@"(?<![A-Za-z0-9_]){Regex.Escape(id)}(?![A-Za-z0-9_])"));
}
