using System.Globalization;
using MaxK.Harness.Kernels;
using MaxK.Harness.Kernels.Descriptors;
using MaxK.Harness.Peers;
using MaxK.Harness.Peers.Released;
using MaxK.Harness.Provenance;
using MaxK.Harness.Results;
using MaxK.Harness.Suites;
using MaxK.Harness.Timing;
using MaxK.Harness.Vocabulary;
using MaxK.Interop;

namespace MaxK.Harness.Runner;

/// <summary>
/// Runs a suite: expands it for this host, keeps this shard's cases, skips those already in the journal (--resume),
/// runs the rest one by one (kernel cases verified then timed and verification cases verified, all through
/// <see cref="KernelCaseRunner"/>; training cases verified by <c>TrainingRun</c>), appends
/// each outcome to the journal before the next starts, and finally writes the result file atomically from the
/// journal with the cross-record fields (speed-ups, Amdahl) recomputed. A case that throws becomes a failed record.
/// The journal (&lt;output&gt;/&lt;suite&gt;[.shard-i-of-n].journal.jsonl) is deleted once the result file is written. The
/// output folder is held with an <see cref="OutputFolderLock"/> for the whole run: a second run on it is refused.
/// </summary>
public sealed class SuiteRunner(TextWriter log)
{
    private KernelCaseRunner? _kernels;
    private string? _gpuName;
    private string? _releasedDirectory;

    public SuiteRunOutcome Run(SuiteDefinition suite, SuiteRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(options);
        _releasedDirectory = options.ReleasedDirectory;
        var driver = CudaDriverProbe.Probe();
        var gpuReason = options.CpuOnly ? "--cpu-only was given" : GpuEnvironment.Probe().UnavailableReason;
        var plan = SuiteExpander.Expand(suite, gpuReason);
        var mine = plan.Cases.Where((_, i) => options.Shard.Contains(i)).Select(c => Override(c, options)).ToList();
        var provenance = gpuReason is null ? GpuProvenance.Query() : null;
        var label = provenance?.Gpu.Name ?? ManifestFactory.Create(suite.Name, (0, 0, gpuReason), suite.Seed).Host;
        var fileName = options.Shard.IsWhole ? suite.Name : $"{suite.Name}.shard-{options.Shard.Index}-of-{options.Shard.Count}";
        var journalPath = Path.Combine(options.Output, fileName + ".journal.jsonl");
        var header = new JournalEntry
        {
            Type = "header", Suite = suite.Name, SuiteHash = suite.Sha256, Shard = options.Shard.IsWhole ? null : options.Shard.ToString(), StartedUtc = DateTimeOffset.UtcNow,
        };
        using var claim = OutputFolderLock.Acquire(options.Output);
        if (!options.Resume && File.Exists(journalPath))
            log.WriteLine($"Starting over: the journal of an earlier, unfinished run ({journalPath}, {Math.Max(0, File.ReadLines(journalPath).Count() - 1)} finished case(s)) "
                + "is replaced; run with --resume to continue it instead.");
        using var journal = options.Resume && File.Exists(journalPath) ? RunJournal.Resume(journalPath, header) : RunJournal.Create(journalPath, header);
        var ids = mine.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var done = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
        foreach (var e in journal.Entries.Where(e => e.Id is not null && ids.Contains(e.Id)))
            done[e.Id!] = e;
        var pending = mine.Where(c => !done.ContainsKey(c.Id)).ToList();
        log.WriteLine($"Suite '{suite.Name}' ({suite.File}, sha256 {suite.Sha256[..12]}): {plan.Cases.Count} cases"
            + (options.Shard.IsWhole ? "" : $", shard {options.Shard} has {mine.Count}") + $"; {done.Count} already in the journal, {pending.Count} to run. "
            + (gpuReason is null ? $"GPU: {provenance!.Gpu.Name}" : $"GPU part not run: {gpuReason}"));
        foreach (var s in plan.Skipped)
            log.WriteLine($"SKIPPED {s.What}: {s.Reason}");

        _gpuName = provenance?.Gpu.Name;
        var started = DateTimeOffset.UtcNow;
        try
        {
            RunProgress.For(log).Run([.. pending.Select(c => c.Id)], (i, caseLog) =>
            {
                var c = pending[i];
                if (options.StopAfter is { } limit && DateTimeOffset.UtcNow - started >= limit)
                    return "not run: the run's time limit was reached";
                var entry = Execute(c, caseLog);
                journal.Append(entry);
                done[c.Id] = entry;
                return Outcome(entry);
            });
        }
        finally
        {
            _kernels?.Dispose();
            _kernels = null;
        }

        var ordered = mine.Where(c => done.ContainsKey(c.Id)).Select(c => done[c.Id]).ToList();
        var notRun = mine.Where(c => !done.ContainsKey(c.Id)).ToList();
        SkippedWork[] stopped = notRun.Count == 0 ? [] :
        [
            new SkippedWork($"{notRun.Count} of {mine.Count} cases ({string.Join(", ", notRun.Take(3).Select(c => c.Id))}{(notRun.Count > 3 ? ", …" : "")})",
                $"not run: the time limit (--stop-after {options.StopAfter?.TotalSeconds:F0} s) was reached; `maxk bench --resume` with the same suite and output finishes them"),
        ];
        var manifest = ManifestFactory.Create(suite.Name, (driver.DeviceCount, driver.DriverVersion, gpuReason), suite.Seed) with
        {
            StartedUtc = journal.Header.StartedUtc ?? DateTimeOffset.UtcNow,
            Role = suite.Role,
            SuiteHash = suite.Sha256,
            Shard = header.Shard,
            Seeds = [.. new[] { (long)suite.Seed }.Concat(mine.OfType<TrainingSuiteCase>().Select(t => t.Spec.Seed)).Distinct()],
        };
        if (provenance is not null)
        {
            var gpuCases = mine.OfType<KernelSuiteCase>().Where(c => c.Device == ComputeDevice.Cuda && !KernelCatalog.IsPeer(c.Case)).ToList();
            var timing = gpuCases.Count == 0 ? null : string.Join("; also ", gpuCases.Select(c => c.Case.Protocol).Distinct().Select(p => KernelCaseRunner.Protocol(p, gpuCases[0].Warmup, gpuCases[0].Runs).Description));
            manifest = provenance.Apply(manifest, timing);
        }
        manifest = manifest with
        {
            FinishedUtc = DateTimeOffset.UtcNow,
            ReleasedCommit = ordered.Select(e => e.Case).Where(r => r?.Peer == true).Select(r => ReleasedPeerKernel.CommitOf(r!.Config)).FirstOrDefault(c => c is not null),
        };
        var result = DerivedMetrics.Apply(new RunResult
        {
            Manifest = manifest,
            Skipped = [.. plan.Skipped, .. ordered.Where(e => e.Skipped is not null).Select(e => e.Skipped!), .. stopped],
            Cases = [.. ordered.Where(e => e.Case is not null).Select(e => e.Case!)],
            Training = [.. ordered.Where(e => e.Training is not null).Select(e => ResultCompaction.Compact(e.Training!))],
        });
        var path = ResultPaths.File(options.Output, label, manifest, fileName);
        AtomicFile.WriteAllText(path, ResultJson.Serialize(result));
        journal.Dispose();
        if (notRun.Count == 0)
            File.Delete(journalPath); // kept when the time limit stopped the run, so --resume can finish it
        var failed = result.Cases.Count(c => c.Failed) + result.Training.Count(t => t.Error is not null);
        return new SuiteRunOutcome(result, path, failed, mine.Count - pending.Count, pending.Count - notRun.Count) { NotRun = notRun.Count };
    }

