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
}
