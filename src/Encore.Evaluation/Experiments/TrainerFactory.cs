using Encore.Models.Contract;
using Encore.Models.Ease;
using Encore.Models.Factorization.Als;
using Encore.Models.Factorization.Bpr;
using Encore.Models.Factorization.Lmf;
using Encore.Models.Neighbourhood;
using Encore.Models.Popularity;

namespace Encore.Evaluation.Experiments;

/// <summary>
/// Model name + "key=value" settings -> trainer, for evaluate and sweep. Keys are the *Options properties
/// (kebab-case or any case, '-' and '_' ignored: <c>factors</c>, <c>cg-steps</c>, <c>similarity=bm25</c>).
/// Interim: a TrainerCatalog in Encore.Models is planned to own this mapping; then this class forwards to it.
/// </summary>
public static class TrainerFactory
{
    private static readonly (string Name, Func<ModelOptions> Defaults, Func<ModelOptions, IRecommenderTrainer> Create)[] Entries =
    [
        ("popularity", () => new PopularityOptions(), o => new PopularityTrainer((PopularityOptions)o)),
        ("item-knn", () => new ItemKnnOptions(), o => new ItemKnnTrainer((ItemKnnOptions)o)),
        ("user-knn", () => new UserKnnOptions(), o => new UserKnnTrainer((UserKnnOptions)o)),
        ("als", () => new AlsOptions(), o => new AlsTrainer((AlsOptions)o)),
        ("bpr", () => new BprOptions(), o => new BprTrainer((BprOptions)o)),
        ("lmf", () => new LmfOptions(), o => new LmfTrainer((LmfOptions)o)),
        ("ease", () => new EaseOptions(), o => new EaseTrainer((EaseOptions)o)),
    ];

    /// <summary>Every model evaluate and sweep can train (user x item models; playlist-kNN needs playlists).</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Name)];

    /// <summary>A trainer with <paramref name="settings"/> over the defaults, and every effective option as text (for the run record).</summary>
    /// <exception cref="ArgumentException">Unknown model, unknown key (the message lists the valid keys), or a bad value.</exception>
    public static (IRecommenderTrainer Trainer, IReadOnlyDictionary<string, string> Parameters) Create(
        string name, IReadOnlyDictionary<string, string>? settings = null, ulong? seed = null)
    {
        var entry = Find(name);
        var options = OptionsBinder.Bind(entry.Defaults(), entry.Name, settings, seed);
        return (entry.Create(options), OptionsBinder.Describe(options));
    }

    /// <summary>Expands "all" and checks every name; keeps the order given.</summary>
    public static IReadOnlyList<string> ParseNames(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (list.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)) return Names;
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new ArgumentException("no model named; use e.g. --models popularity,item-knn,als or all.");
        return [.. names.Select(n => Find(n).Name).Distinct()];
    }

    private static (string Name, Func<ModelOptions> Defaults, Func<ModelOptions, IRecommenderTrainer> Create) Find(string name)
    {
        foreach (var entry in Entries)
            if (string.Equals(entry.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)) return entry;
        throw new ArgumentException($"unknown model '{name}'; known models: {string.Join(", ", Names)}.");
    }
}
