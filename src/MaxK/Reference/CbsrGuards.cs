using MaxK.Formats;
using MaxK.Graphs;

namespace MaxK.Reference;

/// <summary>Shared operand checks of the CBSR reference kernels.</summary>
internal static class CbsrGuards
{
    public static void RequireMatchingRows(CsrGraph a, Cbsr x)
    {
        if (x.Rows != a.NodeCount)
            throw new OperandShapeMismatchException($"CBSR operand has {x.Rows} rows but the graph has N = {a.NodeCount} nodes.");
    }

    /// <summary>The kernels read uint16 indices through a ushort pointer, which is only correct on little-endian hosts.</summary>
    public static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("The CBSR reference kernels assume a little-endian host.");
    }
}
