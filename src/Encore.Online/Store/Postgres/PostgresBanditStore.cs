using Npgsql;
using NpgsqlTypes;

namespace Encore.Online.Store.Postgres;

/// <summary>
/// Bandit state and served choices in PostgreSQL (migration step 2 of component "online"). A reward takes a
/// transaction-scoped advisory lock on the user (pg_advisory_xact_lock(hashtext(user))), so two processes never
/// update one user's state from the same starting point.
/// </summary>
public sealed class PostgresBanditStore : IBanditStore
{
    private readonly PostgresStore _store;

    internal PostgresBanditStore(PostgresStore store) => _store = store;

    public BanditStateRecord? LoadState(string user, string space)
    {
        using var connection = _store.Open();
        return Load(connection, user, space);
    }

    public BanditChoiceRecord RecordChoice(BanditChoiceRecord choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return _store.Write(connection =>
        {
            using var command = new NpgsqlCommand("""
                INSERT INTO bandit_choices (user_id, space, track_id, vector, policy, value, uncertainty, pool_size, round, served_ms)
                VALUES (@u, @s, @t, @v, @p, @val, @unc, @pool, @round, @served) RETURNING id;
                """, connection);
            command.Parameters.AddWithValue("u", choice.User);
            command.Parameters.AddWithValue("s", choice.Space);
            command.Parameters.AddWithValue("t", choice.Track);
            command.Parameters.AddWithValue("v", NpgsqlDbType.Bytea, BanditBlobs.Floats(choice.Vector));
            command.Parameters.AddWithValue("p", choice.Policy);
            command.Parameters.AddWithValue("val", (double)choice.Value);
            command.Parameters.AddWithValue("unc", (double)choice.Uncertainty);
            command.Parameters.AddWithValue("pool", choice.PoolSize);
            command.Parameters.AddWithValue("round", choice.Round);
            command.Parameters.AddWithValue("served", choice.ServedMs);
            return choice with { Id = (long)command.ExecuteScalar()! };
        });
    }

    public BanditStateRecord? ApplyReward(string user, string track, double reward, string feedback, Func<BanditStateRecord?, BanditChoiceRecord, BanditStateRecord> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = _store.NowMs;
        return _store.Write(connection =>
        {
            using (var lockUser = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext(@u));", connection))
            {
                lockUser.Parameters.AddWithValue("u", user);
                lockUser.ExecuteNonQuery();
            }
            BanditChoiceRecord? choice;
            using (var find = new NpgsqlCommand($"SELECT {BanditRepository.ChoiceColumns} FROM bandit_choices WHERE user_id = @u AND track_id = @t AND reward IS NULL ORDER BY id DESC LIMIT 1;", connection))
            {
                find.Parameters.AddWithValue("u", user);
                find.Parameters.AddWithValue("t", track);
                using var reader = find.ExecuteReader();
                choice = reader.Read() ? StoreRows.BanditChoice(reader) : null;
            }
            if (choice is null) return null;
            var next = update(Load(connection, user, choice.Space), choice) with { UpdatedMs = now };
            using (var save = new NpgsqlCommand("""
                INSERT INTO bandit_states (user_id, space, dimension, regularization, inverse, b, updates, reward_sum, updated_ms)
                VALUES (@u, @s, @d, @l, @a, @b, @n, @r, @now)
                ON CONFLICT (user_id, space) DO UPDATE SET dimension = excluded.dimension, regularization = excluded.regularization,
                    inverse = excluded.inverse, b = excluded.b, updates = excluded.updates, reward_sum = excluded.reward_sum, updated_ms = excluded.updated_ms;
                """, connection))
            {
                save.Parameters.AddWithValue("u", next.User);
                save.Parameters.AddWithValue("s", next.Space);
                save.Parameters.AddWithValue("d", next.Dimension);
                save.Parameters.AddWithValue("l", next.Regularization);
                save.Parameters.AddWithValue("a", NpgsqlDbType.Bytea, BanditBlobs.Doubles(next.Inverse));
                save.Parameters.AddWithValue("b", NpgsqlDbType.Bytea, BanditBlobs.Doubles(next.B));
                save.Parameters.AddWithValue("n", next.Updates);
                save.Parameters.AddWithValue("r", next.RewardSum);
                save.Parameters.AddWithValue("now", next.UpdatedMs);
                save.ExecuteNonQuery();
            }
            using (var mark = new NpgsqlCommand("UPDATE bandit_choices SET reward = @r, feedback = @f, rewarded_ms = @now WHERE id = @id;", connection))
            {
                mark.Parameters.AddWithValue("r", reward);
                mark.Parameters.AddWithValue("f", feedback);
                mark.Parameters.AddWithValue("now", now);
                mark.Parameters.AddWithValue("id", choice.Id);
                mark.ExecuteNonQuery();
            }
            return next;
        });
    }

    public List<BanditChoiceRecord> Choices(string user, int limit)
    {
        using var connection = _store.Open();
        using var command = new NpgsqlCommand($"SELECT {BanditRepository.ChoiceColumns} FROM bandit_choices WHERE user_id = @u ORDER BY id DESC LIMIT @n;", connection);
        command.Parameters.AddWithValue("u", user);
        command.Parameters.AddWithValue("n", (long)limit);
        using var reader = command.ExecuteReader();
        var result = new List<BanditChoiceRecord>();
        while (reader.Read()) result.Add(StoreRows.BanditChoice(reader));
        result.Reverse();
        return result;
    }

    public List<BanditUserSummary> Users(int limit)
    {
        using var connection = _store.Open();
        using var command = new NpgsqlCommand(BanditRepository.UsersSql.Replace("$n", "@n", StringComparison.Ordinal), connection);
        command.Parameters.AddWithValue("n", (long)limit);
        using var reader = command.ExecuteReader();
        var result = new List<BanditUserSummary>();
        while (reader.Read()) result.Add(new BanditUserSummary(reader.GetString(0), Convert.ToInt64(reader.GetValue(1)), reader.GetDouble(2), reader.GetInt64(3)));
        return result;
    }

    private static BanditStateRecord? Load(NpgsqlConnection connection, string user, string space)
    {
        using var command = new NpgsqlCommand($"SELECT {BanditRepository.StateColumns} FROM bandit_states WHERE user_id = @u AND space = @s;", connection);
        command.Parameters.AddWithValue("u", user);
        command.Parameters.AddWithValue("s", space);
        using var reader = command.ExecuteReader();
        return reader.Read() ? StoreRows.BanditState(reader) : null;
    }
}
