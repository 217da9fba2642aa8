namespace MaxK.Harness.Kernels;

/// <summary>What a kernel computes, which decides what its time compares with (<see cref="KernelNames.IsSpmm"/>).</summary>
public enum KernelRole
{
    /// <summary>A sparse-dense product Y = A·X in some form (dense SpMM, MaxK's SpGEMM and SSpMM): compared with the SpMM baselines.</summary>
    Spmm,

    /// <summary>MaxK selection (dense → CBSR).</summary>
    Selection,

    /// <summary>The MaxK backward scatter (CBSR gradient → dense).</summary>
    Scatter,

    /// <summary>A memory-bandwidth probe (the device copy): the GB/s reference line, never a speed-up.</summary>
    BandwidthProbe,
}
