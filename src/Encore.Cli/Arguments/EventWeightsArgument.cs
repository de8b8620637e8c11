using System.Globalization;
using Encore.Data.Aggregation;
using Encore.Data.Model;

namespace Encore.Cli.Arguments;

/// <summary>
/// <c>--weights play=1,like=1,skip=0</c>: the listed kinds get the given weights and every kind not listed
/// weighs 0, so the command line says the whole table. Without the option: play 1, like 1, others 0 (SPEC S1).
/// </summary>
internal static class EventWeightsArgument
{
    public static EventKindWeights Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return EventKindWeights.Default;
        var weights = EventKindWeights.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ArgumentException($"--weights expects kind=weight pairs such as play=1,like=1,skip=0; got '{part}'.");
            var kind = Kind(part[..eq].Trim());
            if (!float.TryParse(part[(eq + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !float.IsFinite(weight))
                throw new ArgumentException($"--weights: '{part}' needs a finite number after '='.");
            weights = weights.With(kind, weight);
        }
        return weights;
    }

    private static EventKind Kind(string name)
    {
        var loose = name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        foreach (var kind in Enum.GetValues<EventKind>())
            if (string.Equals(kind.ToString(), loose, StringComparison.OrdinalIgnoreCase)) return kind;
        throw new ArgumentException($"--weights: unknown event kind '{name}'; known kinds: play, like, dislike, skip, rating, playlist-add, advertisement, buy-premium, other.");
    }
}
