using Encore.Models.Contract;
using Encore.Online.Registry;
using Encore.Online.Store;

namespace Encore.Online.Serving;

/// <summary>
/// The cold-start chain for users the model never saw: (1) the model knows the user -> the model; (2) a
/// history given in the request, else (3) the user's events stored since training, folded in when the model
/// can fold in (<see cref="IHistoryRecommender"/>); (4) otherwise popularity. Tracks the model does not
/// know are dropped from a history (counted in the response).
/// </summary>
internal sealed class ColdStartResolver(EventRepository events, OnlineOptions options)
{
    public UserProfile Resolve(ServingModel serving, string user, IReadOnlyList<HistoryEntry>? history, string historyField = "history")
    {
        RequestChecks.Length(history, options.MaxListLength, historyField);
        var model = serving.Model;
        if (model.Users.TryGetIndex(user, out var index)) return UserProfile.Known(index);
        var (items, values, ignored) = history is { Count: > 0 } ? FromRequest(model, history, historyField) : FromStore(model, user);
        var path = items.Length > 0 && model is IHistoryRecommender ? ServingPath.FoldIn : ServingPath.Popularity;
        return new UserProfile(path, -1, items, values, ignored);
    }

    private static (int[], float[], int) FromRequest(IRecommender model, IReadOnlyList<HistoryEntry> history, string field)
    {
        var totals = new Dictionary<int, float>();
        var ignored = 0;
        for (var i = 0; i < history.Count; i++)
        {
            var entry = history[i] ?? throw OnlineRequestException.Invalid($"{field}[{i}]", "is null; expected {\"track\": id, \"value\": number}.");
            if (string.IsNullOrEmpty(entry.Track)) throw OnlineRequestException.Invalid($"{field}[{i}].track", "is missing; expected a track id.");
            if (!float.IsFinite(entry.Value) || entry.Value < 0 || entry.Value > Feedback.EventValidator.MaxAbsValue)
                throw OnlineRequestException.Invalid($"{field}[{i}].value", "must be a finite number between 0 and 1e6.");
            if (model.Items.TryGetIndex(entry.Track, out var item)) totals[item] = totals.GetValueOrDefault(item) + entry.Value;
            else ignored++;
        }
        return Sorted(totals, ignored);
    }

    private (int[], float[], int) FromStore(IRecommender model, string user)
    {
        var totals = new Dictionary<int, float>();
        var ignored = 0;
        foreach (var e in events.HistoryOf(user, options.MaxListLength))
        {
            var weight = options.Retrain.Weights[e.Kind];
            if (weight == 0) continue;
            if (model.Items.TryGetIndex(e.Track, out var item)) totals[item] = totals.GetValueOrDefault(item) + weight;
            else ignored++;
        }
        foreach (var (item, total) in totals.ToArray())
            if (total <= 0) totals.Remove(item);
        return Sorted(totals, ignored);
    }

    private static (int[], float[], int) Sorted(Dictionary<int, float> totals, int ignored)
    {
        var items = totals.Keys.Order().ToArray();
        var values = new float[items.Length];
        for (var i = 0; i < items.Length; i++) values[i] = totals[items[i]];
        return (items, values, ignored);
    }
}
