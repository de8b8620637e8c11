using Encore.Core.Ids;
using Encore.Models.Contract;
using Encore.Online.Registry;

namespace Encore.Online.Serving;

/// <summary>
/// Candidate scores of models whose scores depend on the whole list (<see cref="ICandidateExplainer"/>: the hierarchy
/// model's per-list z-scores): the known candidates are scored together as one list, as in the six-candidate protocol,
/// and explained feature by feature when asked.
/// </summary>
internal static class ListScores
{
    public static ScoresResponse Answer(ServingModel serving, ICandidateExplainer explainer, int user, string userId, ScoreRequest request)
    {
        var model = serving.Model;
        var tracks = request.Tracks!;
        var index = new int[tracks.Count];
        var known = new List<int>();
        for (var i = 0; i < tracks.Count; i++)
        {
            var track = tracks[i] ?? throw OnlineRequestException.Invalid($"tracks[{i}]", "is null; expected a track id.");
            index[i] = model.Items.TryGetTrackIndex(track, out var item) ? item : -1;
            if (index[i] >= 0) known.Add(item);
        }
        var items = known.ToArray();
        var scores = new float[items.Length];
        if (items.Length > 0) model.Score(user, items, scores);
        var result = new CandidateScore[tracks.Count];
        var position = 0;
        for (var i = 0; i < tracks.Count; i++)
        {
            float? score = null;
            if (index[i] >= 0 && scores[position++] is var s && !float.IsNaN(s)) score = s;
            result[i] = new CandidateScore(tracks[i]!, score);
        }
        IReadOnlyList<CandidateExplanationResponse>? explanations = null;
        if (request.Explain && items.Length > 0)
            explanations = [.. explainer.ExplainCandidates(user, items).Select(e => new CandidateExplanationResponse(model.Items[e.Item], e.Score,
                [.. e.Features.Select(f => new FeatureExplanation(f.Name, f.Value, f.Source))]))];
        return new ScoresResponse(userId, serving.Name, serving.Version, ServingPath.Model, result, explanations);
    }
}
