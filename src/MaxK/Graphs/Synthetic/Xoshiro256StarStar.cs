namespace MaxK.Graphs.Synthetic;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018): a small, fast 64-bit generator with 256 bits of state, seeded
/// through SplitMix64. Generators use one independent stream per row or per chunk of edges
/// (<see cref="ForStream"/>), so their output depends only on the seed, never on the thread count or the
/// scheduling. A mutable struct: pass it by <c>ref</c>.
/// </summary>
public struct Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the four state words from consecutive SplitMix64 outputs of <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
        // SplitMix64 outputs are a bijection of distinct inputs, so the state cannot be all zero
        // unless four consecutive outputs are zero, which does not happen.
    }

    /// <summary>
    /// A generator for stream <paramref name="streamIndex"/> of <paramref name="seed"/>: the pair is hashed
    /// (SplitMix64 finaliser over seed, then stream) so neighbouring streams are decorrelated.
    /// </summary>
    public static Xoshiro256StarStar ForStream(ulong seed, ulong streamIndex)
    {
        var h = Mix(seed ^ 0x6A09E667F3BCC909UL);
        h = Mix(h ^ (streamIndex * 0x9E3779B97F4A7C15UL + 0xBB67AE8584CAA73BUL));
        return new Xoshiro256StarStar(h);
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), unbiased (Lemire's multiply-and-reject).</summary>
    public uint NextBounded(uint bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        var product = (ulong)(uint)(NextUInt64() >> 32) * bound;
        var low = (uint)product;
        if (low < bound)
        {
            var threshold = (0u - bound) % bound;
            while (low < threshold)
            {
                product = (ulong)(uint)(NextUInt64() >> 32) * bound;
                low = (uint)product;
            }
        }
        return (uint)(product >> 32);
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
