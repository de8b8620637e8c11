using Encore.Models.Contract;

namespace Encore.Models.Training;

/// <summary>
/// The per-model <c>input</c> setting (<c>--set input=binary</c>, <c>ease(input=binary)</c> in a funnel's generators or a
/// blend's components): which values one model trains on, on top of the values the data's confidence transform
/// (<c>data.confidence</c>) gave every model. Read by the trainer catalogs for every model they create, so it is spelled
/// and behaves the same for all of them (docs/aggregation.md, "Per-model input").
/// </summary>
public static class ModelInput
{
    /// <summary>The setting's key.</summary>
    public const string Key = "input";

    /// <summary>"as-given" (default): the values of data.confidence. "binary": every positive value 1, others unchanged.</summary>
    public static IReadOnlyList<string> Values { get; } = ["as-given", "binary"];

    /// <summary>The entry of help listings: key, allowed values, default.</summary>
    public static ModelSetting Setting { get; } = new(Key, string.Join('|', Values), Values[0]);

    /// <summary>
    /// Takes the <c>input</c> key out of <paramref name="settings"/> (matched as every key: case, '-' and '_' ignored), makes
    /// the trainer from the rest with <paramref name="create"/>, and wraps it in <see cref="BinaryInputTrainer"/> for "binary".
    /// </summary>
    /// <exception cref="ArgumentException">An input value other than as-given or binary.</exception>
    public static IRecommenderTrainer Apply(string model, IReadOnlyDictionary<string, string>? settings, Func<IReadOnlyDictionary<string, string>?, IRecommenderTrainer> create)
    {
        if (settings is null) return create(settings);
        string? value = null;
        var rest = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, text) in settings)
        {
            if (SettingNames.Loose(key) == Key) value = text;
            else rest[key] = text;
        }
        if (value is null) return create(settings);
        return SettingNames.Loose(value) switch
        {
            "asgiven" => create(rest),
            "binary" => new BinaryInputTrainer(create(rest)),
            _ => throw new ArgumentException($"setting 'input={value}' for model {model}: expected {string.Join(" or ", Values)}."),
        };
    }
}
