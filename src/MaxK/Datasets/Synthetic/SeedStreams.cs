using MaxK.Graphs.Synthetic;

namespace MaxK.Datasets.Synthetic;

/// <summary>
/// Independent random streams of one dataset seed: each part of a generated dataset (labels, graph rows,
/// class means, feature rows, split) draws from its own derived seed, so changing one part's use of
/// randomness never shifts another's.
/// </summary>
internal static class SeedStreams
{
    public const ulong Labels = 1;
    public const ulong Graph = 2;
    public const ulong ClassMeans = 3;
    public const ulong FeatureRows = 4;
    public const ulong Split = 5;

    /// <summary>The seed of part <paramref name="part"/> of dataset seed <paramref name="seed"/>.</summary>
    public static ulong Derive(ulong seed, ulong part) => Xoshiro256StarStar.ForStream(seed, part).NextUInt64();

    /// <summary>A generator for part <paramref name="part"/>.</summary>
    public static Xoshiro256StarStar For(ulong seed, ulong part) => new(Derive(seed, part));
}
