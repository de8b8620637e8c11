using System.Globalization;
using Encore.Data.Model;

namespace Encore.Online.Feedback;

/// <summary>
/// Checks events before anything is written: known kind, non-empty ids of sane length, a timestamp between
/// 2000-01-01 and now + skew, a finite value in range (ratings 0..100 and required). Every problem names
/// the event's position and field.
/// </summary>
internal sealed class EventValidator(OnlineOptions options, TimeProvider time)
{
    /// <summary>2000-01-01T00:00:00Z: earlier timestamps are almost surely seconds sent as milliseconds.</summary>
    public const long EarliestMs = 946_684_800_000;

    public const int MaxIdLength = 256;

    public const double MaxAbsValue = 1e6;

    public StoredEvent[] Validate(IReadOnlyList<FeedbackEvent?> events, string prefix)
    {
        if (events.Count == 0) throw OnlineRequestException.Invalid(prefix, "The batch holds no events; send at least one.");
        if (events.Count > options.MaxBatchSize)
            throw OnlineRequestException.Invalid(prefix, $"The batch holds {events.Count} events; at most {options.MaxBatchSize} are allowed per call.");
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var errors = new Dictionary<string, string[]>();
        var result = new StoredEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var at = events.Count == 1 && prefix.Length == 0 ? "" : $"{prefix}[{i}].";
            var problems = new List<(string Field, string Message)>();
            var stored = Check(events[i], now, problems);
            foreach (var (field, message) in problems) errors[at + field] = [message];
            if (stored is not null) result[i] = stored;
        }
        if (errors.Count > 0)
        {
            var first = errors.First();
            var summary = errors.Count == 1 ? $"{first.Key}: {first.Value[0]}" : $"{errors.Count} problems, first {first.Key}: {first.Value[0]}";
            throw new OnlineRequestException(RequestProblem.Invalid, first.Key, $"Invalid event(s), nothing was stored. {summary}") { Errors = errors };
        }
        return result;
    }

    private StoredEvent? Check(FeedbackEvent? e, long now, List<(string, string)> problems)
    {
        if (e is null)
        {
            problems.Add(("event", "is null; expected an object with user, track and kind."));
            return null;
        }
        CheckId(e.User, "user", required: true, problems);
        CheckId(e.Track, "track", required: true, problems);
        CheckId(e.EventId, "eventId", required: false, problems);
        CheckId(e.Session, "session", required: false, problems);
        if (!FeedbackKinds.TryParse(e.Kind, out var kind))
            problems.Add(("kind", e.Kind is null ? $"is missing; expected one of {FeedbackKinds.Names}." : $"'{e.Kind}' is not a known kind; expected one of {FeedbackKinds.Names}."));
        var ts = e.Timestamp ?? now;
        if (ts < EarliestMs || ts > now + (long)options.MaxFutureSkew.TotalMilliseconds)
            problems.Add(("timestamp", $"{ts.ToString(CultureInfo.InvariantCulture)} is outside [2000-01-01, now + {options.MaxFutureSkew.TotalHours.ToString(CultureInfo.InvariantCulture)} h]; expected Unix milliseconds UTC."));
        CheckValue(e.Value, kind, problems);
        return problems.Count == 0 ? new StoredEvent(e.EventId, e.User!, e.Track!, kind, ts, e.Value, e.Session) : null;
    }

    private static void CheckValue(double? value, EventKind kind, List<(string, string)> problems)
    {
        if (value is not { } v)
        {
            if (kind == EventKind.Rating) problems.Add(("value", "is required for a rating (0..100)."));
            return;
        }
        if (!double.IsFinite(v)) problems.Add(("value", "must be a finite number."));
        else if (kind == EventKind.Rating && (v < 0 || v > 100)) problems.Add(("value", $"rating {v.ToString(CultureInfo.InvariantCulture)} is outside 0..100."));
        else if (kind == EventKind.Play && v < 0) problems.Add(("value", "a play's value (count or seconds) cannot be negative."));
        else if (Math.Abs(v) > MaxAbsValue) problems.Add(("value", $"magnitude above {MaxAbsValue.ToString(CultureInfo.InvariantCulture)}."));
    }

    internal static void CheckId(string? id, string field, bool required, List<(string, string)> problems)
    {
        if (id is null)
        {
            if (required) problems.Add((field, "is missing; expected a non-empty id."));
            return;
        }
        if (string.IsNullOrWhiteSpace(id)) problems.Add((field, "is empty; expected a non-empty id."));
        else if (id.Length > MaxIdLength) problems.Add((field, $"is {id.Length} characters long; at most {MaxIdLength} are allowed."));
        else if (id.Any(char.IsControl)) problems.Add((field, "contains control characters."));
    }
}
