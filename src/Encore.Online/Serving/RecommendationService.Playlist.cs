using Encore.Models.Contract;

namespace Encore.Online.Serving;

/// <summary>
/// Playlist continuation. Seeds the model knows are folded in as a history (each seed weighs 1, seeds are
/// never recommended back). With no known seed but a title, tracks come from the base dataset's playlists
/// whose names share words with the title (<see cref="TitleIndex"/>). Otherwise: most popular tracks.
/// </summary>
public sealed partial class RecommendationService
{
    /// <summary>Longest playlist title accepted.</summary>
    public const int MaxTitleLength = 200;

    public RecommendationResponse ContinuePlaylist(PlaylistContinuationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestChecks.K(request.K, _options.MaxK);
        RequestChecks.Length(request.Seeds, _options.MaxListLength, "seeds");
        if (request.Title is { Length: > MaxTitleLength }) throw OnlineRequestException.Invalid("title", $"is {request.Title.Length} characters long; at most {MaxTitleLength} are allowed.");
        if ((request.Seeds is null || request.Seeds.Count == 0) && string.IsNullOrWhiteSpace(request.Title))
            throw OnlineRequestException.Invalid("seeds", "Give seed tracks, a title, or both.");
        var serving = Model(request.Model);
        var ignored = 0;
        var seeds = RequestChecks.Known(request.Seeds, serving.Model.Items, ref ignored).Distinct().Order().ToArray();
        var ones = new float[seeds.Length];
        Array.Fill(ones, 1f);
        var options = new RecommendOptions { ExcludeSeen = true };
        if (seeds.Length > 0 && serving.Model is IHistoryRecommender history)
        {
            var (items, scores) = history.RecommendFromHistory(seeds, ones, request.K, options);
            return new RecommendationResponse(null, serving.Name, serving.Version, ServingPath.FoldIn, Tracks(serving.Model, items, scores), ignored);
        }
        if (seeds.Length == 0 && !string.IsNullOrWhiteSpace(request.Title) && _baseDataset.Titles is { } titles)
        {
            var ranked = titles.Rank(request.Title, request.Seeds ?? [], request.K);
            if (ranked.Count > 0) return new RecommendationResponse(null, serving.Name, serving.Version, ServingPath.TitlePlaylists, ranked, ignored);
        }
        var popular = ProfileScoring.TopK(serving, new UserProfile(ServingPath.Popularity, -1, seeds, ones, ignored), request.K, options);
        return new RecommendationResponse(null, serving.Name, serving.Version, ServingPath.Popularity, Tracks(serving.Model, popular.Items, popular.Scores), ignored);
    }
}
