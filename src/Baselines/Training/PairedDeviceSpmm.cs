using MaxK.Training.Aggregation;

namespace MaxK.Baselines.Training;

/// <summary>
/// An <see cref="IDeviceSpmm"/> made of two prepared SpMMs, one on A (forward) and one on an explicit Aᵀ (backward);
/// disposing it disposes what they own. The baselines differ only in how they prepare the two
/// (<see cref="CuSparseDeviceSpmm"/>, <see cref="GnnAdvisorDeviceSpmm"/>).
/// </summary>
public sealed class PairedDeviceSpmm(int width, string description, Action<IntPtr, IntPtr> forward, Action<IntPtr, IntPtr> backward,
    params IDisposable[] owned) : IDeviceSpmm
{
    public int Width { get; } = width;

    public string Description { get; } = description;

    public void Forward(IntPtr x, IntPtr y) => forward(x, y);

    public void Backward(IntPtr gradY, IntPtr gradX) => backward(gradY, gradX);

    public void Dispose()
    {
        foreach (var item in owned)
            item.Dispose();
    }
}
