using System.Data;
using System.Data.Common;
using System.Text.Json;
using Encore.Online.Experiments;
using Encore.Online.Feedback;

namespace Encore.Online.Store;

/// <summary>
/// The experiment tables in either store: the SQL below is accepted by SQLite and PostgreSQL alike (parameters
/// named <c>@name</c>, <c>|</c> and <c>&amp;</c> on integers), so one class serves both; only opening connections,
/// running a write transaction and the table lock taken before a guarded transition differ.
/// </summary>
public sealed class ExperimentRepository : IExperimentStore
{
    private readonly Func<DbConnection> _open;
    private readonly Func<Func<DbConnection, DbTransaction?, int>, int> _write;
    private readonly string? _exclusiveLock;

    /// <param name="open">Opens a connection for reads (the caller disposes it).</param>
    /// <param name="write">Runs a body in one committed write transaction and returns its result.</param>
    /// <param name="exclusiveLock">SQL run first in a guarded transition (PostgreSQL: a table lock); null where writes are already serialised (SQLite).</param>
    internal ExperimentRepository(Func<DbConnection> open, Func<Func<DbConnection, DbTransaction?, int>, int> write, string? exclusiveLock)
    {
        _open = open;
        _write = write;
        _exclusiveLock = exclusiveLock;
    }

    private const string Columns = "name, salt, variants, state, created_ms, started_ms, stopped_ms, promoted_variant";

    public bool TryCreate(ExperimentRecord experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return _write((connection, transaction) =>
        {
            using var command = Command(connection, transaction, $"""
                INSERT INTO experiments ({Columns}) VALUES (@n, @salt, @v, @s, @c, @start, @stop, @p)
                ON CONFLICT (name) DO NOTHING;
                """);
            Add(command, "@n", experiment.Name);
            Add(command, "@salt", experiment.Experiment.EffectiveSalt);
            Add(command, "@v", JsonSerializer.Serialize(experiment.Experiment.Variants));
            Add(command, "@s", StateName(experiment.State));
            Add(command, "@c", experiment.CreatedMs);
            Add(command, "@start", experiment.StartedMs);
            Add(command, "@stop", experiment.StoppedMs);
            Add(command, "@p", experiment.PromotedVariant);
            return command.ExecuteNonQuery();
        }) == 1;
    }

    public ExperimentRecord? Find(string name)
    {
        using var connection = _open();
        using var command = Command(connection, null, $"SELECT {Columns} FROM experiments WHERE name = @n;");
        Add(command, "@n", name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    public List<ExperimentRecord> All()
    {
        using var connection = _open();
        using var command = Command(connection, null, $"SELECT {Columns} FROM experiments ORDER BY created_ms DESC, name;");
        using var reader = command.ExecuteReader();
        var result = new List<ExperimentRecord>();
        while (reader.Read()) result.Add(Read(reader));
        return result;
    }

    public ExperimentRecord? TryReplaceDraft(AbExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var changed = _write((connection, transaction) =>
        {
            using var command = Command(connection, transaction, "UPDATE experiments SET salt = @salt, variants = @v WHERE name = @n AND state = 'draft';");
            Add(command, "@salt", experiment.EffectiveSalt);
            Add(command, "@v", JsonSerializer.Serialize(experiment.Variants));
            Add(command, "@n", experiment.Name);
            return command.ExecuteNonQuery();
        });
        return changed == 1 ? Find(experiment.Name) : null;
    }

    public bool TryDeleteDraft(string name) => _write((connection, transaction) =>
    {
        using var command = Command(connection, transaction, "DELETE FROM experiments WHERE name = @n AND state = 'draft';");
        Add(command, "@n", name);
        return command.ExecuteNonQuery();
    }) == 1;

    public ExperimentRecord? Transition(string name, ExperimentState from, ExperimentState to, long nowMs, string? promotedVariant = null, bool onlyIfNoneRunning = false)
    {
        var changed = _write((connection, transaction) =>
        {
            if (onlyIfNoneRunning && _exclusiveLock is not null)
            {
                using var lockTable = Command(connection, transaction, _exclusiveLock);
                lockTable.ExecuteNonQuery();
            }
            using var command = Command(connection, transaction, """
                UPDATE experiments SET state = @to,
                    started_ms = COALESCE(@start, started_ms), stopped_ms = COALESCE(@stop, stopped_ms), promoted_variant = @p
                WHERE name = @n AND state = @from
                  AND (@guard = 0 OR NOT EXISTS (SELECT 1 FROM experiments WHERE state = 'running'));
                """);
            Add(command, "@to", StateName(to));
            Add(command, "@start", to == ExperimentState.Running ? nowMs : null);
            Add(command, "@stop", to is ExperimentState.Stopped or ExperimentState.Promoted ? nowMs : null);
            Add(command, "@p", promotedVariant);
            Add(command, "@n", name);
            Add(command, "@from", StateName(from));
            Add(command, "@guard", onlyIfNoneRunning ? 1L : 0L);
            return command.ExecuteNonQuery();
        });
        return changed == 1 ? Find(name) : null;
    }

    public void RecordList(ServedList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var inserted = _write((connection, transaction) =>
        {
            using (var exists = Command(connection, transaction, "SELECT COUNT(*) FROM experiment_lists WHERE list_id = @id;"))
            {
                Add(exists, "@id", list.ListId);
                if (Convert.ToInt64(exists.ExecuteScalar()) > 0) return 0;
            }
            using (var head = Command(connection, transaction, """
                INSERT INTO experiment_lists (list_id, experiment, variant, user_id, served_ms) VALUES (@id, @e, @v, @u, @ms);
                """))
            {
                Add(head, "@id", list.ListId);
                Add(head, "@e", list.Experiment);
                Add(head, "@v", list.Variant);
                Add(head, "@u", list.User);
                Add(head, "@ms", list.ServedMs);
                head.ExecuteNonQuery();
            }
            using var item = Command(connection, transaction, """
                INSERT INTO experiment_impressions (list_id, position, user_id, track_id, served_ms, outcome)
                VALUES (@id, @pos, @u, @t, @ms, 0);
                """);
            var position = Add(item, "@pos", 0L);
            var track = Add(item, "@t", "");
            Add(item, "@id", list.ListId);
            Add(item, "@u", list.User);
            Add(item, "@ms", list.ServedMs);
            for (var i = 0; i < list.Tracks.Count; i++)
            {
                position.Value = (long)i;
                track.Value = list.Tracks[i];
                item.ExecuteNonQuery();
            }
            return 1;
        });
        if (inserted == 0) throw new ArgumentException($"list id '{list.ListId}' was recorded before.", nameof(list));
    }

    public int Attribute(IReadOnlyList<StoredEvent> events, long windowMs)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!events.Any(e => ImpressionOutcomes.Of(e.Kind) != ImpressionOutcome.None)) return 0;
        return _write((connection, transaction) =>
        {
            using var command = Command(connection, transaction, """
                UPDATE experiment_impressions SET outcome = outcome | @flag
                WHERE id = (SELECT id FROM experiment_impressions
                            WHERE user_id = @u AND track_id = @t AND served_ms <= @ts AND served_ms >= @earliest
                            ORDER BY served_ms DESC, id DESC LIMIT 1);
                """);
            var flag = Add(command, "@flag", 0L);
            var user = Add(command, "@u", "");
            var track = Add(command, "@t", "");
            var ts = Add(command, "@ts", 0L);
            var earliest = Add(command, "@earliest", 0L);
            var attributed = 0;
            foreach (var e in events)
            {
                var outcome = ImpressionOutcomes.Of(e.Kind);
                if (outcome == ImpressionOutcome.None) continue;
                flag.Value = (long)outcome;
                user.Value = e.User;
                track.Value = e.Track;
                ts.Value = e.TimestampMs;
                earliest.Value = e.TimestampMs - windowMs;
                attributed += command.ExecuteNonQuery();
            }
            return attributed;
        });
    }

