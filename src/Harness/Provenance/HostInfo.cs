using System.Runtime.InteropServices;

namespace MaxK.Harness.Provenance;

/// <summary>The machine a run happened on: host name, CPU model and count, memory, OS and .NET versions.</summary>
public sealed record HostInfo(string HostName, string CpuModel, int LogicalCpus, long MemoryBytes, string Os, string DotNet)
{
    public static HostInfo Read() => new(
        Environment.GetEnvironmentVariable("MAXK_RUNNER_LABEL") is { Length: > 0 } label ? label : Environment.MachineName,
        ReadCpuModel(),
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        OsDescription(),
        RuntimeInformation.FrameworkDescription);

    private static string ReadCpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo))
            return RuntimeInformation.ProcessArchitecture.ToString();
        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }

    private static string OsDescription()
    {
        const string osRelease = "/etc/os-release";
        if (File.Exists(osRelease))
        {
            var pretty = File.ReadLines(osRelease).FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            if (pretty is not null)
                return pretty["PRETTY_NAME=".Length..].Trim('"');
        }
        return RuntimeInformation.OSDescription;
    }
}
