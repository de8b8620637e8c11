using Encore.Data.Text;

namespace Encore.Data.Import.Common;

/// <summary>
/// Recognises the optional header line of numeric-id files (HetRec .dat, Yahoo! R3): line 1 with the expected
/// number of fields whose first field is not a number. A line 1 with too few fields is not a header, so a
/// wrong delimiter is reported there rather than silently skipped.
/// </summary>
internal static class HeaderLine
{
    public static bool IsHeader(in DelimitedRow row, int fields) =>
        row.LineNumber == 1 && row.Count >= fields && !Utf8Numbers.TryLong(row[0], out _);
}
