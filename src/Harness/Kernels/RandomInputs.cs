using MaxK.Graphs.Synthetic;

namespace MaxK.Harness.Kernels;

/// <summary>
/// Fresh, seeded random inputs: dense matrices uniform in [−1, 1) (never all zeros, which would hide unwritten
/// outputs) and edge weights uniform in [0, 1). Independent (seed, stream) pairs give independent data; results do
/// not depend on the thread count.
/// </summary>
public static class RandomInputs
{
    /// <summary>A row-major <paramref name="rows"/> × <paramref name="dim"/> matrix uniform in [−1, 1) (blocks of 1,024 rows per random stream).</summary>
    public static float[] Dense(int rows, int dim, ulong seed, ulong stream)
    {
        var data = new float[(long)rows * dim];
        const int blockRows = 1024;
        Parallel.For(0, (rows + blockRows - 1) / blockRows, block =>
        {
            var rng = Xoshiro256StarStar.ForStream(seed, (stream << 32) + (ulong)block);
            var start = (long)block * blockRows * dim;
            var end = Math.Min(data.LongLength, start + ((long)blockRows * dim));
            for (var i = start; i < end; i++)
                data[i] = (float)((rng.NextDouble() * 2) - 1);
        });
        return data;
    }

    /// <summary><paramref name="count"/> values uniform in [0, 1), e.g. the edge weights of the paper's kernel harness.</summary>
    public static float[] Uniform01(long count, ulong seed, ulong stream)
    {
        var data = new float[count];
        const long blockSize = 1 << 18;
        Parallel.For(0, (count + blockSize - 1) / blockSize, block =>
        {
            var rng = Xoshiro256StarStar.ForStream(seed, (stream << 32) + (ulong)block);
            var start = block * blockSize;
            var end = Math.Min(count, start + blockSize);
            for (var i = start; i < end; i++)
                data[i] = (float)rng.NextDouble();
        });
        return data;
    }
}
