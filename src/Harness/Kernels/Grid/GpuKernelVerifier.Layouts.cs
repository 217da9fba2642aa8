using MaxK.Formats;
using MaxK.Harness.Kernels.Descriptors;
using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Partition;
using MaxK.Reference;

namespace MaxK.Harness.Kernels.Grid;

/// <summary>Layout checks: the native work partition against the CPU one, and CBSR arrays off the vector path's alignment.</summary>
public sealed partial class GpuKernelVerifier
{
    /// <summary>
    /// The native partition of the weighted graph with max_chunk <paramref name="chunk"/> vs the CPU
    /// <see cref="WorkPartition"/>: the same records, split flags, part_ptr (with the E sentinel), part2node, zero rows
    /// and counts. Mismatches counts differing entries.
    /// </summary>
    public GpuKernelCheck Partition(int chunk) =>
        Check(PartitionName, PartitionVariant(chunk), 0, 0, "WorkPartition (CPU), exact", 0, () =>
        {
            using var p = GpuPartition.Create(_dWeighted, chunk);
            var cpu = WorkPartition.Build(_weighted, chunk).Records.ToArray();
            var records = p.DownloadRecords();
            var partPtr = p.DownloadPartPtr();
            var part2Node = p.DownloadPart2Node();
            long mismatches = Math.Abs(cpu.Length - p.RecordCount);
            for (var i = 0; i < Math.Min(cpu.Length, p.RecordCount); i++)
            {
                var (row, start, length) = (records[4 * i], records[(4 * i) + 1], records[(4 * i) + 2]);
                var split = _weighted.Degree(cpu[i].Row) > chunk ? 1 : 0;
                if (row != cpu[i].Row || start != cpu[i].Start || length != cpu[i].Length || (records[(4 * i) + 3] & 1) != split
                    || partPtr[i] != cpu[i].Start || part2Node[i] != cpu[i].Row)
                    mismatches++;
            }
            if (partPtr[^1] != _weighted.EdgeCount)
                mismatches++;
            var zeroRows = Enumerable.Range(0, _weighted.NodeCount).Where(r => _weighted.Degree(r) == 0 || _weighted.Degree(r) > chunk).ToArray();
            var gpuZeroRows = p.DownloadZeroRows();
            mismatches += Math.Abs(zeroRows.Length - gpuZeroRows.Length) + zeroRows.Zip(gpuZeroRows).Count(z => z.First != z.Second);
            var info = p.Info;
            var degrees = Enumerable.Range(0, _weighted.NodeCount).Select(_weighted.Degree).ToArray();
            if (info.Rows != _weighted.NodeCount || info.NonZeros != _weighted.EdgeCount || info.MaxChunk != chunk
                || info.NumEmptyRows != degrees.Count(d => d == 0) || info.NumSplitRows != degrees.Count(d => d > chunk)
                || info.MaxDegree != degrees.Max() || info.NumZeroRows != zeroRows.Length)
                mismatches++;
            return (0, mismatches);
        });

    /// <summary>
    /// Forward and backward with the CBSR values 4 bytes and the indices one index past a 16-byte boundary (naturally
    /// aligned, but not for the vector path): the library must fall back to its scalar path with the same results.
    /// The error is the larger of the two relative errors.
    /// </summary>
    public GpuKernelCheck UnalignedCbsr(int k, int dim)
    {
        var w = Cbsr.IndexWidthFor(dim);
        return Check(ForwardAndBackwardName, UnalignedCbsrVariant(w), k, dim,
            "SpgemmForwardReference and SspmmBackwardReference (CPU, double); " + Poisoned, Tolerance, () =>
        {
            var n = _weighted.NodeCount;
            var x = RandomCbsr(k, dim, Stream(9, (int)w, k, dim));
            var g = RandomInputs.Dense(n, dim, _seed, Stream(9, 5 + (int)w, k, dim));
            var entries = (long)n * k;
            using var values = DeviceBuffer.Allocate<float>(entries + 1);
            values.CopyFromHost<float>(x.Values, destinationOffsetBytes: sizeof(float));
            using var indices = DeviceBuffer.Allocate((entries + 1) * (int)w);
            indices.CopyFromHost<byte>(x.IndexBytes, destinationOffsetBytes: (int)w);
            using var dy = Poison(DeviceBuffer.Allocate<float>((long)n * dim));
            using var dg = DeviceBuffer.FromHost<float>(g);
            using var dxs = Poison(DeviceBuffer.Allocate<float>(entries + 1));
            GpuSpgemmForward.Run(_pWeighted, values.Pointer + sizeof(float), indices.Pointer + (int)w, w, k, dim, dy.Pointer);
            GpuSspmmBackward.Run(_pMean, dg.Pointer, indices.Pointer + (int)w, w, k, dim, dxs.Pointer + sizeof(float));
            CudaRuntime.Synchronize();
            var forward = MaxK.Verification.RelativeError.Compute(dy.ToArray<float>(), MaxKForwardKernel.Reference(_weighted, x));
            var backward = MaxK.Verification.RelativeError.Compute(dxs.ToArray<float>().AsSpan(1), MaxKBackwardKernel.Reference(_mean, g, x));
            return (Math.Max(forward, backward), 0);
        });
    }
}
