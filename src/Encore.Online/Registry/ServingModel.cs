using Encore.Models.ColdStart;
using Encore.Models.Contract;
using Encore.Models.Popularity;

namespace Encore.Online.Registry;

/// <summary>
/// A loaded, immutable model version ready to serve, with its cold-start chain (<see cref="ColdStartRecommender"/>,
/// whose fallback is popularity over the model's own training matrix). Requests take one reference at their start and use only it, so a swap
/// never changes a model under a running request.
/// </summary>
public sealed class ServingModel
{
    public ServingModel(string name, int version, string path, IRecommender model, long activatedMs)
    {
        Name = name;
        Version = version;
        Path = path;
        Model = model ?? throw new ArgumentNullException(nameof(model));
        ActivatedMs = activatedMs;
        if (model is RecommenderBase based)
        {
            Seen = based.Interactions;
            ColdStart = new ColdStartRecommender(model);
            Popularity = ColdStart.Fallback;
        }
    }

    public string Name { get; }

    public int Version { get; }

    public string Path { get; }

    public IRecommender Model { get; }

    public long ActivatedMs { get; }

    /// <summary>What each known user had in training (for "exclude seen"), when the model keeps it.</summary>
    public Encore.Core.Sparse.CsrMatrix? Seen { get; }

    /// <summary>Model -> fold-in -> popularity for external ids (null for a model that keeps no training matrix).</summary>
    public ColdStartRecommender? ColdStart { get; }

    /// <summary>Popularity over the training matrix: the last step of the cold-start chain.</summary>
    public PopularityModel? Popularity { get; }
}
