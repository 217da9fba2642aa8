using MaxK.Datasets;
using MaxK.Datasets.Planetoid;
using MaxK.Harness;
using MaxK.Harness.Training;

namespace MaxK.Tests.Datasets;

/// <summary>
/// Corrupt or foreign real data is refused with exit 2 and one line, never trained on (issue 14 item 4, issue 13 items 1
/// and 5); train, `datasets stats` and `datasets fetch` find the same folder. Each case failed on c08d25c.
/// </summary>
[Collection(SharedDatasetsCollection.Name)]
public class DatasetIntegrityTests
{
    /// <summary>The Python 2 pickle of an empty collections.defaultdict(list), as the real ind.*.graph files are pickled.</summary>
    private static readonly byte[] EmptyDefaultDict = Convert.FromHexString(
        "800263636f6c6c656374696f6e730a64656661756c74646963740a7100635f5f6275696c74696e5f5f0a6c6973740a71018571025271032e");

    [Fact]
    public void A_test_index_line_of_int_max_is_a_corrupt_file_not_an_overflow()
    {
        using var cora = new SharedCoraCopy();
        cora.ReplaceLargestTestId(int.MaxValue);
        var e = Assert.Throws<CorruptDatasetException>(() => PlanetoidLoader.Load(cora.Folder, "cora"));
        Assert.Equal(cora.PathOf("test.index"), e.Path);
        Cli.AssertUserError(Cli.Run("train", "--dataset", "cora", "--data-dir", cora.Root, "--epochs", "2", "--quiet"), "ind.cora.test.index", "2147483647");
    }

    [Fact]
    public void A_test_index_that_would_make_100000_nodes_is_refused()
    {
        using var cora = new SharedCoraCopy();
        cora.ReplaceLargestTestId(99_999);   // 1,708 allx rows + ids up to 99,999: Cora with 100,000 nodes
        Cli.AssertUserError(Cli.Run("train", "--dataset", "cora", "--data-dir", cora.Root, "--epochs", "2", "--quiet"), "ind.cora.test.index", "99999");
        Cli.AssertUserError(Cli.Run("datasets", "stats", "cora", "--data-dir", cora.Root), "ind.cora.test.index");
    }

    [Fact]
    public void Statistics_that_differ_from_the_catalog_are_refused_by_every_path()
    {
        // A plausible corruption the loader itself accepts: one test id of 2,800 makes 2,801 nodes (93 padding rows).
        using var cora = new SharedCoraCopy();
        cora.ReplaceLargestTestId(2_800);
        Assert.Equal(2_801, PlanetoidLoader.Load(cora.Folder, "cora").NodeCount);
        var e = Assert.Throws<HarnessException>(() => TrainingDatasets.Load("cora", cora.Root, 1));
        var integrity = Assert.IsType<DatasetIntegrityException>(e.InnerException);
        Assert.Contains("2,801 nodes, expected 2,708", integrity.Problems);
        Cli.AssertUserError(Cli.Run("train", "--dataset", "cora", "--data-dir", cora.Root, "--epochs", "2", "--quiet"),
            "does not match the catalog", "2,801 nodes, expected 2,708");
        Cli.AssertUserError(Cli.Run("datasets", "stats", "cora", "--data-dir", cora.Root), "2,801 nodes, expected 2,708");
        Cli.AssertUserError(Cli.Run("graph", "stats", "--graph", "dataset:cora", "--data-dir", cora.Root), "2,801 nodes, expected 2,708");
    }

    [Fact]
    public void An_empty_graph_pickle_is_refused_not_trained_with_zero_edges()
    {
        using var cora = new SharedCoraCopy();
        File.WriteAllBytes(cora.PathOf("graph"), EmptyDefaultDict);
        var e = Assert.Throws<CorruptDatasetException>(() => PlanetoidLoader.Load(cora.Folder, "cora"));
        Assert.Contains("empty", e.Message);
        Cli.AssertUserError(Cli.Run("train", "--dataset", "cora", "--data-dir", cora.Root, "--epochs", "2", "--quiet"), "ind.cora.graph", "no edges");
    }

    [Fact]
    public void Self_loops_only_graph_is_refused_too()
    {
        // {0: [0]}: a dict that is not empty but holds no edge between two nodes.
        using var cora = new SharedCoraCopy();
        File.WriteAllBytes(cora.PathOf("graph"), Convert.FromHexString("80027d71004b005d71014b0061732e"));
        Assert.Throws<CorruptDatasetException>(() => PlanetoidLoader.Load(cora.Folder, "cora"));
    }

