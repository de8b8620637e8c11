using Encore.Data.Text;

namespace Encore.Data.Import.Common;

/// <summary>Recognises the optional header line of numeric-id files (HetRec .dat, Yahoo! R3): a first line whose first field is not a number.</summary>
internal static class HeaderLine
{
    public static bool IsHeader(in DelimitedRow row) =>
        row.LineNumber == 1 && row.Count > 0 && !Utf8Numbers.TryLong(row[0], out _);
}
