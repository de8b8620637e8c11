using System.Diagnostics.CodeAnalysis;

namespace Encore.Core.Errors;

/// <summary>Cold throw paths kept out of hot methods so they stay small and inlinable.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void IndexOutOfRange(string what, int index, int count) =>
        throw new ArgumentOutOfRangeException(what, index, $"{what} {index} is outside [0, {count}).");

    [DoesNotReturn]
    public static void Argument(string message) => throw new ArgumentException(message);
}
