namespace Encore.Data.Import.Common;

/// <summary>Remembers rows already seen (as small value keys) so exact duplicate rows can be removed and counted.</summary>
internal sealed class DuplicateFilter<TKey> where TKey : struct, IEquatable<TKey>
{
    private readonly HashSet<TKey> _seen = [];

    /// <summary>True the first time a key is seen; false for a repeat (the caller removes the row).</summary>
    public bool IsNew(in TKey key) => _seen.Add(key);
}
