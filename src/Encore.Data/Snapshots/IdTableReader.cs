using Encore.Core.Errors;
using Encore.Core.Ids;

namespace Encore.Data.Snapshots;

/// <summary>Rebuilds an id map from a table's PREFIX_idx / PREFIX_id columns, keeping the dense order exactly.</summary>
internal static class IdTableReader
{
    public static async Task<IdMap> ReadIdsAsync(ParquetTableReader r, string prefix)
    {
        var indices = await r.PlainAsync<int>(prefix + "_idx");
        SnapshotReadContext.CheckDense(r, indices, prefix + "_idx");
        var ids = await r.StringsAsync(prefix + "_id");
        SnapshotReadContext.CheckNoNulls(r, ids, prefix + "_id");
        try
        {
            return IdMap.FromIds(ids!);
        }
        catch (ArgumentException ex)
        {
            throw new ModelFormatException($"{r.File}: column '{prefix}_id': {ex.Message}", ex);
        }
    }

    public static Task<IdMap> ReadIdTableAsync(SnapshotReadContext ctx, string table, string prefix) =>
        ctx.ReadTableAsync(table, r => ReadIdsAsync(r, prefix));
}
