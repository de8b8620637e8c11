using System.Globalization;
using Microsoft.Extensions.Configuration;
using Tomlyn;
using Tomlyn.Model;

namespace Encore.Server.Configuration;

/// <summary>
/// Reads a TOML file into configuration keys: tables become sections, arrays get indices, and underscores
/// are dropped from keys so that <c>max_k</c> binds to <c>MaxK</c> (binding ignores case). A syntax error
/// names the file, line and column.
/// </summary>
public sealed class TomlConfigurationSource(string path) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(path);

    private sealed class Provider(string path) : ConfigurationProvider
    {
        public override void Load()
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"Configuration file '{path}' does not exist.", path);
            TomlTable table;
            try
            {
                table = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(path), new TomlSerializerOptions { SourceName = path })!;
            }
            catch (TomlException ex)
            {
                throw new InvalidDataException($"{path}: line {ex.Line}, column {ex.Column}: {ex.Message}", ex);
            }
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            Flatten(table, "", data);
            Data = data;
        }

        private static void Flatten(object? value, string prefix, Dictionary<string, string?> data)
        {
            switch (value)
            {
                case TomlTable table:
                    foreach (var (key, child) in table) Flatten(child, Join(prefix, KeyName(key)), data);
                    break;
                case TomlTableArray tables:
                    for (var i = 0; i < tables.Count; i++) Flatten(tables[i], Join(prefix, Index(i)), data);
                    break;
                case TomlArray array:
                    for (var i = 0; i < array.Count; i++) Flatten(array[i], Join(prefix, Index(i)), data);
                    break;
                case bool b:
                    data[prefix] = b ? "true" : "false";
                    break;
                case IFormattable f:
                    data[prefix] = f.ToString(null, CultureInfo.InvariantCulture);
                    break;
                default:
                    data[prefix] = value?.ToString();
                    break;
            }
        }

        private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

        private static string Join(string prefix, string key) => prefix.Length == 0 ? key : prefix + ConfigurationPath.KeyDelimiter + key;
    }

    /// <summary>snake_case to the bound property's spelling (binding is case-insensitive).</summary>
    internal static string KeyName(string key) => key.Replace("_", "", StringComparison.Ordinal);
}
