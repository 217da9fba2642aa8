using MaxK.Harness.Vocabulary;
using MaxK.Training.Aggregation;
using MaxK.Training.Models;
using MaxK.Training.Timing;

namespace MaxK.Harness.Training;

/// <summary>
/// An aggregation backend together with what its runs need: the phase timer that matches it (stopwatch on the CPU,
/// CUDA events on the GPU), the pre-timing check, and the GPU's name. Disposing it frees device resources.
/// </summary>
public sealed class TrainingBackendSession(TrainingBackend kind, IAggregationBackend backend, Func<IPhaseTimer> timerFactory, string? gpuName, IDisposable? resources = null)
    : IDisposable
{
    /// <summary>Which backend this is (its word goes into the record and its id).</summary>
    public TrainingBackend Kind { get; } = kind;

    public IAggregationBackend Backend { get; } = backend;

    public string? GpuName { get; } = gpuName;

    public IPhaseTimer CreateTimer() => timerFactory();

    /// <summary>Checks the backend for <paramref name="model"/>'s normalisation, width and k.</summary>
    public BackendCheck Verify(ModelOptions model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return AggregationBackendCheck.Run(Backend, GnnModel.NormalizationFor(model.Architecture), model.Hidden,
            model.Nonlinearity == Nonlinearity.MaxK ? model.K : null);
    }

    public void Dispose() => resources?.Dispose();
}
