namespace MaxK.Torch;

/// <summary>No usable libtorch was found; the message lists every source tried and why each failed.</summary>
public sealed class LibTorchNotFoundException(TorchDevice device, IReadOnlyList<LocatorAttempt> attempts)
    : Exception(Describe(device, attempts))
{
    public IReadOnlyList<LocatorAttempt> Attempts { get; } = attempts;

    private static string Describe(TorchDevice device, IReadOnlyList<LocatorAttempt> attempts)
    {
        var lines = attempts.Select((a, i) => $"  {i + 1}. {a.Source}: {a.Outcome}");
        return $"No usable libtorch for device '{device.ToString().ToLowerInvariant()}'. Tried, in order:{Environment.NewLine}"
            + string.Join(Environment.NewLine, lines) + Environment.NewLine
            + $"Fix: set {LibTorchLocator.EnvironmentVariable}=<folder containing libtorch.so>, or install PyTorch "
            + "(python3 -c 'import torch') for CUDA, or restore the libtorch-cpu-linux-x64 package for CPU.";
    }
}
