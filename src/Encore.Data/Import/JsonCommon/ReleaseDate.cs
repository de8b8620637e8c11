namespace Encore.Data.Import.JsonCommon;

/// <summary>Turns <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c> into yyyymmdd with 00 for the unknown parts.</summary>
internal static class ReleaseDate
{
    public static bool TryParse(ReadOnlySpan<byte> s, out int yyyymmdd)
    {
        yyyymmdd = 0;
        if (s.Length is not (4 or 7 or 10)) return false;
        if (!Number(s[..4], out var year) || year < 1) return false;
        int month = 0, day = 0;
        if (s.Length >= 7 && (s[4] != '-' || !Number(s.Slice(5, 2), out month) || month is < 1 or > 12)) return false;
        if (s.Length == 10 && (s[7] != '-' || !Number(s.Slice(8, 2), out day) || day < 1 || day > DateTime.DaysInMonth(year, month)))
            return false;
        yyyymmdd = year * 10000 + month * 100 + day;
        return true;
    }

    private static bool Number(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            var d = b - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }
}