    [Theory]
    [InlineData("train", "--dataset", "cora", "--data-dir", "")]
    [InlineData("train", "--dataset", "csbm-small", "--data-dir", " ")]
    [InlineData("datasets", "stats", "cora", "--data-dir", "")]
    [InlineData("datasets", "fetch", "cora", "--data-dir", "")]
    public void An_empty_data_dir_is_one_line_exit_2(params string[] args) =>
        Cli.AssertUserError(Cli.Run(args), "--data-dir is empty");

    [Fact]
    public void Stats_fetch_and_train_resolve_the_shared_layout_the_same_way()
    {
        var planetoid = SharedDatasets.LocatePlanetoid();
        Assert.SkipWhen(planetoid is null, $"No shared Planetoid folder (looked at {SharedDatasets.Describe()}).");
        var root = Path.GetDirectoryName(planetoid)!;   // DIR holding planetoid/, as `--data-dir ../shared/datasets`
        var (exit, output, error) = Cli.Run("datasets", "stats", "cora", "--data-dir", root);
        Assert.True(exit == 0, error);
        Assert.Contains($"cora (from {planetoid})", output);
        Assert.Contains("nodes=2,708 edges=10,556", output);
        Assert.Contains("sha256 ind.cora.graph: matches the catalog", output);
        Assert.Equal(planetoid, DatasetLocator.Locate(DatasetCatalog.Get("cora"), root));
        Assert.Equal(2_708, TrainingDatasets.Load("cora", root, 1).NodeCount);
        (exit, output, error) = Cli.Run("datasets", "fetch", "citeseer", "--data-dir", root);
        Assert.True(exit == 0, error);
        Assert.Contains("already present and checked", output);
    }

    [Fact]
    public void Missing_data_names_every_folder_searched_and_the_fetch_command()
    {
        using var scratch = new ScratchFolder();
        Cli.AssertUserError(Cli.Run("datasets", "stats", "cora", "--data-dir", scratch.Path),
            Path.Combine(scratch.Path, "cora"), Path.Combine(scratch.Path, "planetoid"), $"maxk datasets fetch cora --data-dir {scratch.Path}");
    }

    [Fact]
    public void Catalog_records_the_measured_planetoid_checksums_and_they_match_the_shared_files()
    {
        foreach (var name in new[] { "cora", "citeseer" })
        {
            var entry = DatasetCatalog.Get(name);
            Assert.All(entry.Sources, s => Assert.Matches("^[0-9a-f]{64}$", s.Sha256!));
            Assert.All(entry.Sources, s => Assert.True(s.ExpectedBytes > 0));
            var planetoid = SharedDatasets.LocatePlanetoid();
            if (planetoid is null)
                continue;
            foreach (var source in entry.Sources)
            {
                var path = Path.Combine(planetoid, source.FileName);
                Assert.Equal(source.ExpectedBytes, new FileInfo(path).Length);
                Assert.Equal(source.Sha256, MaxK.Sources.SourceFile.Of(path).Sha256);
            }
        }
        Assert.All(DatasetCatalog.Get("pubmed").Sources, s => Assert.Null(s.Sha256));
    }

    [Fact]
    public void Expected_statistics_list_every_mismatch()
    {
        var expected = DatasetCatalog.Get("flickr").Expected!;
        var tiny = new NodeDataset("flickr", new MaxK.Graphs.CsrGraph(2, [0, 1, 2], [1, 0]), new float[4], 2, [0, 1], null, 3, [0], [1], [], DatasetMetric.Accuracy);
        var problems = expected.Mismatches(tiny);
        Assert.Equal(["2 nodes, expected 89,250", "2 edges, expected 890,759 to 899,756 (the published count of adj_full; sorted and de-duplicated: at most the raw count, at least 99 % of it)",
            "2 features, expected 500", "3 classes, expected 7", "1 training nodes, expected 44,625", "1 validation nodes, expected 22,312", "0 test nodes, expected 22,313"], problems);
        var yelp = DatasetCatalog.Get("yelp").Expected!;
        Assert.Equal(0.01, yelp.SplitTolerance);
    }
}
