using System.Text;

namespace Encore.Cli.Tests.Faults.Fuzz;

/// <summary>
/// Seeded damage to a file's bytes, one kind per call (issue 12's fuzz list): truncation, byte flips, random
/// bytes, huge numbers, a huge field, control characters, invalid UTF-8, a byte order mark, an empty file and
/// a missing column. The same seed gives the same damage.
/// </summary>
internal static class Mutations
{
    /// <summary>How many kinds <see cref="Apply"/> knows; kind = index % Count, so a loop over indices visits every kind.</summary>
    public const int Count = 10;

    /// <summary>
    /// Rounds of a fuzz test: 1 in CI (bounded); set ENCORE_FUZZ_ROUNDS=50 locally to search longer with the
    /// same seeds continued.
    /// </summary>
    public static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("ENCORE_FUZZ_ROUNDS"), out var n) && n > 0 ? n : 1;

    /// <summary>A seed fixed by <paramref name="name"/> (string.GetHashCode is randomised per process, so not that).</summary>
    public static int Seed(string name)
    {
        var seed = 1212;
        foreach (var c in name) seed = unchecked((seed * 31) + c);
        return seed & 0x7FFFFFFF;
    }

    /// <summary>Bytes of the "huge field" damage: past every id and line buffer short of the 16 MiB line limit.</summary>
    public const int HugeFieldBytes = 1 << 17;

    /// <summary>Damages <paramref name="original"/> by the kind <paramref name="kind"/> % <see cref="Count"/>; <paramref name="what"/> names it for failure messages.</summary>
    public static byte[] Apply(byte[] original, int kind, Random random, out string what)
    {
        var bytes = (byte[])original.Clone();
        var at = bytes.Length == 0 ? 0 : random.Next(bytes.Length);
        switch (kind % Count)
        {
            case 0:
                what = $"truncated at {at}";
                return bytes[..at];
            case 1:
                what = $"bit flips from {at}";
                for (var i = 0; i < 4 && bytes.Length > 0; i++) bytes[(at + i * 7) % bytes.Length] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 2:
                what = $"random bytes at {at}";
                var noise = new byte[random.Next(1, 64)];
                random.NextBytes(noise);
                return [.. bytes[..at], .. noise, .. bytes[at..]];
            case 3:
                what = "every number replaced by a huge one";
                return ReplaceNumbers(bytes, random);
            case 4:
                what = "a huge field";
                return [.. bytes[..LineEnd(bytes, at)], .. Encoding.ASCII.GetBytes(new string('9', HugeFieldBytes)), .. bytes[LineEnd(bytes, at)..]];
            case 5:
                what = $"control characters at {at}";
                byte[] controls = [0x00, 0x01, 0x1B, 0x7F, 0x0D, 0x0B];
                return [.. bytes[..at], controls[random.Next(controls.Length)], controls[random.Next(controls.Length)], .. bytes[at..]];
            case 6:
                what = $"invalid UTF-8 at {at}";
                byte[][] invalid = [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x28, 0x8C, 0xBC], [0xC0, 0xAF]];
                return [.. bytes[..at], .. invalid[random.Next(invalid.Length)], .. bytes[at..]];
            case 7:
                what = "a UTF-8 byte order mark";
                return [0xEF, 0xBB, 0xBF, .. bytes];
            case 8:
                what = "empty";
                return [];
            default:
                what = "the last column dropped from every line";
                return DropLastColumn(bytes);
        }
    }

    private static int LineEnd(byte[] bytes, int from)
    {
        var end = Array.IndexOf(bytes, (byte)'\n', from);
        return end < 0 ? bytes.Length : end;
    }

    private static byte[] ReplaceNumbers(byte[] bytes, Random random)
    {
        string[] huge = ["99999999999999999999999", "-9223372036854775809", "1e309", "-1e400", "2147483648", "NaN"];
        var result = new List<byte>(bytes.Length + 64);
        for (var i = 0; i < bytes.Length;)
        {
            if (!char.IsAsciiDigit((char)bytes[i]))
            {
                result.Add(bytes[i++]);
                continue;
            }
            while (i < bytes.Length && char.IsAsciiDigit((char)bytes[i])) i++;
            result.AddRange(Encoding.ASCII.GetBytes(huge[random.Next(huge.Length)]));
        }
        return [.. result];
    }

    // Works on the common separators of the formats: tab, comma, pipe, or a JSON member ("," before a key).
    private static byte[] DropLastColumn(byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var cut = lines[i].LastIndexOfAny(['\t', ',', '|']);
            if (cut > 0) lines[i] = lines[i][..cut];
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }
}
