using MaxK.Datasets;
using MaxK.Datasets.Planetoid;

namespace MaxK.Tests.Datasets;

/// <summary>
/// The loader on ind.tinyciteseer.* (Fixtures/make_planetoid_fixture.py): 8 allx nodes, test ids 11, 8, 12, 9
/// so node 10 is a CiteSeer-style gap, 16 features, 3 classes.
/// </summary>
public class PlanetoidFixtureTests
{
    private const string Name = "tinyciteseer";
    private const int Features = 16;

    private static string FixtureFolder => Path.Combine(AppContext.BaseDirectory, "Datasets", "Fixtures");

    private static PlanetoidDataset LoadFixture() => PlanetoidLoader.Load(FixtureFolder, Name, validationNodeCount: 2);

    [Fact]
    public void Sizes_AndSplit_FollowThePlanetoidConvention()
    {
        var data = LoadFixture();
        Assert.Equal(Name, data.Name);
        Assert.Equal(13, data.NodeCount);          // 8 allx rows + test ids 8..12
        Assert.Equal(Features, data.FeatureCount);
        Assert.Equal(3, data.ClassCount);
        Assert.Equal(13 * Features, data.Features.Length);
        Assert.Equal([0, 1, 2], data.TrainIndices);
        Assert.Equal([3, 4], data.ValIndices);
        Assert.Equal([8, 9, 11, 12], data.TestIndices);   // sorted, without the gap id 10
    }

    [Fact]
    public void Graph_IsSymmetricWithoutSelfLoopsOrRepeats()
    {
        int[][] expected =
        [
            [1, 2], [0], [0, 8], [4], [3], [7], [9, 11], [5], [2, 12], [6], [], [6, 12], [8, 11],
        ];
        var graph = LoadFixture().Graph;
        Assert.Equal(18, graph.EdgeCount);
        for (var r = 0; r < expected.Length; r++)
            Assert.Equal(expected[r], graph.ColumnIndices[graph.RowPointers[r]..graph.RowPointers[r + 1]]);
    }

    [Fact]
    public void Labels_AreArgMax_WithZeroForAllZeroRows()
    {
        // allx nodes 0..7 from ally (row 5 all zero → 0); test nodes 11, 8, 12, 9 get ty rows 2, 1, 0, 1; gap 10 → 0.
        Assert.Equal([0, 1, 2, 1, 0, 0, 2, 1, 1, 1, 0, 2, 0], LoadFixture().Labels);
    }

    [Fact]
    public void Features_PlaceTestRowsAtTheirIds_AndZeroTheGap()
    {
        var data = LoadFixture();
        float At(int node, int column) => data.Features[node * Features + column];

        // allx row r: columns (3r + 2k) mod 16 hold r + 1 + k/4, k = 0..7.
        Assert.Equal(1f, At(0, 0));
        Assert.Equal(2.75f, At(0, 14));
        Assert.Equal(0f, At(0, 1));
        Assert.Equal(8f, At(7, 21 % 16));
        Assert.Equal(8 * 8, Enumerable.Range(0, 8 * Features).Count(i => data.Features[i] != 0));
        // tx row i (for test id TEST_IDS[i]) holds 100 + i at column i and −1.5 at column 15.
        Assert.Equal((100f, -1.5f), (At(11, 0), At(11, 15)));
        Assert.Equal((101f, -1.5f), (At(8, 1), At(8, 15)));
        Assert.Equal((102f, -1.5f), (At(12, 2), At(12, 15)));
        Assert.Equal((103f, -1.5f), (At(9, 3), At(9, 15)));
        Assert.All(Enumerable.Range(10 * Features, Features), i => Assert.Equal(0f, data.Features[i]));
    }

    [Fact]
    public void NameIsCaseInsensitive() => Assert.Equal(13, PlanetoidLoader.Load(FixtureFolder, "TinyCiteSeer", 2).NodeCount);

    [Fact]
    public void DefaultValidationCount_DoesNotFitTheTinyDataset()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PlanetoidLoader.Load(FixtureFolder, Name));
        Assert.Contains("500 validation", e.Message);
    }

    [Fact]
    public void MissingFolder_NamesTheFolderAndTheExpectedFiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "maxk-no-such-folder-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<DatasetNotFoundException>(() => PlanetoidLoader.Load(folder, "cora"));
        Assert.Equal(folder, e.DirectoryPath);
        Assert.Contains(folder, e.Message);
        Assert.Contains("does not exist", e.Message);
        Assert.Equal(8, e.MissingFiles.Count);
        Assert.All(PlanetoidLoader.ExpectedFiles("cora"), file => Assert.Contains(file, e.Message));
    }

    [Fact]
    public void OneMissingFile_IsListed()
    {
        using var copy = CopyFixture();
        File.Delete(copy.File($"ind.{Name}.ty"));
        var e = Assert.Throws<DatasetNotFoundException>(() => PlanetoidLoader.Load(copy.Path, Name, 2));
        Assert.Equal([$"ind.{Name}.ty"], e.MissingFiles);
    }

    [Theory]
    [InlineData("allx")]
    [InlineData("graph")]
    [InlineData("y")]
    public void TruncatedPickle_IsCorrupt(string suffix)
    {
        using var copy = CopyFixture();
        var path = copy.File($"ind.{Name}.{suffix}");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<CorruptDatasetException>(() => PlanetoidLoader.Load(copy.Path, Name, 2));
        Assert.Equal(path, e.Path);
    }

    [Theory]
    [InlineData("11\n8\nnot-a-number\n9\n", "line 3")]
    [InlineData("11\n8\n12\n", "3 test ids but tx has 4 rows")]
    [InlineData("11\n7\n12\n9\n", "smallest is 7")]
    [InlineData("11\n8\n11\n9\n", "repeat")]
    public void BadTestIndex_IsCorrupt(string content, string expectedProblem)
    {
        using var copy = CopyFixture();
        var path = copy.File($"ind.{Name}.test.index");
        File.WriteAllText(path, content);
        var e = Assert.Throws<CorruptDatasetException>(() => PlanetoidLoader.Load(copy.Path, Name, 2));
        Assert.Equal(path, e.Path);
        Assert.Contains(expectedProblem, e.Message);
    }

    [Fact]
    public void PicklesSwapped_AreReportedAsInconsistent()
    {
        using var copy = CopyFixture();
        File.Copy(copy.File($"ind.{Name}.ally"), copy.File($"ind.{Name}.y"), overwrite: true);  // 8 label rows, x has 3
        var e = Assert.Throws<CorruptDatasetException>(() => PlanetoidLoader.Load(copy.Path, Name, 2));
        Assert.Contains("8 label rows but x has 3", e.Message);
    }

    private static ScratchFolder CopyFixture()
    {
        var copy = new ScratchFolder();
        foreach (var file in PlanetoidLoader.ExpectedFiles(Name))
            File.Copy(Path.Combine(FixtureFolder, file), copy.File(file));
        return copy;
    }
}
