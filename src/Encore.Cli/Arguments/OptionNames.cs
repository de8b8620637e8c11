using Encore.Core.Errors;

namespace Encore.Cli.Arguments;

/// <summary>
/// Option records validate with their property names ("Rounds must be > 0 (got 0)", "ValidationUsers must be > 0"),
/// which a user never typed. A command runs its body through <see cref="Translate"/> with the property -> option
/// table of what it binds, so the same failure reads "--rounds must be > 0 (got 0)" or
/// "protocol.validation-users must be > 0 (got 0)".
/// </summary>
internal static class OptionNames
{
    /// <summary>Runs <paramref name="body"/>; an <see cref="ArgumentException"/> whose message starts with a property of
    /// <paramref name="names"/> is thrown again with the option's name in its place (other failures pass unchanged).</summary>
    public static int Translate(Func<int> body, params (string Property, string Option)[] names)
    {
        try
        {
            return body();
        }
        catch (ArgumentException e) when (Rename(Guard.PlainMessage(e), names) is { } message)
        {
            throw new ArgumentException(message, e);
        }
    }

    /// <summary>The message with its leading property name replaced by the option's, or null when it starts with none.</summary>
    internal static string? Rename(string message, IReadOnlyList<(string Property, string Option)> names)
    {
        foreach (var (property, option) in names)
            if (message.StartsWith(property + " ", StringComparison.Ordinal)) return option + message[property.Length..];
        return null;
    }
}
