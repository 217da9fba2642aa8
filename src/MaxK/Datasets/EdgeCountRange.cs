using System.Globalization;

namespace MaxK.Datasets;

/// <summary>
/// The edges a loader may return after its documented preparation: [<see cref="Min"/>, <see cref="Max"/>], equal
/// bounds for a count measured or published for exactly that preparation. <see cref="Reason"/> says where the
/// bounds come from, so a refusal can be judged.
/// </summary>
public sealed record EdgeCountRange(long Min, long Max, string Reason)
{
    /// <summary>An exact count (measured on the real files, or published for the same preparation).</summary>
    public static EdgeCountRange Exactly(long edges, string reason) => new(edges, edges, reason);

    /// <summary>
    /// A loader that sorts and de-duplicates a raw list of <paramref name="rawEntries"/> edges: at most that many, and
    /// at least 99 % of them (the raw files are not expected to repeat entries; a larger loss means other data).
    /// </summary>
    public static EdgeCountRange Deduplicated(long rawEntries, string reason) =>
        new((long)Math.Ceiling(rawEntries * 0.99), rawEntries, reason + "; sorted and de-duplicated: at most the raw count, at least 99 % of it");

    /// <summary>
    /// The union of a directed edge list with its reverse, de-duplicated: between the <paramref name="directedEdges"/>
    /// (every edge already has its reverse) and twice that (none has).
    /// </summary>
    public static EdgeCountRange Symmetrized(long directedEdges, string reason) =>
        new(directedEdges, 2 * directedEdges, reason + "; symmetrised: between the directed count and twice it");

    public bool Contains(long edges) => edges >= Min && edges <= Max;

    public override string ToString() => Min == Max
        ? Min.ToString("N0", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Min:N0} to {Max:N0}");
}
