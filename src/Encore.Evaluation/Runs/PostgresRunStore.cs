using System.Globalization;
using System.Text;
using Encore.Evaluation.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Encore.Evaluation.Runs;

/// <summary>
/// The run store in PostgreSQL (tables runs, per_user, curves with the same columns as <see cref="SqliteRunStore"/>;
/// schema component "runs" migrated by <see cref="PostgresMigrator"/>). Every save is one transaction; runs keep
/// insertion order through a <c>seq</c> identity column. Used when the store location is a postgres:// URI.
/// </summary>
public sealed class PostgresRunStore : IRunStore, IDisposable
{
    /// <summary>Schema steps of component "runs"; step i creates version i + 1.</summary>
    internal static readonly string[] Migrations =
    [
        """
        CREATE TABLE IF NOT EXISTS runs (
            seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
            id TEXT PRIMARY KEY,
            started TEXT NOT NULL,
            kind TEXT NOT NULL,
            sweep_id TEXT,
            model TEXT NOT NULL,
            parameters TEXT NOT NULL,
            dataset TEXT NOT NULL,
            dataset_hash TEXT NOT NULL,
            protocol TEXT NOT NULL,
            code_version TEXT NOT NULL,
            seed BIGINT NOT NULL,
            fit_seconds DOUBLE PRECISION NOT NULL,
            evaluate_seconds DOUBLE PRECISION NOT NULL,
            means TEXT NOT NULL,
            intervals TEXT NOT NULL,
            users BYTEA NOT NULL);
        CREATE INDEX IF NOT EXISTS runs_by_model ON runs (model, started);
        CREATE INDEX IF NOT EXISTS runs_by_sweep ON runs (sweep_id, started);
        CREATE TABLE IF NOT EXISTS per_user (
            run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            metric TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            "values" BYTEA NOT NULL,
            PRIMARY KEY (run_id, metric));
        CREATE TABLE IF NOT EXISTS curves (
            run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            step INTEGER NOT NULL,
            series TEXT NOT NULL,
            value DOUBLE PRECISION,
            PRIMARY KEY (run_id, ordinal));
        """,
    ];

    private readonly NpgsqlDataSource _source;

