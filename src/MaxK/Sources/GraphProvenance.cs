namespace MaxK.Sources;

/// <summary>
/// Where a loaded graph came from, for records and reports: <see cref="Synthetic"/> (true only for presets, which are
/// generated and read no file), the <see cref="Spec"/> as given, a human <see cref="Label"/>, and every file read with its
/// SHA-256 (empty for presets).
/// </summary>
public sealed record GraphProvenance(bool Synthetic, string Spec, string Label, IReadOnlyList<SourceFile> Files);
