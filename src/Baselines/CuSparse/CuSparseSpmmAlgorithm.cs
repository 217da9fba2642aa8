namespace MaxK.Baselines.CuSparse;

/// <summary>
/// The CSR members of <c>cusparseSpMMAlg_t</c> (same numbers in cuSPARSE 12.6 and CUDA 13.0; platform.md §1.2).
/// The fair baseline sweeps <see cref="CsrAlg2"/> and <see cref="CsrAlg3"/> and reports the faster, counting
/// ALG3's preprocessing separately (platform.md §2.4).
/// </summary>
public enum CuSparseSpmmAlgorithm
{
    /// <summary><c>CUSPARSE_SPMM_ALG_DEFAULT</c>: for row-major CSR it picks ALG2 (MaxK-GNN's published baseline).</summary>
    Default = 0,

    /// <summary><c>CUSPARSE_SPMM_CSR_ALG1</c>: slow with row-major operands.</summary>
    CsrAlg1 = 4,

    /// <summary><c>CUSPARSE_SPMM_CSR_ALG2</c>: row-major, the default's choice.</summary>
    CsrAlg2 = 6,

    /// <summary><c>CUSPARSE_SPMM_CSR_ALG3</c>: row-major, needs <c>cusparseSpMM_preprocess</c>; fastest at small widths.</summary>
    CsrAlg3 = 12,
}
