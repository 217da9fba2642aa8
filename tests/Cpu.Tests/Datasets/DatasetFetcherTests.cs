using System.IO.Compression;
using System.Security.Cryptography;
using MaxK.Datasets;
using MaxK.Datasets.Fetching;
using MaxK.Harness.Cli;

namespace MaxK.Tests.Datasets;

/// <summary>The downloader against a loopback HTTP server: full, resumed, restarted, verified, failed and extracted downloads.</summary>
public sealed class DatasetFetcherTests
{
    private static byte[] Payload(int size)
    {
        var bytes = new byte[size];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private static HttpClient Client() => new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Full_download_verifies_the_announced_size_and_leaves_no_partial_file()
    {
        using var server = new LoopbackHttpServer();
        using var scratch = new ScratchFolder();
        var content = Payload(300_000);
        server.Serve("a.bin", content);
        using var http = Client();
        var progress = new StringWriter();
        var path = await new DatasetFetcher(http, progress).DownloadAsync(new DownloadSource(server.Url("a.bin"), "a.bin",
            Sha256: Convert.ToHexStringLower(SHA256.HashData(content))), scratch.Path, TestContext.Current.CancellationToken);
        Assert.Equal(content, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + DatasetFetcher.PartialSuffix));
        Assert.Contains("SHA-256 ok", progress.ToString());

        // A second run finds the verified file and sends no request.
        var before = server.Requests.Count;
        await new DatasetFetcher(http).DownloadAsync(new DownloadSource(server.Url("a.bin"), "a.bin"), scratch.Path, TestContext.Current.CancellationToken);
        Assert.Equal(before, server.Requests.Count);
    }

    [Fact]
    public async Task Interrupted_download_keeps_the_partial_file_and_resumes_with_a_range_request()
    {
        using var server = new LoopbackHttpServer();
        using var scratch = new ScratchFolder();
        var content = Payload(400_000);
        server.Serve("big.bin", content);
        server.DropAfterBytes = 150_000;
        using var http = Client();
        var source = new DownloadSource(server.Url("big.bin"), "big.bin", ExpectedBytes: content.Length);
        var ex = await Assert.ThrowsAsync<DatasetFetchException>(() => new DatasetFetcher(http).DownloadAsync(source, scratch.Path, TestContext.Current.CancellationToken));
        Assert.Contains("interrupted", ex.Message);
        var partial = Path.Combine(scratch.Path, "big.bin" + DatasetFetcher.PartialSuffix);
        Assert.True(File.Exists(partial));
        var kept = new FileInfo(partial).Length;
        Assert.InRange(kept, 1, 150_000);
        Assert.Equal(content.AsSpan(0, (int)kept).ToArray(), File.ReadAllBytes(partial));

        var progress = new StringWriter();
        var path = await new DatasetFetcher(http, progress).DownloadAsync(source, scratch.Path, TestContext.Current.CancellationToken);
        Assert.Equal(content, File.ReadAllBytes(path));
        Assert.False(File.Exists(partial));
        Assert.Equal($"bytes={kept}-", server.Requests.Last().Range);
        Assert.Contains($"resuming at {kept:N0} bytes", progress.ToString());
    }

    [Fact]
    public async Task A_stalled_transfer_fails_after_the_stall_timeout_and_keeps_the_partial_file()
    {
        using var server = new LoopbackHttpServer();
        using var scratch = new ScratchFolder();
        var content = Payload(100_000);
        server.Serve("s.bin", content);
        server.StallAfterBytes = 40_000;
        using var http = Client();
        var fetcher = new DatasetFetcher(http) { StallTimeout = TimeSpan.FromMilliseconds(500) };
        var ex = await Assert.ThrowsAsync<DatasetFetchException>(() =>
            fetcher.DownloadAsync(new DownloadSource(server.Url("s.bin"), "s.bin"), scratch.Path, TestContext.Current.CancellationToken));
        Assert.Contains("no data for", ex.Message);
        Assert.InRange(new FileInfo(Path.Combine(scratch.Path, "s.bin" + DatasetFetcher.PartialSuffix)).Length, 1, 40_000);
    }

    [Fact]
    public async Task A_server_without_range_support_restarts_from_zero()
    {
        using var server = new LoopbackHttpServer { IgnoreRange = true };
        using var scratch = new ScratchFolder();
        var content = Payload(200_000);
        server.Serve("c.bin", content);
        File.WriteAllBytes(Path.Combine(scratch.Path, "c.bin" + DatasetFetcher.PartialSuffix), new byte[5000]);
        using var http = Client();
        var path = await new DatasetFetcher(http).DownloadAsync(new DownloadSource(server.Url("c.bin"), "c.bin"), scratch.Path, TestContext.Current.CancellationToken);
        Assert.Equal(content, File.ReadAllBytes(path));
        Assert.Equal("bytes=5000-", server.Requests.Single().Range);
    }

