namespace Encore.Server.Http;

/// <summary>
/// A request stopped because the server is shutting down and the grace period (server.shutdown_grace_seconds) would
/// end before it finished; answered 503 with Retry-After (<see cref="ProblemExceptionHandler"/>). Nothing it would
/// have changed was changed.
/// </summary>
public sealed class ServerStoppingException : Exception
{
    public ServerStoppingException() { }

    public ServerStoppingException(string message) : base(message) { }

    public ServerStoppingException(string message, Exception? inner) : base(message, inner) { }

    /// <summary>The 503 of a retrain that a shutdown stopped before the end of its grace period (single process or cluster).</summary>
    public static ServerStoppingException RetrainStopped(string? name, TimeSpan grace, Exception? inner = null) =>
        new(RetrainStoppedMessage(name, grace), inner);

    /// <summary>The message of <see cref="RetrainStopped"/> (a grain sends it to the calling silo, which throws it again).</summary>
    public static string RetrainStoppedMessage(string? name, TimeSpan grace) =>
        $"The server is shutting down and stopped this retrain of '{name ?? "the default model"}' before the end of its " +
        $"{grace.TotalSeconds:0} s grace period (server.shutdown_grace_seconds); nothing was changed: the active model and the stored " +
        "feedback are as before. Send the retrain again once the server is back.";
}
