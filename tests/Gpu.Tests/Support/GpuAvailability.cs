using MaxK.Torch;

namespace MaxK.GpuTests.Support;

/// <summary>
/// Brings up TorchSharp on CUDA once. Without a GPU the tests skip with the reason, unless
/// MAXK_REQUIRE_GPU=1 (set by gpu-host.sh), where a missing GPU is a failure: a GPU run must never pass by skipping.
/// </summary>
public static class GpuAvailability
{
    private static readonly Lazy<(TorchRuntimeInfo? Info, string? Error)> Cuda = new(() =>
    {
        try
        {
            return (TorchRuntime.Initialize(TorchDevice.Cuda), null);
        }
        catch (Exception ex)
        {
            return (null, ex.Message);
        }
    });

    public static bool Required => Environment.GetEnvironmentVariable("MAXK_REQUIRE_GPU") == "1";

    /// <summary>Brings up TorchSharp on CUDA once (which also maps PyTorch's CUDA libraries); null on success, else why not.</summary>
    public static string? TryInitialize() => Cuda.Value.Error;

    /// <summary>Skips (or fails, when required) unless TorchSharp runs on CUDA.</summary>
    public static TorchRuntimeInfo RequireCuda()
    {
        var (info, error) = Cuda.Value;
        if (info is not null)
            return info;
        if (Required)
            Assert.Fail($"MAXK_REQUIRE_GPU=1 but CUDA is unavailable: {error}");
        Assert.Skip($"CUDA is unavailable: {error}");
        throw new InvalidOperationException("unreachable");
    }
}
