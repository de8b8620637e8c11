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
}
