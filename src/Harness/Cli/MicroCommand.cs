using System.CommandLine;
using System.Text.Json;
using MaxK.Harness.Micro;
using MaxK.Harness.Provenance;
using MaxK.Harness.Results;

namespace MaxK.Harness.Cli;

/// <summary>
/// <c>maxk micro [--filter X] [--output DIR] [--dry]</c>: CPU microbenchmarks with BenchmarkDotNet (in-process), JSON and
/// Markdown into the results tree (default results/&lt;host&gt;/micro/&lt;utc-date&gt;_&lt;commit8&gt;/) with a provenance.json beside them.
/// </summary>
public static class MicroCommand
{
    public static Command Create()
    {
        var filter = new Option<string?>("--filter") { Description = "Run only benchmarks whose full name contains this (or matches this glob)." };
        var output = new Option<string?>("--output") { Description = "Folder for BenchmarkDotNet's exports (default: results/<host>/micro/<utc-date>_<commit8>)." };
        var dry = new Option<bool>("--dry") { Description = "One invocation per benchmark: checks the wiring, measures nothing worth keeping." };
        var command = new Command("micro", "Runs the CPU microbenchmarks (reference kernels, CBSR construction, graph generation and loading) with BenchmarkDotNet.") { filter, output, dry };
        command.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            var manifest = ManifestFactory.Create("micro", (0, 0, "CPU microbenchmarks"), 42);
            var folder = parse.GetValue(output) ?? Path.GetDirectoryName(ResultPaths.File(Path.Combine("results", ResultPaths.Sanitize(manifest.Host), "micro"), ".", manifest, "x"))!;
            var files = MicroRunner.Run(parse.GetValue(filter), folder, parse.GetValue(dry), log);
            AtomicFile.WriteAllText(Path.Combine(folder, "provenance.json"), JsonSerializer.Serialize(manifest with { FinishedUtc = DateTimeOffset.UtcNow }, ResultJson.Options));
            foreach (var file in files)
                log.WriteLine($"wrote {file}");
            return 0;
        });
        return command;
    }
}
