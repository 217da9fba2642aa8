using MaxK.Formats;

namespace MaxK.Tests.Support;

/// <summary>Seeded random dense matrices and CBSR matrices with distinct indices per row.</summary>
internal static class RandomMatrices
{
    /// <summary>length floats uniform in [−1, 1).</summary>
    public static float[] Dense(int seed, int length)
    {
        var rng = new Random(seed);
        var data = new float[length];
        for (var i = 0; i < data.Length; i++)
            data[i] = (rng.NextSingle() * 2) - 1;
        return data;
    }

    /// <summary>length floats drawn from {−2, −1, 0, 1, 2}, so rows are full of ties.</summary>
    public static float[] DenseWithTies(int seed, int length)
    {
        var rng = new Random(seed);
        var data = new float[length];
        for (var i = 0; i < data.Length; i++)
            data[i] = rng.Next(-2, 3);
        return data;
    }

    /// <summary>A rows × dim CBSR with k distinct random columns per row (random order) and random values.</summary>
    public static MaxK.Formats.Cbsr Cbsr(int seed, int rows, int dim, int k)
    {
        var rng = new Random(seed);
        var width = (int)MaxK.Formats.Cbsr.IndexWidthFor(dim);
        var values = new float[rows * k];
        var indexBytes = new byte[rows * k * width];
        var pool = Enumerable.Range(0, dim).ToArray();
        for (var r = 0; r < rows; r++)
        {
            for (var s = 0; s < k; s++)
            {
                var j = rng.Next(s, dim);
                (pool[s], pool[j]) = (pool[j], pool[s]);
                values[(r * k) + s] = (rng.NextSingle() * 2) - 1;
                indexBytes[((r * k) + s) * width] = (byte)pool[s];
                if (width == 2)
                    indexBytes[(((r * k) + s) * 2) + 1] = (byte)(pool[s] >> 8);
            }
        }
        return new MaxK.Formats.Cbsr(rows, dim, k, values, indexBytes);
    }
}
