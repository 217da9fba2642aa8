namespace MaxK.Graphs;

/// <summary>How aggregation weights are derived from the graph structure (see <see cref="EdgeNormalizer"/>).</summary>
public enum EdgeNormalization
{
    /// <summary>Every edge weighs 1: Y[r] = Σ neighbours.</summary>
    Sum,

    /// <summary>Edge r → c weighs 1 / deg(r): Y[r] is the mean of its neighbours (SAGE mean, D⁻¹A).</summary>
    Mean,

    /// <summary>Edge r → c weighs 1 / √(deg(r)·deg(c)) (GCN's symmetric D^-½ A D^-½).</summary>
    Gcn,
}
