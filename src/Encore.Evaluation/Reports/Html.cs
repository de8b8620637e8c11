using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Encore.Evaluation.Reports;

/// <summary>Escaping and formatting shared by the page writers; every run-provided string goes through <see cref="Text"/>.</summary>
internal static class Html
{
    public static string Text(string text) => HtmlEncoder.Default.Encode(text);

    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";

    public static string Seconds(double value) =>
        double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A lower-case id made of letters, digits and dashes ("sweep-als@1/reg" -> "sweep-als-1-reg").</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        while (slug.Length > 0 && slug[^1] == '-') slug.Length--;
        return slug.Length == 0 ? "figure" : slug.ToString();
    }
}
