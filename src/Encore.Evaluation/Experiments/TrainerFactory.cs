using Encore.Models.Contract;
using Encore.Models.Playlists;
using Encore.Models.Training;

namespace Encore.Evaluation.Experiments;

/// <summary>
/// Model name + "key=value" settings -> trainer for evaluate and sweep, through
/// <see cref="TrainerCatalog"/> (same keys and messages as <c>encore train</c>), plus the effective settings
/// (defaults overlaid with what was given, in the catalogue's kebab-case spelling) to record with each run.
/// </summary>
public static class TrainerFactory
{
    /// <summary>Models evaluate and sweep can train: every user x item model (the playlist models need playlists).</summary>
    public static IReadOnlyList<string> Names { get; } = [.. TrainerCatalog.Names.Where(n => !IsPlaylistModel(n))];

    /// <summary>True for the models that train on a data set's playlists x tracks matrix (playlist-knn, playlist-combined).</summary>
    public static bool IsPlaylistModel(string name) => name is PlaylistKnnModel.Name or PlaylistCombinedModel.Name;

    /// <summary>A trainer with <paramref name="settings"/> over the defaults (<paramref name="seed"/> unless a seed setting is given).</summary>
    /// <exception cref="ArgumentException">Unknown model, unknown key (the message lists the valid keys), or a bad value.</exception>
    public static (IRecommenderTrainer Trainer, IReadOnlyDictionary<string, string> Parameters) Create(
        string name, IReadOnlyDictionary<string, string>? settings = null, ulong? seed = null) => Create(name, settings, seed, Names);

    /// <summary>As <see cref="Create(string, IReadOnlyDictionary{string, string}?, ulong?)"/> over every catalogue model, playlist-kNN included (playlist protocols).</summary>
    public static (IRecommenderTrainer Trainer, IReadOnlyDictionary<string, string> Parameters) CreateAny(
        string name, IReadOnlyDictionary<string, string>? settings = null, ulong? seed = null) => Create(name, settings, seed, TrainerCatalog.Names);

    private static (IRecommenderTrainer Trainer, IReadOnlyDictionary<string, string> Parameters) Create(
        string name, IReadOnlyDictionary<string, string>? settings, ulong? seed, IReadOnlyList<string> known)
    {
        var canonical = Canonical(name, known);
        var defaults = TrainerCatalog.Settings(canonical);
        var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (seed is { } s && defaults.Any(d => d.Key == "seed")) given["seed"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            // Spell the key as the catalogue does, so "cg_steps" and "cg-steps" record the same parameter.
            var match = defaults.FirstOrDefault(d => Loose(d.Key) == Loose(key));
            given[match?.Key ?? key] = value;
        }
        var trainer = TrainerCatalog.Create(canonical, given);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in defaults) parameters[setting.Key] = given.GetValueOrDefault(setting.Key, setting.Default);
        // Issue 12 item 10: a seed does not repeat BPR / LMF with several threads; the run says so.
        if (Repeatability.Caveat(canonical, parameters) is { } caveat) parameters[Repeatability.Key] = caveat;
        return (trainer, parameters);
    }

    /// <summary>Expands "all" and checks every name; keeps the order given.</summary>
    public static IReadOnlyList<string> ParseNames(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (list.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)) return Names;
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new ArgumentException("no model named; use e.g. --models popularity,item-knn,als or all.");
        return [.. names.Select(n => Canonical(n, Names)).Distinct()];
    }

    private static string Canonical(string name, IReadOnlyList<string> known) =>
        known.FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown model '{name}' for evaluation; known models: {string.Join(", ", known)}.");

    private static string Loose(string key) =>
        key.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
