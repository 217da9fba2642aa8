using System.Globalization;

namespace MaxK.Harness.Site.Charts;

/// <summary>
/// One axis of a chart: linear or logarithmic (base 2 or 10), its data range padded to readable ticks, and the
/// mapping from data to pixels.
/// </summary>
public sealed class ChartAxis
{
    private readonly double _lo, _hi;

    public ChartAxis(IEnumerable<double> values, int logBase, bool fromZero)
    {
        LogBase = logBase;
        var v = values.Where(x => double.IsFinite(x) && (logBase == 0 || x > 0)).ToList();
        if (v.Count == 0)
            v = logBase == 0 ? [0, 1] : [1, 10];
        double min = v.Min(), max = v.Max();
        if (logBase == 0)
        {
            if (fromZero)
                min = Math.Min(0, min);
            if (max - min < 1e-12)
                (min, max) = (min - 1, max + 1);
            var step = NiceStep((max - min) / 5);
            _lo = Math.Floor(min / step) * step;
            _hi = Math.Ceiling(max / step) * step;
            Ticks = Enumerable.Range(0, (int)Math.Round((_hi - _lo) / step) + 1).Select(i => _lo + i * step).ToList();
        }
        else
        {
            _lo = Math.Floor(Math.Log(min, logBase) + 1e-9);
            _hi = Math.Ceiling(Math.Log(max, logBase) - 1e-9);
            if (_hi <= _lo)
                _hi = _lo + 1;
            var every = Math.Max(1, (int)Math.Ceiling((_hi - _lo) / 8));
            Ticks = Enumerable.Range(0, (int)(_hi - _lo) + 1).Where(i => i % every == 0).Select(i => Math.Pow(logBase, _lo + i)).ToList();
        }
    }

    /// <summary>0 = linear, else the logarithm base.</summary>
    public int LogBase { get; }

    public IReadOnlyList<double> Ticks { get; }

    /// <summary>Position of <paramref name="value"/> as a fraction 0..1 of the axis length.</summary>
    public double Fraction(double value) => LogBase == 0
        ? (value - _lo) / (_hi - _lo)
        : (Math.Log(Math.Max(value, 1e-300), LogBase) - _lo) / (_hi - _lo);

    /// <summary>Tick label: compact, invariant (e.g. 0.5, 16, 1e6).</summary>
    public static string Label(double value)
    {
        var a = Math.Abs(value);
        if (a >= 1e5)
            return value.ToString("0.##e0", CultureInfo.InvariantCulture);
        if (a != 0 && a < 1e-2)
            return value.ToString("0.##e0", CultureInfo.InvariantCulture);
        return value.ToString("0.###", CultureInfo.InvariantCulture);
    }

    private static double NiceStep(double raw)
    {
        var p = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }
}
