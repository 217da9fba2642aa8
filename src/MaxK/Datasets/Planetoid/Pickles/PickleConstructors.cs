using System.Collections;
using Razorvine.Pickle;

namespace MaxK.Datasets.Planetoid.Pickles;

/// <summary><c>numpy.core.multiarray._reconstruct(ndarray, (0,), 'b')</c>: an empty array that BUILD fills.</summary>
internal sealed class NumpyReconstructConstructor : IObjectConstructor
{
    public object construct(object[] args) => new NumpyArray();
}

/// <summary><c>numpy.dtype(typeString, align, copy)</c>.</summary>
internal sealed class NumpyDTypeConstructor : IObjectConstructor
{
    public object construct(object[] args) =>
        args is [string typeString, ..] ? new NumpyDType(typeString) : throw new PickleException("numpy.dtype needs a type string.");
}

/// <summary><c>scipy.sparse.csr.csr_matrix</c> via NEWOBJ with no arguments: an empty matrix that BUILD fills.</summary>
internal sealed class ScipyCsrMatrixConstructor : IObjectConstructor
{
    public object construct(object[] args) => new ScipyCsrMatrix();
}

/// <summary>
/// <c>collections.defaultdict(list)</c>: a plain <see cref="Hashtable"/> (the unpickler's SETITEMS needs one);
/// the default factory is irrelevant once loaded.
/// </summary>
internal sealed class DefaultDictConstructor : IObjectConstructor
{
    public object construct(object[] args) => new Hashtable();
}
