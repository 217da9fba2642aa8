using System.Buffers.Binary;
using MaxK.Formats;
using MaxK.Interop;

namespace MaxK.Kernels;

/// <summary>
/// A CBSR matrix in device memory (<see cref="Cbsr"/>'s layout): <see cref="Values"/> holds Rows × K float32 and
/// <see cref="Indices"/> Rows × K indices of <see cref="IndexWidth"/> bytes, row i at entry i·K. Owns both buffers.
/// Unlike the host type, the index width is free: uint16 also for D ≤ 256 (the kernels accept both there).
/// </summary>
public sealed class DeviceCbsr : IDisposable
{
    private DeviceCbsr(int rows, int dim, int k, CbsrIndexWidth width, DeviceBuffer values, DeviceBuffer indices)
    {
        Rows = rows;
        Dim = dim;
        K = k;
        IndexWidth = width;
        Values = values;
        Indices = indices;
    }

    /// <summary>N.</summary>
    public int Rows { get; }

    /// <summary>D, the dense width the indices address.</summary>
    public int Dim { get; }

    /// <summary>Entries per row.</summary>
    public int K { get; }

    public CbsrIndexWidth IndexWidth { get; }

    /// <summary>Rows × K float32.</summary>
    public DeviceBuffer Values { get; }

    /// <summary>Rows × K indices of <see cref="IndexWidth"/> bytes.</summary>
    public DeviceBuffer Indices { get; }

    /// <summary>
    /// Allocates an uninitialised CBSR of <paramref name="rows"/> × <paramref name="dim"/> with <paramref name="k"/> entries per
    /// row; the index width defaults to <see cref="Cbsr.IndexWidthFor"/>(D).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">rows &lt; 0, D outside [1, 65,536], k outside [1, D], or uint8 with D &gt; 256.</exception>
    public static DeviceCbsr Allocate(int rows, int dim, int k, CbsrIndexWidth? indexWidth = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var width = indexWidth ?? Cbsr.IndexWidthFor(dim);
        MaxkShapeLimits.CheckIndexWidth(width);
        _ = Cbsr.IndexWidthFor(dim); // throws for D outside [1, 65,536]
        if (k < 1 || k > dim)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must lie in [1, D = {dim}].");
        if (width == CbsrIndexWidth.UInt8 && dim > Cbsr.MaxDimUInt8)
            throw new ArgumentOutOfRangeException(nameof(indexWidth), width, $"uint8 indices cannot address D = {dim} > {Cbsr.MaxDimUInt8}.");
        var entries = (long)rows * k;
        DeviceBuffer? values = null;
        try
        {
            values = DeviceBuffer.Allocate<float>(entries);
            var indices = DeviceBuffer.Allocate(entries * (int)width);
            return new DeviceCbsr(rows, dim, k, width, values, indices);
        }
        catch
        {
            values?.Dispose();
            throw;
        }
    }

    /// <summary>Copies a host CBSR to the device, converting its indices to <paramref name="indexWidth"/> when given.</summary>
    public static DeviceCbsr Upload(Cbsr host, CbsrIndexWidth? indexWidth = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var width = indexWidth ?? host.IndexWidth;
        var device = Allocate(host.Rows, host.Dim, host.K, width);
        try
        {
            device.Values.CopyFromHost<float>(host.Values);
            device.Indices.CopyFromHost<byte>(ConvertIndices(host.IndexBytes, host.IndexWidth, width, host.K, host.Dim));
            return device;
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Copies both arrays back (synchronous) and validates them as a host <see cref="Cbsr"/>, whose index width follows D
    /// (uint16 indices of a D ≤ 256 matrix are narrowed). Throws an <see cref="InvalidCbsrException"/> subclass if the
    /// device data is not valid CBSR (an index out of range or repeated in a row).
    /// </summary>
    public Cbsr Download()
    {
        var values = Values.ToArray<float>();
        var indices = Indices.ToArray<byte>();
        var hostWidth = Cbsr.IndexWidthFor(Dim);
        return new Cbsr(Rows, Dim, K, values, ConvertIndices(indices, IndexWidth, hostWidth, K, Dim));
    }

    /// <summary>Sets every byte of both buffers to 0xFF (NaN values, out-of-range or repeated indices): shows unwritten entries.</summary>
    public void Poison()
    {
        Values.FillBytes(0xFF);
        Indices.FillBytes(0xFF);
    }

    public override string ToString() => $"DeviceCbsr(N={Rows}, D={Dim}, k={K}, index={IndexWidth})";

    public void Dispose()
    {
        Values.Dispose();
        Indices.Dispose();
    }

    /// <summary>
    /// Re-encodes little-endian indices from one width to another; narrowing to uint8 throws
    /// <see cref="CbsrIndexOutOfRangeException"/> for an index that does not fit (entry i is row i / k, slot i % k).
    /// </summary>
    internal static byte[] ConvertIndices(byte[] source, CbsrIndexWidth from, CbsrIndexWidth to, int k, int dim)
    {
        if (from == to)
            return source;
        var count = source.Length / (int)from;
        var result = new byte[count * (int)to];
        for (var i = 0; i < count; i++)
        {
            int index = from == CbsrIndexWidth.UInt8 ? source[i] : BinaryPrimitives.ReadUInt16LittleEndian(source.AsSpan(i * 2));
            if (to == CbsrIndexWidth.UInt8)
            {
                if (index > byte.MaxValue)
                    throw new CbsrIndexOutOfRangeException(i / k, i % k, index, dim);
                result[i] = (byte)index;
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(i * 2), (ushort)index);
            }
        }
        return result;
    }
}
