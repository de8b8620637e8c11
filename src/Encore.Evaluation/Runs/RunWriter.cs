using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Encore.Evaluation.Runs;

/// <summary>Inserts one run (its row, per-user blobs and curve points) inside the caller's transaction.</summary>
internal static class RunWriter
{
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, ExperimentRun run)
    {
        Validate(run);
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO runs (id, started, kind, sweep_id, model, parameters, dataset, dataset_hash, protocol,
                    code_version, seed, fit_seconds, evaluate_seconds, means, intervals, users)
                VALUES ($id, $started, $kind, $sweep, $model, $parameters, $dataset, $hash, $protocol,
                    $code, $seed, $fit, $eval, $means, $intervals, $users);
                """;
            var p = command.Parameters;
            p.AddWithValue("$id", run.Id);
            p.AddWithValue("$started", run.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            p.AddWithValue("$kind", run.Kind);
            p.AddWithValue("$sweep", (object?)run.SweepId ?? DBNull.Value);
            p.AddWithValue("$model", run.Model);
            p.AddWithValue("$parameters", RunEncoding.ToJson(run.Parameters));
            p.AddWithValue("$dataset", run.Dataset);
            p.AddWithValue("$hash", run.DatasetHash);
            p.AddWithValue("$protocol", run.Protocol);
            p.AddWithValue("$code", run.CodeVersion);
            // SQLite integers are signed 64-bit: the seed's bits are kept as they are and cast back on read.
            p.AddWithValue("$seed", unchecked((long)run.Seed));
            p.AddWithValue("$fit", run.FitSeconds);
            p.AddWithValue("$eval", run.EvaluateSeconds);
            p.AddWithValue("$means", RunEncoding.ToJson(run.Means));
            p.AddWithValue("$intervals", RunEncoding.ToJson(run.Intervals));
            p.AddWithValue("$users", RunEncoding.ToBlob(run.Users));
            command.ExecuteNonQuery();
        }
        InsertPerUser(connection, transaction, run);
        InsertCurve(connection, transaction, run);
    }

    private static void InsertPerUser(SqliteConnection connection, SqliteTransaction transaction, ExperimentRun run)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """INSERT INTO per_user (run_id, metric, ordinal, "values") VALUES ($id, $metric, $ordinal, $values);""";
        var id = command.Parameters.AddWithValue("$id", run.Id);
        var metric = command.Parameters.Add("$metric", SqliteType.Text);
        var ordinal = command.Parameters.Add("$ordinal", SqliteType.Integer);
        var values = command.Parameters.Add("$values", SqliteType.Blob);
        var n = 0;
        foreach (var (name, column) in run.PerUser)
        {
            metric.Value = name;
            ordinal.Value = n++;
            values.Value = RunEncoding.ToBlob(column);
            command.ExecuteNonQuery();
        }
    }

    private static void InsertCurve(SqliteConnection connection, SqliteTransaction transaction, ExperimentRun run)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO curves (run_id, ordinal, step, series, value) VALUES ($id, $ordinal, $step, $series, $value);";
        command.Parameters.AddWithValue("$id", run.Id);
        var ordinal = command.Parameters.Add("$ordinal", SqliteType.Integer);
        var step = command.Parameters.Add("$step", SqliteType.Integer);
        var series = command.Parameters.Add("$series", SqliteType.Text);
        var value = command.Parameters.Add("$value", SqliteType.Real);
        for (var i = 0; i < run.Curve.Count; i++)
        {
            var point = run.Curve[i];
            ordinal.Value = i;
            step.Value = point.Step;
            series.Value = point.Series;
            // SQLite has no NaN: a missing value (a loss not computed) is stored as NULL.
            value.Value = double.IsNaN(point.Value) ? DBNull.Value : point.Value;
            command.ExecuteNonQuery();
        }
    }

    internal static void Validate(ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Id, nameof(run));
        foreach (var (metric, column) in run.PerUser)
            if (column.Length != run.Users.Length)
                throw new ArgumentException($"Run {run.Id}: per-user metric '{metric}' has {column.Length} values for {run.Users.Length} users.", nameof(run));
    }
}
