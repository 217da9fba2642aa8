using System.CommandLine;
using MaxK.Harness.Provenance;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Cli;

/// <summary>
/// <c>maxk bench --suite &lt;name|file&gt; [--output DIR] [--resume] [--shard i/n]</c>: runs a declarative suite
/// (suites/*.json) through <see cref="SuiteRunner"/>: every case verified, then timed; progress with an ETA; a journal
/// for --resume; the result file written atomically. Sections that need CUDA run when a device, the CUDA runtime,
/// cuSPARSE and the MaxK native library are all available, and are otherwise listed as skipped with the reason.
/// Exit code 1 when any case failed, 2 for bad input or an output folder another run holds (<see cref="OutputFolderLock"/>).
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var suite = new Option<string>("--suite")
        {
            Description = $"Suite name ({string.Join(", ", SuiteCatalog.Names())}: suites/<name>.json) or a suite file.", DefaultValueFactory = _ => "default",
        };
        var output = new Option<string?>("--output") { Description = "Results root; a run writes <gpu-or-host>/<utc-date>_<commit8>/<suite>.json under it (default: results when a GPU is usable, else artifacts/results)." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run from its journal: finished cases are kept, the rest run." };
        var shard = new Option<string?>("--shard") { Description = "Run part i of n (1-based, e.g. 2/4); join the parts with `maxk results merge`." };
        var runs = new Option<int?>("--runs") { Description = "Timed runs per CPU kernel case (overrides the suite)." };
        var warmup = new Option<int?>("--warmup") { Description = "Warm-up runs per CPU kernel case (overrides the suite)." };
        var gpuRuns = new Option<int?>("--gpu-runs") { Description = "Timed runs per GPU kernel case (overrides the suite)." };
        var gpuWarmup = new Option<int?>("--gpu-warmup") { Description = "Warm-up runs per GPU kernel case (overrides the suite)." };
        var cpuOnly = new Option<bool>("--cpu-only") { Description = "Skip the CUDA sections even when CUDA is present." };
        var released = new Option<string?>("--released-dir")
        {
            Description = "A checkout of harveyp123/MaxK-GNN for sections that list the peer \"maxk-gnn-released\" (default: $MAXK_RELEASED_DIR, else a clone of the pinned commit where the host has a network).",
        };
        var stopAfter = new Option<int?>("--stop-after")
        {
            Description = "Seconds after which no new case starts: the result of what finished is written, the rest listed as not run (finish them with --resume); exit 1.",
        };
        var site = new Option<string?>("--site") { Description = "After the run, render it (marked local) beside the committed results/ into this folder, e.g. artifacts/site." };
        var command = new Command("bench", "Runs a benchmark suite: verifies every case, then times it, and writes a result file.")
        {
            suite, output, resume, shard, runs, warmup, gpuRuns, gpuWarmup, cpuOnly, released, stopAfter, site,
        };
        command.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            if (parse.GetValue(runs) is < 1 || parse.GetValue(gpuRuns) is < 1)
                throw new HarnessException("--runs and --gpu-runs must be at least 1.");
            if (parse.GetValue(warmup) is < 0 || parse.GetValue(gpuWarmup) is < 0)
                throw new HarnessException("--warmup and --gpu-warmup must be at least 0.");
            var shardSpec = parse.GetValue(shard) is { } s ? ShardSpec.Parse(s) : ShardSpec.Whole;
            var definition = SuiteCatalog.Load(parse.GetValue(suite)!);
            var outputRoot = parse.GetValue(output) ?? DefaultOutput(parse.GetValue(cpuOnly));
            var outcome = new SuiteRunner(log).Run(definition, new SuiteRunOptions
            {
                Output = outputRoot, Resume = parse.GetValue(resume), Shard = shardSpec, CpuOnly = parse.GetValue(cpuOnly),
                CpuRuns = parse.GetValue(runs), CpuWarmup = parse.GetValue(warmup), GpuRuns = parse.GetValue(gpuRuns), GpuWarmup = parse.GetValue(gpuWarmup),
                ReleasedDirectory = parse.GetValue(released),
                StopAfter = parse.GetValue(stopAfter) is { } seconds ? (seconds >= 1 ? TimeSpan.FromSeconds(seconds) : throw new HarnessException("--stop-after must be at least 1 second.")) : null,
            });
            var result = outcome.Result;
            if (result.Cases.Any(c => c.IsOn(ComputeDevice.Cuda)))
                KernelSummaryTable.Write(log, [.. result.Cases.Where(c => c.IsOn(ComputeDevice.Cuda))]);
            log.WriteLine($"Wrote {result.Cases.Count} kernel and {result.Training.Count} training cases ({outcome.Failed} failed; "
                + $"{outcome.Resumed} from the journal, {outcome.Ran} run now) to {outcome.Path}");
            foreach (var skipped in result.Skipped)
                log.WriteLine($"Not run: {skipped.What} — {skipped.Reason}");
            if (parse.GetValue(site) is { } siteOutput)
                LocalSite.Render(outcome.Path, siteOutput, log);
            if (outcome.NotRun > 0)
                log.WriteLine($"Stopped by --stop-after: {outcome.NotRun} cases not run; `maxk bench --suite {parse.GetValue(suite)} --resume` finishes them.");
            return outcome.Failed == 0 && outcome.NotRun == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>results/ (committed) on a host whose GPU part can run, artifacts/results otherwise (CI).</summary>
    private static string DefaultOutput(bool cpuOnly) =>
        !cpuOnly && GpuEnvironment.Probe().UnavailableReason is null ? "results" : Path.Combine("artifacts", "results");
}
