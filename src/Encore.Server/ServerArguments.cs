namespace Encore.Server;

/// <summary>
/// The server's own command-line options, taken out before ASP.NET sees the rest: <c>--config file</c>
/// (TOML or JSON) and <c>--model [name=]file</c> (repeatable). Everything else (e.g. <c>--urls</c>) is
/// passed on as configuration.
/// </summary>
public sealed record ServerArguments(string? ConfigFile, IReadOnlyList<string> Models, string[] Rest)
{
    public static ServerArguments Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? config = null;
        var models = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = Split(args[i]);
            if (name is "--config" or "--model")
            {
                var value = inline ?? (i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value."));
                if (name == "--config") config = value;
                else models.Add(value);
            }
            else rest.Add(args[i]);
        }
        return new ServerArguments(config, models, [.. rest]);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 2 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }
}
