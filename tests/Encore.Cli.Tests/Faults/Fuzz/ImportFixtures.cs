namespace Encore.Cli.Tests.Faults.Fuzz;

/// <summary>
/// One small valid input per importer (hand-written, shaped like docs/import-*.md and the source datasets),
/// as file name -> text, with the path given to <c>encore import</c> ("" = the folder) and its --set values.
/// </summary>
internal sealed record ImportFixture(string Format, IReadOnlyDictionary<string, string> Files, string Target, string[] Settings)
{
    public static IReadOnlyList<ImportFixture> All { get; } =
    [
        new("table", new Dictionary<string, string>
        {
            ["events.csv"] = "user,item,kind,time,value\nu1,t1,play,1700000000,3\nu1,t2,skip,1700000100,1\nu2,t1,like,1700000200,1\nu3,t3,play,1700000300,2\n",
        }, "events.csv", ["user=user", "item=item", "kind=kind", "time=time", "time-unit=s", "value=value"]),
        new("hetrec", new Dictionary<string, string>
        {
            ["artists.dat"] = "id\tname\turl\tpictureURL\n1\tMALICE MIZER\thttp://a\thttp://p\n2\tBjörk\thttp://b\thttp://q\n",
            ["tags.dat"] = "tagID\ttagValue\n1\tmetal\n2\tcafé\n",
            ["user_artists.dat"] = "userID\tartistID\tweight\n2\t1\t13883\n2\t2\t11690\n3\t2\t5\n",
            ["user_taggedartists.dat"] = "userID\tartistID\ttagID\tday\tmonth\tyear\n2\t1\t1\t1\t4\t2009\n3\t2\t2\t29\t2\t2008\n",
            ["user_friends.dat"] = "userID\tfriendID\n2\t3\n3\t2\n",
        }, "", []),
        new("ium", new Dictionary<string, string>
        {
            ["users.jsonl"] = """{"user_id": 1, "name": "Anna", "city": "Kraków", "street": "x", "favourite_genres": ["rock"], "premium_user": true}""" + "\n" +
                              """{"user_id": 2, "name": "Jan", "city": null, "street": "y", "favourite_genres": null, "premium_user": false}""" + "\n",
            ["tracks.jsonl"] = """{"id": "t1", "name": "Leef", "popularity": 42, "duration_ms": 217903, "explicit": 0, "id_artist": "a1", "release_date": "2015-06-26", "danceability": 0.673}""" + "\n" +
                               """{"id": "t2", "name": "Two", "id_artist": "a1", "release_date": "1999"}""" + "\n",
            ["artists.jsonl"] = """{"id": "a1", "name": "Artist One", "genres": ["rock", "indie"]}""" + "\n",
            ["sessions.jsonl"] = """{"timestamp": "2023-01-03T05:14:02.707000", "user_id": 1, "track_id": "t1", "event_type": "play", "session_id": 10}""" + "\n" +
                                 """{"timestamp": 1672724340000, "user_id": 2, "track_id": "t2", "event_type": "skip", "session_id": 11}""" + "\n" +
                                 """{"timestamp": "2023-01-04T00:00:00", "user_id": 2, "track_id": "t1", "event_type": "like", "session_id": 11}""" + "\n",
        }, "", []),
        new("mpd", new Dictionary<string, string>
        {
            ["mpd.slice.0-999.json"] = """
                {"info": {"slice": "0-999", "version": "v1"}, "playlists": [
                  {"name": "Throwbacks", "collaborative": "false", "pid": 0, "modified_at": 1493424000, "num_followers": 1, "tracks": [
                    {"pos": 0, "artist_name": "Artist X", "track_uri": "spotify:track:AAAAAAAAAAAAAAAAAAAAAA", "artist_uri": "spotify:artist:X", "track_name": "Song A", "album_uri": "spotify:album:P", "duration_ms": 166264, "album_name": "Album P"},
                    {"pos": 1, "artist_name": "Artist Y", "track_uri": "spotify:track:BBBBBBBBBBBBBBBBBBBBBB", "artist_uri": "spotify:artist:Y", "track_name": "Song B", "album_uri": "spotify:album:Q", "duration_ms": 200000, "album_name": "Album Q"}]},
                  {"name": "Chill", "pid": 1, "modified_at": 1493424001, "tracks": [
                    {"pos": 0, "artist_name": "Artist Y", "track_uri": "spotify:track:BBBBBBBBBBBBBBBBBBBBBB", "artist_uri": "spotify:artist:Y", "track_name": "Song B", "album_uri": "spotify:album:Q", "duration_ms": 200000, "album_name": "Album Q"}]}]}
                """,
        }, "mpd.slice.0-999.json", []),
        new("kddcup", new Dictionary<string, string>
        {
            ["genreData2.txt"] = "81520\n242383\n",
            ["artistData2.txt"] = "158282\n",
            ["albumData2.txt"] = "6|158282|81520|242383\n103|None\n",
            ["trackData2.txt"] = "1|6|158282|81520\n2|None|None\n3|103|158282|242383|81520\n",
            ["trainIdx2.txt"] = "7|4\n1\t90\n6\t50\t12:00:00\n158282\t0\n81520\t100\n8|1\n3\t70\n",
            ["testIdx2.txt"] = "7|2\n2\n3\n",
        }, "", []),
        new("yahoo-r3", new Dictionary<string, string>
        {
            ["ydata-ymusic-rating-study-v1_0-train.txt"] = "1\t14\t5\n1\t35\t1\n2\t14\t3\n",
            ["ydata-ymusic-rating-study-v1_0-test.txt"] = "1\t2\t4\n",
        }, "", []),
        new("piki", new Dictionary<string, string>
        {
            ["piki.csv"] = "timestamp,user_id,song_id,liked,personalized,spotify_popularity\n2019-08-23 14:40:33,7,100,1,0,56\n2019-08-23 14:40:34,7,101,0,0,\n2019-08-24 00:00:00,8,100,2,1,56\n",
        }, "piki.csv", []),
        new("lastfm1k", new Dictionary<string, string>
        {
            ["userid-profile.tsv"] = "#id\tgender\tage\tcountry\tregistered\nuser_000001\tm\t\tJapan\tAug 13, 2006\nuser_000002\tf\t24\tPoland\t\n",
            ["userid-timestamp-artid-artname-traid-traname.tsv"] =
                "user_000001\t2009-05-04T23:08:57Z\tf1b1cf71-bd35-4e99-8624-24a6e15f133a\tDeep Dish\t\tFuck Me Im Famous\n" +
                "user_000001\t2009-05-04T13:54:10Z\ta7f7df4a-77d8-4f12-8acd-5c60c93f4de8\t坂本龍一\tf7c1f8f8-b935-45ed-8fc8-7def69d92a10\tThe Last Emperor\n" +
                "user_000002\t2009-05-05T00:00:00Z\t\tUnknown Band\t\tSong\n",
        }, "", []),
    ];

    /// <summary>The format names, for a theory over every importer.</summary>
    public static TheoryData<string> Formats => [.. All.Select(f => f.Format)];

    public static ImportFixture Of(string format) => All.Single(f => f.Format == format);
}
