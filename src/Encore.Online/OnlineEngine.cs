using Encore.Online.Catalogue;
using Encore.Online.Feedback;
using Encore.Online.Registry;
using Encore.Online.Retraining;
using Encore.Online.Serving;
using Encore.Online.Store;

namespace Encore.Online;

/// <summary>
/// The serving layer wired together over one store (SQLite file or PostgreSQL, see <see cref="OnlineStores"/>): registry, recommendations, feedback, catalogue
/// and retraining. Hosts (server, CLI, tests) create one and call its parts.
/// </summary>
public sealed class OnlineEngine : IDisposable
{
    public OnlineEngine(OnlineOptions options, TimeProvider? time = null, BaseDatasetSource? baseDataset = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        Options = options;
        Store = OnlineStores.Open(options.StorePath, time);
        Events = Store.Events;
        BaseDataset = baseDataset ?? new BaseDatasetSource(options.BaseDatasetPath);
        Registry = new ModelRegistry(Store.Models, time, Path.Combine(options.ModelDirectory, "by-hash"));
        Recommendations = new RecommendationService(Registry, Events, BaseDataset, options);
        Bandits = new Bandits.BanditService(Recommendations, Store.Bandits, BaseDataset, options, time);
        Experiments = new Experiments.ExperimentService(Store.Experiments, Registry, Recommendations, options, time);
        Feedback = new FeedbackService(Events, options, time, (events, outcomes) =>
        {
            Recommendations.Recent.Observe(events, outcomes);
            Experiments.Observe(events, outcomes);
            return Bandits.Observe(events, outcomes);
        });
        Catalogue = new CatalogueService(Store.Catalogue, options);
        Retrain = new RetrainService(Registry, Events, BaseDataset, options, time);
    }

    public OnlineOptions Options { get; }

    public IOnlineStore Store { get; }

    public IEventStore Events { get; }

    public BaseDatasetSource BaseDataset { get; }

    public ModelRegistry Registry { get; }

    public RecommendationService Recommendations { get; }

    public FeedbackService Feedback { get; }

    /// <summary>The online bandit: next-track choices and their feedback loop.</summary>
    public Bandits.BanditService Bandits { get; }

    public CatalogueService Catalogue { get; }

    public RetrainService Retrain { get; }

    /// <summary>A/B experiments over the registered models, persisted in the store.</summary>
    public Experiments.ExperimentService Experiments { get; }

    /// <summary>Registers (or reuses) a model file under <paramref name="name"/> and activates it.</summary>
    public ServingModel Serve(string name, string path)
    {
        var info = Registry.RegisterOrReuse(name, path);
        return Registry.Activate(name, info.Version);
    }

    /// <summary>
    /// A start-up preload (<c>models.preload</c>, <c>--model name=file</c>): registers the file under <paramref name="name"/>
    /// or reuses the version registered from it while unchanged, and activates it, unless the name's active version
    /// is newer than that one (retrained, promoted or activated after it): a restart with the same command line must not
    /// undo a retrain. A changed or new file is registered and activated.
    /// </summary>
    /// <returns>The served model and whether it is a newer version kept active instead of the file's.</returns>
    /// <exception cref="OnlineRequestException">The file is not a model file (field <c>path</c>) or cannot be loaded.</exception>
    public (ServingModel Served, bool KeptNewer) Preload(string name, string path)
    {
        var info = Registry.RegisterOrReuse(name, path);
        if (Registry.Active(name) is { } active && active.Version > info.Version) return (active, true);
        return (Registry.Activate(name, info.Version), false);
    }

    public void Dispose()
    {
        Recommendations.Dispose();
        Store.Dispose();
    }
}
