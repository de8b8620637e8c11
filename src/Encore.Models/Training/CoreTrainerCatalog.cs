using Encore.Models.Contract;
using Encore.Models.Ease;
using Encore.Models.Factorization.Als;
using Encore.Models.Factorization.Bpr;
using Encore.Models.Factorization.Lmf;
using Encore.Models.Factorization.Wmf;
using Encore.Models.Graph;
using Encore.Models.Neighbourhood;
using Encore.Models.Popularity;

namespace Encore.Models.Training;

/// <summary>
/// The models trained from a users x items matrix alone whose code reaches neither ML.NET, MathNet nor other
/// reflection beyond the options binder: popularity, item-knn, user-knn, ease, rp3beta, als, wmf, bpr, lmf. It is
/// what the Native AOT fit host (<c>encore-fit</c>, docs/fit-aot.md) can compile; <see cref="TrainerCatalog"/> holds
/// these same entries among all the others, so a name and its settings mean the same in both.
/// </summary>
/// <remarks>Referencing <see cref="TrainerCatalog"/> from here would root every model (and ML.NET) in a trimmed build,
/// so this class must not.</remarks>
public static class CoreTrainerCatalog
{
    internal static readonly TrainerEntry[] Entries =
    [
        TrainerEntry.Of<PopularityOptions>("popularity", o => new PopularityTrainer(o)),
        TrainerEntry.Of<ItemKnnOptions>("item-knn", o => new ItemKnnTrainer(o)),
        TrainerEntry.Of<UserKnnOptions>("user-knn", o => new UserKnnTrainer(o)),
        TrainerEntry.Of<EaseOptions>("ease", o => new EaseTrainer(o)),
        TrainerEntry.Of<Rp3BetaOptions>("rp3beta", o => new Rp3BetaTrainer(o)),
        TrainerEntry.Of<AlsOptions>("als", o => new AlsTrainer(o)),
        TrainerEntry.Of<WmfOptions>("wmf", o => new WmfTrainer(o)),
        TrainerEntry.Of<BprOptions>("bpr", o => new BprTrainer(o)),
        TrainerEntry.Of<LmfOptions>("lmf", o => new LmfTrainer(o)),
    ];

    private const string Others = " The other models (encore train --help lists them) need the full encore CLI.";

    /// <summary>The model names of this catalog, in <see cref="TrainerCatalog.Names"/>'s order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Name)];

    /// <summary>A trainer for <paramref name="name"/> with the given settings applied over the defaults (as <see cref="TrainerCatalog.Create"/>).</summary>
    /// <exception cref="ArgumentException">A model outside this catalog (the message lists its names), an unknown key (the message
    /// lists the valid keys), or a bad value.</exception>
    public static IRecommenderTrainer Create(string name, IReadOnlyDictionary<string, string>? settings = null) =>
        TrainerEntry.Find(Entries, name, Others).Create(settings);

    /// <summary>The settable options of a model of this catalog with their types and defaults.</summary>
    /// <exception cref="ArgumentException">A model outside this catalog.</exception>
    public static IReadOnlyList<ModelSetting> Settings(string name) => [.. OptionsBinder.Describe(TrainerEntry.Find(Entries, name, Others).Options), ModelInput.Setting];

    internal static TrainerEntry Entry(string name) => TrainerEntry.Find(Entries, name);
}
