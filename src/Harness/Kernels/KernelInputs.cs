namespace MaxK.Harness.Kernels;

/// <summary>The random streams of GPU cases: every (kernel, sub-input, k, D) draws fresh, independent inputs.</summary>
public static class KernelInputs
{
    /// <summary>
    /// ((inputStream + 1)·10 + sub + 5 for width-k cases)·10⁷ + k·10⁴ + D. <paramref name="inputStream"/> is the kernel's
    /// fixed <see cref="KernelDescriptor.InputStream"/>, so the numbers (and so every input) are the same in every version.
    /// </summary>
    public static ulong Stream(int inputStream, int sub, KernelCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return (ulong)((((inputStream + 1) * 10L) + sub + (c.WidthK ? 5 : 0)) * 10_000_000L) + ((ulong)c.K * 10_000UL) + (ulong)c.Dim;
    }
}
