using System.Globalization;
using System.Text;

using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site;

/// <summary>HTML escaping and invariant number formatting for the site: every string from results goes through <see cref="E"/>.</summary>
public static class Html
{
    /// <summary>HTML-escapes text: &amp; &lt; &gt; " and ' (so it is safe in text and quoted attributes); other characters stay as UTF-8.</summary>
    public static string E(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
            return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>A number with <paramref name="digits"/> decimals in the invariant culture; "—" for null or not finite.</summary>
    public static string N(double? value, int digits) =>
        value is { } v && double.IsFinite(v) ? v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "—";

    /// <summary>A speed-up such as "8.48×" (two decimals), or "—".</summary>
    public static string X(double? value) => value is { } v && double.IsFinite(v) ? N(v, 2) + "×" : "—";

    /// <summary>An integer with thousands separators (invariant), e.g. 114,615,892.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A fraction 0..1 as a percentage with two decimals, e.g. "96.37 %", or "—".</summary>
    public static string Pct(double? fraction) => fraction is { } f && double.IsFinite(f) ? N(f * 100, 2) + " %" : "—";

    /// <summary>Shortest round-trip text of a number (invariant), for CSV/JSON downloads and SVG coordinates.</summary>
    public static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A slug usable as a file name or anchor: letters, digits, '.', '_' and '-' kept, anything else '-'.</summary>
    public static string Slug(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray();
        var slug = new string(chars).Trim('-', '.');
        return slug.Length == 0 ? "x" : slug;
    }
}
