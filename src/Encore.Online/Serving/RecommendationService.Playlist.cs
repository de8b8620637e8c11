using Encore.Core.Ids;
using Encore.Models.ColdStart;

namespace Encore.Online.Serving;

/// <summary>
/// Playlist continuation through the shared cold-start chain for an anonymous listener: seeds the model knows
/// are folded in as a history (each seed weighs 1, seeds are never recommended back). With no known seed but a title, tracks come from the base dataset's playlists
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
        RequestChecks.IdList(request.Seeds, "seeds");
        if (request.Title is { Length: > MaxTitleLength }) throw OnlineRequestException.Invalid("title", $"is {request.Title.Length} characters long; at most {MaxTitleLength} are allowed.");
        if ((request.Seeds is null || request.Seeds.Count == 0) && string.IsNullOrWhiteSpace(request.Title))
            throw OnlineRequestException.Invalid("seeds", "Give seed tracks, a title, or both.");
        var serving = Model(request.Model);
        var chain = serving.ColdStart ?? throw OnlineRequestException.Conflict("model", $"Model '{serving.Name}' keeps no training matrix, so it cannot continue playlists.");
        var seeds = WithoutNulls(request.Seeds) ?? [];
        var answer = chain.Recommend(new ColdStartRequest { History = seeds, ExcludeSeen = true }, request.K);
        var knownSeeds = seeds.Any(s => serving.Model.Items.TryGetTrackIndex(s, out _));
        if (answer.Path == RecommendationPath.Popularity && !knownSeeds && !string.IsNullOrWhiteSpace(request.Title) && _baseDataset.Titles is { } titles)
        {
            var ranked = titles.Rank(request.Title, seeds, request.K);
            if (ranked.Count > 0) return new RecommendationResponse(null, serving.Name, serving.Version, ServingPath.TitlePlaylists, ranked, answer.UnknownItems.Length);
        }
        var items = new ScoredTrack[answer.Items.Length];
        for (var i = 0; i < items.Length; i++) items[i] = new ScoredTrack(answer.Items[i], answer.Scores[i]);
        return new RecommendationResponse(null, serving.Name, serving.Version, PathName(answer.Path), items, answer.UnknownItems.Length);
    }
}
