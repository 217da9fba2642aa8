namespace MaxK.Sources;

/// <summary>How sources are loaded. Defaults: seed 42 (the suites' and `maxk graph`'s), the default data roots.</summary>
public sealed record GraphSourceOptions
{
    /// <summary>Seed of generated (preset) graphs; real sources ignore it.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>The --data-dir for <c>dataset:NAME</c> (null: $MAXK_DATA_DIR, the shared folder, ./data; see DataRoots).</summary>
    public string? DataDirectory { get; init; }

    public static GraphSourceOptions Default { get; } = new();
}
