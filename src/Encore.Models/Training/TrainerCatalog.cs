using Encore.Models.Blend;
using Encore.Models.Content.Affinity;
using Encore.Models.Contract;
using Encore.Models.Ease;
using Encore.Models.Factorization.Als;
using Encore.Models.Factorization.Bpr;
using Encore.Models.Factorization.Lmf;
using Encore.Models.Factorization.Wmf;
using Encore.Models.Graph;
using Encore.Models.Hierarchy;
using Encore.Models.Neighbourhood;
using Encore.Models.Playlists;
using Encore.Models.Popularity;
using Encore.Models.Ranking;
using Encore.Models.Social;

namespace Encore.Models.Training;

/// <summary>
/// Model name -> trainer, configured from string settings (<c>--set factors=128</c>): the entry point for the
/// command line, config files and the HTTP service. Keys and enum values match case-insensitively and ignore
/// '-' and '_'; every *Options property (including seed and threads) is a key.
/// </summary>
public static class TrainerCatalog
{
    private static readonly (string Name, Type Options, Func<IReadOnlyDictionary<string, string>?, IRecommenderTrainer> Create)[] Entries =
    [
        ("popularity", typeof(PopularityOptions), s => new PopularityTrainer(OptionsBinder.Bind<PopularityOptions>("popularity", s))),
        ("item-knn", typeof(ItemKnnOptions), s => new ItemKnnTrainer(OptionsBinder.Bind<ItemKnnOptions>("item-knn", s))),
        ("user-knn", typeof(UserKnnOptions), s => new UserKnnTrainer(OptionsBinder.Bind<UserKnnOptions>("user-knn", s))),
        ("playlist-knn", typeof(PlaylistKnnOptions), s => new PlaylistKnnTrainer(OptionsBinder.Bind<PlaylistKnnOptions>("playlist-knn", s))),
        ("playlist-combined", typeof(PlaylistCombinedOptions), s => new PlaylistCombinedTrainer(OptionsBinder.Bind<PlaylistCombinedOptions>("playlist-combined", s))),
        ("ease", typeof(EaseOptions), s => new EaseTrainer(OptionsBinder.Bind<EaseOptions>("ease", s))),
        ("rp3beta", typeof(Rp3BetaOptions), s => new Rp3BetaTrainer(OptionsBinder.Bind<Rp3BetaOptions>("rp3beta", s))),
        ("blend", typeof(BlendOptions), s => new BlendTrainer(OptionsBinder.Bind<BlendOptions>("blend", s))),
        ("funnel", typeof(FunnelOptions), s => new FunnelTrainer(OptionsBinder.Bind<FunnelOptions>("funnel", s))),
        ("als", typeof(AlsOptions), s => new AlsTrainer(OptionsBinder.Bind<AlsOptions>("als", s))),
        ("wmf", typeof(WmfOptions), s => new WmfTrainer(OptionsBinder.Bind<WmfOptions>("wmf", s))),
        ("bpr", typeof(BprOptions), s => new BprTrainer(OptionsBinder.Bind<BprOptions>("bpr", s))),
        ("lmf", typeof(LmfOptions), s => new LmfTrainer(OptionsBinder.Bind<LmfOptions>("lmf", s))),
        ("affinity", typeof(AffinityOptions), s => new AffinityTrainer(OptionsBinder.Bind<AffinityOptions>("affinity", s))),
        ("hierarchy", typeof(HierarchyOptions), s => new HierarchyTrainer(OptionsBinder.Bind<HierarchyOptions>("hierarchy", s))),
        ("friends", typeof(FriendsOptions), s => new FriendsTrainer(OptionsBinder.Bind<FriendsOptions>("friends", s))),
    ];

    /// <summary>Every trainable model name, in the order of docs/cli.md.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Name)];

    /// <summary>A trainer for <paramref name="name"/> with the given settings applied over the defaults.</summary>
    /// <exception cref="ArgumentException">Unknown model, unknown key (the message lists the valid keys), or a bad value.</exception>
    public static IRecommenderTrainer Create(string name, IReadOnlyDictionary<string, string>? settings = null) => Find(name).Create(settings);

    /// <summary>The settable options of a model with their types and defaults (for help text and error messages).</summary>
    public static IReadOnlyList<ModelSetting> Settings(string name) => OptionsBinder.Describe(Find(name).Options);

    /// <summary>Parses "key=value" strings into a case-insensitive dictionary (the last value of a repeated key wins).</summary>
    public static Dictionary<string, string> ParseSettings(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ArgumentException($"a setting must be key=value, got '{pair}'.");
            result[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return result;
    }

    private static (string Name, Type Options, Func<IReadOnlyDictionary<string, string>?, IRecommenderTrainer> Create) Find(string name)
    {
        foreach (var entry in Entries)
            if (string.Equals(entry.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)) return entry;
        throw new ArgumentException($"unknown model '{name}'; known models: {string.Join(", ", Names)}.");
    }
}
