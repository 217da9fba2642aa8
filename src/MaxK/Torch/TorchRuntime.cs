using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace MaxK.Torch;

/// <summary>
/// Makes TorchSharp usable: locates libtorch (<see cref="LibTorchLocator"/>), preloads it by full path,
/// loads libLibTorchSharp.so (a GLIBCXX-patched copy only where the host's libstdc++ needs it), then
/// initialises the device. Call before any <c>torch.*</c> use; repeated calls are cheap and idempotent.
/// </summary>
public static class TorchRuntime
{
    private static readonly object Gate = new();
    private static readonly Dictionary<TorchDevice, TorchRuntimeInfo> Initialized = [];

    public static string TorchSharpVersion { get; } =
        typeof(TorchRuntime).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TorchSharpVersion")?.Value ?? "0.107.0";

    /// <summary>Initialises TorchSharp for <paramref name="device"/>; throws with a full explanation on failure.</summary>
    public static TorchRuntimeInfo Initialize(TorchDevice device, string? explicitLibTorchDirectory = null)
    {
        lock (Gate)
        {
            if (Initialized.TryGetValue(device, out var done))
                return done;
            OpenMpWaitPolicy.DefaultToPassive();
            var location = new LibTorchLocator(LibTorchLocatorOptions.FromEnvironment(explicitLibTorchDirectory)).Locate(device);
            var libraries = device == TorchDevice.Cuda
                ? new[] { "libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so" }
                : ["libc10.so", "libtorch_cpu.so", "libtorch.so"];
            foreach (var lib in libraries)
            {
                var path = Path.Combine(location.Directory, lib);
                if (File.Exists(path))
                    Load(path, location);
            }
            var (sharpPath, patched) = LoadLibTorchSharp(location);
            try
            {
                torch.InitializeDeviceType(device == TorchDevice.Cuda ? DeviceType.CUDA : DeviceType.CPU);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException(
                    $"TorchSharp failed to initialise {device} with libtorch from {location.Directory} ({location.Source}) "
                    + $"and {sharpPath}: {ex.Message}", ex);
            }
            if (device == TorchDevice.Cuda && !torch.cuda.is_available())
                throw new InvalidOperationException(
                    $"libtorch from {location.Directory} ({location.Source}) loaded, but torch.cuda.is_available() is false: no usable GPU or driver.");
            var info = new TorchRuntimeInfo(device, location, sharpPath, patched, TorchSharpVersion);
            Initialized[device] = info;
            return info;
        }
    }

    private static (string Path, bool Patched) LoadLibTorchSharp(LibTorchLocation location)
    {
        var original = LibTorchSharpPatcher.FindOriginal(AppContext.BaseDirectory, NuGetPackageFolders.Roots(), TorchSharpVersion)
            ?? throw new InvalidOperationException(
                $"{LibTorchSharpPatcher.LibraryFileName} was not found beside the app ({AppContext.BaseDirectory}) "
                + $"or in the TorchSharp {TorchSharpVersion} package; rebuild or re-publish the application.");
        var needsPatch = !HostLibStdCxx.Provides();
        var path = needsPatch ? LibTorchSharpPatcher.EnsurePatchedCopy(original, LibTorchSharpPatcher.DefaultCacheRoot()) : original;
        Load(path, location);
        return (path, needsPatch);
    }

    private static void Load(string path, LibTorchLocation location)
    {
        try
        {
            NativeLibrary.Load(path);
        }
        catch (DllNotFoundException ex)
        {
            throw new InvalidOperationException(
                $"Could not load {path} (libtorch from {location.Source}): {ex.Message}", ex);
        }
    }
}
