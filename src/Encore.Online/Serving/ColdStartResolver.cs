using Encore.Core.Ids;
using Encore.Models.ColdStart;
using Encore.Models.Contract;
using Encore.Online.Feedback;
using Encore.Online.Registry;
using Encore.Online.Store;

namespace Encore.Online.Serving;

/// <summary>
/// Where an unknown user's history comes from, and the chain for score vectors (groups, candidate scores):
/// (1) the model knows the user -> the model; (2) a history given in the request, else (3) the user's events
/// stored since training, folded in when the model can fold in (<see cref="IHistoryRecommender"/>);
/// (4) otherwise popularity. Top-k lists go through the shared <c>ColdStartRecommender</c> with the same
/// history (<see cref="HistoryFor"/>). Tracks the model does not know are dropped (counted in the response).
/// </summary>
internal sealed class ColdStartResolver(IEventStore events, OnlineOptions options, FoldInHistory foldIn)
{
    public UserProfile Resolve(ServingModel serving, string user, IReadOnlyList<HistoryEntry>? history, string historyField = "history")
    {
        var model = serving.Model;
        var (tracks, values) = HistoryFor(serving, user, history, historyField);
        var known = model.Users.TryGetIndex(user, out var index);
        if (known && ColdStartRecommender.HasSignal(model, index)) return UserProfile.Known(index);
        var totals = new Dictionary<int, float>();
        var ignored = 0;
        for (var i = 0; i < tracks.Length; i++)
        {
            if (model.Items.TryGetTrackIndex(tracks[i], out var item)) totals[item] = totals.GetValueOrDefault(item) + values[i];
            else ignored++;
        }
        // Score vectors fold in evidence only: a rejection (a negative value, e.g. a signed rating below the threshold) is not a signal.
        var items = totals.Where(t => !(t.Value < 0)).Select(t => t.Key).Order().ToArray();
        var weights = new float[items.Length];
        for (var i = 0; i < items.Length; i++) weights[i] = totals[items[i]];
        var path = items.Length > 0 && model is IHistoryRecommender ? ServingPath.FoldIn : ServingPath.Popularity;
        // A known user without positive signal keeps their index, so what they skipped or disliked stays masked.
        return new UserProfile(path, known ? index : -1, items, weights, ignored);
    }

    /// <summary>
    /// The history to fold in for <paramref name="user"/>, as external track ids with strengths: the request's
    /// (validated, repeats added), else the user's stored events read by the retrain's rule (<see cref="FoldInHistory"/>:
    /// positive values are folded in, negative ones are rejections masked but not folded in); empty for a user the model
    /// knows and sent no history.
    /// </summary>
    /// <param name="serving">The model the answer comes from.</param>
    /// <param name="user">The user id.</param>
    /// <param name="history">The request's history (wins when non-empty).</param>
    /// <param name="historyField">The request field named in errors.</param>
    /// <param name="recent">The user's recent stored events when the caller holds them (a cluster user grain); null reads the event store.</param>
    public (string[] Tracks, float[] Values) HistoryFor(ServingModel serving, string user, IReadOnlyList<HistoryEntry>? history, string historyField = "history",
        IReadOnlyList<StoredEvent>? recent = null)
    {
        RequestChecks.Length(history, options.MaxListLength, historyField);
        if (history is { Count: > 0 })
        {
            var tracks = new string[history.Count];
            var values = new float[history.Count];
            for (var i = 0; i < history.Count; i++) (tracks[i], values[i]) = Checked(history[i], historyField, i);
            return (tracks, values);
        }
        if (serving.Model.Users.TryGetIndex(user, out var known) && ColdStartRecommender.HasSignal(serving.Model, known)) return ([], []);
        // The same per-(user, track) values a retrain would train this user's row on (FoldInHistory).
        return foldIn.Of(serving, recent ?? events.HistoryOf(user, options.MaxListLength));
    }

    private static (string Track, float Value) Checked(HistoryEntry? entry, string field, int i)
    {
        if (entry is null) throw OnlineRequestException.Invalid($"{field}[{i}]", "is null; expected {\"track\": id, \"value\": number}.");
        if (string.IsNullOrEmpty(entry.Track)) throw OnlineRequestException.Invalid($"{field}[{i}].track", "is missing; expected a track id.");
        RequestChecks.NoControl(entry.Track, $"{field}[{i}].track");
        if (!float.IsFinite(entry.Value) || entry.Value < 0 || entry.Value > Feedback.EventValidator.MaxAbsValue)
            throw OnlineRequestException.Invalid($"{field}[{i}].value", "must be a finite number between 0 and 1e6.");
        return (entry.Track, entry.Value);
    }
}
