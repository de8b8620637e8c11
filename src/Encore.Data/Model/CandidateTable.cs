namespace Encore.Data.Model;

/// <summary>
/// Candidate lists to rank per user (SPEC S4's six tracks per test user). Label: 1 liked, 0 not, -1 unknown
/// (the public test file carries no labels).
/// </summary>
public sealed class CandidateTable
{
    public required int[] Users { get; init; }
    public required int[] Tracks { get; init; }
    public required sbyte[] Labels { get; init; }

    public int Count => Users.Length;

    public static CandidateTable Empty => new() { Users = [], Tracks = [], Labels = [] };
}