    /// <param name="location">A postgres:// URI or Npgsql connection string (<see cref="PostgresLocation"/>).</param>
    /// <exception cref="Encore.Core.Errors.EncoreException">The database holds a newer run schema.</exception>
    public PostgresRunStore(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        Location = PostgresLocation.Redact(location);
        _source = NpgsqlDataSource.Create(PostgresLocation.ToConnectionString(location));
        PostgresMigrator.Migrate(_source, "runs", Migrations, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>The location with its password hidden.</summary>
    public string Location { get; }

    public void Save(IReadOnlyList<ExperimentRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        foreach (var run in runs) Insert(connection, run);
        transaction.Commit();
    }

    public ExperimentRun? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand($"SELECT seq, {RunReader.Columns} FROM runs WHERE id = @id;", connection);
        command.Parameters.AddWithValue("id", id);
        ExperimentRun run;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read()) return null;
            run = RunReader.ReadRow(reader);
        }
        return WithDetails(connection, run);
    }

    public IReadOnlyList<ExperimentRun> List(RunQuery? query = null)
    {
        query ??= new RunQuery();
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand { Connection = connection };
        var where = new StringBuilder();
        void Filter(string column, string? value)
        {
            if (value is null) return;
            where.Append(where.Length == 0 ? " WHERE " : " AND ").Append(CultureInfo.InvariantCulture, $"{column} = @{column}");
            command.Parameters.AddWithValue(column, value);
        }
        Filter("model", query.Model);
        Filter("sweep_id", query.SweepId);
        Filter("kind", query.Kind);
        Filter("dataset_hash", query.DatasetHash);
        command.CommandText = query.Last is { } last
            ? $"SELECT * FROM (SELECT seq, {RunReader.Columns} FROM runs{where} ORDER BY started DESC, seq DESC LIMIT {last.ToString(CultureInfo.InvariantCulture)}) t ORDER BY started, seq;"
            : $"SELECT seq, {RunReader.Columns} FROM runs{where} ORDER BY started, seq;";
        var runs = new List<ExperimentRun>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) runs.Add(RunReader.ReadRow(reader));
        if (!query.IncludeDetails) return runs;
        for (var i = 0; i < runs.Count; i++) runs[i] = WithDetails(connection, runs[i]);
        return runs;
    }

    public void Dispose() => _source.Dispose();

    private static void Insert(NpgsqlConnection connection, ExperimentRun run)
    {
        RunWriter.Validate(run);
        using var batch = new NpgsqlBatch(connection);
        var row = new NpgsqlBatchCommand("""
            INSERT INTO runs (id, started, kind, sweep_id, model, parameters, dataset, dataset_hash, protocol,
                code_version, seed, fit_seconds, evaluate_seconds, means, intervals, users)
            VALUES (@id, @started, @kind, @sweep, @model, @parameters, @dataset, @hash, @protocol,
                @code, @seed, @fit, @eval, @means, @intervals, @users);
            """);
        var p = row.Parameters;
        p.AddWithValue("id", run.Id);
        p.AddWithValue("started", run.StartedAt.ToString("O", CultureInfo.InvariantCulture));
        p.AddWithValue("kind", run.Kind);
        p.AddWithValue("sweep", NpgsqlDbType.Text, (object?)run.SweepId ?? DBNull.Value);
        p.AddWithValue("model", run.Model);
        p.AddWithValue("parameters", RunEncoding.ToJson(run.Parameters));
        p.AddWithValue("dataset", run.Dataset);
        p.AddWithValue("hash", run.DatasetHash);
        p.AddWithValue("protocol", run.Protocol);
        p.AddWithValue("code", run.CodeVersion);
        // BIGINT is signed 64-bit: the seed's bits are kept as they are and cast back on read (as in SQLite).
        p.AddWithValue("seed", unchecked((long)run.Seed));
        p.AddWithValue("fit", run.FitSeconds);
        p.AddWithValue("eval", run.EvaluateSeconds);
        p.AddWithValue("means", RunEncoding.ToJson(run.Means));
        p.AddWithValue("intervals", RunEncoding.ToJson(run.Intervals));
        p.AddWithValue("users", RunEncoding.ToBlob(run.Users));
        batch.BatchCommands.Add(row);
        var n = 0;
        foreach (var (name, column) in run.PerUser)
        {
            var c = new NpgsqlBatchCommand("""INSERT INTO per_user (run_id, metric, ordinal, "values") VALUES (@id, @metric, @ordinal, @values);""");
            c.Parameters.AddWithValue("id", run.Id);
            c.Parameters.AddWithValue("metric", name);
            c.Parameters.AddWithValue("ordinal", n++);
            c.Parameters.AddWithValue("values", RunEncoding.ToBlob(column));
            batch.BatchCommands.Add(c);
        }
        for (var i = 0; i < run.Curve.Count; i++)
        {
            var point = run.Curve[i];
            var c = new NpgsqlBatchCommand("INSERT INTO curves (run_id, ordinal, step, series, value) VALUES (@id, @ordinal, @step, @series, @value);");
            c.Parameters.AddWithValue("id", run.Id);
            c.Parameters.AddWithValue("ordinal", i);
            c.Parameters.AddWithValue("step", point.Step);
            c.Parameters.AddWithValue("series", point.Series);
            // NULL for a missing value, as in the SQLite store (readers map it back to NaN).
            c.Parameters.AddWithValue("value", NpgsqlDbType.Double, double.IsNaN(point.Value) ? DBNull.Value : point.Value);
            batch.BatchCommands.Add(c);
        }
        batch.ExecuteNonQuery();
    }

    private static ExperimentRun WithDetails(NpgsqlConnection connection, ExperimentRun run)
    {
        var perUser = new Dictionary<string, double[]>(StringComparer.Ordinal);
        using (var command = new NpgsqlCommand("""SELECT metric, "values" FROM per_user WHERE run_id = @id ORDER BY ordinal;""", connection))
        {
            command.Parameters.AddWithValue("id", run.Id);
            using var reader = command.ExecuteReader();
            while (reader.Read()) perUser[reader.GetString(0)] = RunEncoding.Doubles((byte[])reader.GetValue(1));
        }
        var curve = new List<CurvePoint>();
        using (var command = new NpgsqlCommand("SELECT step, series, value FROM curves WHERE run_id = @id ORDER BY ordinal;", connection))
        {
            command.Parameters.AddWithValue("id", run.Id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                curve.Add(new CurvePoint(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? double.NaN : reader.GetDouble(2)));
        }
        return run with { PerUser = perUser, Curve = curve };
    }
}
