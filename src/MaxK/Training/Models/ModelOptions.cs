namespace MaxK.Training.Models;

/// <summary>The three GNN architectures of the paper (design §4).</summary>
public enum GnnArchitecture
{
    /// <summary>GraphSAGE with mean aggregation: fc_self(h) + fc_neigh(mean_N(h)) + bias.</summary>
    Sage,

    /// <summary>GCN: Linear → nonlinearity → dropout → D^-½ A D^-½ aggregation + bias.</summary>
    Gcn,

    /// <summary>GIN: Linear → nonlinearity → dropout → (1+ε)·h + Σ_N h with learnable ε.</summary>
    Gin,
}

/// <summary>The hidden layers' nonlinearity.</summary>
public enum Nonlinearity
{
    Relu,

    /// <summary>Keep the k largest entries of each row by signed value (design §1).</summary>
    MaxK,
}

/// <summary>Shape and regularisation of a model.</summary>
/// <param name="Architecture">SAGE, GCN or GIN.</param>
/// <param name="Nonlinearity">ReLU or MaxK.</param>
/// <param name="K">MaxK's k (ignored for ReLU), 1 ≤ k ≤ hidden.</param>
/// <param name="InputFeatures">F, the input feature width.</param>
/// <param name="Hidden">Width of the hidden layers.</param>
/// <param name="Classes">Output width (classes or labels).</param>
/// <param name="HiddenLayers">L, the number of graph layers between the input and output linear layers (≥ 1).</param>
/// <param name="Dropout">Dropout probability of the hidden layers' aggregation input, in [0, 1).</param>
/// <param name="LayerNorm">LayerNorm after every graph layer (the paper's scripts all pass --norm).</param>
/// <param name="InputDropout">Dropout of the raw input features (0 in the paper's models).</param>
public sealed record ModelOptions(
    GnnArchitecture Architecture,
    Nonlinearity Nonlinearity,
    int K,
    int InputFeatures,
    int Hidden,
    int Classes,
    int HiddenLayers,
    double Dropout,
    bool LayerNorm = true,
    double InputDropout = 0)
{
    /// <summary>Throws <see cref="ArgumentException"/> describing the first invalid field.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Architecture))
            throw new ArgumentException($"Unknown architecture {Architecture}.");
        if (!Enum.IsDefined(Nonlinearity))
            throw new ArgumentException($"Unknown nonlinearity {Nonlinearity}.");
        if (InputFeatures < 1 || Hidden < 1 || Classes < 1)
            throw new ArgumentException($"Feature, hidden and class counts must be positive (got {InputFeatures}, {Hidden}, {Classes}).");
        if (HiddenLayers < 1)
            throw new ArgumentException($"--layers must be at least 1, got {HiddenLayers}.");
        if (Nonlinearity == Nonlinearity.MaxK && (K < 1 || K > Hidden))
            throw new ArgumentException($"MaxK's k must lie in [1, hidden = {Hidden}], got {K}.");
        if (Nonlinearity == Nonlinearity.MaxK && Hidden > Formats.Cbsr.MaxDimUInt16)
            throw new ArgumentException($"MaxK supports hidden widths up to {Formats.Cbsr.MaxDimUInt16}, got {Hidden}.");
        if (!(Dropout >= 0 && Dropout < 1) || !(InputDropout >= 0 && InputDropout < 1)) // NaN fails too
            throw new ArgumentException($"Dropout probabilities must lie in [0, 1), got {Dropout} and {InputDropout}.");
    }
}
