namespace Encore.Data.Model;

/// <summary>
/// Artists or albums: a name, an optional parent artist (albums) and genres. Row i is dense index i of the
/// matching id map.
/// </summary>
public sealed class NamedEntityTable
{
    public required string?[] Names { get; init; }
    /// <summary>Album -> artist link; all <see cref="Missing.Id"/> for artists.</summary>
    public required int[] Artists { get; init; }
    public required IntLists Genres { get; init; }

    public int Count => Names.Length;

    public static NamedEntityTable Empty(int count) => new NamedEntityTableBuilder().Build(count);
}
