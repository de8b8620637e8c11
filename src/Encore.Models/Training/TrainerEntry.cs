using System.Diagnostics.CodeAnalysis;
using Encore.Models.Contract;

namespace Encore.Models.Training;

/// <summary>One trainable model of a catalog: its name, its options record type (kept for the options binder, also
/// under Native AOT trimming) and how a trainer is made from string settings.</summary>
/// <param name="Name">Model name as typed on the command line, e.g. "item-knn".</param>
/// <param name="Options">The *Options record type (its public properties are the settable keys).</param>
/// <param name="Create">Binds the settings over the defaults and makes the trainer.</param>
internal sealed record TrainerEntry(
    string Name,
    [DynamicallyAccessedMembers(OptionsBinder.Members)][property: DynamicallyAccessedMembers(OptionsBinder.Members)] Type Options,
    Func<IReadOnlyDictionary<string, string>?, IRecommenderTrainer> Create)
{
    /// <summary>An entry whose settings bind to <typeparamref name="T"/>, passed to <paramref name="create"/>; the per-model
    /// <c>input</c> setting (<see cref="ModelInput"/>) is read here, for every model alike.</summary>
    public static TrainerEntry Of<[DynamicallyAccessedMembers(OptionsBinder.Members)] T>(string name, Func<T, IRecommenderTrainer> create)
        where T : ModelOptions, new() =>
        new(name, typeof(T), settings => ModelInput.Apply(name, settings, rest => create(OptionsBinder.Bind<T>(name, rest))));

    /// <summary>The entry named <paramref name="name"/> (case-insensitive, trimmed).</summary>
    /// <exception cref="ArgumentException">No entry has that name; the message lists the known names and <paramref name="hint"/>.</exception>
    public static TrainerEntry Find(IReadOnlyList<TrainerEntry> entries, string name, string hint = "")
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var entry in entries)
            if (string.Equals(entry.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)) return entry;
        throw new ArgumentException($"unknown model '{name}'; known models: {string.Join(", ", entries.Select(e => e.Name))}.{hint}");
    }
}
