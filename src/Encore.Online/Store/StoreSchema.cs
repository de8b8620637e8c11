namespace Encore.Online.Store;

/// <summary>The tables of the embedded store (created if missing; every column documented in docs/service.md).</summary>
internal static class StoreSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS models (
            name TEXT PRIMARY KEY,
            active_version INTEGER,
            activated_ms INTEGER);
        CREATE TABLE IF NOT EXISTS model_versions (
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            path TEXT NOT NULL,
            kind TEXT NOT NULL,
            evaluation_run_id TEXT,
            note TEXT,
            registered_ms INTEGER NOT NULL,
            content_hash TEXT,
            PRIMARY KEY (name, version));
        CREATE TABLE IF NOT EXISTS events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            client_event_id TEXT UNIQUE,
            user_id TEXT NOT NULL,
            track_id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            timestamp_ms INTEGER NOT NULL,
            value REAL,
            session TEXT,
            received_ms INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS events_by_user ON events(user_id);
        CREATE TABLE IF NOT EXISTS users (
            user_id TEXT PRIMARY KEY,
            attributes TEXT,
            updated_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS tracks (
            track_id TEXT PRIMARY KEY,
            title TEXT,
            artist TEXT,
            album TEXT,
            genres TEXT,
            duration_ms INTEGER,
            updated_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            key TEXT PRIMARY KEY,
            scope TEXT NOT NULL,
            created_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS bandit_states (
            user_id TEXT NOT NULL,
            space TEXT NOT NULL,
            dimension INTEGER NOT NULL,
            regularization REAL NOT NULL,
            inverse BLOB NOT NULL,
            b BLOB NOT NULL,
            updates INTEGER NOT NULL,
            reward_sum REAL NOT NULL,
            updated_ms INTEGER NOT NULL,
            PRIMARY KEY (user_id, space));
        CREATE TABLE IF NOT EXISTS bandit_choices (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id TEXT NOT NULL,
            space TEXT NOT NULL,
            track_id TEXT NOT NULL,
            vector BLOB NOT NULL,
            policy TEXT NOT NULL,
            value REAL NOT NULL,
            uncertainty REAL NOT NULL,
            pool_size INTEGER NOT NULL,
            round INTEGER NOT NULL,
            served_ms INTEGER NOT NULL,
            reward REAL,
            feedback TEXT,
            rewarded_ms INTEGER);
        CREATE INDEX IF NOT EXISTS bandit_choices_by_user ON bandit_choices(user_id, track_id, id);
        CREATE TABLE IF NOT EXISTS experiments (
            name TEXT PRIMARY KEY,
            salt TEXT NOT NULL,
            variants TEXT NOT NULL,
            state TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            started_ms INTEGER,
            stopped_ms INTEGER,
            promoted_variant TEXT);
        CREATE TABLE IF NOT EXISTS experiment_lists (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            list_id TEXT NOT NULL UNIQUE,
            experiment TEXT NOT NULL,
            variant TEXT NOT NULL,
            user_id TEXT NOT NULL,
            served_ms INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS experiment_lists_by_experiment ON experiment_lists (experiment, variant);
        CREATE TABLE IF NOT EXISTS experiment_impressions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            list_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            track_id TEXT NOT NULL,
            served_ms INTEGER NOT NULL,
            outcome INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS experiment_impressions_by_user ON experiment_impressions (user_id, track_id, served_ms);
        CREATE INDEX IF NOT EXISTS experiment_impressions_by_list ON experiment_impressions (list_id, position);
        """;

    /// <summary>Columns added after a table was first shipped: (table, column, definition), added on open when missing.</summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("model_versions", "content_hash", "TEXT"),
    ];
}
