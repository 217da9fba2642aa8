using System.Globalization;
using System.Text;
using System.Text.Json;

using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site;

/// <summary>
/// A table of the site: rendered as escaped HTML and offered as CSV and JSON downloads
/// (data/tables/&lt;id&gt;.csv|json). Ids are unique across the site.
/// </summary>
public sealed class SiteTable(string id, string title, IReadOnlyList<string> columns)
{
    private readonly List<IReadOnlyList<SiteCell>> _rows = [];

    public string Id { get; } = Html.Slug(id);
    public string Title { get; } = title;
    public IReadOnlyList<string> Columns { get; } = columns;
    public IReadOnlyList<IReadOnlyList<SiteCell>> Rows => _rows;

    /// <summary>
    /// Adds a row; the cell count must match the columns. A number that is not finite (a derived figure that overflowed,
    /// e.g. a Δ % against a median of 1e308, or a division by zero) is shown as "—" and downloaded as null.
    /// </summary>
    public SiteTable Add(params SiteCell[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
            throw new InvalidOperationException($"Table '{Id}': row has {cells.Length} cells, expected {Columns.Count}.");
        _rows.Add([.. cells.Select(c => c.Value is double d && !double.IsFinite(d) ? c with { Text = "—", Value = null } : c)]);
        return this;
    }

    public string CsvPath => $"data/tables/{Id}.csv";
    public string JsonPath => $"data/tables/{Id}.json";

    /// <summary>The table as HTML with its download links; <paramref name="root"/> is the relative path to the site root.</summary>
    public string ToHtml(string root)
    {
        var sb = new StringBuilder();
        sb.Append("<figure class=\"table\" id=\"table-").Append(Id).Append("\"><figcaption>").Append(Html.E(Title))
          .Append(" <span class=\"dl\">(<a href=\"").Append(root).Append(CsvPath).Append("\">CSV</a> · <a href=\"")
          .Append(root).Append(JsonPath).Append("\">JSON</a>)</span></figcaption>\n");
        if (_rows.Count == 0)
        {
            sb.Append("<p class=\"empty\">No rows.</p></figure>\n");
            return sb.ToString();
        }
        sb.Append("<div class=\"scroll\"><table>\n<thead><tr>");
        foreach (var c in Columns)
            sb.Append("<th>").Append(Html.E(c)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in _rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                sb.Append("<td");
                if (cell.CssClass is not null)
                    sb.Append(" class=\"").Append(Html.E(cell.CssClass)).Append('"');
                if (cell.Tip is not null)
                    sb.Append(" title=\"").Append(Html.E(cell.Tip)).Append('"');
                sb.Append('>');
                if (cell.Href is null)
                    sb.Append(Html.E(cell.Text));
                else
                    sb.Append("<a href=\"").Append(Html.E(root + cell.Href)).Append("\">").Append(Html.E(cell.Text)).Append("</a>");
                sb.Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></div></figure>\n");
        return sb.ToString();
    }

    /// <summary>RFC 4180 CSV: header row, then one line per row with the cells' download values (invariant culture).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", Columns.Select(Quote))).Append('\n');
        foreach (var row in _rows)
            sb.Append(string.Join(",", row.Select(c => Quote(Text(c.Value))))).Append('\n');
        return sb.ToString();
    }

    /// <summary>JSON: { "id", "title", "columns", "rows": [ { column: value } ] } with stable key order.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("id", Id);
            w.WriteString("title", Title);
            w.WriteStartArray("columns");
            foreach (var c in Columns)
                w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteStartArray("rows");
            foreach (var row in _rows)
            {
                w.WriteStartObject();
                for (var i = 0; i < Columns.Count; i++)
                {
                    w.WritePropertyName(Columns[i]);
                    switch (row[i].Value)
                    {
                        case null: w.WriteNullValue(); break;
                        case bool b: w.WriteBooleanValue(b); break;
                        case double d: w.WriteNumberValue(d); break;
                        case int n: w.WriteNumberValue(n); break;
                        case long n: w.WriteNumberValue(n); break;
                        default: w.WriteStringValue(Convert.ToString(row[i].Value, CultureInfo.InvariantCulture)); break;
                    }
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => Html.R(d),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
