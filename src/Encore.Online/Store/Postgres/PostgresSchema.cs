namespace Encore.Online.Store.Postgres;

/// <summary>
/// The online store's tables in PostgreSQL (schema component "online"), the same columns as the SQLite store
/// (docs/service.md) with PostgreSQL types. Step i creates version i + 1; a new step is appended, never edited.
/// </summary>
internal static class PostgresSchema
{
    public const string Component = "online";

    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE IF NOT EXISTS models (
            name TEXT PRIMARY KEY,
            active_version INTEGER,
            activated_ms BIGINT);
        CREATE TABLE IF NOT EXISTS model_versions (
            name TEXT NOT NULL REFERENCES models (name),
            version INTEGER NOT NULL,
            path TEXT NOT NULL,
            kind TEXT NOT NULL,
            evaluation_run_id TEXT,
            note TEXT,
            registered_ms BIGINT NOT NULL,
            PRIMARY KEY (name, version));
        CREATE TABLE IF NOT EXISTS events (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            client_event_id TEXT UNIQUE,
            user_id TEXT NOT NULL,
            track_id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            timestamp_ms BIGINT NOT NULL,
            value DOUBLE PRECISION,
            session TEXT,
            received_ms BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS events_by_user ON events (user_id, seq);
        CREATE TABLE IF NOT EXISTS users (
            user_id TEXT PRIMARY KEY,
            attributes TEXT,
            updated_ms BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS tracks (
            track_id TEXT PRIMARY KEY,
            title TEXT,
            artist TEXT,
            album TEXT,
            genres TEXT,
            duration_ms BIGINT,
            updated_ms BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            key TEXT PRIMARY KEY,
            scope TEXT NOT NULL,
            created_ms BIGINT NOT NULL);
        """,
        """
        CREATE TABLE IF NOT EXISTS bandit_states (
            user_id TEXT NOT NULL,
            space TEXT NOT NULL,
            dimension INTEGER NOT NULL,
            regularization DOUBLE PRECISION NOT NULL,
            inverse BYTEA NOT NULL,
            b BYTEA NOT NULL,
            updates BIGINT NOT NULL,
            reward_sum DOUBLE PRECISION NOT NULL,
            updated_ms BIGINT NOT NULL,
            PRIMARY KEY (user_id, space));
        CREATE TABLE IF NOT EXISTS bandit_choices (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            user_id TEXT NOT NULL,
            space TEXT NOT NULL,
            track_id TEXT NOT NULL,
            vector BYTEA NOT NULL,
            policy TEXT NOT NULL,
            value DOUBLE PRECISION NOT NULL,
            uncertainty DOUBLE PRECISION NOT NULL,
            pool_size INTEGER NOT NULL,
            round BIGINT NOT NULL,
            served_ms BIGINT NOT NULL,
            reward DOUBLE PRECISION,
            feedback TEXT,
            rewarded_ms BIGINT);
        CREATE INDEX IF NOT EXISTS bandit_choices_by_user ON bandit_choices (user_id, track_id, id);
        """,
        // Version 3: content hashes of model versions and the model bytes by hash (models distributed through the store).
        """
        ALTER TABLE model_versions ADD COLUMN IF NOT EXISTS content_hash TEXT;
        CREATE TABLE IF NOT EXISTS model_blobs (
            content_hash TEXT PRIMARY KEY,
            size BIGINT NOT NULL,
            bytes BYTEA NOT NULL,
            stored_ms BIGINT NOT NULL);
        """,
        // Version 4: A/B experiments, their served lists and each shown track with its outcome.
        """
        CREATE TABLE IF NOT EXISTS experiments (
            name TEXT PRIMARY KEY,
            salt TEXT NOT NULL,
            variants TEXT NOT NULL,
            state TEXT NOT NULL,
            created_ms BIGINT NOT NULL,
            started_ms BIGINT,
            stopped_ms BIGINT,
            promoted_variant TEXT);
        CREATE TABLE IF NOT EXISTS experiment_lists (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            list_id TEXT NOT NULL UNIQUE,
            experiment TEXT NOT NULL,
            variant TEXT NOT NULL,
            user_id TEXT NOT NULL,
            served_ms BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS experiment_lists_by_experiment ON experiment_lists (experiment, variant);
        CREATE TABLE IF NOT EXISTS experiment_impressions (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            list_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            track_id TEXT NOT NULL,
            served_ms BIGINT NOT NULL,
            outcome INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS experiment_impressions_by_user ON experiment_impressions (user_id, track_id, served_ms);
        CREATE INDEX IF NOT EXISTS experiment_impressions_by_list ON experiment_impressions (list_id, position);
        """,
    ];
}
