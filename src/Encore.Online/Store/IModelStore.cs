using Encore.Online.Registry;

namespace Encore.Online.Store;

/// <summary>The model registry's tables: names with an active version, and numbered versions per name.</summary>
public interface IModelStore
{
    /// <summary>Adds the next version (1, 2, ... per name, distinct under concurrent writers) and returns it.</summary>
    /// <param name="name">Model name.</param>
    /// <param name="path">Absolute path of the file where it was registered.</param>
    /// <param name="kind">Model kind from the file header.</param>
    /// <param name="evaluationRunId">Evaluation run that measured the file, if any.</param>
    /// <param name="note">Free text.</param>
    /// <param name="contentHash">SHA-256 of the file (<see cref="ModelContentHash"/>); null only for callers that cannot read it.</param>
    ModelVersionInfo Register(string name, string path, string kind, string? evaluationRunId, string? note, string? contentHash = null);

    /// <summary>Marks <paramref name="version"/> as the active version of <paramref name="name"/>.</summary>
    /// <returns>Number of rows changed (0 when the name is unknown).</returns>
    int SetActive(string name, int version);

    /// <summary>Every version (of one name, or of all names), ordered by name then version.</summary>
    List<ModelVersionInfo> Versions(string? name = null);
}
