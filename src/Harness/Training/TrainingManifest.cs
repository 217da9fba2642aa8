using MaxK.Harness.Provenance;
using MaxK.Harness.Results;
using MaxK.Torch;

namespace MaxK.Harness.Training;

/// <summary>The run manifest of training results: host and source provenance, plus the GPU's when it ran on CUDA.</summary>
public static class TrainingManifest
{
    /// <summary>How training times are taken, in words (stored as <c>gpu_timing</c>).</summary>
    public const string TimingProtocol =
        "epoch = CUDA events on the legacy default stream from before zero_grad to after optimizer.step (evaluation excluded); "
        + "phases = event intervals around each aggregation call, MaxK selection/scatter and the optimizer; dense_layers = epoch minus the other phases; "
        + "statistics over the epochs after warmup_epochs";

    public static RunManifest Create(string suite, TorchDevice device, ulong seed, DateTimeOffset started)
    {
        if (device == TorchDevice.Cpu)
        {
            return ManifestFactory.Create(suite, (0, 0, "--device cpu"), seed, Environment.CurrentDirectory) with
            {
                StartedUtc = started,
                FinishedUtc = DateTimeOffset.UtcNow,
            };
        }
        var env = GpuEnvironment.Require("training on CUDA");
        var manifest = ManifestFactory.Create(suite, (env.DeviceCount, env.DriverVersion, null), seed, Environment.CurrentDirectory) with
        {
            StartedUtc = started,
            FinishedUtc = DateTimeOffset.UtcNow,
        };
        return GpuProvenance.Query().Apply(manifest, TimingProtocol);
    }
}
