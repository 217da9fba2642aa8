using MaxK.Datasets.Planetoid;
using MaxK.Graphs;

namespace MaxK.Training;

/// <summary>
/// A node-classification task as the trainer consumes it: the graph structure to aggregate over (self-loops
/// already as the dataset wants them), N×F features, one label per node, and the train/validation/test split.
/// </summary>
public sealed record NodeClassificationData(
    string Name,
    CsrGraph Structure,
    float[] Features,
    int FeatureCount,
    int[] Labels,
    int ClassCount,
    int[] TrainNodes,
    int[] ValNodes,
    int[] TestNodes)
{
    public int NodeCount => Structure.NodeCount;

    /// <summary>
    /// A Planetoid dataset prepared as DGL's citation datasets are: features row-normalised to sum 1 (rows of zeros
    /// stay zero), the symmetric graph with one self-loop per node (AddSelfLoop, design §4), the standard split.
    /// </summary>
    public static NodeClassificationData FromPlanetoid(PlanetoidDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var f = dataset.FeatureCount;
        var features = (float[])dataset.Features.Clone();
        for (var r = 0; r < dataset.NodeCount; r++)
        {
            var row = features.AsSpan(r * f, f);
            double sum = 0;
            foreach (var v in row)
                sum += v;
            if (sum != 0)
            {
                for (var j = 0; j < f; j++)
                    row[j] = (float)(row[j] / sum);
            }
        }
        return new NodeClassificationData(dataset.Name, GraphOps.AddSelfLoops(dataset.Graph), features, f, dataset.Labels,
            dataset.ClassCount, dataset.TrainIndices, dataset.ValIndices, dataset.TestIndices);
    }
}