    private static SuiteCase Override(SuiteCase c, SuiteRunOptions o) => c switch
    {
        KernelSuiteCase k when k.Device == ComputeDevice.Cpu => k with { Runs = o.CpuRuns ?? k.Runs, Warmup = o.CpuWarmup ?? k.Warmup },
        KernelSuiteCase k => k with { Runs = o.GpuRuns ?? k.Runs, Warmup = o.GpuWarmup ?? k.Warmup },
        _ => c,
    };

    private JournalEntry Execute(SuiteCase c, TextWriter caseLog)
    {
        switch (c)
        {
            case KernelSuiteCase k:
                _kernels ??= new KernelCaseRunner(_gpuName ?? "unknown GPU", peers: ReleasedPeerOptions.FromEnvironment(_releasedDirectory));
                return new JournalEntry { Type = "case", Id = c.Id, Case = _kernels.Run(k, caseLog) };
            case VerificationSuiteCase v:
                _kernels ??= new KernelCaseRunner(_gpuName ?? "unknown GPU", peers: ReleasedPeerOptions.FromEnvironment(_releasedDirectory));
                return new JournalEntry { Type = "case", Id = c.Id, Case = _kernels.Run(v, caseLog) };
            case TrainingSuiteCase t:
                return new TrainingCaseExecutor(caseLog, PygAdapter.Default).Run(t);
            default:
                throw new InvalidOperationException($"Unknown case type {c.GetType().Name}.");
        }
    }

    /// <summary>The one-line outcome of a finished case.</summary>
    public static string Outcome(JournalEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Skipped is not null)
            return $"skipped: {e.Skipped.Reason}";
        if (e.Case is { } r)
        {
            var time = r.MedianMs is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m,9:F3} ms") : "        —   ";
            return $"{time}  " + KernelRecords.Status(r);
        }
        var t = e.Training!;
        return t.Error is not null
            ? $"FAILED: {t.Error}"
            : string.Create(CultureInfo.InvariantCulture, $"epoch {t.EpochMsMedian,9:F3} ms  test {t.Metric} {t.TestAccuracy:P2}  {(t.Verified ? "verified" : "not verified")}");
    }
}
