using Encore.Data.Model;

namespace Encore.Data.Import.Ium;

/// <summary>The fields of one sessions.jsonl line while it is parsed (a stack value, no allocation).</summary>
internal struct IumSessionRow
{
    public IumSessionRow() { }

    public long UserId;
    public bool UserNull = true;
    public EventKind Kind;
    public bool KindNull = true;
    public string? OtherSpelling;
    public int TrackLength;
    public bool TrackMissing = true;
    public long Time = Missing.Time;
    public long Session = Missing.Session;
    /// <summary>First field whose value has the wrong type or shape (null when all are readable).</summary>
    public string? BadField;
    public string? BadProblem;

    public void SetBad(string field, string problem)
    {
        if (BadField is not null) return;
        BadField = field;
        BadProblem = problem;
    }
}
