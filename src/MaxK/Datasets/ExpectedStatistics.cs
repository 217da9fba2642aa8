using System.Globalization;

namespace MaxK.Datasets;

/// <summary>
/// What a catalog dataset must contain (design §5.1, the Planetoid README, or measured on the real files), and the check
/// every load passes before the data is used. <see cref="Edges"/> is the raw files' own count (see <see cref="EdgeNote"/>);
/// <see cref="LoadedEdges"/> is what the loader returns after its documented preparation (default: exactly
/// <see cref="Edges"/>). Nodes, features, classes and split sizes are exact unless <see cref="SplitTolerance"/> is set.
/// </summary>
public sealed record ExpectedStatistics(int Nodes, long Edges, int Features, int Classes, int Train, int Val, int Test, string EdgeNote)
{
    /// <summary>The loader's edge count after its preparation; default exactly <see cref="Edges"/>.</summary>
    public EdgeCountRange LoadedEdges { get; init; } = EdgeCountRange.Exactly(Edges, EdgeNote);

    /// <summary>Allowed relative deviation of each split size: 0 (exact) unless the published split is approximate (Yelp).</summary>
    public double SplitTolerance { get; init; }

    /// <summary>Every way <paramref name="dataset"/> differs from these statistics, as phrases; empty when it matches.</summary>
    public IReadOnlyList<string> Mismatches(NodeDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var problems = new List<string>();
        void Exact(string what, long actual, long expected)
        {
            if (actual != expected)
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{actual:N0} {what}, expected {expected:N0}"));
        }
        Exact("nodes", dataset.NodeCount, Nodes);
        if (!LoadedEdges.Contains(dataset.Graph.EdgeCount))
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{dataset.Graph.EdgeCount:N0} edges, expected {LoadedEdges} ({LoadedEdges.Reason})"));
        Exact("features", dataset.FeatureCount, Features);
        Exact(dataset.IsMultiLabel ? "tasks" : "classes", dataset.ClassCount, Classes);
        Split("training nodes", dataset.TrainIndices.Length, Train);
        Split("validation nodes", dataset.ValIndices.Length, Val);
        Split("test nodes", dataset.TestIndices.Length, Test);
        return problems;

        void Split(string what, int actual, int expected)
        {
            if (Math.Abs(actual - expected) > SplitTolerance * expected)
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{actual:N0} {what}, expected {expected:N0}{(SplitTolerance > 0 ? $" ± {SplitTolerance:P0}" : "")}"));
        }
    }

    /// <summary>Throws <see cref="DatasetIntegrityException"/> naming every mismatch; <paramref name="folder"/> is where the files were read.</summary>
    public void Verify(NodeDataset dataset, string folder)
    {
        var problems = Mismatches(dataset);
        if (problems.Count > 0)
            throw new DatasetIntegrityException(dataset.Name, folder, problems);
    }
}
