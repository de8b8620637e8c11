using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Encore.Core.Errors;

/// <summary>Argument checks that throw <see cref="ArgumentException"/> subtypes naming the parameter.</summary>
public static class Guard
{
    public static void Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0) ThrowOutOfRange(name, value, "must be > 0");
    }

    public static void NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 0) ThrowOutOfRange(name, value, "must be >= 0");
    }

    public static void Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value > 0)) ThrowOutOfRange(name, value, "must be > 0");
    }

    public static void NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value >= 0)) ThrowOutOfRange(name, value, "must be >= 0");
    }

    public static void InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value >= min && value <= max)) ThrowOutOfRange(name, value, $"must be in [{min}, {max}]");
    }

    public static void InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < min || value > max) ThrowOutOfRange(name, value, $"must be in [{min}, {max}]");
    }

    public static void SameLength(int a, int b, string what)
    {
        if (a != b) throw new ArgumentException($"{what}: lengths differ ({a} vs {b}).");
    }

    [DoesNotReturn]
    private static void ThrowOutOfRange(string? name, object value, string rule) =>
        throw new ArgumentOutOfRangeException(name, value, $"{name} {rule} (got {value}).");

    /// <summary>
    /// The message of an argument exception without the runtime's suffixes (" (Parameter 'x')" and
    /// "Actual value was ..."), for messages shown to users; other exceptions' messages are returned as they are.
    /// Only the suffixes at the end are cut: a message that quotes another exception's message (an Npgsql setting's
    /// "Couldn't set bogus (Parameter 'bogus')" inside Encore's own) used to be cut at the quoted one, mid-sentence.
    /// </summary>
    public static string PlainMessage(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        if (exception is not ArgumentException) return message;
        var actual = message.LastIndexOf("Actual value was", StringComparison.Ordinal);
        if (actual >= 0 && message.IndexOf('\n', actual) < 0 && actual > 0 && message[actual - 1] == '\n') message = message[..actual].TrimEnd();
        var cut = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut >= 0 && message.EndsWith("')", StringComparison.Ordinal) && message.IndexOf('\'', cut + 13) == message.Length - 2) message = message[..cut];
        return message.TrimEnd();
    }
}
