namespace Encore.Data.Import.Mpd;

/// <summary>Report keys of the MPD importer, shared by code, tests and docs.</summary>
public static class MpdRules
{
    public const string BadPid = "mpd: bad pid";
    public const string DuplicatePid = "mpd: duplicate pid";
    public const string BadTrackUri = "mpd: bad track_uri";
    public const string BadValue = "mpd: bad value";
    public const string NotAnObject = "mpd: playlist or track is not an object";
    public const string Files = "mpd: files";
    public const string SlicePlaylists = "mpd: slice playlists";
    public const string ChallengePlaylists = "mpd: challenge playlists";
    public const string PlaylistTracks = "mpd: playlist track entries";
    public const string Collaborative = "mpd: collaborative playlists";
    public const string NumTracksMismatch = "mpd: num_tracks differs from tracks length";
    public const string NumSamplesMismatch = "mpd: num_samples differs from tracks length";
    public const string HoldoutsMismatch = "mpd: num_samples + num_holdouts differs from num_tracks";
}
