namespace Encore.Data.Model;

/// <summary>Listener attributes; row i is the user with dense index i.</summary>
public sealed class UserTable
{
    /// <summary>-1 unknown, 0 free, 1 premium.</summary>
    public required sbyte[] Premium { get; init; }
    public required IntLists FavouriteGenres { get; init; }
    /// <summary>Free-form attribute columns (city, country, gender, age...), each with one value per user.</summary>
    public required IReadOnlyDictionary<string, string?[]> Attributes { get; init; }

    public int Count => Premium.Length;

    public static UserTable Empty(int count) => new UserTableBuilder().Build(count);
}
