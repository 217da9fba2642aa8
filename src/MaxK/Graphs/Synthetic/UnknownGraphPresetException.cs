using MaxK.Naming;

namespace MaxK.Graphs.Synthetic;

/// <summary>A graph preset name that the catalogue does not contain; the message offers the closest name and lists the valid ones.</summary>
public sealed class UnknownGraphPresetException(string name, IReadOnlyList<string> validNames)
    : KeyNotFoundException($"Unknown graph preset '{name}'.{NameSuggestions.DidYouMean(name, validNames)} Valid names: {string.Join(", ", validNames)}.")
{
    public string Name { get; } = name;

    public IReadOnlyList<string> ValidNames { get; } = validNames;
}
