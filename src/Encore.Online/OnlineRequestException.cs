namespace Encore.Online;

/// <summary>What kind of caller mistake an <see cref="OnlineRequestException"/> reports (hosts map it to a status code).</summary>
public enum RequestProblem
{
    /// <summary>A field is missing, malformed or out of range.</summary>
    Invalid,
    /// <summary>A named model, version, user or track does not exist.</summary>
    NotFound,
    /// <summary>The request conflicts with the current state (e.g. no active model).</summary>
    Conflict,
}

/// <summary>
/// A request the serving layer refuses, naming the field and what was expected. Hosts turn it into a
/// 4xx answer (ProblemDetails in the server, one line in the CLI); it never means a bug.
/// </summary>
public sealed class OnlineRequestException : Exception
{
    public OnlineRequestException(RequestProblem problem, string field, string message)
        : base(message)
    {
        Problem = problem;
        Field = field;
    }

    public OnlineRequestException()
    {
    }

    public OnlineRequestException(string message) : base(message)
    {
    }

    public OnlineRequestException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public RequestProblem Problem { get; }

    /// <summary>The request field at fault ("k", "events[3].kind"), or empty when the whole request is.</summary>
    public string Field { get; } = "";

    /// <summary>Errors per field when several were found at once (batch validation).</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    public static OnlineRequestException Invalid(string field, string message) => new(RequestProblem.Invalid, field, message);

    public static OnlineRequestException NotFound(string field, string message) => new(RequestProblem.NotFound, field, message);

    public static OnlineRequestException Conflict(string field, string message) => new(RequestProblem.Conflict, field, message);
}
