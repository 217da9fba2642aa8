using System.Numerics;

namespace MaxK.Graphs.Synthetic;

/// <summary>
/// Draws one R-MAT edge. Quadrant choice per level from 32 random bits: u &lt; a → (0,0), &lt; a+b → (0,1),
/// &lt; a+b+c → (1,0), else (1,1); thresholds are the probabilities scaled by 2^32 (resolution 2.3e-10).
/// One 64-bit draw serves two levels. Edges outside [0, N)² are re-drawn.
/// </summary>
internal readonly struct RmatSampler
{
    private readonly int _nodes;
    private readonly int _levels;
    private readonly ulong _thresholdA;
    private readonly ulong _thresholdAB;
    private readonly ulong _thresholdABC;

    public RmatSampler(int nodes, double a, double b, double c)
    {
        _nodes = nodes;
        _levels = nodes == 1 ? 0 : BitOperations.Log2((uint)(nodes - 1)) + 1;
        _thresholdA = Scale(a);
        _thresholdAB = Scale(a + b);
        _thresholdABC = Scale(a + b + c);
    }

    public (int Row, int Column) NextEdge(ref Xoshiro256StarStar rng)
    {
        while (true)
        {
            var row = 0;
            var column = 0;
            ulong bits = 0;
            for (var level = 0; level < _levels; level++)
            {
                if ((level & 1) == 0)
                    bits = rng.NextUInt64();
                else
                    bits >>= 32;
                var u = bits & 0xFFFF_FFFFUL;
                var geA = u >= _thresholdA ? 1 : 0;
                var geAB = u >= _thresholdAB ? 1 : 0;
                var geABC = u >= _thresholdABC ? 1 : 0;
                row = (row << 1) | geAB;
                column = (column << 1) | (geA ^ geAB ^ geABC);
            }
            if (row < _nodes && column < _nodes)
                return (row, column);
        }
    }

    private static ulong Scale(double probability) =>
        (ulong)Math.Clamp(Math.Round(probability * 4294967296.0), 0.0, 4294967296.0);
}
