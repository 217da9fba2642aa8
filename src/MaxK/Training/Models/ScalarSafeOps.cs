using TorchSharp;
using static TorchSharp.torch;

namespace MaxK.Training.Models;

/// <summary>
/// Tensor arithmetic whose scalar arguments stay alive for the whole native call. TorchSharp's operators convert
/// numbers (and the implicit alpha = 1 of <c>a + b</c>) into temporary <see cref="Scalar"/> objects that nothing
/// references during the P/Invoke; under GC pressure their finalizer can free the native scalar while libtorch reads it,
/// which surfaced as rare "toFloat" check failures in <c>add</c> (dotnet/TorchSharp#1496 tracks the implicit
/// conversions). Here every scalar is created explicitly and disposed after the call.
/// </summary>
public static class ScalarSafeOps
{
    /// <summary>a + b.</summary>
    public static Tensor Add(Tensor a, Tensor b)
    {
        using var one = 1.ToScalar();
        return a.add(b, one);
    }

    /// <summary>a + b + c.</summary>
    public static Tensor Add(Tensor a, Tensor b, Tensor c)
    {
        using var one = 1.ToScalar();
        using var ab = a.add(b, one);
        return ab.add(c, one);
    }

    /// <summary>In place: t ÷= divisor.</summary>
    public static Tensor DivideInPlace(Tensor t, double divisor)
    {
        using var d = divisor.ToScalar();
        return t.div_(d);
    }

    /// <summary>(1 + eps) · t, with eps a one-element tensor.</summary>
    public static Tensor OnePlusTimes(Tensor eps, Tensor t)
    {
        using var one = 1.ToScalar();
        using var scale = eps.add(one, one);
        return scale.mul(t);
    }
}
