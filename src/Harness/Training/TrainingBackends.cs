using MaxK.Baselines.Training;
using MaxK.Harness.Provenance;
using MaxK.Harness.Vocabulary;
using MaxK.Torch;
using MaxK.Training.Aggregation;
using MaxK.Training.Models;
using MaxK.Training.Timing;

namespace MaxK.Harness.Training;

/// <summary>Creates the aggregation backend a training case asks for (see <see cref="TrainingRunSpec.Backend"/>).</summary>
public static class TrainingBackends
{
    /// <summary>
    /// The backend named by <paramref name="word"/> (null stays null: the default); anything but one of our backends'
    /// words is a <see cref="HarnessException"/> listing them.
    /// </summary>
    public static TrainingBackend? Parse(string? word)
    {
        if (word is null)
            return null;
        return Words.TryParse<TrainingBackend>(word.Trim().ToLowerInvariant(), out var backend) && !backend.IsPeer()
            ? backend
            : throw new HarnessException($"Unknown training backend '{word}'; known: {string.Join(", ", TrainingBackendFacts.Ours.Select(b => b.Word()))}.");
    }

    /// <summary>
    /// The backend a case runs on, after checking that it is one of ours and fits the device (cheap: callers check it
    /// before loading a dataset).
    /// </summary>
    public static TrainingBackend Resolve(TorchDevice device, Nonlinearity nonlinearity, TrainingBackend? backend)
    {
        var on = ComputeDevices.Of(device);
        var resolved = backend ?? TrainingBackendFacts.Default(on, nonlinearity == Nonlinearity.MaxK);
        if (resolved.IsPeer())
            throw new HarnessException($"Unknown training backend '{resolved.Word()}'; known: {string.Join(", ", TrainingBackendFacts.Ours.Select(b => b.Word()))}.");
        if (on == ComputeDevice.Cpu && !resolved.RunsOn(on))
            throw new HarnessException($"Backend '{resolved.Word()}' needs --device cuda; on the CPU the backend is {TrainingBackend.CpuReference.Word()}.");
        if (on == ComputeDevice.Cuda && !resolved.RunsOn(on))
            throw new HarnessException($"Backend {resolved.Word()} runs on --device cpu only.");
        return resolved;
    }

    public static TrainingBackendSession Create(TorchDevice device, Nonlinearity nonlinearity, TrainingBackend? name)
    {
        var backend = Resolve(device, nonlinearity, name);
        if (device == TorchDevice.Cpu)
            return new TrainingBackendSession(backend, CpuReferenceBackend.Instance, () => new StopwatchPhaseTimer(), null);
        GpuEnvironment.Require($"Training on CUDA (backend {backend.Word()})");
        var gpu = GpuProvenance.Query().Gpu.Name;
        var timer = new CudaEventPhaseTimer();
        var cusparse = new DeviceSpmmBackend(TrainingBackend.CuSparse.Word(), (state, width) => CuSparseDeviceSpmm.Create(state, width));
        return backend switch
        {
            TrainingBackend.CuSparse => new TrainingBackendSession(backend, cusparse, () => timer, gpu, new Resources(cusparse, timer)),
            TrainingBackend.GnnAdvisor => Session(backend, new DeviceSpmmBackend(TrainingBackend.GnnAdvisor.Word(), (state, width) => GnnAdvisorDeviceSpmm.Create(state, width)), timer, gpu, cusparse),
            _ => Session(backend, new CudaMaxKBackend(cusparse), timer, gpu, cusparse),
        };
    }

    private static TrainingBackendSession Session<T>(TrainingBackend kind, T backend, CudaEventPhaseTimer timer, string gpu, DeviceSpmmBackend cusparse)
        where T : IAggregationBackend, IDisposable =>
        new(kind, backend, () => timer, gpu, new Resources(backend, cusparse, timer));

    /// <summary>Disposes device resources in order.</summary>
    private sealed class Resources(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
                item.Dispose();
        }
    }
}
