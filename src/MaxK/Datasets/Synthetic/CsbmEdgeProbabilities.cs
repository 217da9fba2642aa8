namespace MaxK.Datasets.Synthetic;

/// <summary>
/// Edge probabilities of the stochastic block model. With class sizes n_c, S = Σ n_c(n_c − 1)/2 same-class
/// pairs and D = N(N − 1)/2 − S other pairs, an expected d·N/2 undirected edges of which a share h is same-class
/// need p_in = h·d·N / (2S) and p_out = (1 − h)·d·N / (2D). The expected number of directed edges (both
/// directions stored) is then 2(p_in·S + p_out·D) = d·N.
/// </summary>
/// <param name="SameClass">p_in, probability of an edge between two nodes of one class.</param>
/// <param name="OtherClass">p_out, probability of an edge between nodes of different classes.</param>
/// <param name="SameClassPairs">S.</param>
/// <param name="OtherClassPairs">D.</param>
public sealed record CsbmEdgeProbabilities(double SameClass, double OtherClass, double SameClassPairs, double OtherClassPairs)
{
    /// <summary>Expected stored (directed) edges: both directions of every undirected edge.</summary>
    public double ExpectedDirectedEdges => 2 * (SameClass * SameClassPairs + OtherClass * OtherClassPairs);

    /// <summary>Expected share of same-class edges.</summary>
    public double ExpectedHomophily
    {
        get
        {
            var total = SameClass * SameClassPairs + OtherClass * OtherClassPairs;
            return total == 0 ? 0 : SameClass * SameClassPairs / total;
        }
    }

    /// <summary>Standard deviation of the directed edge count (a sum of independent Bernoulli pairs, ×2).</summary>
    public double DirectedEdgesStdDev =>
        2 * Math.Sqrt(SameClass * (1 - SameClass) * SameClassPairs + OtherClass * (1 - OtherClass) * OtherClassPairs);

    /// <summary>The probabilities for the given class sizes, average degree and homophily.</summary>
    /// <exception cref="ArgumentException">A probability would exceed 1 (degree too high for the class sizes).</exception>
    public static CsbmEdgeProbabilities For(IReadOnlyList<int> classSizes, double averageDegree, double homophily)
    {
        ArgumentNullException.ThrowIfNull(classSizes);
        double n = classSizes.Sum(s => (long)s);
        var same = classSizes.Sum(s => (double)s * (s - 1) / 2);
        var other = n * (n - 1) / 2 - same;
        var undirected = averageDegree * n / 2;
        var pIn = same > 0 ? homophily * undirected / same : 0;
        var pOut = other > 0 ? (1 - homophily) * undirected / other : 0;
        if (pIn > 1 || pOut > 1)
            throw new ArgumentException($"Average degree {averageDegree} with homophily {homophily} needs edge probabilities p_in = {pIn:G4}, p_out = {pOut:G4}; both must be at most 1.");
        if ((homophily > 0 && same == 0 && undirected > 0) || (homophily < 1 && other == 0 && undirected > 0))
            throw new ArgumentException($"Homophily {homophily} cannot be reached with these class sizes.");
        return new CsbmEdgeProbabilities(pIn, pOut, same, other);
    }
}
