namespace Encore.Data.Model;

/// <summary>Directed user-to-user links (Last.fm friends); a symmetric relation is stored in both directions.</summary>
public sealed class UserEdgeTable
{
    public required int[] From { get; init; }
    public required int[] To { get; init; }

    public int Count => From.Length;

    public static UserEdgeTable Empty => new() { From = [], To = [] };
}
