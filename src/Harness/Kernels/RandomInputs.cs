using MaxK.Graphs.Synthetic;

namespace MaxK.Harness.Kernels;

/// <summary>Fresh, seeded dense inputs uniform in [−1, 1): never zeros, which would hide unwritten outputs.</summary>
public static class RandomInputs
{
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
}
