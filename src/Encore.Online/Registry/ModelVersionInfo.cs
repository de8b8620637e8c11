namespace Encore.Online.Registry;

/// <summary>One registered model file: a version of a named model.</summary>
/// <param name="Name">Model name (the serving slot), e.g. "main".</param>
/// <param name="Version">1, 2, ... per name.</param>
/// <param name="Path">Absolute path of the model file.</param>
/// <param name="Kind">Model kind from the file header ("als", "item-knn", ...).</param>
/// <param name="EvaluationRunId">Id of the evaluation run that measured this file, if any.</param>
/// <param name="Note">Free text (retraining writes its holdout comparison here).</param>
/// <param name="RegisteredMs">Unix milliseconds of registration.</param>
/// <param name="IsActive">True for the version that serves the name now.</param>
/// <param name="ContentHash">SHA-256 of the file's bytes, 64 lowercase hex characters (<see cref="ModelContentHash"/>); null for versions registered before hashes were recorded.</param>
public sealed record ModelVersionInfo(string Name, int Version, string Path, string Kind, string? EvaluationRunId, string? Note, long RegisteredMs, bool IsActive,
    string? ContentHash = null);
