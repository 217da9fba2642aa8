using MaxK.Datasets;
using MaxK.Datasets.Planetoid;

namespace MaxK.Tests.Datasets;

/// <summary>The real Cora files from the shared datasets folder; skipped (never failed) when it is absent.</summary>
[Collection(SharedDatasetsCollection.Name)]
public class CoraTests
{
    private static PlanetoidDataset LoadCoraOrSkip()
    {
        var folder = SharedDatasets.LocatePlanetoid();
        Assert.SkipWhen(folder is null,
            $"Shared datasets folder with a '{SharedDatasets.PlanetoidSubfolder}' subfolder not found (looked at {SharedDatasets.Describe()}).");
        var missing = PlanetoidLoader.ExpectedFiles("cora").Where(f => !File.Exists(Path.Combine(folder!, f))).ToList();
        Assert.SkipWhen(missing.Count > 0, $"Cora files missing from '{folder}': {string.Join(", ", missing)}.");
        return PlanetoidLoader.Load(folder!, "cora");
    }

    [Fact]
    public void Cora_HasPublishedStatistics()
    {
        var cora = LoadCoraOrSkip();
        Assert.Equal(2_708, cora.NodeCount);
        Assert.Equal(10_556, cora.Graph.EdgeCount);
        Assert.Equal(1_433, cora.FeatureCount);
        Assert.Equal(7, cora.ClassCount);
        Assert.Equal((140, 500, 1_000), (cora.TrainIndices.Length, cora.ValIndices.Length, cora.TestIndices.Length));
        Assert.Equal(Enumerable.Range(0, 140), cora.TrainIndices);
        Assert.Equal(Enumerable.Range(140, 500), cora.ValIndices);
        Assert.Equal(cora.TestIndices.Order(), cora.TestIndices);
        Assert.Equal((1_708, 2_707), (cora.TestIndices[0], cora.TestIndices[^1]));
    }

    [Fact]
    public void Cora_LabelsAndFeatures_MatchKnownCounts()
    {
        var cora = LoadCoraOrSkip();
        // Class sizes and the 49,216 non-zero binary features of Cora, as reported by PyG and DGL.
        Assert.Equal([351, 217, 418, 818, 426, 298, 180], cora.Labels.CountBy(label => label).OrderBy(p => p.Key).Select(p => p.Value));
        Assert.Equal(49_216, cora.Features.Count(f => f != 0));
        Assert.All(cora.Features, f => Assert.True(f is 0f or 1f));
    }

    [Fact]
    public void Cora_Graph_IsSymmetricSortedAndLoopFree()
    {
        var graph = LoadCoraOrSkip().Graph;
        var edges = new HashSet<(int, int)>();
        for (var r = 0; r < graph.NodeCount; r++)
        {
            for (var e = graph.RowPointers[r]; e < graph.RowPointers[r + 1]; e++)
            {
                Assert.NotEqual(r, graph.ColumnIndices[e]);
                if (e > graph.RowPointers[r])
                    Assert.True(graph.ColumnIndices[e] > graph.ColumnIndices[e - 1]);
                edges.Add((r, graph.ColumnIndices[e]));
            }
        }
        Assert.All(edges, edge => Assert.Contains((edge.Item2, edge.Item1), edges));
    }
}
