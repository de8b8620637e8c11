namespace Encore.Data.Import.Mpd;

/// <summary>The scalar fields of one playlist object while it is read (tracks may come before or after them).</summary>
internal sealed class MpdPlaylistFields
{
    public long? Pid;
    public string? Name;
    public bool Collaborative;
    public long? ModifiedAtSeconds;
    public int? NumTracks;
    public int? NumFollowers;
    public int? NumSamples;
    public int? NumHoldouts;
    public string? BadField;
    public string? BadProblem;
    public long BadLine;
    public readonly List<int> Tracks = [];

    public void Clear()
    {
        Pid = null;
        Name = null;
        Collaborative = false;
        ModifiedAtSeconds = null;
        NumTracks = NumFollowers = NumSamples = NumHoldouts = null;
        BadField = BadProblem = null;
        BadLine = 0;
        Tracks.Clear();
    }

    public bool IsChallenge => NumSamples is not null || NumHoldouts is not null;

    public void SetBad(string field, string problem, long line)
    {
        if (BadField is not null) return;
        BadField = field;
        BadProblem = problem;
        BadLine = line;
    }
}
