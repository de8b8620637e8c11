using System.Globalization;
using Encore.Models.Contract;
using Encore.Models.Training;

namespace Encore.Models.Blend;

/// <summary>Parses <c>ease(lambda=200)+rp3beta(beta=0.6, neighbours=300)+als</c> into (model, settings) pairs.</summary>
internal static class BlendComponents
{
    public static IReadOnlyList<(string Model, Dictionary<string, string> Settings)> Parse(string text, string owner = BlendModel.Name)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException($"a {owner} needs at least two components, e.g. rp3beta+als.");
        var result = new List<(string, Dictionary<string, string>)>();
        foreach (var part in text.Split('+', StringSplitOptions.TrimEntries))
        {
            var open = part.IndexOf('(', StringComparison.Ordinal);
            var name = (open < 0 ? part : part[..open]).Trim().ToLowerInvariant();
            var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (open >= 0)
            {
                if (!part.EndsWith(')')) throw new ArgumentException($"{owner} component '{part}': settings go in parentheses, e.g. ease(lambda=200).");
                foreach (var term in part[(open + 1)..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var eq = term.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0) throw new ArgumentException($"{owner} component '{part}': '{term}' is not key=value.");
                    settings[term[..eq].Trim()] = term[(eq + 1)..].Trim();
                }
            }
            if (name.Length == 0) throw new ArgumentException($"{owner} components '{text}': an empty name.");
            if (name is BlendModel.Name or Ranking.FunnelModel.Name) throw new ArgumentException($"a {owner} cannot contain a {name}.");
            result.Add((name, settings));
        }
        if (result.Count < 2) throw new ArgumentException($"a {owner} needs at least two components, got '{text}'.");
        return result;
    }

    /// <summary>
    /// One trainer per component of <paramref name="text"/>, each given the owner's seed and thread count unless its
    /// own settings name them (the blend's components, the funnel's generators).
    /// </summary>
    public static IRecommenderTrainer[] Trainers(string text, string owner, ulong seed, int threads) =>
        [.. Parse(text, owner).Select(c =>
        {
            var settings = new Dictionary<string, string>(c.Settings, StringComparer.OrdinalIgnoreCase);
            settings.TryAdd("seed", seed.ToString(CultureInfo.InvariantCulture));
            settings.TryAdd("threads", threads.ToString(CultureInfo.InvariantCulture));
            return TrainerCatalog.Create(c.Model, settings);
        })];
}
