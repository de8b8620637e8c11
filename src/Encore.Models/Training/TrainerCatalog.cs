using Encore.Models.Blend;
using Encore.Models.Content.Affinity;
using Encore.Models.Contract;
using Encore.Models.Factorization.Warp;
using Encore.Models.Hierarchy;
using Encore.Models.Playlists;
using Encore.Models.Ranking;
using Encore.Models.Social;
using Encore.Models.Vae;

namespace Encore.Models.Training;

/// <summary>
/// Model name -> trainer, configured from string settings (<c>--set factors=128</c>): the entry point for the
/// command line, config files and the HTTP service. Keys and enum values match case-insensitively and ignore
/// '-' and '_'; every *Options property (including seed and threads) is a key.
/// </summary>
public static class TrainerCatalog
{
    // The models of CoreTrainerCatalog are its own entries, so the AOT host and this catalog cannot drift apart.
    private static readonly TrainerEntry[] Entries =
    [
        CoreTrainerCatalog.Entry("popularity"),
        CoreTrainerCatalog.Entry("item-knn"),
        CoreTrainerCatalog.Entry("user-knn"),
        TrainerEntry.Of<PlaylistKnnOptions>("playlist-knn", o => new PlaylistKnnTrainer(o)),
        TrainerEntry.Of<PlaylistCombinedOptions>("playlist-combined", o => new PlaylistCombinedTrainer(o)),
        CoreTrainerCatalog.Entry("ease"),
        CoreTrainerCatalog.Entry("rp3beta"),
        TrainerEntry.Of<BlendOptions>("blend", o => new BlendTrainer(o)),
        TrainerEntry.Of<FunnelOptions>("funnel", o => new FunnelTrainer(o)),
        CoreTrainerCatalog.Entry("als"),
        CoreTrainerCatalog.Entry("wmf"),
        CoreTrainerCatalog.Entry("bpr"),
        CoreTrainerCatalog.Entry("lmf"),
        TrainerEntry.Of<WarpOptions>("warp", o => new WarpTrainer(o)),
        TrainerEntry.Of<VaeOptions>("vae", o => new VaeTrainer(o)),
        TrainerEntry.Of<AffinityOptions>("affinity", o => new AffinityTrainer(o)),
        TrainerEntry.Of<HierarchyOptions>("hierarchy", o => new HierarchyTrainer(o)),
        TrainerEntry.Of<FriendsOptions>("friends", o => new FriendsTrainer(o)),
    ];

    /// <summary>Every trainable model name, in the order of docs/cli.md.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Name)];

    /// <summary>
    /// The models whose fitted model finds similar items (<see cref="ISimilarItems"/>: <c>encore similar</c>), in the order of
    /// <see cref="Names"/>; a test fits every model to keep this list true.
    /// </summary>
    public static IReadOnlyList<string> SimilarItemModels { get; } = ["item-knn", "ease", "rp3beta", "als", "bpr", "lmf", "warp"];

    /// <summary>A trainer for <paramref name="name"/> with the given settings applied over the defaults.</summary>
    /// <exception cref="ArgumentException">Unknown model, unknown key (the message lists the valid keys), or a bad value.</exception>
    public static IRecommenderTrainer Create(string name, IReadOnlyDictionary<string, string>? settings = null) => Find(name).Create(settings);

    /// <summary>The settable options of a model with their types and defaults (for help text and error messages).</summary>
    public static IReadOnlyList<ModelSetting> Settings(string name) => [.. OptionsBinder.Describe(Find(name).Options), ModelInput.Setting];

    /// <summary>Parses "key=value" strings into a case-insensitive dictionary (the last value of a repeated key wins): <see cref="SettingPairs.Parse"/>.</summary>
    /// <exception cref="ArgumentException">A string without '=' or with an empty key.</exception>
    public static Dictionary<string, string> ParseSettings(IEnumerable<string> pairs) => SettingPairs.Parse(pairs);

    private static TrainerEntry Find(string name) => TrainerEntry.Find(Entries, name);
}
