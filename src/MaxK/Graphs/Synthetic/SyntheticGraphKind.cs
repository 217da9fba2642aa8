namespace MaxK.Graphs.Synthetic;

/// <summary>Which generator builds a <see cref="GraphPreset"/>.</summary>
public enum SyntheticGraphKind
{
    /// <summary><see cref="UniformRandomGraph"/>: exact edge count, every row within one of the mean degree.</summary>
    Uniform,

    /// <summary><see cref="RmatGraph"/>: power-law degrees, de-duplicated, so fewer edges than requested.</summary>
    Rmat,
}
