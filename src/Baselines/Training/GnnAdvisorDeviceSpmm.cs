using MaxK.Baselines.GnnAdvisor;
using MaxK.Training.Aggregation;

namespace MaxK.Baselines.Training;

/// <summary>
/// The GNNAdvisor-style baseline of a ReLU layer: the neighbour-group SpMM with GNNAdvisor's own decider
/// (<see cref="GnnAdvisorConfig.Decide"/>) for Y = A·X, and a second instance on the explicit Aᵀ for dX = Aᵀ·dY.
/// </summary>
public sealed class GnnAdvisorDeviceSpmm : IDeviceSpmm
{
    private readonly GnnAdvisorSpmm _forward;
    private readonly GnnAdvisorSpmm _backward;

    public GnnAdvisorDeviceSpmm(CudaGraphState graph, int width)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Width = width;
        var a = graph.Adjacency;
        var t = graph.Transposed;
        _forward = new GnnAdvisorSpmm(a.View, width, GnnAdvisorConfig.Decide((int)a.Rows, a.NonZeros, width));
        try
        {
            _backward = new GnnAdvisorSpmm(t.View, width, GnnAdvisorConfig.Decide((int)t.Rows, t.NonZeros, width));
        }
        catch
        {
            _forward.Dispose();
            throw;
        }
        Description = $"gnnadvisor forward {_forward.Config}; backward (explicit Aᵀ) {_backward.Config}";
    }

    public int Width { get; }

    public string Description { get; }

    public void Forward(IntPtr x, IntPtr y) => _forward.Run(x, y);

    public void Backward(IntPtr gradY, IntPtr gradX) => _backward.Run(gradY, gradX);

    public void Dispose()
    {
        _forward.Dispose();
        _backward.Dispose();
    }
}
