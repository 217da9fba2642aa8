using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;

namespace MaxK.Harness.Micro;

/// <summary>
/// Runs <see cref="CpuMicroBenchmarks"/> with BenchmarkDotNet's in-process toolchain (no SDK needed: it works on a GPU
/// host with only the .NET runtime), and exports full JSON (raw measurements) and GitHub Markdown into
/// &lt;output&gt;/results/. The protocol: 3 warm-up and 15 measured iterations in one launch; <paramref name="dry"/> runs
/// each benchmark once (wiring checks only).
/// </summary>
public static class MicroRunner
{
    /// <returns>The exported files.</returns>
    public static IReadOnlyList<string> Run(string? filter, string output, bool dry, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);
        var job = (dry ? Job.Dry : Job.Default.WithWarmupCount(3).WithIterationCount(15).WithLaunchCount(1))
            .WithToolchain(InProcessNoEmitToolchain.Instance);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddExporter(JsonExporter.Full, MarkdownExporter.GitHub)
            .AddLogger(new TextWriterLogger(log))
            .WithArtifactsPath(Path.GetFullPath(output))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.JoinSummary);
        if (!string.IsNullOrWhiteSpace(filter))
            config = config.AddFilter(new GlobFilter([filter.Contains('*', StringComparison.Ordinal) ? filter : $"*{filter}*"]));
        var summary = BenchmarkRunner.Run<CpuMicroBenchmarks>(config);
        if (summary.HasCriticalValidationErrors)
            throw new HarnessException("BenchmarkDotNet rejected the microbenchmarks: " + string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
        if (summary.BenchmarksCases.Length == 0)
            throw new HarnessException($"No microbenchmark matches --filter '{filter}'.");
        var results = Path.Combine(Path.GetFullPath(output), "results");
        return Directory.Exists(results) ? [.. Directory.GetFiles(results).Order(StringComparer.Ordinal)] : [];
    }
}
