using MaxK.Graphs;
using MaxK.Graphs.Io;
using MaxK.Harness.Peers;
using MaxK.Harness.Peers.Released;

namespace MaxK.Tests.Peers;

/// <summary>
/// The released MaxK-GNN peer's interface on a CPU: the W layout and its 64-edge chunk metadata, the parser of its
/// timing lines, the build cache key, and a fake executable standing in for the released benchmark (no GPU, no sources).
/// </summary>
public class ReleasedPeerTests
{
    // Row 0: 3 edges, row 1: none, row 2: 130 edges (3 chunks: 64, 64, 2), row 3: 64 edges (1 chunk).
    private static CsrGraph Graph()
    {
        var degrees = new[] { 3, 0, 130, 64 };
        var rows = new int[5];
        for (var r = 0; r < 4; r++)
            rows[r + 1] = rows[r] + degrees[r];
        var cols = Enumerable.Range(0, rows[4]).Select(i => i % 4).ToArray();
        return new CsrGraph(4, rows, cols, [.. Enumerable.Repeat(0.5f, rows[4])]);
    }

    [Fact]
    public void MetadataHasOneQuadruplePerChunkOfAtMost64EdgesAndSkipsEmptyRows()
    {
        var meta = ReleasedLayout.Metadata(Graph());
        Assert.Equal(new[] { 0, 0, 3, 0, 2, 3, 64, 0, 2, 67, 64, 0, 2, 131, 2, 0, 3, 133, 64, 0 }, meta);
    }

    [Fact]
    public void WriteLaysOutGraphsMetadataAndBuildFolderWithoutWeights()
    {
        using var dir = new ScratchFolder();
        ReleasedLayout.Write(dir.Path, "g", Graph());
        var back = RawCsrFiles.Read(Path.Combine(dir.Path, "graphs"), "g");
        Assert.Equal(Graph().RowPointers, back.RowPointers);
        Assert.Equal(Graph().ColumnIndices, back.ColumnIndices);
        Assert.Null(back.EdgeWeights);
        Assert.Equal(ReleasedLayout.Metadata(Graph()), RawArrayFile.Read<int>(Path.Combine(dir.Path, "w12_nz64_warp_4", "g.warp4")));
        Assert.True(Directory.Exists(Path.Combine(dir.Path, "build")));
    }

    [Fact]
    public void ParserKeepsTimingLinesOnly()
    {
        const string output = "num graph dim_origin dim_k kernel time(ms)\n0/0 Flickr 256 16 cusparse 0.18705\n"
            + "0/0 Flickr 256 16 maxk 0.110626\nvalidation pass\n0/0 Flickr 256 64 maxk_backward 0.15613\n"
            + "0/0 Flickr 256 64 other 1.0\n0/0 Flickr 256 64 maxk nan\n";
        var t = ReleasedOutput.Parse(output);
        Assert.Equal(3, t.Count);
        Assert.Equal(new ReleasedTiming("Flickr", 256, 16, "cusparse", 0.18705), t[0]);
        Assert.Equal(new ReleasedTiming("Flickr", 256, 64, "maxk_backward", 0.15613), t[2]);
    }

    [Fact]
    public void FakeExecutableRunsFromTheBuildFolderAndFailuresArePeerFailures()
    {
        using var dir = new ScratchFolder();
        ReleasedLayout.Write(dir.Path, "g", Graph());
        var good = dir.File("good.sh");
        File.WriteAllText(good, "#!/bin/sh\ntest -f ../graphs/$1.indptr || exit 3\necho \"0/0 $1 256 32 maxk 0.5\"\n");
        var bad = dir.File("bad.sh");
        File.WriteAllText(bad, "#!/bin/sh\necho 'CUDA error: out of memory' >&2\nexit 1\n");
        foreach (var f in new[] { good, bad })
            File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var ok = ReleasedRun.Execute(good, dir.Path, "g", TimeSpan.FromMinutes(1));
        Assert.Null(ok.Failure);
        Assert.Equal(0.5, Assert.Single(ok.Timings).MeanMs);

        var failed = ReleasedRun.Execute(bad, dir.Path, "g", TimeSpan.FromMinutes(1));
        Assert.Empty(failed.Timings);
        Assert.Contains("exit code 1", failed.Failure, StringComparison.Ordinal);
        Assert.Contains("out of memory", failed.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExportedTreeInsideAnotherRepositoryReportsItsCommitFileNotTheEnclosingRepositorysCommit()
    {
        using var dir = new ScratchFolder();
        // An enclosing repository with a commit of its own (what git would wrongly report for the exported tree).
        string[][] commands = [["init", "-q", dir.Path], ["-C", dir.Path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "enclosing"]];
        foreach (var args in commands)
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", args) { UseShellExecute = false })!;
            git.WaitForExit();
            Assert.Equal(0, git.ExitCode);
        }
        var tree = Path.Combine(dir.Path, "peers", "released");
        Directory.CreateDirectory(Path.Combine(tree, "kernels"));
        foreach (var u in ReleasedSource.Units)
            File.WriteAllText(Path.Combine(tree, "kernels", u), "// " + u);
        File.WriteAllText(Path.Combine(tree, "COMMIT"), ReleasedSource.PinnedCommit + "\n");
        Assert.Equal(ReleasedSource.PinnedCommit, ReleasedSource.Open(tree).Commit);
    }

    [Fact]
    public void OpenRefusesAFolderWithoutTheKernelSourcesAndTheHashFollowsTheSources()
    {
        using var dir = new ScratchFolder();
        Assert.Throws<PeerUnavailableException>(() => ReleasedSource.Open(dir.Path));
        var kernels = Path.Combine(dir.Path, "kernels");
        Directory.CreateDirectory(kernels);
        foreach (var u in ReleasedSource.Units)
            File.WriteAllText(Path.Combine(kernels, u), "// " + u);
        File.WriteAllText(Path.Combine(dir.Path, "COMMIT"), ReleasedSource.PinnedCommit);
        var source = ReleasedSource.Open(dir.Path);
        Assert.Equal(ReleasedSource.PinnedCommit, source.Commit);
        var before = ReleasedBuild.Hash(source, "sm_90", "/usr/bin/nvcc");
        Assert.Equal(before, ReleasedBuild.Hash(source, "sm_90", "/usr/bin/nvcc"));
        Assert.NotEqual(before, ReleasedBuild.Hash(source, "sm_80", "/usr/bin/nvcc"));
        File.AppendAllText(Path.Combine(kernels, "main.cu"), "\n// changed");
        Assert.NotEqual(before, ReleasedBuild.Hash(source, "sm_90", "/usr/bin/nvcc"));
    }
}
