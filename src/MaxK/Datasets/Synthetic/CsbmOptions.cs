using System.Globalization;

namespace MaxK.Datasets.Synthetic;

/// <summary>
/// Parameters of a contextual stochastic block model (CSBM) node-classification dataset: N nodes in C classes,
/// an undirected graph whose edges join same-class nodes with probability p_in and other pairs with p_out
/// (chosen by <see cref="CsbmEdgeProbabilities"/> so that the mean degree is <see cref="AverageDegree"/> and a share
/// <see cref="Homophily"/> of the edges is same-class), and F-dimensional features = class mean + N(0, 1) noise,
/// the class means being random unit directions scaled by <see cref="SignalStrength"/>.
/// </summary>
/// <param name="Name">Dataset name, e.g. "csbm-reddit".</param>
/// <param name="Nodes">N ≥ 2.</param>
/// <param name="Classes">C ≥ 2.</param>
/// <param name="AverageDegree">Expected directed edges per node after symmetrisation (2 × pairs / N), no self-loops.</param>
/// <param name="Homophily">Expected share of edges whose endpoints are in the same class, in [0, 1].</param>
/// <param name="Features">F ≥ 1.</param>
/// <param name="SignalStrength">μ: length of each class mean vector, in units of the per-dimension noise σ = 1.</param>
/// <param name="Split">Train/validation/test fractions.</param>
/// <param name="ClassProportions">Share of each class (C values summing to 1), or null for balanced classes.</param>
/// <param name="FeatureScale">Factor applied to every feature (mean and noise alike: separability is unchanged, only the
/// magnitude a first layer sees), 1 = unit noise per dimension.</param>
public sealed record CsbmOptions(
    string Name,
    int Nodes,
    int Classes,
    double AverageDegree,
    double Homophily,
    int Features,
    double SignalStrength,
    SplitFractions Split,
    IReadOnlyList<double>? ClassProportions = null,
    double FeatureScale = 1)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad parameter.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        if (Nodes < 2)
            throw new ArgumentException($"CSBM '{Name}': nodes must be at least 2, got {Nodes}.");
        if (Classes < 2)
            throw new ArgumentException($"CSBM '{Name}': classes must be at least 2, got {Classes}.");
        if (Classes > Nodes)
            throw new ArgumentException($"CSBM '{Name}': classes ({Classes}) must not exceed nodes ({Nodes}).");
        if (!(AverageDegree >= 0) || double.IsInfinity(AverageDegree))
            throw new ArgumentException($"CSBM '{Name}': average degree must be finite and non-negative, got {AverageDegree}.");
        if (!(Homophily >= 0 && Homophily <= 1))
            throw new ArgumentException($"CSBM '{Name}': homophily must be in [0, 1], got {Homophily}.");
        if (Features < 1)
            throw new ArgumentException($"CSBM '{Name}': features must be at least 1, got {Features}.");
        if (!(SignalStrength >= 0) || double.IsInfinity(SignalStrength))
            throw new ArgumentException($"CSBM '{Name}': signal strength must be finite and non-negative, got {SignalStrength}.");
        if (!(FeatureScale > 0) || double.IsInfinity(FeatureScale))
            throw new ArgumentException($"CSBM '{Name}': feature scale must be finite and positive, got {FeatureScale}.");
        ArgumentNullException.ThrowIfNull(Split);
        Split.Validate();
        if (ClassProportions is not null)
        {
            if (ClassProportions.Count != Classes)
                throw new ArgumentException($"CSBM '{Name}': {ClassProportions.Count} class proportions given for {Classes} classes.");
            if (ClassProportions.Any(p => !(p > 0)) || Math.Abs(ClassProportions.Sum() - 1) > 1e-9)
                throw new ArgumentException($"CSBM '{Name}': class proportions must be positive and sum to 1.");
        }
    }

    /// <summary>What the dataset is, for reports, e.g. "synthetic CSBM: 3,000 nodes, 7 classes, …".</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"synthetic CSBM: {Nodes:N0} nodes, {Classes} classes, avg degree {AverageDegree:0.#}, homophily {Homophily:0.##}, {Features} features, signal {SignalStrength:0.##}{(FeatureScale == 1 ? "" : $", feature scale {FeatureScale:0.####}")}");

    /// <summary>Name and description.</summary>
    public string Label => $"{Name} ({Description})";
}
