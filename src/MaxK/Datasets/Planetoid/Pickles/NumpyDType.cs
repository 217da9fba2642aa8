namespace MaxK.Datasets.Planetoid.Pickles;

/// <summary>
/// A pickled <c>numpy.dtype</c>: built from its type string ("i4", "f4", "f8", "u1", "b1", …), then given its
/// state tuple, whose second item is the byte-order character ('&lt;', '&gt;', '|' or '=').
/// </summary>
internal sealed class NumpyDType(string typeString)
{
    public string TypeString { get; } = typeString;

    /// <summary>'i' signed, 'u' unsigned, 'f' float, 'b' bool.</summary>
    public char Kind => TypeString.Length > 0 ? TypeString[0] : '?';

    /// <summary>Element size in bytes.</summary>
    public int ItemSizeBytes => int.TryParse(TypeString.AsSpan(1), out var size) ? size : 0;

    public bool BigEndian { get; private set; }

    /// <summary>Called by the unpickler's BUILD opcode with numpy's dtype state tuple.</summary>
    public void __setstate__(object[] state)
    {
        if (state.Length > 1 && state[1] is string order)
            BigEndian = order == ">" || (order == "=" && !BitConverter.IsLittleEndian);
    }

    public override string ToString() => (BigEndian ? ">" : "<") + TypeString;
}
