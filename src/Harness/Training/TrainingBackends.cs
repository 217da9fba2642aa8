using MaxK.Baselines.Training;
using MaxK.Harness.Gpu;
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

    /// <summary>
    /// The backend's name, after checking that it exists and fits the device (cheap: callers check it before loading a
    /// dataset).
    /// </summary>
    public static string Resolve(TorchDevice device, Nonlinearity nonlinearity, string? name)
    {
        var backend = (name ?? Default(device, nonlinearity)).Trim().ToLowerInvariant();
        if (!Names.Contains(backend))
            throw new HarnessException($"Unknown training backend '{name}'; known: {string.Join(", ", Names)}.");
        if (device == TorchDevice.Cpu && backend != "cpu-reference")
            throw new HarnessException($"Backend '{backend}' needs --device cuda; on the CPU the backend is cpu-reference.");
        if (device == TorchDevice.Cuda && backend == "cpu-reference")
            throw new HarnessException("Backend cpu-reference runs on --device cpu only.");
        return backend;
    }

    public static TrainingBackendSession Create(TorchDevice device, Nonlinearity nonlinearity, string? name)
    {
        var backend = Resolve(device, nonlinearity, name);
        if (device == TorchDevice.Cpu)
            return new TrainingBackendSession(CpuReferenceBackend.Instance, () => new StopwatchPhaseTimer(), null);
        GpuEnvironment.Require($"Training on CUDA (backend {backend})");
        var gpu = GpuProvenance.Query().Gpu.Name;
        var timer = new CudaEventPhaseTimer();
        var cusparse = new DeviceSpmmBackend("cusparse", (state, width) => CuSparseDeviceSpmm.Create(state, width));
        return backend switch
        {
            "cusparse" => new TrainingBackendSession(cusparse, () => timer, gpu, new Resources(cusparse, timer)),
            "gnnadvisor" => Session(new DeviceSpmmBackend("gnnadvisor", (state, width) => GnnAdvisorDeviceSpmm.Create(state, width)), timer, gpu, cusparse),
            _ => Session(new CudaMaxKBackend(cusparse), timer, gpu, cusparse),
        };
    }

    private static TrainingBackendSession Session<T>(T backend, CudaEventPhaseTimer timer, string gpu, DeviceSpmmBackend cusparse)
        where T : IAggregationBackend, IDisposable =>
        new(backend, () => timer, gpu, new Resources(backend, cusparse, timer));

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
