namespace MaxK.Tests.Training;

/// <summary>
/// Tests that seed torch's global generator (torch.manual_seed, dropout) run alone: another test drawing from the
/// generator at the same time would break their determinism.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchGeneratorCollection
{
    public const string Name = "Torch global generator";
}
