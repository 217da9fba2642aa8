namespace MaxK.Harness.Runner;

/// <summary>How <see cref="SuiteRunner"/> runs a suite: where results go, resume, shard, and optional overrides of the suite's repetitions.</summary>
public sealed record SuiteRunOptions
{
    /// <summary>Results root; the file goes to &lt;output&gt;/&lt;gpu-or-host&gt;/&lt;utc-date&gt;_&lt;commit8&gt;/&lt;suite&gt;[.shard-i-of-n].json.</summary>
    public required string Output { get; init; }

    /// <summary>Continue the journal of an interrupted run (same suite file and shard) instead of starting over.</summary>
    public bool Resume { get; init; }

    public ShardSpec Shard { get; init; } = ShardSpec.Whole;

    /// <summary>Leave out the CUDA sections even when a GPU is usable.</summary>
    public bool CpuOnly { get; init; }

    public int? CpuRuns { get; init; }
    public int? CpuWarmup { get; init; }
    public int? GpuRuns { get; init; }
    public int? GpuWarmup { get; init; }

    /// <summary>A checkout of the released MaxK-GNN code for sections that list the peer (null: MAXK_RELEASED_DIR, else a clone of the pinned commit).</summary>
    public string? ReleasedDirectory { get; init; }

    /// <summary>
    /// Stop starting cases after this long and write the result of what finished (the rest listed as not run, the journal
    /// kept for --resume); null: no limit. For GPU hosts lent for a fixed time.
    /// </summary>
    public TimeSpan? StopAfter { get; init; }

    /// <summary>Where git is asked for the commit.</summary>
    public string RepoDirectory { get; init; } = Environment.CurrentDirectory;
}
