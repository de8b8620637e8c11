using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Encore.Server.Configuration;

/// <summary>
/// ENCORE_* environment variables: <c>ENCORE_SERVING__MAX_K=50</c> sets serving.max_k (double underscore
/// between levels, single underscores inside a name as in the TOML file).
/// </summary>
public sealed class EncoreEnvironmentSource(IDictionary? variables = null) : IConfigurationSource
{
    public const string Prefix = "ENCORE_";

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(variables);

    private sealed class Provider(IDictionary? variables) : ConfigurationProvider
    {
        public override void Load()
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in variables ?? Environment.GetEnvironmentVariables())
            {
                var name = (string)entry.Key;
                if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || name.Length == Prefix.Length) continue;
                var parts = name[Prefix.Length..].Split("__");
                data[string.Join(ConfigurationPath.KeyDelimiter, parts.Select(TomlConfigurationSource.KeyName))] = entry.Value as string;
            }
            Data = data;
        }
    }
}
