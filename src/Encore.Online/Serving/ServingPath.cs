namespace Encore.Online.Serving;

/// <summary>Which step of the serving chain answered (reported in every response).</summary>
public static class ServingPath
{
    /// <summary>The model knows the user and ranked with its own user representation.</summary>
    public const string Model = "model";

    /// <summary>Unknown user, folded in from the request's history or the user's stored events.</summary>
    public const string FoldIn = "fold-in";

    /// <summary>Unknown user without usable history (or a model without fold-in): most popular tracks.</summary>
    public const string Popularity = "popularity";

    /// <summary>Playlist continuation by title: tracks of stored playlists whose names share words with it.</summary>
    public const string TitlePlaylists = "title-playlists";
}
