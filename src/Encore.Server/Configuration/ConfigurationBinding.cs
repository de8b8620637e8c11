using System.Text.RegularExpressions;
using Encore.Core.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Encore.Server.Configuration;

/// <summary>
/// Binds the configuration tree to <see cref="EncoreServerOptions"/>. A value the binder cannot convert
/// (<c>max_k = "many"</c>, <c>1e309</c> for a whole number) becomes an <see cref="OptionsValidationException"/>
/// naming the option, the value and the expected kind, like every other bad value (exit 1 in
/// <c>encore serve</c>), instead of the binder's text with .NET type names.
/// </summary>
internal static partial class ConfigurationBinding
{
    public static EncoreServerOptions Bind(IConfiguration configuration)
    {
        try
        {
            return configuration.Get<EncoreServerOptions>() ?? new EncoreServerOptions();
        }
        catch (InvalidOperationException ex) when (Conversion().Match(ex.Message) is { Success: true } m)
        {
            var failure = $"{Option(m.Groups["key"].Value)}: '{m.Groups["value"].Value}' is not {Expected(m.Groups["type"].Value)}.";
            throw new OptionsValidationException(nameof(EncoreServerOptions), typeof(EncoreServerOptions), [failure]);
        }
    }

    // The binder's path (Serving:MaxK, Security:ApiKeys:0) in the file's spelling (serving.max_k, security.api_keys.0),
    // as the validator's messages and encore.sample.toml name options.
    internal static string Option(string path) => string.Join('.', path.Split(':').Select(UnknownOptionKeys.SnakeCase));

    private static string Expected(string type) => ValueKindWords.Expected(type, ValueAudience.Configuration);

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'")]
    private static partial Regex Conversion();
}
