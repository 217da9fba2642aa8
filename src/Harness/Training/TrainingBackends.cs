using MaxK.Torch;
using MaxK.Training.Aggregation;
using MaxK.Training.Models;
using MaxK.Training.Timing;

namespace MaxK.Harness.Training;

/// <summary>Creates the aggregation backend a training case asks for (see <see cref="TrainingRunSpec.Backend"/>).</summary>
public static class TrainingBackends
{
    public static IReadOnlyList<string> Names { get; } = ["cpu-reference", "cusparse", "maxk", "gnnadvisor"];

    /// <summary>The backend used when none is named.</summary>
    public static string Default(TorchDevice device, Nonlinearity nonlinearity) =>
        device == TorchDevice.Cpu ? "cpu-reference" : nonlinearity == Nonlinearity.MaxK ? "maxk" : "cusparse";

    public static TrainingBackendSession Create(TorchDevice device, Nonlinearity nonlinearity, string? name)
    {
        var backend = (name ?? Default(device, nonlinearity)).Trim().ToLowerInvariant();
        if (!Names.Contains(backend))
            throw new HarnessException($"Unknown training backend '{name}'; known: {string.Join(", ", Names)}.");
        if (device == TorchDevice.Cpu)
        {
            if (backend != "cpu-reference")
                throw new HarnessException($"Backend '{backend}' needs --device cuda; on the CPU the backend is cpu-reference.");
            return new TrainingBackendSession(CpuReferenceBackend.Instance, () => new StopwatchPhaseTimer(), null);
        }
        if (backend == "cpu-reference")
            throw new HarnessException("Backend cpu-reference runs on --device cpu only.");
        throw new HarnessException($"Training on CUDA (backend {backend}) is not available in this build yet.");
    }
}
