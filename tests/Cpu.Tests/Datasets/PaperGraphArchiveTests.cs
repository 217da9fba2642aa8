using System.Formats.Tar;
using System.IO.Compression;
using MaxK.Datasets;
using MaxK.Datasets.Fetching;
using MaxK.Datasets.GraphArchives;
using MaxK.Graphs;
using MaxK.Graphs.Io;
using MaxK.Sources;

namespace MaxK.Tests.Datasets;

/// <summary>
/// The paper's 24-graph archive: fetched through Drive's confirmation page (a loopback server), unpacked atomically,
/// every graph checked against the table before installation; a mismatch installs nothing. Small graphs stand in for the
/// real ones through the internal table overloads; the real table is checked against design §5.2 separately.
/// </summary>
public sealed class PaperGraphArchiveTests
{
    private static readonly PaperGraph[] Table =
    [
        new("am", 4, 6, "kernel-am"),
        new("DD", 2, 2, "kernel-DD"),
        new("Reddit", 3, 4, "kernel-Reddit"),
    ];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A tar.gz holding graphs/NAME.indptr and graphs/NAME.indices for each graph.</summary>
    private static byte[] TarGz(params (string Name, CsrGraph Graph)[] graphs)
    {
        using var scratch = new ScratchFolder();
        foreach (var (name, graph) in graphs)
            RawCsrFiles.Write(scratch.Path, name, graph);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "graphs/"));
            foreach (var file in Directory.GetFiles(scratch.Path).Order(StringComparer.Ordinal))
                tar.WriteEntry(file, "graphs/" + Path.GetFileName(file));
        }
        return buffer.ToArray();
    }

    private static CsrGraph P4 => new(4, [0, 1, 3, 5, 6], [1, 0, 2, 1, 3, 2]);
    private static CsrGraph K2 => new(2, [0, 1, 2], [1, 0]);
    private static CsrGraph Star3 => new(3, [0, 2, 3, 4], [1, 2, 0, 0]);

    private static DownloadSource DriveSource(LoopbackHttpServer server) =>
        new(server.Url("uc?export=download&id=" + PaperGraphArchive.DriveFileId), PaperGraphArchive.ArchiveFileName, Extract: true, GoogleDrive: true);

    [Fact]
    public async Task The_archive_is_fetched_through_drive_checked_and_installed_for_dir_sources()
    {
        using var server = new LoopbackHttpServer();
        using var data = new ScratchFolder();
        // File names as they come: "dd" matches "DD" case-insensitively; "reddit.dgl" is identified by its counts.
        GoogleDriveTests.ServeDrive(server, TarGz(("am", P4), ("dd", K2), ("reddit.dgl", Star3)));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var graphs = await PaperGraphArchive.FetchAsync(new DatasetFetcher(http), data.Path, Table, DriveSource(server), Token);
        Assert.Equal(Path.Combine(data.Path, "maxk-graphs", "graphs"), graphs);
        Assert.Empty(Directory.GetDirectories(Path.Combine(data.Path, "maxk-graphs"), ".extract-*"));

        Assert.Equal(["am", "dd", "reddit.dgl"], GraphSources.Expand("dir:" + graphs).Select(Path.GetFileName));
        Assert.Equal([(4, 6), (2, 2), (3, 4)], GraphSources.LoadAll("dir:" + graphs).Select(g => (g.Graph.NodeCount, g.Graph.EdgeCount)));

        var survey = PaperGraphArchive.Survey(data.Path, Table);
        Assert.All(survey, s => Assert.True(s.IsReal, s.Detail));
        Assert.Equal("csr:" + Path.Combine(graphs, "reddit.dgl"), survey[2].Spec);
        Assert.Contains("identified by its counts", survey[2].Detail);

        File.Delete(Path.Combine(graphs, "dd.indices"));
        survey = PaperGraphArchive.Survey(data.Path, Table);
        Assert.Equal([true, false, true], survey.Select(s => s.IsReal));
        Assert.Equal("kernel-DD", survey[1].Spec);
        Assert.Contains("missing", survey[1].Detail);
    }

    [Fact]
    public async Task A_graph_with_other_counts_or_a_missing_graph_installs_nothing()
    {
        using var server = new LoopbackHttpServer();
        using var data = new ScratchFolder();
        GoogleDriveTests.ServeDrive(server, TarGz(("am", P4), ("DD", Star3)));   // DD has 3 nodes, not 2; Reddit is missing
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var e = await Assert.ThrowsAsync<DatasetFetchException>(() => PaperGraphArchive.FetchAsync(new DatasetFetcher(http), data.Path, Table, DriveSource(server), Token));
        Assert.Contains("DD: DD has 3 nodes and 4 edges, the table 2 and 2", e.Message);
        Assert.Contains("Reddit: missing", e.Message);
        Assert.Contains("nothing was installed", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(data.Path, "maxk-graphs")));
        Assert.All(PaperGraphArchive.Survey(data.Path, Table), s => Assert.False(s.IsReal));
    }

    [Fact]
    public void Cli_refuses_an_archive_that_is_not_the_papers_and_installs_nothing()
    {
        using var server = new LoopbackHttpServer();
        using var data = new ScratchFolder();
        server.Serve("maxk_graphs.tar.gz", TarGz(("am", P4)));
        Cli.AssertUserError(Cli.Run("datasets", "fetch", "maxk-graphs", "--data-dir", data.Path, "--source-url", server.BaseUrl + "maxk_graphs.tar.gz"),
            "maxk-graphs: the downloaded data does not match the catalog", "am: am has 4 nodes and 6 edges, the table 881,680 and 5,668,682",
            "youtube: missing", "nothing was installed");
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(data.Path, "maxk-graphs")));
        var (exit, output, _) = Cli.Run("datasets", "stats", "maxk-graphs", "--data-dir", data.Path);
        Assert.Equal(0, exit);
        Assert.Contains("0 of 24 paper graphs present as real files; 24 fall back to presets", output);
        Assert.Contains("kernel-youtube", output);
    }

    [Fact]
    public void A_tar_entry_pointing_outside_the_folder_is_refused()
    {
        using var scratch = new ScratchFolder();
        var archive = scratch.File("evil.tar.gz");
        using (var gzip = new GZipStream(File.Create(archive), CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "../escaped.txt") { DataStream = new MemoryStream([1, 2, 3]) };
            tar.WriteEntry(entry);
        }
        Assert.Throws<InvalidDataException>(() => ArchiveExtractor.Extract(archive, scratch.File("out")));
        Assert.False(File.Exists(scratch.File("escaped.txt")));
        File.WriteAllBytes(scratch.File("broken.tar.gz"), [0x1f, 0x8b, 8, 0, 9, 9, 9]);
        Assert.Throws<InvalidDataException>(() => ArchiveExtractor.Extract(scratch.File("broken.tar.gz"), scratch.File("out2")));
    }

    [Fact]
    public void The_real_table_is_design_section_5_2()
    {
        var graphs = PaperGraphArchive.Graphs;
        Assert.Equal(24, graphs.Count);
        Assert.Equal(24, graphs.Select(g => g.Name.ToLowerInvariant()).Distinct().Count());
        Assert.Contains(new PaperGraph("Reddit", 232_965, 114_615_891, "kernel-Reddit"), graphs);
        Assert.Contains(new PaperGraph("ddi", 4_267, 2_135_822, "kernel-ddi"), graphs);
        Assert.Contains(new PaperGraph("youtube", 1_138_499, 5_980_886, "kernel-youtube"), graphs);
        Assert.Equal("https://drive.google.com/uc?export=download&id=1rSrxfZcdhjlMsJNXwUUWCaqytX4aUHWc", PaperGraphArchive.Source.Url.AbsoluteUri);
        Assert.True(PaperGraphArchive.Source.GoogleDrive);
    }
}
