using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Encore.Online.Store;

/// <summary>
/// Bandit state and served choices in the SQLite store (tables bandit_states and bandit_choices, docs/service.md).
/// Rewards go through the store's single writer, so two feedback events of one user never read the same state.
/// </summary>
public sealed class BanditRepository(SqliteStore store) : IBanditStore
{
    internal const string ChoiceColumns = "id, user_id, space, track_id, vector, policy, value, uncertainty, pool_size, round, served_ms, reward, feedback, rewarded_ms";

    public BanditStateRecord? LoadState(string user, string space)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StateColumns} FROM bandit_states WHERE user_id = $u AND space = $s;";
        command.Parameters.AddWithValue("$u", user);
        command.Parameters.AddWithValue("$s", space);
        using var reader = command.ExecuteReader();
        return reader.Read() ? StoreRows.BanditState(reader) : null;
    }

    public BanditChoiceRecord RecordChoice(BanditChoiceRecord choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return store.Write((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO bandit_choices (user_id, space, track_id, vector, policy, value, uncertainty, pool_size, round, served_ms)
                VALUES ($u, $s, $t, $v, $p, $val, $unc, $pool, $round, $served) RETURNING id;
                """;
            command.Parameters.AddWithValue("$u", choice.User);
            command.Parameters.AddWithValue("$s", choice.Space);
            command.Parameters.AddWithValue("$t", choice.Track);
            command.Parameters.AddWithValue("$v", BanditBlobs.Floats(choice.Vector));
            command.Parameters.AddWithValue("$p", choice.Policy);
            command.Parameters.AddWithValue("$val", (double)choice.Value);
            command.Parameters.AddWithValue("$unc", (double)choice.Uncertainty);
            command.Parameters.AddWithValue("$pool", choice.PoolSize);
            command.Parameters.AddWithValue("$round", choice.Round);
            command.Parameters.AddWithValue("$served", choice.ServedMs);
            return choice with { Id = (long)command.ExecuteScalar()! };
        });
    }

    public BanditStateRecord? ApplyReward(string user, string track, double reward, string feedback, Func<BanditStateRecord?, BanditChoiceRecord, BanditStateRecord> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = store.NowMs;
        return store.Write((connection, transaction) =>
        {
            BanditChoiceRecord? choice;
            using (var find = connection.CreateCommand())
            {
                find.Transaction = transaction;
                find.CommandText = $"SELECT {ChoiceColumns} FROM bandit_choices WHERE user_id = $u AND track_id = $t AND reward IS NULL ORDER BY id DESC LIMIT 1;";
                find.Parameters.AddWithValue("$u", user);
                find.Parameters.AddWithValue("$t", track);
                using var reader = find.ExecuteReader();
                choice = reader.Read() ? StoreRows.BanditChoice(reader) : null;
            }
            if (choice is null) return null;
            BanditStateRecord? current;
            using (var load = connection.CreateCommand())
            {
                load.Transaction = transaction;
                load.CommandText = $"SELECT {StateColumns} FROM bandit_states WHERE user_id = $u AND space = $s;";
                load.Parameters.AddWithValue("$u", user);
                load.Parameters.AddWithValue("$s", choice.Space);
                using var reader = load.ExecuteReader();
                current = reader.Read() ? StoreRows.BanditState(reader) : null;
            }
            var next = update(current, choice) with { UpdatedMs = now };
            using (var save = connection.CreateCommand())
            {
                save.Transaction = transaction;
                save.CommandText = """
                    INSERT INTO bandit_states (user_id, space, dimension, regularization, inverse, b, updates, reward_sum, updated_ms)
                    VALUES ($u, $s, $d, $l, $a, $b, $n, $r, $now)
                    ON CONFLICT(user_id, space) DO UPDATE SET dimension = excluded.dimension, regularization = excluded.regularization,
                        inverse = excluded.inverse, b = excluded.b, updates = excluded.updates, reward_sum = excluded.reward_sum, updated_ms = excluded.updated_ms;
                    """;
                BindState(save, next);
                save.ExecuteNonQuery();
            }
            using (var mark = connection.CreateCommand())
            {
                mark.Transaction = transaction;
                mark.CommandText = "UPDATE bandit_choices SET reward = $r, feedback = $f, rewarded_ms = $now WHERE id = $id;";
                mark.Parameters.AddWithValue("$r", reward);
                mark.Parameters.AddWithValue("$f", feedback);
                mark.Parameters.AddWithValue("$now", now);
                mark.Parameters.AddWithValue("$id", choice.Id);
                mark.ExecuteNonQuery();
            }
            return next;
        });
    }

    public List<BanditChoiceRecord> Choices(string user, int limit)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ChoiceColumns} FROM bandit_choices WHERE user_id = $u ORDER BY id DESC LIMIT $n;";
        command.Parameters.AddWithValue("$u", user);
        command.Parameters.AddWithValue("$n", limit);
        using var reader = command.ExecuteReader();
        var result = new List<BanditChoiceRecord>();
        while (reader.Read()) result.Add(StoreRows.BanditChoice(reader));
        result.Reverse();
        return result;
    }

    public List<BanditUserSummary> Users(int limit)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = UsersSql;
        command.Parameters.AddWithValue("$n", limit);
        using var reader = command.ExecuteReader();
        var result = new List<BanditUserSummary>();
        while (reader.Read()) result.Add(new BanditUserSummary(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3)));
        return result;
    }

    internal const string StateColumns = "user_id, space, dimension, regularization, inverse, b, updates, reward_sum, updated_ms";

    internal const string UsersSql = """
        SELECT user_id, SUM(updates), SUM(reward_sum), MAX(updated_ms) FROM bandit_states
        GROUP BY user_id ORDER BY MAX(updated_ms) DESC, user_id LIMIT $n;
        """;

    private static void BindState(SqliteCommand command, BanditStateRecord state)
    {
        command.Parameters.AddWithValue("$u", state.User);
        command.Parameters.AddWithValue("$s", state.Space);
        command.Parameters.AddWithValue("$d", state.Dimension);
        command.Parameters.AddWithValue("$l", state.Regularization);
        command.Parameters.AddWithValue("$a", BanditBlobs.Doubles(state.Inverse));
        command.Parameters.AddWithValue("$b", BanditBlobs.Doubles(state.B));
        command.Parameters.AddWithValue("$n", state.Updates);
        command.Parameters.AddWithValue("$r", state.RewardSum);
        command.Parameters.AddWithValue("$now", state.UpdatedMs);
    }
}
