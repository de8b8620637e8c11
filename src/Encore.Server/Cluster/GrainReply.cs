using Encore.Online;

namespace Encore.Server.Cluster;

/// <summary>
/// A grain's answer: the value, or the request problem it raised. <see cref="OnlineRequestException"/> does not cross
/// silos (Orleans rebuilds only exceptions of its known namespaces), so the grain returns the problem and the
/// calling silo throws it again, and the client gets the same 400 / 404 / 409 as from a single process.
/// </summary>
/// <typeparam name="T">The answer's type (serialised with System.Text.Json between silos).</typeparam>
public sealed record GrainReply<T>(T? Value, RequestProblem? Problem = null, string? Field = null, string? Message = null,
    IReadOnlyDictionary<string, string[]>? Errors = null, bool Stopping = false)
{
    /// <summary>The grain's silo is shutting down and stopped the work before the end of its grace period (<paramref name="message"/> says what).</summary>
    public static GrainReply<T> Stopped(string message) => new(default, Message: message, Stopping: true);

    public static GrainReply<T> Failed(OnlineRequestException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default, error.Problem, error.Field, error.Message, error.Errors);
    }

    /// <summary>The value, or the grain's request problem (or shutdown) thrown again on this silo.</summary>
    /// <exception cref="OnlineRequestException">The grain refused the request.</exception>
    /// <exception cref="Http.ServerStoppingException">The grain's silo was shutting down and stopped the work (503).</exception>
    public T Unwrap() => Stopping
        ? throw new Http.ServerStoppingException(Message ?? "The server is shutting down.")
        : Problem is { } problem
        ? throw new OnlineRequestException(problem, Field ?? "", Message ?? "") { Errors = Errors }
        : Value ?? throw new InvalidOperationException("A grain reply holds neither a value nor a problem.");
}