    [Fact]
    public async Task A_complete_partial_file_is_accepted_on_416()
    {
        using var server = new LoopbackHttpServer();
        using var scratch = new ScratchFolder();
        var content = Payload(1000);
        server.Serve("d.bin", content);
        File.WriteAllBytes(Path.Combine(scratch.Path, "d.bin" + DatasetFetcher.PartialSuffix), content);
        using var http = Client();
        var path = await new DatasetFetcher(http).DownloadAsync(new DownloadSource(server.Url("d.bin"), "d.bin"), scratch.Path, TestContext.Current.CancellationToken);
        Assert.Equal(content, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Checksum_mismatch_deletes_the_corrupt_file_and_says_so()
    {
        using var server = new LoopbackHttpServer();
        using var scratch = new ScratchFolder();
        server.Serve("e.bin", Payload(5000));
        using var http = Client();
        var source = new DownloadSource(server.Url("e.bin"), "e.bin", Sha256: new string('0', 64));
        var ex = await Assert.ThrowsAsync<DatasetFetchException>(() => new DatasetFetcher(http).DownloadAsync(source, scratch.Path, TestContext.Current.CancellationToken));
        Assert.Contains("SHA-256 mismatch", ex.Message);
        Assert.Contains("deleted", ex.Message);
        Assert.Empty(Directory.GetFiles(scratch.Path));
    }

    [Fact]
    public async Task Http_404_is_a_clear_error()
    {
        using var server = new LoopbackHttpServer();
        using var scratch = new ScratchFolder();
        using var http = Client();
        var ex = await Assert.ThrowsAsync<DatasetFetchException>(() =>
            new DatasetFetcher(http).DownloadAsync(new DownloadSource(server.Url("nothing.zip"), "nothing.zip"), scratch.Path, TestContext.Current.CancellationToken));
        Assert.Contains("HTTP 404", ex.Message);
        Assert.Contains("nothing.zip", ex.Message);
        Assert.Empty(Directory.GetFiles(scratch.Path));
    }

    [Fact]
    public async Task Zip_archives_are_extracted_through_a_temporary_folder()
    {
        using var server = new LoopbackHttpServer();
        using var scratch = new ScratchFolder();
        using (var stream = new MemoryStream())
        {
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                using (var writer = new StreamWriter(zip.CreateEntry("top.txt").Open()))
                    writer.Write("hello");
                using (var writer = new StreamWriter(zip.CreateEntry("inner/raw/deep.txt").Open()))
                    writer.Write("deep");
            }
            server.Serve("pack.zip", stream.ToArray());
        }
        var entry = new DatasetCatalogEntry("pack", "test", DatasetFormat.GraphSaint,
            [new DownloadSource(server.Url("pack.zip"), "pack.zip", Extract: true)], ["top.txt"], null, false, DatasetMetric.Accuracy,
            dir => File.ReadAllText(Path.Combine(dir, "top.txt")) == "hello" ? FetchRecoveryTests.TinyDataset("pack")
                : throw new CorruptDatasetException(Path.Combine(dir, "top.txt"), "not hello"));
        using var http = Client();
        var target = await new DatasetFetcher(http).FetchAsync(entry, scratch.Path, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(Path.Combine(scratch.Path, "pack"), target);
        Assert.Equal("hello", File.ReadAllText(Path.Combine(target, "top.txt")));
        Assert.Equal("deep", File.ReadAllText(Path.Combine(target, "inner", "raw", "deep.txt")));
        Assert.Empty(Directory.GetDirectories(target, ".extract-*"));
        var requests = server.Requests.Count;
        await new DatasetFetcher(http).FetchAsync(entry, scratch.Path, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(requests, server.Requests.Count);

        server.Serve("broken.zip", Payload(100));
        var broken = entry with { Sources = [new DownloadSource(server.Url("broken.zip"), "broken.zip", Extract: true)] };
        var ex = await Assert.ThrowsAsync<DatasetFetchException>(() => new DatasetFetcher(http).FetchAsync(broken, scratch.Path, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("'broken.zip' is not a valid archive", ex.Message);
        Assert.Contains("nothing was installed", ex.Message);
        Assert.False(File.Exists(Path.Combine(target, "broken.zip")));
    }

    [Fact]
    public void Cli_refuses_a_valid_zip_with_the_wrong_content_as_flickr_and_installs_nothing()
    {
        // A well-formed GraphSAINT zip holding a 4-node graph: c08d25c installed it as flickr (exit 0, then a warning in stats).
        using var server = new LoopbackHttpServer();
        using var scratch = new ScratchFolder();
        using var staging = new ScratchFolder();
        LoaderFixtureTests.WriteGraphSaint(Path.Combine(staging.Path, "flickr"), """{"0": 0, "1": 2, "2": 1, "3": 1}""");
        var zipPath = Path.Combine(scratch.Path, "flickr-fixture.zip");
        ZipFile.CreateFromDirectory(staging.Path, zipPath);
        server.Serve("flickr.zip", File.ReadAllBytes(zipPath));
        var dataDir = Path.Combine(scratch.Path, "data");

        var line = Cli.AssertUserError(Cli.Run("datasets", "fetch", "flickr", "--data-dir", dataDir, "--source-url", server.BaseUrl + "flickr.zip"),
            "flickr: the downloaded data does not match the catalog", "4 nodes, expected 89,250", "deleted flickr.zip, nothing was installed");
        Assert.DoesNotContain("\n", line, StringComparison.Ordinal);
        Assert.Equal([], Directory.GetFileSystemEntries(Path.Combine(dataDir, "flickr")));
        Cli.AssertUserError(Cli.Run("datasets", "stats", "flickr", "--data-dir", dataDir), "Dataset 'flickr' not found");

        Cli.AssertUserError(Cli.Run("datasets", "fetch", "reddit", "--data-dir", dataDir, "--source-url", server.BaseUrl + "missing.zip"), "HTTP 404");
        Cli.AssertUserError(Cli.Run("datasets", "fetch", "reddit", "--data-dir", dataDir, "--source-url", "file:///tmp/reddit.zip"), "http:// or https://");
        Cli.AssertUserError(Cli.Run("datasets", "stats", "nosuch", "--data-dir", dataDir), "Unknown dataset 'nosuch'");

        var (exit, output, _) = Cli.Run("datasets", "list");
        Assert.Equal(0, exit);
        Assert.Contains("ogbn-proteins", output);
        Assert.Contains("maxk-graphs", output);
        Assert.Contains("SHA-256 known for 8 of 8 files", output);
    }

    [Fact]
    public void Catalog_names_aliases_and_data_directory()
    {
        Assert.Equal(["reddit", "flickr", "yelp", "ogbn-arxiv", "ogbn-products", "ogbn-proteins", "cora", "citeseer", "pubmed"], DatasetCatalog.Names);
        Assert.Equal(["cora", "citeseer"], DatasetCatalog.All.Where(e => e.Sources.All(s => s.Sha256 is not null)).Select(e => e.Name));
        Assert.Equal("ogbn-arxiv", DatasetCatalog.Get("arxiv").Name);
        Assert.Equal("ogbn-proteins", DatasetCatalog.Get("OGBN-Proteins").Name);
        Assert.True(DatasetCatalog.Get("yelp").IsMultiLabel);
        Assert.Equal(DatasetMetric.RocAuc, DatasetCatalog.Get("ogbn-proteins").Metric);
        Assert.Equal(114_615_892, DatasetCatalog.Get("reddit").Expected!.Edges);
        Assert.Equal(8, DatasetCatalog.Get("cora").Sources.Count);
        Assert.All(DatasetCatalog.All.Where(e => e.Name is not ("cora" or "citeseer")), e => Assert.All(e.Sources, s => Assert.Null(s.Sha256)));
        Assert.Throws<ArgumentException>(() => DatasetCatalog.Get("imagenet"));
        Assert.Equal(Path.GetFullPath("/tmp/x"), DatasetCatalog.DataDirectory("/tmp/x"));
    }

    [Fact]
    public void Catalog_loads_planetoid_fixture_as_node_dataset()
    {
        using var scratch = new ScratchFolder();
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Datasets", "Fixtures");
        var target = Path.Combine(scratch.Path, "tinyciteseer");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(fixtures, "ind.tinyciteseer.*"))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        var planetoid = MaxK.Datasets.Planetoid.PlanetoidLoader.Load(target, "tinyciteseer", validationNodeCount: 1);
        var d = planetoid.ToNodeDataset();
        Assert.Same(planetoid.Graph, d.Graph);
        Assert.Equal(planetoid.Labels, d.Labels!);
        Assert.Equal(DatasetMetric.Accuracy, d.Metric);
        Assert.False(d.IsMultiLabel);
    }
}
