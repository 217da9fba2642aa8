namespace MaxK.Training.Aggregation;

/// <summary>
/// A dense-feature SpMM on the GPU for one graph and feature width, as the baselines implement it: the forward
/// Y = A·X and the backward dX = Aᵀ·dY (on an explicit Aᵀ, so non-symmetric normalisations are right). Pointers are
/// N × D float32 row-major device buffers; calls are enqueued on the legacy default stream.
/// </summary>
public interface IDeviceSpmm : IDisposable
{
    /// <summary>D.</summary>
    int Width { get; }

    /// <summary>What runs, e.g. "cusparse CSR_ALG2 (faster than ALG3 here: 23.7 vs 29.6 ms)".</summary>
    string Description { get; }

    void Forward(IntPtr x, IntPtr y);

    void Backward(IntPtr gradY, IntPtr gradX);
}
