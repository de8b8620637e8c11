namespace Encore.Data.Text;

/// <summary>
/// Parses timestamps from UTF-8 fields into Unix milliseconds (UTC) without allocating:
/// ISO-8601 <c>YYYY-MM-DD[(T| )HH:MM[:SS[.fff…]]][Z|±HH[:MM]]</c> (no zone = UTC) and epoch numbers.
/// </summary>
internal static class Utf8Timestamps
{
    private const long TicksPerMs = TimeSpan.TicksPerMillisecond;

    public static bool TryIso8601(ReadOnlySpan<byte> s, out long unixMs)
    {
        unixMs = 0;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-') return false;
        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day))
            return false;
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        var pos = 10;
        if (pos < s.Length && (s[pos] == 'T' || s[pos] == ' '))
        {
            if (s.Length < pos + 6 || s[pos + 3] != ':') return false;
            if (!TryDigits(s.Slice(pos + 1, 2), out hour) || !TryDigits(s.Slice(pos + 4, 2), out minute)) return false;
            pos += 6;
            if (pos < s.Length && s[pos] == ':')
            {
                if (s.Length < pos + 3 || !TryDigits(s.Slice(pos + 1, 2), out second)) return false;
                pos += 3;
                if (pos < s.Length && s[pos] == '.' && !TryFraction(s, ref pos, out fractionTicks)) return false;
            }
            if (hour > 23 || minute > 59 || second > 59) return false;
        }
        if (!TryZone(s[pos..], out var offsetMinutes)) return false;
        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks;
        unixMs = (ticks - DateTime.UnixEpoch.Ticks) / TicksPerMs - offsetMinutes * 60_000L;
        return true;
    }

    /// <summary>Earliest representable time: 0001-01-01T00:00:00Z in Unix milliseconds (DateTimeOffset.MinValue).</summary>
    public const long MinUnixMs = -62_135_596_800_000;

    /// <summary>Latest representable time: 9999-12-31T23:59:59.999Z in Unix milliseconds (DateTimeOffset.MaxValue).</summary>
    public const long MaxUnixMs = 253_402_300_799_999;

    /// <summary>Text for error messages: the representable range.</summary>
    public const string RangeText = "between years 1 and 9999";

    /// <summary>True when <paramref name="unixMs"/> is a time that dates can show (years 1 to 9999).</summary>
    public static bool IsRepresentable(long unixMs) => unixMs is >= MinUnixMs and <= MaxUnixMs;

    /// <summary>
    /// An integer epoch value in seconds (<paramref name="milliseconds"/> false) or milliseconds; false when it is
    /// not a number or lies outside years 1..9999 (<see cref="IsRepresentable"/>), e.g. milliseconds read as seconds.
    /// </summary>
    public static bool TryEpoch(ReadOnlySpan<byte> s, bool milliseconds, out long unixMs)
    {
        unixMs = 0;
        if (!Utf8Numbers.TryLong(s, out var v))
        {
            // Fractional seconds ("1262304000.5") appear in some exports.
            if (!Utf8Numbers.TryDouble(s, out var d)) return false;
            var scaled = milliseconds ? d : d * 1000.0;
            if (!(scaled >= MinUnixMs && scaled <= MaxUnixMs)) return false;
            unixMs = (long)Math.Round(scaled);
            return IsRepresentable(unixMs);
        }
        if (milliseconds)
        {
            unixMs = v;
            return IsRepresentable(v);
        }
        if (v is > MaxUnixMs / 1000 or < MinUnixMs / 1000) return false;
        unixMs = v * 1000;
        return true;
    }

    /// <summary>Midnight UTC of a calendar date, or false when the date does not exist.</summary>
    public static bool TryDate(int year, int month, int day, out long unixMs)
    {
        unixMs = 0;
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        unixMs = (new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks) / TicksPerMs;
        return true;
    }

    private static bool TryFraction(ReadOnlySpan<byte> s, ref int pos, out long ticks)
    {
        ticks = 0;
        var start = ++pos;
        long scale = TimeSpan.TicksPerSecond;
        while (pos < s.Length && (uint)(s[pos] - '0') <= 9)
        {
            scale /= 10;
            ticks += (s[pos] - '0') * scale;
            pos++;
        }
        return pos > start;
    }

    private static bool TryZone(ReadOnlySpan<byte> z, out int offsetMinutes)
    {
        offsetMinutes = 0;
        if (z.IsEmpty) return true;
        if (z.Length == 1) return z[0] == 'Z' || z[0] == 'z';
        if (z[0] != '+' && z[0] != '-') return false;
        var sign = z[0] == '-' ? -1 : 1;
        var body = z[1..];
        int hours, minutes = 0;
        if (body.Length == 2) { if (!TryDigits(body, out hours)) return false; }
        else if (body.Length == 4) { if (!TryDigits(body[..2], out hours) || !TryDigits(body[2..], out minutes)) return false; }
        else if (body.Length == 5 && body[2] == ':') { if (!TryDigits(body[..2], out hours) || !TryDigits(body[3..], out minutes)) return false; }
        else return false;
        if (hours > 14 || minutes > 59) return false;
        offsetMinutes = sign * (hours * 60 + minutes);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            var d = (uint)(b - '0');
            if (d > 9) return false;
            value = value * 10 + (int)d;
        }
        return true;
    }
}
