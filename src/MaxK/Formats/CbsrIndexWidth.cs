namespace MaxK.Formats;

/// <summary>Bytes per CBSR column index; follows the dense dimension D.</summary>
public enum CbsrIndexWidth
{
    /// <summary>uint8 indices, for D ≤ 256.</summary>
    UInt8 = 1,

    /// <summary>uint16 indices, for 256 &lt; D ≤ 65,536.</summary>
    UInt16 = 2,
}
