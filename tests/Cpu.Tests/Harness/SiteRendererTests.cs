using MaxK.Harness.Results;
using MaxK.Harness.Site;
using MaxK.Harness.Suites;

namespace MaxK.Tests.Harness;

public class SiteRendererTests
{
    private static string RepoSite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "site", "templates", "index.scriban-html")))
                return Path.Combine(dir.FullName, "site");
        }
        throw new InvalidOperationException("site/ not found above the test binaries");
    }

    private static RunResult Fixture(string label) => new()
    {
        Manifest = new RunManifest
        {
            Suite = "default", HarnessCommit = "abc", HarnessDirty = false, Host = "host", Cpu = "cpu", LogicalCpus = 2, MemoryBytes = 1,
            Os = "os", Dotnet = ".NET", TorchSharp = "0.107.0", Seed = 1, StartedUtc = DateTimeOffset.UnixEpoch,
        },
        Skipped = [new SkippedWork("GPU kernels", "no <b>GPU</b>")],
        Cases =
        [
            new CaseRecord
            {
                Id = "maxk_forward_x", Kernel = "maxk_forward", Implementation = "cpu_reference", Device = "cpu", Graph = "g", GraphSynthetic = true,
                GraphLabel = label, Nodes = 10, Edges = 20, Dim = 256, K = 32, Dtype = "fp32", Seed = 1, Verified = true, VerificationReference = "r",
                VerificationRelativeError = 0, VerificationTolerance = 1e-5, Warmup = 1, N = 1, MedianMs = 1.5, SamplesMs = [1.5],
            },
        ],
    };

    [Fact]
    public void RendersResultsEscapedAndDeterministically()
    {
        using var dir = new ScratchFolder();
        var results = Path.Combine(dir.Path, "results");
        AtomicFile.WriteAllText(Path.Combine(results, "run.json"), ResultJson.Serialize(Fixture("<script>alert(1)</script>")));
        File.WriteAllText(Path.Combine(results, "corrupt.json"), "{ not json");
        var log = new StringWriter();

        Assert.Equal(1, SiteRenderer.Render(results, RepoSite(), Path.Combine(dir.Path, "a"), log));
        SiteRenderer.Render(results, RepoSite(), Path.Combine(dir.Path, "b"), new StringWriter());
        var html = File.ReadAllText(Path.Combine(dir.Path, "a", "index.html"));

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("no &lt;b&gt;GPU&lt;/b&gt;", html);
        Assert.Contains("maxk_forward", html);
        Assert.Contains("corrupt.json", log.ToString());
        Assert.Equal(html, File.ReadAllText(Path.Combine(dir.Path, "b", "index.html")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "a", "assets", "site.css")));
    }
}