    public List<OutcomeCount> OutcomeCounts(string experiment, string variant)
    {
        using var connection = _open();
        using var command = Command(connection, null, """
            SELECT i.user_id, i.outcome, COUNT(*) FROM experiment_impressions i JOIN experiment_lists l ON l.list_id = i.list_id
            WHERE l.experiment = @e AND l.variant = @v GROUP BY i.user_id, i.outcome ORDER BY i.user_id, i.outcome;
            """);
        Add(command, "@e", experiment);
        Add(command, "@v", variant);
        using var reader = command.ExecuteReader();
        var result = new List<OutcomeCount>();
        while (reader.Read())
            result.Add(new OutcomeCount(reader.GetString(0), (ImpressionOutcome)Convert.ToInt32(reader.GetValue(1)), Convert.ToInt64(reader.GetValue(2))));
        return result;
    }

    public List<ServedList> Lists(string experiment)
    {
        using var connection = _open();
        using var command = Command(connection, null, """
            SELECT l.list_id, l.variant, l.user_id, l.served_ms, i.track_id FROM experiment_lists l
            LEFT JOIN experiment_impressions i ON i.list_id = l.list_id
            WHERE l.experiment = @e ORDER BY l.seq, i.position;
            """);
        Add(command, "@e", experiment);
        using var reader = command.ExecuteReader();
        var result = new List<ServedList>();
        string? current = null;
        List<string> tracks = [];
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (id != current)
            {
                tracks = [];
                result.Add(new ServedList(id, experiment, reader.GetString(1), reader.GetString(2), tracks, Convert.ToInt64(reader.GetValue(3))));
                current = id;
            }
            if (!reader.IsDBNull(4)) tracks.Add(reader.GetString(4));
        }
        return result;
    }

    /// <summary>The state's stored name ("draft", "running", "stopped", "promoted").</summary>
    public static string StateName(ExperimentState state) => state.ToString().ToLowerInvariant();

    private static ExperimentRecord Read(DbDataReader reader)
    {
        var name = reader.GetString(0);
        var variants = JsonSerializer.Deserialize<List<AbVariant>>(reader.GetString(2))
            ?? throw new InvalidDataException($"experiment '{name}': stored variants are null.");
        var state = Enum.TryParse<ExperimentState>(reader.GetString(3), ignoreCase: true, out var s)
            ? s : throw new InvalidDataException($"experiment '{name}': unknown stored state '{reader.GetString(3)}'.");
        return new ExperimentRecord(new AbExperiment { Name = name, Salt = reader.GetString(1), Variants = variants }, state,
            Convert.ToInt64(reader.GetValue(4)), Nullable(reader, 5), Nullable(reader, 6), reader.IsDBNull(7) ? null : reader.GetString(7));
    }

    private static long? Nullable(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : Convert.ToInt64(reader.GetValue(i));

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static DbParameter Add(DbCommand command, string name, string? value) => Add(command, name, value, DbType.String);

    private static DbParameter Add(DbCommand command, string name, long? value) => Add(command, name, value, DbType.Int64);

    private static DbParameter Add(DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
