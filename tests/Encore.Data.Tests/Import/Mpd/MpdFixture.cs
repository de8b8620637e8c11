namespace Encore.Data.Tests.Import.Mpd;

/// <summary>
/// Hand-written MPD files: two slices (three playlists) and a challenge set (a titled playlist, a no-title
/// one and an empty one). Tracks A..E; artists X, Y, Z; albums P, Q, R, S. Key order varies on purpose.
/// </summary>
internal static class MpdFixture
{
    public static string Track(int pos, string id, string name, string artist, string album, int duration = 200000) => $$"""
                {
                    "pos": {{pos}},
                    "artist_name": "Artist {{artist}}",
                    "track_uri": "spotify:track:{{id}}",
                    "artist_uri": "spotify:artist:{{artist}}",
                    "track_name": "{{name}}",
                    "album_uri": "spotify:album:{{album}}",
                    "duration_ms": {{duration}},
                    "album_name": "Album {{album}}"
                }
""";

    public static readonly string TrackA = Track(0, "AAAAAAAAAAAAAAAAAAAAAA", "Song A", "X", "P", 166264);
    public static readonly string TrackB = Track(1, "BBBBBBBBBBBBBBBBBBBBBB", "Song B", "Y", "Q");
    public static readonly string TrackC = Track(1, "CCCCCCCCCCCCCCCCCCCCCC", "Song \\u00c7", "X", "P");
    public static readonly string TrackD = Track(0, "DDDDDDDDDDDDDDDDDDDDDD", "Song D", "Z", "R");
    public static readonly string TrackE = Track(1, "EEEEEEEEEEEEEEEEEEEEEE", "Song E", "Y", "S");

    public static string Slice0 => $$"""
{
    "info": {
        "generated_on": "2017-12-03 08:41:42.057563",
        "slice": "0-999",
        "version": "v1"
    },
    "playlists": [
        {
            "name": "Throwbacks",
            "collaborative": "false",
            "pid": 0,
            "modified_at": 1493424000,
            "num_tracks": 3,
            "num_albums": 2,
            "num_followers": 1,
            "tracks": [
{{TrackA}},
{{TrackB}}
            ],
            "num_edits": 2,
            "duration_ms": 366264,
            "num_artists": 2,
            "description": "old stuff"
        },
        {
            "tracks": [
{{TrackB}},
{{TrackC}},
{{TrackA}}
            ],
            "num_followers": 12,
            "pid": 1,
            "collaborative": true,
            "name": "Caf\u00e9",
            "num_tracks": 3,
            "modified_at": 1500000000
        }
    ]
}
""";

    public static string Slice1000 => $$"""
{
    "playlists": [
        {
            "pid": 1000, "name": "Road trip", "collaborative": "false", "modified_at": 1480000000,
            "num_tracks": 1, "num_followers": 5,
            "tracks": [
{{TrackD}}
            ]
        }
    ],
    "info": {"slice": "1000-1999", "version": "v1", "generated_on": "2017-12-03 08:41:42.057563"}
}
""";

    public static string Challenge => $$"""
{
    "date": "2018-01-16 08:47:28.198015",
    "version": "v1",
    "playlists": [
        {"name": "chill", "num_holdouts": 9, "pid": 1000002, "num_samples": 1, "num_tracks": 10, "tracks": [
{{TrackA}}
        ]},
        {"num_holdouts": 28, "pid": 1000003, "num_samples": 2, "num_tracks": 30, "tracks": [
{{TrackC}},
{{TrackE}}
        ]},
        {"name": "empty", "num_holdouts": 5, "pid": 1000004, "num_samples": 0, "num_tracks": 5, "tracks": []}
    ]
}
""";

    /// <summary>Writes the three files; returns the folder.</summary>
    public static string WriteAll(JsonFixtureFolder folder)
    {
        folder.Write("mpd.slice.1000-1999.json", Slice1000);
        folder.Write("mpd.slice.0-999.json", Slice0);
        folder.Write("challenge_set.json", Challenge);
        folder.Write("README.md", "not a data file");
        return folder.Root;
    }
}
