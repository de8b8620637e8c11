namespace Encore.Data.Import.Ium;

/// <summary>Report keys of the IUM importer (faults, removals, counts), shared by code, tests and docs.</summary>
public static class IumRules
{
    public const string NullUser = "sessions: null user_id";
    public const string NullEventType = "sessions: null event_type";
    public const string NullTrack = "sessions: null track_id";
    public const string UnknownUser = "sessions: unknown user";
    public const string UnknownTrack = "sessions: unknown track";
    public const string BadSessionValue = "sessions: bad value";
    public const string DuplicateEvent = "sessions: duplicate event";
    public const string NonTrackEvent = "sessions: non-track event: ";
    public const string SessionRows = "sessions: rows";
    public const string EventsKept = "sessions: events kept";
    public const string EventTypeCount = "sessions: event_type ";
    public const string RowsWithNull = "sessions: rows with null ";
    public const string DuplicateArtist = "artists: duplicate artist id";
    public const string BadArtistId = "artists: bad id";
    public const string DuplicateTrack = "tracks: duplicate track id";
    public const string BadTrackId = "tracks: bad id";
    public const string DuplicateUser = "users: duplicate user id";
    public const string BadUserId = "users: bad user_id";
    public const string UndescribedArtists = "artists: referenced by tracks but not in artists.jsonl";

    /// <summary>Fault keys for a file role: <c>&lt;role&gt;: malformed JSON</c>, <c>&lt;role&gt;: invalid UTF-8</c>, <c>&lt;role&gt;: bad value</c>.</summary>
    public static string Malformed(string role) => role + ": malformed JSON";

    public static string InvalidUtf8(string role) => role + ": invalid UTF-8";

    public static string BadValue(string role) => role + ": bad value";
}
