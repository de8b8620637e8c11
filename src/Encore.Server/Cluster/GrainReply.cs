using Encore.Online;

namespace Encore.Server.Cluster;

/// <summary>
/// A grain's answer: the value, or the request problem it raised. <see cref="OnlineRequestException"/> does not cross
/// silos (Orleans rebuilds only exceptions of its known namespaces), so the grain returns the problem and the
/// calling silo throws it again, and the client gets the same 400 / 404 / 409 as from a single process.
/// </summary>
/// <typeparam name="T">The answer's type (serialised with System.Text.Json between silos).</typeparam>
public sealed record GrainReply<T>(T? Value, RequestProblem? Problem = null, string? Field = null, string? Message = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static GrainReply<T> Failed(OnlineRequestException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default, error.Problem, error.Field, error.Message, error.Errors);
    }

    /// <summary>The value, or the grain's request problem thrown again on this silo.</summary>
    /// <exception cref="OnlineRequestException">The grain refused the request.</exception>
    public T Unwrap() => Problem is { } problem
        ? throw new OnlineRequestException(problem, Field ?? "", Message ?? "") { Errors = Errors }
        : Value ?? throw new InvalidOperationException("A grain reply holds neither a value nor a problem.");
}
