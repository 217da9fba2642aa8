namespace MaxK.Harness.Provenance;

/// <summary>The outcome of <see cref="GpuEnvironment.Probe"/>: devices, driver version, and why GPU work cannot run (null if it can).</summary>
public sealed record GpuEnvironmentStatus(int DeviceCount, int DriverVersion, string? UnavailableReason)
{
    public bool Available => UnavailableReason is null;
}
