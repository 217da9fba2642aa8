namespace MaxK.Tests.Datasets;

/// <summary>Tests that read or set MAXK_DATA_DIR run one at a time (the variable is process-wide).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedDatasetsCollection
{
    public const string Name = "Shared datasets";
}
