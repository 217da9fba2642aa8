using System.Buffers.Binary;
using System.Text;

namespace MaxK.Torch;

/// <summary>
/// Marks one version requirement of an ELF64 shared library as weak (VER_FLG_WEAK) in its
/// <c>.gnu.version_r</c> section, so the dynamic loader accepts a host library that lacks that version.
/// TorchSharp 0.107.0's libLibTorchSharp.so needs GLIBCXX_3.4.32 for the single, never-called symbol
/// <c>std::ios_base_library_init()</c>; Debian 12 tops out at GLIBCXX_3.4.30 (platform.md §4.8).
/// Pure byte manipulation: works on a copy in memory, never on the NuGet cache.
/// </summary>
public static class ElfVersionNeedPatcher
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>Result of <see cref="MarkWeak"/>.</summary>
    public enum Outcome
    {
        /// <summary>The flag was set by this call.</summary>
        Patched,

        /// <summary>The flag was already set: nothing changed (idempotent).</summary>
        AlreadyWeak,

        /// <summary>The library does not require that version from that file.</summary>
        NotRequired,
    }

    /// <summary>Sets VER_FLG_WEAK on <paramref name="versionName"/> needed from <paramref name="fileName"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a little-endian ELF64 file or are truncated.</exception>
    public static Outcome MarkWeak(Span<byte> elf, string fileName, string versionName)
    {
        var section = FindVerneedSection(elf)
            ?? throw new InvalidDataException("ELF file has no .gnu.version_r (SHT_GNU_verneed) section.");
        var (offset, count, strtabOffset) = section;
        var entry = offset;
        for (var i = 0; i < count; i++)
        {
            var cnt = ReadU16(elf, entry + 2);
            var file = ReadString(elf, strtabOffset + ReadU32(elf, entry + 4));
            var aux = entry + ReadU32(elf, entry + 8);
            for (var j = 0; j < cnt; j++)
            {
                var name = ReadString(elf, strtabOffset + ReadU32(elf, aux + 8));
                if (file == fileName && name == versionName)
                {
                    var flags = ReadU16(elf, aux + 4);
                    if ((flags & VerFlgWeak) != 0)
                        return Outcome.AlreadyWeak;
                    BinaryPrimitives.WriteUInt16LittleEndian(elf.Slice(Check(elf, aux + 4, 2)), (ushort)(flags | VerFlgWeak));
                    return Outcome.Patched;
                }
                aux += ReadU32(elf, aux + 12);
            }
            var next = ReadU32(elf, entry + 12);
            if (next == 0)
                break;
            entry += next;
        }
        return Outcome.NotRequired;
    }

    /// <summary>True when the version requirement exists and is already weak.</summary>
    public static bool IsWeak(ReadOnlySpan<byte> elf, string fileName, string versionName)
    {
        var copy = elf.ToArray();
        return MarkWeak(copy, fileName, versionName) == Outcome.AlreadyWeak;
    }

    private static (long Offset, int Count, long StrtabOffset)? FindVerneedSection(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("Not an ELF file (bad magic).");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("Only little-endian ELF64 files are supported.");
        var shoff = (long)ReadU64(elf, 0x28);
        var shentsize = ReadU16(elf, 0x3a);
        var shnum = ReadU16(elf, 0x3c);
        for (var i = 0; i < shnum; i++)
        {
            var sh = shoff + (long)i * shentsize;
            if (ReadU32(elf, sh + 4) != ShtGnuVerneed)
                continue;
            var offset = (long)ReadU64(elf, sh + 0x18);
            var link = ReadU32(elf, sh + 0x28);
            var info = (int)ReadU32(elf, sh + 0x2c); // number of Verneed entries
            var strtabOffset = (long)ReadU64(elf, shoff + (long)link * shentsize + 0x18);
            return (offset, info, strtabOffset);
        }
        return null;
    }

    private static int Check(ReadOnlySpan<byte> elf, long at, int size)
    {
        if (at < 0 || at + size > elf.Length)
            throw new InvalidDataException($"ELF file is truncated: needed {size} bytes at offset {at}, length {elf.Length}.");
        return (int)at;
    }

    private static ushort ReadU16(ReadOnlySpan<byte> elf, long at) => BinaryPrimitives.ReadUInt16LittleEndian(elf[Check(elf, at, 2)..]);

    private static uint ReadU32(ReadOnlySpan<byte> elf, long at) => BinaryPrimitives.ReadUInt32LittleEndian(elf[Check(elf, at, 4)..]);

    private static ulong ReadU64(ReadOnlySpan<byte> elf, long at) => BinaryPrimitives.ReadUInt64LittleEndian(elf[Check(elf, at, 8)..]);

    private static string ReadString(ReadOnlySpan<byte> elf, long at)
    {
        var start = Check(elf, at, 1);
        var end = elf[start..].IndexOf((byte)0);
        if (end < 0)
            throw new InvalidDataException($"ELF string at offset {at} is not terminated.");
        return Encoding.ASCII.GetString(elf.Slice(start, end));
    }
}
