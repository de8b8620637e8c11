using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Files;

/// <summary>Loads any model file by dispatching on the model name in its header to the model's own reader.</summary>
public static class ModelLoader
{
    private static readonly Dictionary<string, Func<ModelReader, IRecommender>> Readers = new(StringComparer.Ordinal);

    /// <summary>Registers how to read a model kind; each model registers itself in <see cref="ModelCatalog"/>.</summary>
    public static void Register(string modelName, Func<ModelReader, IRecommender> read)
    {
        lock (Readers) Readers[modelName] = read;
    }

    /// <summary>The registered reader of a model kind (for composite models that nest others).</summary>
    /// <exception cref="ModelFormatException">Unknown kind.</exception>
    internal static Func<ModelReader, IRecommender> ReaderFor(string modelName)
    {
        ModelCatalog.EnsureRegistered();
        lock (Readers)
            return Readers.TryGetValue(modelName, out var read) ? read
                : throw new ModelFormatException($"unknown nested model kind '{modelName}' (known: {string.Join(", ", Readers.Keys.Order())}).");
    }

    /// <summary>Reads a model file of any registered kind, serving its large arrays from a read-only mapping (<see cref="ModelFileAccess.Map"/>).</summary>
    /// <exception cref="ModelFormatException">Missing, foreign, truncated, corrupt, newer or of an unknown kind; the message names the file.</exception>
    public static IRecommender Load(string path) => Load(path, ModelFileAccess.Map);

    /// <summary>
    /// Reads a model file of any registered kind. With <see cref="ModelFileAccess.Map"/> the checksum is verified by
    /// streaming the file once and the file is then mapped read-only: the arrays a model reads with
    /// <see cref="ModelReader.ReadModelArray{T}"/> (EASE weights, factor matrices) are views of the mapping, which lives
    /// as long as the model (or until the model is disposed); a model that keeps no view releases the mapping at once.
    /// With <see cref="ModelFileAccess.Read"/> the whole file is read into managed memory. Both give identical scores.
    /// </summary>
    /// <exception cref="ModelFormatException">Missing, foreign, truncated, corrupt, newer or of an unknown kind; the message names the file.</exception>
    public static IRecommender Load(string path, ModelFileAccess access)
    {
        ModelCatalog.EnsureRegistered();
        if (access == ModelFileAccess.Read)
        {
            var (kind, bytes) = ModelFile.Open(path);
            return Read(path, kind, bytes);
        }
        var (name, payload, mapping) = ModelFile.OpenMapped(path);
        try
        {
            var model = Read(path, name, payload);
            if (payload.MappedArrays == 0) mapping.Dispose();
            return model;
        }
        catch
        {
            mapping.Dispose();
            throw;
        }
    }

    private static IRecommender Read(string path, string name, ModelReader payload)
    {
        Func<ModelReader, IRecommender>? read;
        lock (Readers) Readers.TryGetValue(name, out read);
        if (read is null) throw new ModelFormatException($"{path}: unknown model kind '{name}' (known: {string.Join(", ", Readers.Keys.Order())}).");
        try
        {
            var model = read(payload);
            payload.EnsureEnd();
            return model;
        }
        catch (ModelFormatException ex) when (!ex.Message.Contains(path, StringComparison.Ordinal))
        {
            // A reader's own corruption message gets the file named, like every other model-file error.
            throw new ModelFormatException($"{path}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OverflowException or IndexOutOfRangeException or InvalidCastException)
        {
            // A checksum-valid payload whose values a model refuses (a negative neighbour count, mismatched
            // lengths): the file is corrupt or foreign, never a caller error.
            throw new ModelFormatException($"{path}: model file is corrupt: {name} payload is invalid ({Guard.PlainMessage(ex)}).", ex);
        }
    }
}
