namespace MaxK.Harness.Vocabulary;

/// <summary>
/// Implementation ids of kernel records made by peers, other programs run as black boxes: never verified by this
/// harness, timed with their own protocol, never one of our speed-ups and never a failure of ours.
/// </summary>
public static class PeerImplementations
{
    /// <summary>The released MaxK-GNN kernels (their records: maxk_forward, maxk_backward, cusparse_spmm_default).</summary>
    public const string MaxkGnnReleased = "maxk-gnn-released";

    /// <summary>True for a peer's implementation id.</summary>
    public static bool IsPeer(string implementation) => implementation == MaxkGnnReleased;
}
