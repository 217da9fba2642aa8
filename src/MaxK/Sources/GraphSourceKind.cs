namespace MaxK.Sources;

/// <summary>Where a graph comes from; the prefix of its spec (see <see cref="GraphSourceSpec"/>).</summary>
public enum GraphSourceKind
{
    /// <summary><c>NAME</c>: a synthetic preset, generated from the seed (GraphPresets).</summary>
    Preset,

    /// <summary><c>csr:DIR/NAME</c>: raw int32 CSR files NAME.indptr + NAME.indices (+ float32 NAME.values).</summary>
    Csr,

    /// <summary><c>dir:DIR</c>: every NAME.indptr/NAME.indices pair in DIR, one graph each, by name.</summary>
    Directory,

    /// <summary><c>edges:FILE</c>: a SNAP-style text edge list (optionally .gz).</summary>
    EdgeList,

    /// <summary><c>dataset:NAME</c>: the graph of a real catalog dataset, through its loader.</summary>
    Dataset,
}
