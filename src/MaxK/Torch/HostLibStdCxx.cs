using System.Runtime.InteropServices;

namespace MaxK.Torch;

/// <summary>Asks the host's own libstdc++ (through the dynamic loader) which symbol versions it provides.</summary>
public static partial class HostLibStdCxx
{
    /// <summary>The version TorchSharp 0.107.0's native library requires and Debian 12 lacks.</summary>
    public const string RequiredVersion = "GLIBCXX_3.4.32";

    /// <summary>The one symbol that carries <see cref="RequiredVersion"/> in libLibTorchSharp.so.</summary>
    public const string AnchorSymbol = "_ZSt21ios_base_library_initv";

    private const int RtldLazy = 0x1;

    /// <summary>True when libstdc++.so.6 defines <paramref name="symbol"/> at <paramref name="version"/>.</summary>
    public static bool Provides(string version = RequiredVersion, string symbol = AnchorSymbol)
    {
        if (!OperatingSystem.IsLinux())
            return true;
        var handle = dlopen("libstdc++.so.6", RtldLazy);
        if (handle == IntPtr.Zero)
            return false;
        // dlvsym does not take a reference; the library stays loaded (the runtime uses it anyway).
        return dlvsym(handle, symbol, version) != IntPtr.Zero;
    }

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr dlopen(string file, int mode);

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr dlvsym(IntPtr handle, string symbol, string version);
}
