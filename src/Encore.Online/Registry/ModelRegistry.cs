using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Encore.Core.Errors;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Online.Store;

namespace Encore.Online.Registry;

/// <summary>
/// Named models with numbered versions (stored in the online store) and one active, loaded version per name.
/// <see cref="Activate(string, int)"/> loads the file first and then swaps one reference atomically
/// (<see cref="Interlocked.Exchange{T}(ref T, T)"/>): requests already running keep the model they took,
/// new requests get the new one, nobody waits. Every version records its file's SHA-256 (<see cref="ModelContentHash"/>)
/// and is loaded only from bytes with that hash (<see cref="ModelFileResolver"/>); on a store that keeps model bytes
/// (PostgreSQL) registration also uploads them, so every process on the store can load every version.
/// </summary>
public sealed partial class ModelRegistry
{
    private readonly IModelStore _repository;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly Lock _activation = new();
    private readonly ModelFileResolver _files;

    /// <param name="repository">The registry's tables.</param>
    /// <param name="time">Clock (default system).</param>
    /// <param name="cacheDirectory">
    /// This process's own copy of every version it loads, by content hash (default "models/by-hash"): copied from the
    /// registered path or fetched from the store, and served from there, so a registered file rewritten in place never
    /// changes a mapped model under a request.
    /// </param>
    public ModelRegistry(IModelStore repository, TimeProvider? time = null, string? cacheDirectory = null)
    {
        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
        _time = time ?? TimeProvider.System;
        _files = new ModelFileResolver(repository, cacheDirectory ?? Path.Combine("models", "by-hash"));
    }

    /// <summary>Raised after a version's bytes were fetched from the shared store into the local cache (version, cache path).</summary>
    public event Action<ModelVersionInfo, string>? Fetched
    {
        add => _files.Fetched += value;
        remove => _files.Fetched -= value;
    }

    /// <summary>Raised after a swap (new model, previous model or null).</summary>
    public event Action<ServingModel, ServingModel?>? Activated;

    /// <summary>True when at least one name has an active model (readiness).</summary>
    public bool HasActive => _slots.Values.Any(s => Volatile.Read(ref s.Current) is not null);

    /// <summary>The active models, one per name.</summary>
    public IReadOnlyList<ServingModel> ActiveModels => [.. _slots.Values.Select(s => Volatile.Read(ref s.Current)).OfType<ServingModel>()];

    /// <summary>The active model of <paramref name="name"/>, or null.</summary>
    public ServingModel? Active(string name) => _slots.TryGetValue(name, out var slot) ? Volatile.Read(ref slot.Current) : null;

