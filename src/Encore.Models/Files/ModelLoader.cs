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

    /// <summary>Reads a model file of any registered kind.</summary>
    /// <exception cref="ModelFormatException">Missing, foreign, truncated, corrupt, newer or of an unknown kind; the message names the file.</exception>
    public static IRecommender Load(string path)
    {
        ModelCatalog.EnsureRegistered();
        var (name, payload) = ModelFile.Open(path);
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
