namespace Encore.Data.Synthetic;

/// <summary>The generation pipeline: catalogue, features, tastes, listening, ratings, playlists.</summary>
public sealed partial class SyntheticWorld
{
    /// <summary>
    /// Generates a world. Same options (seed included) give an identical dataset whatever the thread count.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    public static SyntheticWorld Generate(SyntheticWorldOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var seed = options.Seed;
        var catalogue = CatalogueGenerator.Create(options, seed);
        var features = TrackFeatureGenerator.Create(options, catalogue, seed);
        ct.ThrowIfCancellationRequested();
        var tastes = TasteGenerator.Create(options, catalogue.Genres, seed, ct);
        var sampler = new TrackSampler(options, catalogue, tastes);
        var events = new ListeningSimulator(options, catalogue, tastes, sampler, seed).Run(ct);
        var affinity = new AffinityModel(catalogue, tastes);
        var ratings = new RatingGenerator(options, catalogue, affinity, sampler, seed).Run(tastes.JoinTimes, ct);
        var playlists = new Model.PlaylistTableBuilder();
        PlaylistGenerator.Fill(playlists, options, catalogue, tastes, sampler, seed, ct);
        var dataset = SyntheticDatasetAssembler.Build(options, catalogue, tastes, features, events, ratings, playlists.Build());
        return new SyntheticWorld(options, dataset, catalogue, tastes, affinity);
    }
}
