namespace Encore.Data.Import.JsonCommon;

/// <summary>
/// Parses <c>YYYY-MM-DDTHH:MM:SS[.f{1,9}][Z]</c> (a space instead of T is accepted) straight from UTF-8 bytes
/// into Unix milliseconds. A missing zone means UTC: the logs we read carry no zone and have no DST jumps.
/// </summary>
internal static class IsoTimestamp
{
    public static bool TryParseUnixMs(ReadOnlySpan<byte> s, out long unixMs)
    {
        unixMs = 0;
        if (s.Length > 0 && s[^1] == (byte)'Z') s = s[..^1];
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
            return false;
        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
            return false;
        var millis = 0;
        if (s.Length > 19)
        {
            var fraction = s[20..];
            if (s[19] != '.' || fraction.IsEmpty || fraction.Length > 9 || !Digits(fraction, out var f)) return false;
            // Keep the first three digits: milliseconds, truncated.
            for (var i = fraction.Length; i < 3; i++) f *= 10;
            for (var i = 3; i < fraction.Length; i++) f /= 10;
            millis = f;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks;
        unixMs = ticks / TimeSpan.TicksPerMillisecond + millis;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, out int value)
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
