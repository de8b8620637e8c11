using System.Text;

namespace Encore.Models.Training;

/// <summary>Spelling rules shared by setting keys and enum values: kebab-case out, loose matching in.</summary>
internal static class SettingNames
{
    /// <summary>"CgSteps" -> "cg-steps", "Bm25K1" -> "bm25-k1", "LeastMisery" -> "least-misery".</summary>
    public static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Lower case without '-', '_' and spaces, so "learning-rate", "learning_rate" and "LearningRate" match.</summary>
    public static string Loose(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
            if (c is not ('-' or '_' or ' ')) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
