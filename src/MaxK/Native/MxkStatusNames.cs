namespace MaxK.Native;

/// <summary>
/// The header's symbolic names of <see cref="MxkStatus"/> values, as <c>mxk_status_string</c> spells them; used for
/// failures detected on the managed side, where the library may not even be loaded.
/// </summary>
public static class MxkStatusNames
{
    /// <summary>"MXK_OK", "MXK_ERR_INVALID_ARGUMENT", …; "unknown status" for values the header does not define.</summary>
    public static string Of(int status) => status switch
    {
        (int)MxkStatus.Ok => "MXK_OK",
        (int)MxkStatus.InvalidArgument => "MXK_ERR_INVALID_ARGUMENT",
        (int)MxkStatus.UnsupportedShape => "MXK_ERR_UNSUPPORTED_SHAPE",
        (int)MxkStatus.Cuda => "MXK_ERR_CUDA",
        (int)MxkStatus.OutOfMemory => "MXK_ERR_OUT_OF_MEMORY",
        (int)MxkStatus.Internal => "MXK_ERR_INTERNAL",
        _ => "unknown status",
    };
}
