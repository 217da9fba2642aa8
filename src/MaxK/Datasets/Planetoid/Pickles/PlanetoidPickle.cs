using Razorvine.Pickle;

namespace MaxK.Datasets.Planetoid.Pickles;

/// <summary>
/// Unpickles Planetoid files (Python 2, protocol 2) with Razorvine.Pickle, registering constructors for the
/// globals those files use: numpy.core.multiarray._reconstruct, numpy.dtype, scipy.sparse.csr.csr_matrix and
/// collections.defaultdict (plus the module names newer numpy/scipy write). Registration is process-wide in
/// Razorvine, so it is done once here.
/// </summary>
internal static class PlanetoidPickle
{
    private static readonly Lock RegistrationLock = new();
    private static bool _registered;

    /// <summary>Unpickles <paramref name="path"/>; any decoding failure becomes a <see cref="CorruptDatasetException"/>.</summary>
    public static object Load(string path)
    {
        EnsureRegistered();
        var bytes = File.ReadAllBytes(path);
        try
        {
            using var unpickler = new Unpickler();
            return unpickler.loads(bytes) ?? throw new CorruptDatasetException(path, "the pickle holds None.");
        }
        catch (Exception e) when (e is not CorruptDatasetException and not OutOfMemoryException)
        {
            throw new CorruptDatasetException(path, $"cannot unpickle ({e.GetBaseException().Message}).", e);
        }
    }

    private static void EnsureRegistered()
    {
        lock (RegistrationLock)
        {
            if (_registered)
                return;
            foreach (var module in new[] { "numpy.core.multiarray", "numpy._core.multiarray" })
                Unpickler.registerConstructor(module, "_reconstruct", new NumpyReconstructConstructor());
            Unpickler.registerConstructor("numpy", "dtype", new NumpyDTypeConstructor());
            foreach (var module in new[] { "scipy.sparse.csr", "scipy.sparse._csr", "scipy.sparse" })
                Unpickler.registerConstructor(module, "csr_matrix", new ScipyCsrMatrixConstructor());
            Unpickler.registerConstructor("collections", "defaultdict", new DefaultDictConstructor());
            _registered = true;
        }
    }
}
