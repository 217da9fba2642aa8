using MaxK.Baselines.GnnAdvisor;
using MaxK.Training.Aggregation;

namespace MaxK.Baselines.Training;

/// <summary>
/// The GNNAdvisor-style baseline of a ReLU layer: the neighbour-group SpMM with GNNAdvisor's own decider
/// (<see cref="GnnAdvisorConfig.Decide"/>) for Y = A·X, and a second instance on the explicit Aᵀ for dX = Aᵀ·dY.
/// </summary>
public static class GnnAdvisorDeviceSpmm
{
    public static IDeviceSpmm Create(CudaGraphState graph, int width)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var a = graph.Adjacency;
        var t = graph.Transposed;
        var forward = new GnnAdvisorSpmm(a.View, width, GnnAdvisorConfig.Decide((int)a.Rows, a.NonZeros, width));
        try
        {
            var backward = new GnnAdvisorSpmm(t.View, width, GnnAdvisorConfig.Decide((int)t.Rows, t.NonZeros, width));
            return new PairedDeviceSpmm(width, $"gnnadvisor forward {forward.Config}; backward (explicit Aᵀ) {backward.Config}",
                forward.Run, backward.Run, forward, backward);
        }
        catch
        {
            forward.Dispose();
            throw;
        }
    }
}
