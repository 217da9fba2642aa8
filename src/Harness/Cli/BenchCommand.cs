using System.CommandLine;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;
using MaxK.Harness.Suites;
using MaxK.Interop;

namespace MaxK.Harness.Cli;

/// <summary><c>maxk bench</c>: runs a suite (CPU subset without CUDA), verifies then times each case, writes JSON.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var suite = new Option<string>("--suite") { Description = "Suite to run.", DefaultValueFactory = _ => DefaultSuite.Name };
        var output = new Option<string>("--output") { Description = "Results folder (a run writes <host>/<utc-date>_<commit>/<suite>.json under it).", DefaultValueFactory = _ => Path.Combine("artifacts", "results") };
        var runs = new Option<int>("--runs") { Description = "Timed runs per case (after warm-up).", DefaultValueFactory = _ => 7 };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up runs per case (discarded).", DefaultValueFactory = _ => 1 };
        var cpuOnly = new Option<bool>("--cpu-only") { Description = "Skip the GPU part even when CUDA is present." };
        var command = new Command("bench", "Runs a benchmark suite: verifies every case, then times it, and writes a result file.") { suite, output, runs, warmup, cpuOnly };
        command.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            var name = parse.GetValue(suite)!;
            if (name != DefaultSuite.Name)
                throw new HarnessException($"Unknown suite '{name}'. Available: {DefaultSuite.Name}.");
            if (parse.GetValue(runs) < 1 || parse.GetValue(warmup) < 0)
                throw new HarnessException("--runs must be at least 1 and --warmup at least 0.");
            var gpu = CudaDriverProbe.Probe();
            var gpuReason = parse.GetValue(cpuOnly) ? "--cpu-only was given" : gpu.Reason;
            var plan = DefaultSuite.Plan(gpuReason, gpuReason is null ? "the GPU kernel runners are not wired into the harness yet (issue #3)" : null);
            log.WriteLine($"Suite '{plan.Suite}': {plan.Cases.Count} CPU cases; GPU: {(gpu.DeviceCount > 0 ? $"{gpu.DeviceCount} device(s)" : "none")}");
            var result = new BenchRunner(log, parse.GetValue(warmup), parse.GetValue(runs)).Run(plan, (gpu.DeviceCount, gpu.DriverVersion, gpuReason), Environment.CurrentDirectory);
            var m = result.Manifest;
            var commit = m.HarnessCommit.Length >= 8 ? m.HarnessCommit[..8] : m.HarnessCommit;
            var path = Path.Combine(parse.GetValue(output)!, Sanitize(m.Host), $"{m.StartedUtc:yyyy-MM-dd}_{commit}", $"{plan.Suite}.json");
            AtomicFile.WriteAllText(path, ResultJson.Serialize(result));
            var failed = result.Cases.Count(c => !c.Verified);
            log.WriteLine($"Wrote {result.Cases.Count} cases ({failed} failed) to {path}");
            foreach (var s in result.Skipped)
                log.WriteLine($"Not run: {s.What} — {s.Reason}");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static string Sanitize(string name) => new([.. name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_')]);
}