    /// <summary>
    /// The version of <paramref name="name"/> the store marks active, loaded here when this process does not serve it (another
    /// process or silo activated it in the shared store): what a retrain must beat. It is not made this process's active
    /// model. Null when no version is active.
    /// </summary>
    /// <exception cref="OnlineRequestException">The active version's file cannot be loaded (409).</exception>
    public ServingModel? ActiveInStore(string name)
    {
        var info = _repository.Versions(name).LastOrDefault(v => v.IsActive);
        if (info is null) return null;
        if (Active(name) is { } loaded && loaded.Version == info.Version) return loaded;
        return new ServingModel(info.Name, info.Version, info.Path, Load(info), _time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>The active model of <paramref name="name"/>; a clear request error when there is none.</summary>
    public ServingModel Require(string name) => Active(name) ?? throw (_repository.Versions(name).Count == 0
        ? OnlineRequestException.NotFound("model", $"No model named '{name}' is registered (see GET /api/models).")
        : OnlineRequestException.Conflict("model", $"Model '{name}' has no active version; activate one first."));

    public IReadOnlyList<ModelVersionInfo> List(string? name = null) => _repository.Versions(name);

    /// <summary>
    /// Registers a model file as the next version of <paramref name="name"/> (the file is checked, not loaded into
    /// serving) with its content hash; a store that keeps model bytes receives them first.
    /// </summary>
    public ModelVersionInfo Register(string name, string path, string? evaluationRunId = null, string? note = null)
    {
        CheckName(name);
        if (string.IsNullOrWhiteSpace(path)) throw OnlineRequestException.Invalid("path", "is empty; expected the path of a model file.");
        var full = Path.GetFullPath(path);
        string kind;
        string hash;
        try
        {
            kind = ModelFile.Verify(full);
            hash = ModelContentHash.OfFile(full);
            if (_repository is IModelBlobStore blobs && !blobs.HasBlob(hash)) blobs.PutBlob(hash, full);
        }
        catch (ModelFormatException ex)
        {
            throw OnlineRequestException.Invalid("path", ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw OnlineRequestException.Invalid("path", $"{full}: cannot read the model file ({ex.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)}).");
        }
        catch (ArgumentException ex)
        {
            throw OnlineRequestException.Invalid("path", ex.Message);
        }
        return _repository.Register(name, full, kind, evaluationRunId, note, hash);
    }

    /// <summary>
    /// The newest version of <paramref name="name"/> registered from <paramref name="path"/> when the file there still
    /// has its content hash, else a new registration (start-up preloads, promotions). Versions registered since (a
    /// retrain) do not hide it: a restart with the same file reuses its version instead of registering it again.
    /// </summary>
    public ModelVersionInfo RegisterOrReuse(string name, string path)
    {
        var full = Path.GetFullPath(path);
        var latest = _repository.Versions(name).LastOrDefault(v => v.Path == full);
        var same = latest is not null && (latest.ContentHash is null || latest.ContentHash == ModelContentHash.OfFileIfPresent(full));
        return same ? latest! : Register(name, full);
    }

    /// <summary>Loads version <paramref name="version"/> of <paramref name="name"/> and makes it the active one.</summary>
    public ServingModel Activate(string name, int version)
    {
        var info = _repository.Versions(name).FirstOrDefault(v => v.Version == version)
            ?? throw OnlineRequestException.NotFound("version", $"Model '{name}' has no version {version}.");
        return Swap(info, Load(info));
    }

    private IRecommender Load(ModelVersionInfo info)
    {
        var path = _files.Resolve(info);
        try
        {
            return ModelLoader.Load(path);
        }
        catch (ModelFormatException ex)
        {
            throw OnlineRequestException.Conflict("version", $"Version {info.Version} of '{info.Name}' cannot be loaded: {ex.Message}");
        }
    }

    /// <summary>Activates a registered version whose model is already in memory (retraining).</summary>
    public ServingModel Activate(ModelVersionInfo info, IRecommender loaded) => Swap(info ?? throw new ArgumentNullException(nameof(info)), loaded);

    /// <summary>
    /// Makes this process serve what the shared store marks active, without writing the store: each name whose
    /// active version differs from the loaded one is loaded and swapped in. Several processes on one PostgreSQL
    /// store call it periodically, so an activation on one reaches all (docs/deployment.md).
    /// </summary>
    /// <returns>The models swapped in by this call (empty when nothing changed).</returns>
    /// <exception cref="OnlineRequestException">A version marked active cannot be loaded (no file with its content hash here or in the store, or corrupt).</exception>
    public IReadOnlyList<ServingModel> FollowStore()
    {
        var swapped = new List<ServingModel>();
        foreach (var info in _repository.Versions().Where(v => v.IsActive))
        {
            if (Active(info.Name)?.Version == info.Version) continue;
            swapped.Add(Swap(info, Load(info), record: false));
        }
        return swapped;
    }

    /// <summary>Loads every version marked active in the store (start-up).</summary>
    public void LoadActive()
    {
        foreach (var info in _repository.Versions().Where(v => v.IsActive)) Activate(info.Name, info.Version);
    }

    private ServingModel Swap(ModelVersionInfo info, IRecommender model, bool record = true)
    {
        var serving = new ServingModel(info.Name, info.Version, info.Path, model, _time.GetUtcNow().ToUnixTimeMilliseconds());
        ServingModel? previous;
        // The lock only orders concurrent activations (store row and slot agree); readers never take it.
        lock (_activation)
        {
            if (record) _repository.SetActive(info.Name, info.Version);
            var slot = _slots.GetOrAdd(info.Name, _ => new Slot());
            previous = Interlocked.Exchange(ref slot.Current, serving);
        }
        Activated?.Invoke(serving, previous);
        return serving;
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name))
            throw OnlineRequestException.Invalid("name", $"'{name}' is not a valid model name; use 1-64 letters, digits, '.', '_' or '-'.");
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();

    private sealed class Slot
    {
        public ServingModel? Current;
    }
}
