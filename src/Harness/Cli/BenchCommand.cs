using System.CommandLine;
using MaxK.Harness.Gpu;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;
using MaxK.Harness.Suites;
using MaxK.Interop;

namespace MaxK.Harness.Cli;

/// <summary>
/// <c>maxk bench</c>: runs a suite, verifying then timing each case, and writes JSON. The default suite always runs the
/// CPU cases; its GPU part (the kernel benchmark on the Reddit-sized graphs) runs when a CUDA device, the CUDA runtime,
/// cuSPARSE and the MaxK native library are all available, and is otherwise listed as skipped with the reason.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var suite = new Option<string>("--suite") { Description = "Suite to run.", DefaultValueFactory = _ => DefaultSuite.Name };
        var output = new Option<string>("--output") { Description = "Results folder (a run writes <host>/<utc-date>_<commit>/<suite>.json under it).", DefaultValueFactory = _ => Path.Combine("artifacts", "results") };
        var runs = new Option<int>("--runs") { Description = "Timed runs per CPU case (after warm-up).", DefaultValueFactory = _ => 7 };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up runs per CPU case (discarded).", DefaultValueFactory = _ => 1 };
        var gpuRuns = new Option<int>("--gpu-runs") { Description = "Timed runs per GPU case.", DefaultValueFactory = _ => KernelBenchmarkOptions.DefaultRuns };
        var gpuWarmup = new Option<int>("--gpu-warmup") { Description = "Warm-up runs per GPU case.", DefaultValueFactory = _ => KernelBenchmarkOptions.DefaultWarmup };
        var cpuOnly = new Option<bool>("--cpu-only") { Description = "Skip the GPU part even when CUDA is present." };
        var command = new Command("bench", "Runs a benchmark suite: verifies every case, then times it, and writes a result file.") { suite, output, runs, warmup, gpuRuns, gpuWarmup, cpuOnly };
        command.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            var name = parse.GetValue(suite)!;
            if (name != DefaultSuite.Name)
                throw new HarnessException($"Unknown suite '{name}'. Available: {DefaultSuite.Name}.");
            if (parse.GetValue(runs) < 1 || parse.GetValue(warmup) < 0)
                throw new HarnessException("--runs must be at least 1 and --warmup at least 0.");
            var gpuOptions = DefaultSuite.GpuOptions(parse.GetValue(gpuRuns), parse.GetValue(gpuWarmup));
            gpuOptions.Validate();
            var driver = CudaDriverProbe.Probe();
            var gpuReason = parse.GetValue(cpuOnly) ? "--cpu-only was given" : GpuEnvironment.Probe().UnavailableReason;
            var plan = DefaultSuite.Plan(gpuReason);
            log.WriteLine($"Suite '{plan.Suite}': {plan.Cases.Count} CPU cases; GPU: "
                + (gpuReason is null ? $"{driver.DeviceCount} device(s), kernel benchmark on {string.Join(", ", gpuOptions.Graphs)}" : "not run"));
            var result = new BenchRunner(log, parse.GetValue(warmup), parse.GetValue(runs)).Run(plan, (driver.DeviceCount, driver.DriverVersion, gpuReason), Environment.CurrentDirectory);
            if (gpuReason is null)
                result = AddGpuPart(result, gpuOptions, log);
            var path = ResultPaths.File(parse.GetValue(output)!, result.Manifest.Host, result.Manifest, plan.Suite);
            AtomicFile.WriteAllText(path, ResultJson.Serialize(result));
            var failed = result.Cases.Count(c => !c.Verified);
            log.WriteLine($"Wrote {result.Cases.Count} cases ({failed} failed) to {path}");
            foreach (var s in result.Skipped)
                log.WriteLine($"Not run: {s.What} — {s.Reason}");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>Runs the kernel benchmark of the default suite and merges its records and GPU provenance into the CPU result.</summary>
    private static RunResult AddGpuPart(RunResult cpu, KernelBenchmarkOptions options, TextWriter log)
    {
        var provenance = GpuProvenance.Query();
        log.WriteLine($"GPU: {provenance.Gpu}; native {provenance.NativeVersion} ({provenance.NativeLibrary}); cuSPARSE {provenance.CuSparseVersion}");
        var records = new KernelBenchmark(options, log).Run(provenance.Gpu.Name);
        KernelSummaryTable.Write(log, records);
        var manifest = provenance.Apply(cpu.Manifest, KernelBenchmark.TimingProtocol(options)) with { FinishedUtc = DateTimeOffset.UtcNow };
        return cpu with { Manifest = manifest, Cases = [.. cpu.Cases, .. records] };
    }
}
