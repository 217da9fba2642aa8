namespace MaxK.Graphs.Synthetic;

/// <summary>A graph preset name that the catalogue does not contain; the message lists the valid names.</summary>
public sealed class UnknownGraphPresetException(string name, IReadOnlyList<string> validNames)
    : KeyNotFoundException($"Unknown graph preset '{name}'. Valid names: {string.Join(", ", validNames)}.")
{
    public string Name { get; } = name;

    public IReadOnlyList<string> ValidNames { get; } = validNames;
}
