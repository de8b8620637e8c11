using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Encore.Evaluation.Runs;

/// <summary>Reads run rows back into <see cref="ExperimentRun"/> records, optionally with per-user values and curves.</summary>
internal static class RunReader
{
    internal const string Columns = """
        id, started, kind, sweep_id, model, parameters, dataset, dataset_hash, protocol, code_version, seed,
        fit_seconds, evaluate_seconds, means, intervals, users
        """;

    public static List<ExperimentRun> Query(SqliteConnection connection, RunQuery query)
    {
        using var command = connection.CreateCommand();
        var where = new StringBuilder();
        void Filter(string column, string? value)
        {
            if (value is null) return;
            where.Append(where.Length == 0 ? " WHERE " : " AND ").Append(CultureInfo.InvariantCulture, $"{column} = ${column}");
            command.Parameters.AddWithValue("$" + column, value);
        }
        Filter("model", query.Model);
        Filter("sweep_id", query.SweepId);
        Filter("kind", query.Kind);
        Filter("dataset_hash", query.DatasetHash);
        // rowid follows insertion order, which breaks ties between runs started in the same instant.
        command.CommandText = query.Last is { } last
            ? $"SELECT * FROM (SELECT rowid AS r, {Columns} FROM runs{where} ORDER BY started DESC, rowid DESC LIMIT {last.ToString(CultureInfo.InvariantCulture)}) ORDER BY started, r;"
            : $"SELECT rowid AS r, {Columns} FROM runs{where} ORDER BY started, rowid;";
        var runs = new List<ExperimentRun>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) runs.Add(ReadRow(reader));
        if (!query.IncludeDetails) return runs;
        for (var i = 0; i < runs.Count; i++) runs[i] = WithDetails(connection, runs[i]);
        return runs;
    }

    public static ExperimentRun? Get(SqliteConnection connection, string id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid AS r, {Columns} FROM runs WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        ExperimentRun run;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read()) return null;
            run = ReadRow(reader);
        }
        return WithDetails(connection, run);
    }

    internal static ExperimentRun ReadRow(System.Data.Common.DbDataReader r) => new()
    {
        Id = r.GetString(1),
        StartedAt = DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        Kind = r.GetString(3),
        SweepId = r.IsDBNull(4) ? null : r.GetString(4),
        Model = r.GetString(5),
        Parameters = RunEncoding.Strings(r.GetString(6)),
        Dataset = r.GetString(7),
        DatasetHash = r.GetString(8),
        Protocol = r.GetString(9),
        CodeVersion = r.GetString(10),
        Seed = unchecked((ulong)r.GetInt64(11)),
        FitSeconds = r.GetDouble(12),
        EvaluateSeconds = r.GetDouble(13),
        Means = RunEncoding.Numbers(r.GetString(14)),
        Intervals = RunEncoding.Intervals(r.GetString(15)),
        Users = RunEncoding.Int32s((byte[])r.GetValue(16)),
    };

    private static ExperimentRun WithDetails(SqliteConnection connection, ExperimentRun run)
    {
        var perUser = new Dictionary<string, double[]>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """SELECT metric, "values" FROM per_user WHERE run_id = $id ORDER BY ordinal;""";
            command.Parameters.AddWithValue("$id", run.Id);
            using var reader = command.ExecuteReader();
            while (reader.Read()) perUser[reader.GetString(0)] = RunEncoding.Doubles((byte[])reader.GetValue(1));
        }
        var curve = new List<CurvePoint>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT step, series, value FROM curves WHERE run_id = $id ORDER BY ordinal;";
            command.Parameters.AddWithValue("$id", run.Id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                curve.Add(new CurvePoint(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? double.NaN : reader.GetDouble(2)));
        }
        return run with { PerUser = perUser, Curve = curve };
    }
}
