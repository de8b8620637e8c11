using System.Data.Common;
using Encore.Data.Model;
using Encore.Online.Feedback;
using Encore.Online.Registry;

namespace Encore.Online.Store;

/// <summary>
/// Row mapping shared by the SQLite and the PostgreSQL stores: both read through <see cref="DbDataReader"/>, and
/// each select lists its columns in the order these readers expect, so a column added to one store cannot be
/// read differently by the other.
/// </summary>
internal static class StoreRows
{
    /// <summary>Columns of an event row, in <see cref="Events"/>' order.</summary>
    public const string EventColumns = "client_event_id, user_id, track_id, kind, timestamp_ms, value, session";

    /// <summary>Every remaining row of an events select over <see cref="EventColumns"/>.</summary>
    public static List<StoredEvent> Events(DbDataReader reader)
    {
        var list = new List<StoredEvent>();
        while (reader.Read())
            list.Add(new StoredEvent(
                reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetString(2),
                (EventKind)reader.GetInt32(3), reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        return list;
    }

    /// <summary>
    /// Every remaining row of a model-version select (name, version, path, kind, evaluation_run_id, note,
    /// registered_ms, is-active, content_hash). Is-active is an integer in SQLite and a boolean in PostgreSQL.
    /// </summary>
    public static List<ModelVersionInfo> ModelVersions(DbDataReader reader)
    {
        var list = new List<ModelVersionInfo>();
        while (reader.Read())
            list.Add(new ModelVersionInfo(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt64(6), Convert.ToBoolean(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        return list;
    }

    /// <summary>A bandit state row in <see cref="BanditRepository.StateColumns"/> order.</summary>
    public static BanditStateRecord BanditState(DbDataReader reader)
    {
        var d = reader.GetInt32(2);
        return new BanditStateRecord(reader.GetString(0), reader.GetString(1), d, reader.GetDouble(3),
            BanditBlobs.ToDoubles((byte[])reader.GetValue(4), d * d, "A⁻¹"), BanditBlobs.ToDoubles((byte[])reader.GetValue(5), d, "b"),
            reader.GetInt64(6), reader.GetDouble(7), reader.GetInt64(8));
    }

    /// <summary>A bandit choice row in <see cref="BanditRepository.ChoiceColumns"/> order.</summary>
    public static BanditChoiceRecord BanditChoice(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        User = reader.GetString(1),
        Space = reader.GetString(2),
        Track = reader.GetString(3),
        Vector = BanditBlobs.ToFloats((byte[])reader.GetValue(4), "vector"),
        Policy = reader.GetString(5),
        Value = (float)reader.GetDouble(6),
        Uncertainty = (float)reader.GetDouble(7),
        PoolSize = reader.GetInt32(8),
        Round = reader.GetInt64(9),
        ServedMs = reader.GetInt64(10),
        Reward = reader.IsDBNull(11) ? null : reader.GetDouble(11),
        Feedback = reader.IsDBNull(12) ? null : reader.GetString(12),
        RewardedMs = reader.IsDBNull(13) ? null : reader.GetInt64(13),
    };
}
