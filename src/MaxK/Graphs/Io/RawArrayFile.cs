using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MaxK.Graphs.Io;

/// <summary>
/// Whole-file little-endian arrays of 4-byte elements. Reads land directly in the result array (viewed as
/// bytes through <see cref="MemoryMarshal"/>), so a file costs one copy of its size in memory; writes go to a
/// temporary file in the same folder that is renamed over the target, so readers never see a half-written file.
/// </summary>
internal static class RawArrayFile
{
    /// <summary>Elements per read or write call: 16 MiB of data, so no span exceeds 2 GiB of bytes.</summary>
    private const int ElementsPerBlock = 1 << 22;

    /// <summary>Reads a file of 4-byte little-endian elements; its length must be a multiple of 4.</summary>
    public static T[] Read<T>(string path) where T : unmanaged
    {
        using var handle = OpenForRead(path);
        var bytes = RandomAccess.GetLength(handle);
        if (bytes % sizeof(int) != 0)
            throw new CorruptGraphFileException(path, $"length {bytes} bytes is not a multiple of 4.");
        var count = bytes / sizeof(int);
        if (count > Array.MaxLength)
            throw new CorruptGraphFileException(path, $"{count} elements exceed the largest array ({Array.MaxLength}).");
        var result = new T[count];
        long offsetBytes = 0;
        for (var start = 0; start < result.Length; start += ElementsPerBlock)
        {
            var block = MemoryMarshal.AsBytes(result.AsSpan(start, Math.Min(ElementsPerBlock, result.Length - start)));
            while (block.Length > 0)
            {
                var read = RandomAccess.Read(handle, block, offsetBytes);
                if (read == 0)
                    throw new CorruptGraphFileException(path, $"file ended at byte {offsetBytes} while reading {bytes} bytes.");
                offsetBytes += read;
                block = block[read..];
            }
        }
        if (!BitConverter.IsLittleEndian)
            ReverseEndianness(MemoryMarshal.Cast<T, int>(result.AsSpan()));
        return result;
    }

    /// <summary>
    /// The number of 4-byte elements in a file, from its length alone (nothing is read): lets a caller check a file
    /// against the size another file implies before allocating for it.
    /// </summary>
    public static long ElementCount(string path)
    {
        using var handle = OpenForRead(path);
        var bytes = RandomAccess.GetLength(handle);
        if (bytes % sizeof(int) != 0)
            throw new CorruptGraphFileException(path, $"length {bytes} bytes is not a multiple of 4.");
        return bytes / sizeof(int);
    }

    /// <summary>The 4-byte little-endian element at <paramref name="index"/> (the caller checked the length).</summary>
    public static int ReadInt32At(string path, long index)
    {
        using var handle = OpenForRead(path);
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        if (RandomAccess.Read(handle, bytes, index * sizeof(int)) != sizeof(int))
            throw new CorruptGraphFileException(path, $"file ended before element {index}.");
        return BinaryPrimitives.ReadInt32LittleEndian(bytes);
    }

    /// <summary>Writes <paramref name="values"/> as little-endian 4-byte elements, atomically replacing the file.</summary>
    public static void WriteAtomically<T>(string path, ReadOnlySpan<T> values) where T : unmanaged
    {
        var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                       bufferSize: 0, FileOptions.SequentialScan))
            {
                stream.SetLength((long)values.Length * sizeof(int));
                var swapped = BitConverter.IsLittleEndian ? null : new int[Math.Min(values.Length, ElementsPerBlock)];
                for (var start = 0; start < values.Length; start += ElementsPerBlock)
                {
                    var block = MemoryMarshal.Cast<T, int>(values.Slice(start, Math.Min(ElementsPerBlock, values.Length - start)));
                    if (swapped is not null)
                    {
                        BinaryPrimitives.ReverseEndianness(block, swapped);
                        block = swapped.AsSpan(0, block.Length);
                    }
                    stream.Write(MemoryMarshal.AsBytes(block));
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static Microsoft.Win32.SafeHandles.SafeFileHandle OpenForRead(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new FileNotFoundException($"Graph file '{path}' not found (its folder does not exist).", path, e);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"Graph file '{path}' not found.", path, e);
        }
    }

    private static void ReverseEndianness(Span<int> values) => BinaryPrimitives.ReverseEndianness(values, values);
}
