namespace Encore.Models.Training;

/// <summary>One settable option of a model: its command-line key (kebab-case), value type and default.</summary>
/// <param name="Key">Key as written in <c>--set key=value</c>, e.g. "cg-steps"; matching ignores case, '-' and '_'.</param>
/// <param name="Type">Value type shown to users: int, number, bool, or the allowed enum names separated by '|'.</param>
/// <param name="Default">The default value in the same spelling a user would type.</param>
public sealed record ModelSetting(string Key, string Type, string Default)
{
    public override string ToString() => $"{Key} ({Type}, default {Default})";
}
