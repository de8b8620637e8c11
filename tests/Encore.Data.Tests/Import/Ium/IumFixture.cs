namespace Encore.Data.Tests.Import.Ium;

/// <summary>Hand-written IUM files: three users, four tracks (one repeated), three artists (one repeated), nine events.</summary>
internal static class IumFixture
{
    public static readonly string[] Users =
    [
        """{"user_id": 1, "name": "Anna Nowak", "city": "Krak\u00f3w", "street": "ul. Długa 1", "favourite_genres": ["rock", "pop"], "premium_user": true}""",
        """{"premium_user": false, "favourite_genres": null, "street": "ul. Krótka 2", "city": "Gdańsk", "name": "Jan Kowalski", "user_id": 2}""",
        """{"user_id": 3, "name": "Ola", "city": null, "street": "x", "favourite_genres": ["jazz"], "premium_user": null}""",
    ];

    public static readonly string[] Tracks =
    [
        """{"id": "t1", "name": "Leef", "popularity": 42, "duration_ms": 217903, "explicit": 0, "id_artist": "a1", "release_date": "2015-06-26", "danceability": 0.673, "energy": 0.727, "key": 9, "loudness": -6.587, "speechiness": 0.0401, "acousticness": 0.282, "instrumentalness": 1.52e-06, "liveness": 0.178, "valence": 0.782, "tempo": 121.016}""",
        """{"release_date": "1999", "id_artist": "a2", "explicit": 1, "duration_ms": 2.5e5, "popularity": 7, "name": "Two", "id": "t2"}""",
        """{"id": "t3", "name": "Three", "id_artist": "a9", "release_date": "1987-03", "explicit": 0}""",
        """{"id": "t4", "name": "Four", "id_artist": "a1", "release_date": "2001-01-01"}""",
        """{"id": "t2", "name": "Two again", "id_artist": "a1"}""",
    ];

    public static readonly string[] Artists =
    [
        """{"id": "a1", "name": "Artist One", "genres": ["rock", "indie"]}""",
        """{"genres": ["pop"], "name": "Artist Two", "id": "a2"}""",
        """{"id": "a2", "name": "Artist Two Again", "genres": []}""",
        """{"id": "a3", "name": "Artist Three", "genres": null}""",
    ];

    public static readonly string[] Sessions =
    [
        """{"timestamp": "2023-01-03T05:14:02.707000", "user_id": 1, "track_id": "t1", "event_type": "PLAY", "session_id": 10}""",
        """{"session_id": 10, "timestamp": "2023-01-03T05:18:00", "user_id": 1, "track_id": "t1", "event_type": "like"}""",
        """{"user_id": 1, "track_id": "", "event_type": "ADVERTISEMENT", "timestamp": "2023-01-03T05:19:00", "session_id": 10}""",
        """{"user_id": 2, "track_id": null, "event_type": "advertisment", "timestamp": 1672724340000, "session_id": 11}""",
        """{"user_id": 2, "track_id": "t2", "event_type": "Skip", "timestamp": 1672724340000, "session_id": 11}""",
        """{"user_id": 2, "track_id": "t2", "event_type": "Skip", "timestamp": 1672724340000, "session_id": 11}""",
        """{"user_id": 2, "track_id": "t3", "event_type": "dislike", "timestamp": "2023-01-03T06:00:00.5", "session_id": 1.1e1}""",
        """{"user_id": 3, "track_id": "t4", "event_type": "rewind", "timestamp": "2023-01-04T00:00:00Z", "session_id": 12}""",
        """{"user_id": 3, "track_id": "", "event_type": "BUY_PREMIUM", "timestamp": "2023-01-04T00:01:00", "session_id": 12}""",
    ];

    /// <summary>Seven bad rows around two good ones; each line's comment says which rule fires.</summary>
    public static readonly string[] FaultySessions =
    [
        """{"user_id": 1, "track_id": "t1", "event_type": "play", "timestamp": "2023-01-03T05:14:02", "session_id": 1}""", // kept
        """{"user_id": null, "track_id": "t1", "event_type": "play", "timestamp": "2023-01-03T05:14:03", "session_id": 1}""", // null user
        """{"user_id": null, "track_id": null, "event_type": null, "timestamp": "2023-01-03T05:14:04", "session_id": 1}""", // null user (first rule)
        """{"user_id": 1, "track_id": null, "event_type": null, "timestamp": "2023-01-03T05:14:05", "session_id": 1}""", // null event_type
        """{"user_id": 1, "track_id": null, "event_type": "like", "timestamp": "2023-01-03T05:14:06", "session_id": 1}""", // null track
        """{"user_id": 99, "track_id": "t1", "event_type": "play", "timestamp": "2023-01-03T05:14:07", "session_id": 1}""", // unknown user
        """{"user_id": 1, "track_id": "zzz", "event_type": "play", "timestamp": "2023-01-03T05:14:08", "session_id": 1}""", // unknown track
        """{"user_id": 1, "track_id": "t1", "event_type": "play",""", // malformed JSON
        """{"user_id": 1, "track_id": "t2", "event_type": "play", "timestamp": "yesterday", "session_id": 1}""", // bad value
        """{"user_id": 2, "track_id": null, "event_type": "advertisment", "timestamp": "2023-01-03T05:14:09", "session_id": 1}""", // removed
        """{"user_id": 2, "track_id": "t2", "event_type": "play", "timestamp": "2023-01-03T05:14:10", "session_id": 2}""", // kept
    ];

    public static string WriteAll(JsonFixtureFolder folder, string[]? sessions = null)
    {
        folder.WriteLines("users.jsonl", Users);
        folder.WriteLines("tracks.jsonl", Tracks);
        folder.WriteLines("artists.jsonl", Artists);
        folder.WriteLines("sessions.jsonl", sessions ?? Sessions);
        folder.WriteLines("track_storage.jsonl", """{"track_id": "t1", "storage_class": "SLOW", "daily_cost": 0.01}""");
        return folder.Root;
    }
}
